"""What a student reads about a failure: Python's own messages in Spanish, a failing example as the calls to
type, a locked helper's error under the name of the student's function it called."""

from __future__ import annotations

import numpy as np
import pytest

from dlgrader.grading.calls import Call, as_code
from dlgrader.grading.feedback import load_problem
from dlgrader.sandbox.faults import from_error
from dlgrader.sandbox.python_messages import python_message


def _syntax(source: str) -> SyntaxError:
    try:
        compile(source, "<celda x>", "exec")
    except SyntaxError as exc:
        return exc
    raise AssertionError("it compiled")


@pytest.mark.parametrize("source, spanish", [
    ("def f(x)\n    return x\n", "falta ':'"),
    ("x = (1,\n", "el '(' nunca se cerró"),
    ("x = [1, 2)\n", "el ')' de cierre no corresponde al '[' de apertura"),
    ("if x:\npass\n", "falta un bloque con sangría después de la sentencia 'if' (línea 1)"),
    ("  x = 1\n", "sangría inesperada"),
    ("x = 'abc\n", "texto entre comillas sin cerrar (línea 1)"),
    ("a = [1 2]\n", "sintaxis no válida; ¿falta una coma?"),
    ("print 'a'\n", "faltan los paréntesis en la llamada a print: print(...)"),
])
def test_common_syntax_errors_read_in_spanish(source, spanish):
    assert python_message(_syntax(source).msg)("es") == spanish


@pytest.mark.parametrize("call, spanish", [
    (lambda: np.ones(3) + np.ones(4), "las formas no se pueden combinar (broadcasting): (3,) (4,)"),
    (lambda: np.ones((2, 3)) @ np.ones(2), "matmul: las dimensiones internas no coinciden (2 y 3)"),
    (lambda: np.ones(3)[5], "el índice 5 está fuera de rango en el eje 0, de tamaño 3"),
    (lambda: (lambda v: v[0])(None), "un objeto 'NoneType' no admite índices [ ]"),
    (lambda: undefined_name, "el nombre 'undefined_name' no está definido"),  # noqa: F821
    (lambda: 1 / 0, "división por cero"),
    (lambda: {}["k"], "la clave 'k' no existe"),
])
def test_common_runtime_errors_read_in_spanish(call, spanish):
    with pytest.raises(Exception) as info:
        call()
    said = python_message(str(info.value), type(info.value).__name__)
    assert said("es") == spanish and said("en") in (str(info.value).strip(), "key 'k' does not exist")


def test_an_unknown_message_is_quoted_whole_never_half_translated():
    said = python_message("the flux capacitor overheated")
    assert said("es") == "Python dice «the flux capacitor overheated»"
    assert said("en") == "the flux capacitor overheated"


def test_a_syntax_error_shows_its_line_and_a_caret_where_python_stopped():
    source = "def entrenar(X, y)\n    return X\n"
    exc = _syntax(source)
    err = {"cell": "entrenar", "type": "SyntaxError", "message": exc.msg, "line": exc.lineno, "offset": exc.offset,
           "end_offset": exc.end_offset}
    text = load_problem(err, source)
    assert text("es") == ("Error de sintaxis en la celda entrenar, línea 1: falta ':'.\n"
                          "    def entrenar(X, y)\n"
                          "                      ^")
    assert text("en").startswith("Syntax error in cell entrenar, line 1: expected ':'.\n    def entrenar(X, y)")


def test_a_failing_example_is_written_as_the_calls_to_type():
    assert as_code([Call("escalon", (np.array([0.125, -1.0]),), {})]) == "escalon(np.array([0.125, -1.0]))"
    made = Call("Adam", ([np.zeros((1, 2))],), {"lr": 0.1})
    made.made = 1
    calls = [made, Call("Adam.step", ([np.array([[1.0, -1.0]])],), {}, target=1)]
    assert as_code(calls) == ("adam = Adam([np.array([[0.0, 0.0]])], lr=0.1)\n"
                              "adam.step([np.array([[1.0, -1.0]])])")
    assert as_code([Call("f", (np.array([1, 2], dtype=np.int32), True, None, np.inf), {})]) == \
        "f(np.array([1, 2], dtype=np.int32), True, None, np.inf)"
    many = [Call("f", (n,), {}) for n in range(20)]
    assert as_code(many).splitlines()[-2:] == ["# … (+13)", "f(19)"]


def test_a_locked_helper_s_error_names_the_student_s_function():
    """08's graders call ``corrector_entrenar`` (a locked cell), which calls the student's ``entrenar``."""
    error = {"kind": "raised", "type": "ValueError", "message": "math domain error",
             "frames": [["apoyo_corrector", 76, "corrector_entrenar"], ["entrenar", 12, "entrenar"],
                        ["entrenar", 30, "_paso"]]}
    fault = from_error(error, "corrector_entrenar", None, [], student_cells={"entrenar"},
                       aliases={"corrector_entrenar": "entrenar"})
    assert fault.text("es") == ("entrenar() lanzó ValueError: error de dominio matemático (¿log o raíz de un número "
                                "negativo?) (celda entrenar, línea 30).")
    bound = {"kind": "raised", "type": "TypeError", "message": "entrenar() got an unexpected keyword argument 'X_val'",
             "frames": [["apoyo_corrector", 120, "corrector_entrenar_parada"]]}
    fault = from_error(bound, "corrector_entrenar_parada", None, [], student_cells={"entrenar"},
                       aliases={"corrector_entrenar_parada": "entrenar"})
    assert fault.text("es") == "entrenar() lanzó TypeError: entrenar() recibió un argumento con nombre inesperado: 'X_val'."
    assert "corrector" not in fault.text("es") and "apoyo" not in fault.text("es")
