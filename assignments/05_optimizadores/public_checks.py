"""Public checks of assignment 05 (optimizers): the worked examples of the notebook, computed by hand.

Students run these with ``dlgrader check 05_optimizadores`` or the notebook's last cell. Each check creates
the student's optimizer (it lives in the student's process; the check holds a handle), calls ``step`` once
or twice and compares the returned parameters with the numbers worked out in the notebook.
The hidden graders test the same conventions on many generated trajectories.
"""

import numpy as np

from dlgrader.grading import as_array, check, expect, fail, show

TOL = 1e-6  # the worked examples are rounded to far more digits than this; eps changes them by < 1e-7


def _arrays(values) -> list:
    return [np.array(v, dtype=float) for v in values]


def run_steps(student, name: str, kwargs: dict, params: list, grads_per_step: list) -> tuple[str, list]:
    """Create ``name(**kwargs)``, call step once per gradient list; return the call and the parameters after each."""
    call = f"{name}(" + ", ".join(f"{k}={v!r}" for k, v in kwargs.items()) + ")"
    opt = getattr(student, name)(**kwargs)
    history = []
    for k, grads in enumerate(grads_per_step, start=1):
        out = opt.step([p.copy() for p in params], [g.copy() for g in grads])
        if not isinstance(out, (list, tuple)) or len(out) != len(params):
            fail(f"opt = {call}; en el paso {k}, opt.step(params, grads) con {len(params)} parámetros debe devolver "
                 f"una lista con {len(params)} arreglos, los parámetros actualizados; devolvió {show(out)}.",
                 f"opt = {call}; at step {k}, opt.step(params, grads) with {len(params)} parameters must return a "
                 f"list of {len(params)} arrays, the updated parameters; it returned {show(out)}.",
                 "Termina step con return y la lista de parámetros nuevos.",
                 "End step with return and the list of new parameters.")
        params = [as_array(o, f"{call}.step(...)[{i}]", shape=p.shape) for i, (o, p) in enumerate(zip(out, params))]
        history.append(params)
    return call, history


def expect_steps(call: str, params0: list, grads_per_step: list, history: list, expected: list,
                 hint_es: str, hint_en: str) -> None:
    before = params0
    for k, (grads, got, exp) in enumerate(zip(grads_per_step, history, expected), start=1):
        exp = _arrays(exp)
        ok = all(np.allclose(g, e, rtol=0, atol=TOL) for g, e in zip(got, exp))
        expect(ok,
               f"opt = {call}; en el paso {k}, opt.step(params={show(before)}, grads={show(grads)}) devolvió "
               f"{show(got)}; se esperaba {show(exp)}.",
               f"opt = {call}; at step {k}, opt.step(params={show(before)}, grads={show(grads)}) returned "
               f"{show(got)}; expected {show(exp)}.",
               hint_es, hint_en)
        before = got


def worked_example(student, name, kwargs, params0, grads_per_step, expected, hint_es, hint_en):
    params0 = _arrays(params0)
    grads_per_step = [_arrays(g) for g in grads_per_step]
    call, history = run_steps(student, name, kwargs, params0, grads_per_step)
    expect_steps(call, params0, grads_per_step, history, expected, hint_es, hint_en)


# ------------------------------------------------------------------ the notebook's worked examples


@check("sgd_curso")
def test_sgd_curso(student):
    worked_example(student, "SGD", dict(lr=0.1), [[1.0, -2.0], [[0.5]]], [[[0.5, -1.0], [[2.0]]]],
                   [[[0.95, -1.9], [[0.3]]]],
                   "Cada parámetro se actualiza con su propio gradiente: p - lr*g.",
                   "Each parameter is updated with its own gradient: p - lr*g.")


@check("momentum_curso")
def test_momentum_curso(student):
    worked_example(student, "Momentum", dict(lr=0.1, beta=0.9), [[1.0, 2.0]], [[[1.0, -2.0]]] * 2,
                   [[[0.99, 2.02]], [[0.971, 2.058]]],
                   "Con m = 0 al inicio: m = 0.9*m + 0.1*g da m = [0.1, -0.2] en el primer paso y "
                   "[0.19, -0.38] en el segundo; luego p = p - lr*m.",
                   "With m = 0 at the start: m = 0.9*m + 0.1*g gives m = [0.1, -0.2] at the first step and "
                   "[0.19, -0.38] at the second; then p = p - lr*m.")


@check("nesterov_curso")
def test_nesterov_curso(student):
    worked_example(student, "Nesterov", dict(lr=0.1, beta=0.9), [[1.0, 2.0]], [[[1.0, -2.0]]] * 2,
                   [[[0.981, 2.038]], [[0.9539, 2.0922]]],
                   "Primero m = 0.9*m + 0.1*g (m = [0.1, -0.2]); el paso usa 0.9*m + 0.1*g = [0.19, -0.38], "
                   "no solo m.",
                   "First m = 0.9*m + 0.1*g (m = [0.1, -0.2]); the step uses 0.9*m + 0.1*g = [0.19, -0.38], "
                   "not just m.")


@check("adagrad_curso")
def test_adagrad_curso(student):
    worked_example(student, "Adagrad", dict(lr=0.1), [[1.0, 1.0]], [[[3.0, -4.0]], [[4.0, 3.0]]],
                   [[[0.9, 1.1]], [[0.82, 1.04]]],
                   "S acumula la suma de los cuadrados: [9, 16] tras el primer paso y [25, 25] tras el segundo; "
                   "el paso es lr*g/(sqrt(S) + eps).",
                   "S accumulates the sum of the squares: [9, 16] after the first step and [25, 25] after the "
                   "second; the step is lr*g/(sqrt(S) + eps).")


@check("adadelta_curso")
def test_adadelta_curso(student):
    worked_example(student, "Adadelta", dict(lr=1.0, rho=0.5, eps=0.01), [[1.0, -1.0]], [[[0.2, -0.5]]] * 2,
                   [[[0.8845299462, -0.8639172365]], [[0.7554305013, -0.7077800879]]],
                   "Primer paso: E[g²] = 0.5*g**2 = [0.02, 0.125]; dx = sqrt(0 + eps)/sqrt(E[g²] + eps)*g; luego "
                   "E[dx²] = 0.5*dx**2. El eps va dentro de las dos raíces.",
                   "First step: E[g²] = 0.5*g**2 = [0.02, 0.125]; dx = sqrt(0 + eps)/sqrt(E[g²] + eps)*g; then "
                   "E[dx²] = 0.5*dx**2. The eps goes inside both roots.")


@check("rmsprop_curso")
def test_rmsprop_curso(student):
    worked_example(student, "RMSProp", dict(lr=0.1, beta=0.75), [[1.0, 1.0]], [[[2.0, -0.5]]] * 2,
                   [[[0.8, 1.2]], [[0.6488142139, 1.3511857766]]],
                   "S = 0.75*S + 0.25*g**2 da S = [1, 0.0625] en el primer paso, así que g/sqrt(S) = [2, -2].",
                   "S = 0.75*S + 0.25*g**2 gives S = [1, 0.0625] at the first step, so g/sqrt(S) = [2, -2].")


@check("adam_curso")
def test_adam_curso(student):
    worked_example(student, "Adam", dict(lr=0.1), [[1.0, -1.0]], [[[0.5, -2.0]]] * 2,
                   [[[0.9, -0.9]], [[0.8, -0.8]]],
                   "Con gradiente constante, la corrección de sesgo da m_hat = g y v_hat = g**2 en cada paso: "
                   "cada parámetro avanza lr = 0.1 en contra del signo de g. Sin la corrección (la fórmula de la "
                   "diapositiva) los pasos no miden lr: con beta2 = 0.999 el primero sería más de tres veces más "
                   "largo.",
                   "With a constant gradient, bias correction gives m_hat = g and v_hat = g**2 at every step: each "
                   "parameter moves lr = 0.1 against the sign of g. Without the correction (the slide's formula) "
                   "the steps do not measure lr: with beta2 = 0.999 the first would be more than three times "
                   "longer.")
