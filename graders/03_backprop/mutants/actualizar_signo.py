# target: actualizar_curso, actualizar_valores, entrenar_xor_curso
# why: moves along the gradient (p + eta * g), so gradient ascent makes the error grow
# why_es: avanza en el sentido del gradiente (p + eta * g): el ascenso por gradiente hace crecer el error
# %% [actualizar]
def actualizar(parametros, gradientes, eta):
    return tuple(p + eta * g for p, g in zip(parametros, gradientes))
