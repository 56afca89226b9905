"""Python's own error messages (and the wire's) in the student's language: the common ones translated, any other quoted.

A student reads "falta ':'" where Python says "expected ':'". Each rule matches one of CPython's (or
NumPy's, or PyTorch's) messages as a whole; its groups are quoted names, numbers or shapes, copied over.
A message no rule knows stays as Python wrote it, quoted, after a Spanish lead-in: never a sentence that
mixes the two languages.
"""

from __future__ import annotations

import re

from ..text import Text

_Q = r"('[^']*'|\"[^\"]*\")"  # a quoted name as Python quotes it
_DID_YOU_MEAN = re.compile(r"^(?P<body>.*?)\.? ?(?:Did you mean:? (?P<alt>.+?)\??|Perhaps you forgot a comma\?)$")

# (pattern, Spanish); the pattern matches the whole message, the Spanish uses its groups by position.
RULES: list[tuple[str, str]] = [
    # -- syntax: what compile() says
    (r"invalid syntax", "sintaxis no válida"),
    (r"invalid syntax\. Perhaps you forgot a comma\?", "sintaxis no válida; ¿falta una coma?"),
    (r"invalid syntax\. Maybe you meant '==' or ':=' instead of '='\?",
     "sintaxis no válida; ¿querías escribir '==' en lugar de '='?"),
    (r"expected an indented block after '(\w+)' statement on line (\d+)",
     "falta un bloque con sangría después de la sentencia '{0}' (línea {1})"),
    (r"expected an indented block after function definition on line (\d+)",
     "falta un bloque con sangría después de la definición de la función (línea {0})"),
    (r"expected an indented block after class definition on line (\d+)",
     "falta un bloque con sangría después de la definición de la clase (línea {0})"),
    (r"expected an indented block", "falta un bloque con sangría"),
    (r"expected 'except' or 'finally' block", "falta un bloque 'except' o 'finally'"),
    (r"expected ('[^']*')", "falta {0}"),
    (r"unexpected indent", "sangría inesperada"),
    (r"unindent does not match any outer indentation level", "la sangría no coincide con ningún nivel anterior"),
    (r"inconsistent use of tabs and spaces in indentation", "la sangría mezcla tabuladores y espacios"),
    (r"('.') was never closed", "el {0} nunca se cerró"),
    (r"unmatched ('.')", "{0} sin su pareja de apertura"),
    (r"closing parenthesis ('.') does not match opening parenthesis ('.')(?: on line (\d+))?",
     "el {0} de cierre no corresponde al {1} de apertura"),
    (r"unterminated string literal \(detected at line (\d+)\)", "texto entre comillas sin cerrar (línea {0})"),
    (r"unterminated triple-quoted string literal \(detected at line (\d+)\)",
     "texto entre comillas triples sin cerrar (línea {0})"),
    (r"EOL while scanning string literal", "texto entre comillas sin cerrar"),
    (r"unexpected EOF while parsing", "el código termina antes de cerrarse"),
    (r"invalid character (.+) \((U\+[0-9A-F]+)\)", "carácter no válido {0} ({1}); escríbelo con el teclado"),
    (r"invalid non-printable character (U\+[0-9A-F]+)", "carácter invisible no válido ({0})"),
    (r"invalid decimal literal", "número mal escrito"),
    (r"cannot assign to (function call|literal|expression|subscript|attribute|comparison|.+?)(?: here)?"
     r"(?:\. Maybe you meant '==' instead of '='\?)?", "no se puede asignar a {0}; ¿querías escribir '=='?"),
    (r"non-default argument follows default argument",
     "un argumento sin valor por omisión va después de uno con valor por omisión"),
    (r"'(return|yield)' outside function", "'{0}' fuera de una función"),
    (r"'(break|continue)' (?:outside loop|not properly in loop)", "'{0}' fuera de un bucle"),
    (r"Missing parentheses in call to 'print'\. Did you mean print\(\.\.\.\)\?",
     "faltan los paréntesis en la llamada a print: print(...)"),
    (r"positional argument follows keyword argument", "un argumento sin nombre va después de uno con nombre"),
    (r"unexpected character after line continuation character", "carácter inesperado después de la barra \\"),
    (r"Generator expression must be parenthesized", "la expresión generadora debe ir entre paréntesis"),
    # -- names and attributes
    (rf"name {_Q} is not defined", "el nombre {0} no está definido"),
    (rf"cannot access local variable {_Q} where it is not associated with a value",
     "se usa la variable local {0} antes de darle un valor"),
    (rf"local variable {_Q} referenced before assignment", "se usa la variable local {0} antes de darle un valor"),
    (rf"module {_Q} has no attribute {_Q}", "el módulo {0} no tiene el atributo {1}"),
    (rf"type object {_Q} has no attribute {_Q}", "la clase {0} no tiene el atributo {1}"),
    (rf"{_Q} object has no attribute {_Q}", "un objeto {0} no tiene el atributo {1}"),
    (rf"No module named {_Q}", "no existe el módulo {0}"),
    # -- types and calls
    (rf"{_Q} object is not subscriptable", "un objeto {0} no admite índices [ ]"),
    (rf"{_Q} object is not callable", "un objeto {0} no se puede llamar como función"),
    (rf"{_Q} object is not iterable", "un objeto {0} no se puede recorrer"),
    (rf"{_Q} object does not support item assignment", "un objeto {0} no admite asignar elementos"),
    (r"cannot unpack non-iterable (\S+) object", "no se puede desempaquetar un objeto {0}"),
    (rf"object of type {_Q} has no len\(\)", "un objeto de tipo {0} no tiene len()"),
    (r"unsupported operand type\(s\) for (.+): (.+) and (.+)", "tipos no admitidos para {0}: {1} y {2}"),
    (r"bad operand type for (.+): (.+)", "tipo no admitido para {0}: {1}"),
    (r"can only concatenate (\S+) \(not (.+)\) to (\S+)", "solo se puede concatenar {0} (no {1}) a {2}"),
    (r"(\S+\(\)) takes (\d+|from \d+ to \d+) positional arguments? but (\d+) (?:was|were) given",
     "{0} recibe {1} argumentos posicionales pero se le dieron {2}"),
    (r"(\S+\(\)) missing (\d+) required (positional|keyword-only) arguments?: (.+)",
     "a {0} le faltan argumentos obligatorios ({1}): {3}"),
    (rf"(\S+\(\)) got an unexpected keyword argument {_Q}", "{0} recibió un argumento con nombre inesperado: {1}"),
    (rf"(\S+\(\)) got multiple values for argument {_Q}", "{0} recibió dos valores para el argumento {1}"),
    (r"could not convert string to float: (.+)", "no se pudo convertir a float el texto {0}"),
    (r"invalid literal for int\(\) with base (\d+): (.+)", "texto no válido para int() en base {0}: {1}"),
    # -- sequences and arithmetic
    (r"(list|tuple|string) index out of range", "índice fuera de rango ({0})"),
    (r"not enough values to unpack \(expected (\d+), got (\d+)\)",
     "faltan valores para desempaquetar (se esperaban {0}, hay {1})"),
    (r"too many values to unpack \(expected (\d+)(?:, got \d+)?\)",
     "sobran valores para desempaquetar (se esperaban {0})"),
    (r"(?:float |integer )?division(?: or modulo)? by zero", "división por cero"),
    (r"math domain error", "error de dominio matemático (¿log o raíz de un número negativo?)"),
    (r"maximum recursion depth exceeded.*", "se superó la profundidad máxima de recursión"),
    # -- NumPy
    (r"index (-?\d+) is out of bounds for axis (\d+) with size (\d+)",
     "el índice {0} está fuera de rango en el eje {1}, de tamaño {2}"),
    (r"axis (-?\d+) is out of bounds for array of dimension (\d+)",
     "el eje {0} está fuera de rango para un arreglo {1}-D"),
    (r"too many indices for array: array is (\d+)-dimensional, but (\d+) were indexed",
     "demasiados índices: el arreglo es {0}-D y se usaron {1}"),
    (r"operands could not be broadcast together with remapped shapes .*",
     "las formas de los operandos no se pueden combinar (broadcasting)"),
    (r"operands could not be broadcast together with shapes (.+)",
     "las formas no se pueden combinar (broadcasting): {0}"),
    (r"shapes (\(.*?\)) and (\(.*?\)) not aligned: (.+)", "las formas {0} y {1} no encajan en el producto: {2}"),
    (r"matmul: Input operand \d has a mismatch in its core dimension \d.*\(size (\d+) is different from (\d+)\)",
     "matmul: las dimensiones internas no coinciden ({0} y {1})"),
    (r"cannot reshape array of size (\d+) into shape (.+)",
     "no se puede dar forma {1} a un arreglo de {0} elementos"),
    (r"setting an array element with a sequence\..*", "se intentó guardar una secuencia en un solo elemento"),
    (r"The truth value of an array with more than one element is ambiguous\. Use a\.any\(\) or a\.all\(\)",
     "un arreglo de varios elementos no es verdadero ni falso; usa a.any() o a.all()"),
    (r"only integer scalar arrays can be converted to a scalar index",
     "solo un entero puede servir de índice"),
    (r"only integers, slices .* are valid indices", "solo enteros, rebanadas y arreglos enteros o booleanos son índices"),
    (r"all the input array dimensions except for the concatenation axis must match exactly.*",
     "las formas de los arreglos no coinciden fuera del eje que se concatena"),
    (r"zero-size array to reduction operation (\S+) which has no identity",
     "{0} de un arreglo vacío"),
    # -- the wire (sandbox/codec.py): why a returned value cannot cross to the grader
    (r"type (\S+) may not cross the boundary", "el tipo {0} no es un valor simple"),
    (r"(?:numpy scalar|array) of dtype (\S+) not allowed", "el dtype {0} no se admite"),
    (r"value nested too deeply", "el valor está anidado demasiado hondo"),
    (r"value has too many items", "el valor tiene demasiados elementos"),
    (r"(?:integer|array|message) too large", "el valor es demasiado grande"),
    (r"dict keys must be plain strings", "las claves de un diccionario deben ser textos"),
    # -- PyTorch
    (r"mat1 and mat2 shapes cannot be multiplied \((\S+) and (\S+)\)",
     "las formas {0} y {1} no se pueden multiplicar"),
    (r"element 0 of tensors does not require grad and does not have a grad_fn",
     "el tensor no tiene gradiente (¿se calculó dentro de torch.no_grad() o sin requires_grad?)"),
]
_RULES = [(re.compile(p, re.S), es) for p, es in RULES]


# what "cannot assign to ..." names, in Spanish
_TARGETS = {"function call": "una llamada a función", "literal": "un literal", "expression": "una expresión",
            "subscript": "un índice", "attribute": "un atributo", "comparison": "una comparación"}


def _spanish(message: str) -> str | None:
    text = message.strip()
    for pattern, es in _RULES:
        m = pattern.fullmatch(text)
        if m:
            return es.format(*(_TARGETS.get(g, g) if g else "" for g in m.groups()))
    m = _DID_YOU_MEAN.fullmatch(text)  # 3.11's suggestion after a message: translate both parts
    if m and m.group("alt") and (body := _spanish(m.group("body"))):
        return f"{body}; ¿quisiste decir {m.group('alt')}?"
    return None


def python_message(message: str, etype: str | None = None) -> Text:
    """What Python said (``etype``: the exception's name), in both languages; English is Python's own words."""
    message = " ".join(str(message).split())
    if etype == "KeyError" and message:
        return Text(f"la clave {message} no existe", f"key {message} does not exist")
    if not message:
        return Text("sin mensaje", "no message")
    spanish = _spanish(message)
    return Text(f"Python dice «{message}»" if spanish is None else spanish, message)
