"""Hidden checks of assignment 05 (optimizers): trajectories against torch.optim and properties of Adam.

Each optimizer lives in the student's worker; the grader holds a handle: ``opt = student.Adam(lr=0.01)``
then ``opt.step(params, grads)``, which must return the list of updated parameter arrays. Gradients are a
fixed sequence generated here (from a seed hypothesis draws), so one step's mistake shows at once and the
feedback can name the step, the parameters before it and the gradient.

The oracle is torch.optim in float64, with this exact mapping (derived from torch's documented update rules):

* ``SGD(lr)``                    = ``torch.optim.SGD(lr=lr)``.
* ``Momentum(lr, beta)``         = ``torch.optim.SGD(lr=lr*(1-beta), momentum=beta, dampening=0)``.
  torch keeps ``b <- beta*b + g`` (``b`` starts at the first gradient); the lecture keeps
  ``m <- beta*m + (1-beta)*g`` with ``m`` starting at 0, so ``m = (1-beta)*b`` at every step and
  ``lr*m = lr*(1-beta)*b``. (torch's ``dampening=beta`` is *not* the lecture's form: torch does not damp
  the first step, so its buffer starts at ``g`` instead of ``(1-beta)*g``.)
* ``Nesterov(lr, beta)``         = ``torch.optim.SGD(lr=lr*(1-beta), momentum=beta, nesterov=True)``:
  torch steps by ``g + beta*b``; times ``(1-beta)`` that is ``(1-beta)*g + beta*m``.
* ``Adagrad(lr, eps)``           = ``torch.optim.Adagrad(lr=lr, eps=eps)`` (no lr_decay, accumulator from 0).
* ``Adadelta(lr, rho, eps)``     = ``torch.optim.Adadelta(lr=lr, rho=rho, eps=eps)`` (eps inside both roots).
* ``RMSProp(lr, beta, eps)``     = ``torch.optim.RMSprop(lr=lr, alpha=beta, eps=eps)`` (not centred, no momentum).
* ``Adam(lr, beta1, beta2, eps)`` = ``torch.optim.Adam(lr=lr, betas=(beta1, beta2), eps=eps)`` (no amsgrad).

Hyperparameters are unusual on purpose (eps up to 2, beta2 as low as 0.5, few steps) so that the place of
eps and the bias correction change the result by far more than the tolerance.
"""

import numpy as np
import torch
from hypothesis import given
from hypothesis import strategies as st

from dlgrader.grading import as_array, check, fail, grader_settings, show

RTOL, ATOL = 1e-7, 1e-10

# ------------------------------------------------------------------ the optimizers and their torch twins


def _torch_sgd(ts, hp):
    return torch.optim.SGD(ts, lr=hp["lr"])


def _torch_momentum(ts, hp):
    return torch.optim.SGD(ts, lr=hp["lr"] * (1 - hp["beta"]), momentum=hp["beta"], dampening=0.0)


def _torch_nesterov(ts, hp):
    return torch.optim.SGD(ts, lr=hp["lr"] * (1 - hp["beta"]), momentum=hp["beta"], dampening=0.0, nesterov=True)


def _torch_adagrad(ts, hp):
    return torch.optim.Adagrad(ts, lr=hp["lr"], eps=hp["eps"], lr_decay=0.0, initial_accumulator_value=0.0)


def _torch_adadelta(ts, hp):
    return torch.optim.Adadelta(ts, lr=hp["lr"], rho=hp["rho"], eps=hp["eps"])


def _torch_rmsprop(ts, hp):
    return torch.optim.RMSprop(ts, lr=hp["lr"], alpha=hp["beta"], eps=hp["eps"], momentum=0.0, centered=False)


def _torch_adam(ts, hp):
    return torch.optim.Adam(ts, lr=hp["lr"], betas=(hp["beta1"], hp["beta2"]), eps=hp["eps"], amsgrad=False)


LR = st.floats(0.01, 1.0)
BETA = st.floats(0.3, 0.97)
EPS = st.sampled_from([1e-8, 1e-3, 0.05, 0.5, 2.0])

SPECS = {
    "SGD": dict(torch=_torch_sgd, defaults=dict(lr=0.001), strategy=st.fixed_dictionaries(dict(lr=LR)),
                twin="torch.optim.SGD(lr=lr)",
                hint_es="SGD es p - lr*g para cada arreglo de params, con su gradiente de la misma posición en grads.",
                hint_en="SGD is p - lr*g for each array in params, with the gradient at the same position in grads."),
    "Momentum": dict(torch=_torch_momentum, defaults=dict(lr=0.001, beta=0.9),
                     strategy=st.fixed_dictionaries(dict(lr=LR, beta=BETA)),
                     twin="torch.optim.SGD(lr=lr*(1-beta), momentum=beta)",
                     hint_es="Usa la forma de la clase: m = beta*m + (1 - beta)*g, con m = 0 al inicio, y luego "
                             "p = p - lr*m. No es m = beta*m + g ni m = g en el primer paso.",
                     hint_en="Use the lecture's form: m = beta*m + (1 - beta)*g, with m = 0 at the start, then "
                             "p = p - lr*m. It is not m = beta*m + g, nor m = g at the first step."),
    "Nesterov": dict(torch=_torch_nesterov, defaults=dict(lr=0.001, beta=0.9),
                     strategy=st.fixed_dictionaries(dict(lr=LR, beta=BETA)),
                     twin="torch.optim.SGD(lr=lr*(1-beta), momentum=beta, nesterov=True)",
                     hint_es="Nesterov actualiza m = beta*m + (1 - beta)*g igual que Momentum, pero avanza con "
                             "p = p - lr*(beta*m + (1 - beta)*g), usando el m ya actualizado.",
                     hint_en="Nesterov updates m = beta*m + (1 - beta)*g like Momentum, but steps with "
                             "p = p - lr*(beta*m + (1 - beta)*g), using the already updated m."),
    "Adagrad": dict(torch=_torch_adagrad, defaults=dict(lr=0.01, eps=1e-10),
                    strategy=st.fixed_dictionaries(dict(lr=LR, eps=EPS)),
                    twin="torch.optim.Adagrad(lr=lr, eps=eps)",
                    hint_es="Adagrad suma los cuadrados sin olvidar nada (S = S + g**2, sin promedio) y divide por "
                            "sqrt(S) + eps, con eps fuera de la raíz.",
                    hint_en="Adagrad adds up the squares without forgetting (S = S + g**2, no average) and divides "
                            "by sqrt(S) + eps, with eps outside the root."),
    "Adadelta": dict(torch=_torch_adadelta, defaults=dict(lr=1.0, rho=0.9, eps=1e-6),
                     strategy=st.fixed_dictionaries(dict(lr=st.floats(0.1, 2.0), rho=BETA, eps=EPS)),
                     twin="torch.optim.Adadelta(lr=lr, rho=rho, eps=eps)",
                     hint_es="Adadelta lleva dos promedios, el de g**2 y el de los pasos dx**2; el paso es "
                             "dx = sqrt(E[dx²] + eps)/sqrt(E[g²] + eps)*g, con eps dentro de ambas raíces, y "
                             "E[dx²] se actualiza después con el dx de este paso.",
                     hint_en="Adadelta keeps two averages, of g**2 and of the steps dx**2; the step is "
                             "dx = sqrt(E[dx²] + eps)/sqrt(E[g²] + eps)*g, with eps inside both roots, and "
                             "E[dx²] is updated afterwards with this step's dx."),
    "RMSProp": dict(torch=_torch_rmsprop, defaults=dict(lr=0.01, beta=0.99, eps=1e-8),
                    strategy=st.fixed_dictionaries(dict(lr=LR, beta=BETA, eps=EPS)),
                    twin="torch.optim.RMSprop(lr=lr, alpha=beta, eps=eps)",
                    hint_es="RMSProp usa un promedio que olvida, S = beta*S + (1 - beta)*g**2 (no una suma), y "
                            "divide por sqrt(S) + eps, con eps fuera de la raíz.",
                    hint_en="RMSProp uses a forgetting average, S = beta*S + (1 - beta)*g**2 (not a sum), and "
                            "divides by sqrt(S) + eps, with eps outside the root."),
    "Adam": dict(torch=_torch_adam, defaults=dict(lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8),
                 strategy=st.fixed_dictionaries(dict(lr=LR, beta1=st.floats(0.3, 0.95), beta2=st.floats(0.5, 0.99),
                                                     eps=EPS)),
                 twin="torch.optim.Adam(lr=lr, betas=(beta1, beta2), eps=eps)",
                 hint_es="Adam: t cuenta los pasos (una vez por llamada a step, empezando en 1); "
                         "m_hat = m/(1 - beta1**t), v_hat = v/(1 - beta2**t) y p = p - lr*m_hat/(sqrt(v_hat) + eps), "
                         "con eps fuera de la raíz.",
                 hint_en="Adam: t counts the steps (once per call to step, starting at 1); "
                         "m_hat = m/(1 - beta1**t), v_hat = v/(1 - beta2**t) and p = p - lr*m_hat/(sqrt(v_hat) + eps), "
                         "with eps outside the root."),
}

# ------------------------------------------------------------------ problems


@st.composite
def problems(draw, min_params: int = 1, max_steps: int = 12):
    """(params0, grad_seq): 1-3 parameters of different shapes, a few steps of generated gradients."""
    shapes = draw(st.lists(st.sampled_from([(1,), (2,), (3,), (2, 2), (2, 3), (4, 1)]),
                           min_size=min_params, max_size=3))
    steps = draw(st.integers(2, max_steps))
    seed = draw(st.integers(0, 2**32 - 1))
    scale = draw(st.sampled_from([0.1, 1.0, 10.0]))
    sparse = draw(st.booleans())
    rng = np.random.default_rng(seed)
    params0 = [rng.uniform(-2, 2, size=s) for s in shapes]
    grads = []
    for _ in range(steps):
        step_grads = []
        for s in shapes:
            g = rng.normal(size=s) * scale
            if sparse:
                g = np.where(rng.random(size=s) < 0.25, 0.0, g)
            step_grads.append(g)
        grads.append(step_grads)
    return params0, grads


# ------------------------------------------------------------------ helpers


def ctor_text(name: str, hp: dict | None) -> str:
    if hp is None:
        return f"{name}()"
    return f"{name}(" + ", ".join(f"{k}={v!r}" for k, v in hp.items()) + ")"


def shapes_text(params) -> str:
    return ", ".join(str(tuple(p.shape)) for p in params)


def make(student, name: str, hp: dict | None):
    cls = getattr(student, name)
    return cls() if hp is None else cls(**hp)


def take_step(opt, params, grads, what: str):
    """Call opt.step(params, grads) and validate the list of updated arrays it must return."""
    out = opt.step([p.copy() for p in params], [g.copy() for g in grads])
    if not isinstance(out, (list, tuple)) or len(out) != len(params):
        fail(f"{what}: step(params, grads) debe devolver una lista con {len(params)} arreglos (los parámetros "
             f"actualizados, en el mismo orden); devolvió {show(out)}.",
             f"{what}: step(params, grads) must return a list of {len(params)} arrays (the updated parameters, "
             f"in the same order); it returned {show(out)}.",
             "Termina step con return y la lista de parámetros nuevos (aunque además los modifiques en su lugar).",
             "End step with return and the list of new parameters (even if you also modify them in place).")
    return [as_array(o, f"{what}: step(...)[{i}]", shape=p.shape) for i, (o, p) in enumerate(zip(out, params))]


def torch_trajectory(make_torch, hp: dict, params0, grad_seq):
    """The parameters after each step of the torch twin, in float64."""
    ts = [torch.tensor(p, dtype=torch.float64, requires_grad=True) for p in params0]
    opt = make_torch(ts, hp)
    out = []
    for grads in grad_seq:
        for t, g in zip(ts, grads):
            t.grad = torch.tensor(g, dtype=torch.float64)
        opt.step()
        out.append([t.detach().numpy().copy() for t in ts])
    return out


def student_trajectory(student, name, hp, params0, grad_seq):
    """Run the student's optimizer, feeding back the parameters it returns; yield (k, before, grads, after)."""
    opt = make(student, name, hp)
    what = ctor_text(name, hp)
    params = [p.copy() for p in params0]
    for k, grads in enumerate(grad_seq, start=1):
        new = take_step(opt, params, grads, what)
        yield k, params, grads, new
        params = new


def same(got, expected) -> bool:
    return all(g.shape == e.shape and np.allclose(g, e, rtol=RTOL, atol=ATOL) for g, e in zip(got, expected))


def compare_with_torch(student, name: str, hp: dict | None, params0, grad_seq) -> None:
    spec = SPECS[name]
    used = dict(spec["defaults"]) if hp is None else hp
    expected = torch_trajectory(spec["torch"], used, params0, grad_seq)
    call = ctor_text(name, hp)
    n = len(grad_seq)
    for k, before, grads, got in student_trajectory(student, name, hp, params0, grad_seq):
        exp = expected[k - 1]
        if same(got, exp):
            continue
        defaults_es = (f" (sin argumentos deben usarse los valores por defecto {ctor_text(name, used)})"
                       if hp is None else "")
        defaults_en = (f" (without arguments the defaults {ctor_text(name, used)} must be used)" if hp is None else "")
        defaults_hint_es = ("Revisa los valores por defecto de tu constructor: deben ser los de la tabla del notebook "
                            "(los de torch). " if hp is None else "")
        defaults_hint_en = ("Check your constructor's default values: they must be those of the notebook's table "
                            "(torch's). " if hp is None else "")
        fail(f"opt = {call}{defaults_es}, con parámetros de formas {shapes_text(params0)} y {n} pasos: en el paso "
             f"{k}, con params = {show(before)} y grads = {show(grads)}, step devolvió {show(got)}; se esperaba "
             f"{show(exp)} (lo mismo que {spec['twin']}).",
             f"opt = {call}{defaults_en}, with parameters of shapes {shapes_text(params0)} and {n} steps: at step "
             f"{k}, with params = {show(before)} and grads = {show(grads)}, step returned {show(got)}; expected "
             f"{show(exp)} (the same as {spec['twin']}).",
             defaults_hint_es + spec["hint_es"], defaults_hint_en + spec["hint_en"])


def torch_check(student, name, hp, use_defaults, problem):
    params0, grad_seq = problem
    compare_with_torch(student, name, None if use_defaults else hp, params0, grad_seq)


# ------------------------------------------------------------------ trajectories against torch.optim

SETTINGS = dict(max_examples=10)


@check("sgd_torch")
@grader_settings(**SETTINGS)
@given(hp=SPECS["SGD"]["strategy"], use_defaults=st.booleans(), problem=problems())
def test_sgd_torch(student, hp, use_defaults, problem):
    torch_check(student, "SGD", hp, use_defaults, problem)


@check("momentum_torch")
@grader_settings(**SETTINGS)
@given(hp=SPECS["Momentum"]["strategy"], use_defaults=st.booleans(), problem=problems())
def test_momentum_torch(student, hp, use_defaults, problem):
    torch_check(student, "Momentum", hp, use_defaults, problem)


@check("nesterov_torch")
@grader_settings(**SETTINGS)
@given(hp=SPECS["Nesterov"]["strategy"], use_defaults=st.booleans(), problem=problems())
def test_nesterov_torch(student, hp, use_defaults, problem):
    torch_check(student, "Nesterov", hp, use_defaults, problem)


@check("adagrad_torch")
@grader_settings(**SETTINGS)
@given(hp=SPECS["Adagrad"]["strategy"], use_defaults=st.booleans(), problem=problems())
def test_adagrad_torch(student, hp, use_defaults, problem):
    torch_check(student, "Adagrad", hp, use_defaults, problem)


@check("adadelta_torch")
@grader_settings(**SETTINGS)
@given(hp=SPECS["Adadelta"]["strategy"], use_defaults=st.booleans(), problem=problems())
def test_adadelta_torch(student, hp, use_defaults, problem):
    torch_check(student, "Adadelta", hp, use_defaults, problem)


@check("rmsprop_torch")
@grader_settings(**SETTINGS)
@given(hp=SPECS["RMSProp"]["strategy"], use_defaults=st.booleans(), problem=problems())
def test_rmsprop_torch(student, hp, use_defaults, problem):
    torch_check(student, "RMSProp", hp, use_defaults, problem)


@check("adam_torch")
@grader_settings(**SETTINGS)
@given(hp=SPECS["Adam"]["strategy"], problem=problems())
def test_adam_torch(student, hp, problem):
    params0, grad_seq = problem
    compare_with_torch(student, "Adam", hp, params0, grad_seq)


@check("adam_defecto")
@grader_settings(max_examples=8)
@given(problem=problems(max_steps=20))
def test_adam_defecto(student, problem):
    params0, grad_seq = problem
    compare_with_torch(student, "Adam", None, params0, grad_seq)


# ------------------------------------------------------------------ Momentum with beta = 0 is SGD


@check("momentum_beta_cero")
@grader_settings(max_examples=12)
@given(lr=LR, problem=problems(max_steps=8))
def test_momentum_beta_cero(student, lr, problem):
    params0, grad_seq = problem
    hp = dict(lr=lr, beta=0.0)
    for k, before, grads, got in student_trajectory(student, "Momentum", hp, params0, grad_seq):
        expected = [p - lr * g for p, g in zip(before, grads)]
        if same(got, expected):
            continue
        fail(f"Con beta = 0 el promedio es solo el gradiente actual y Momentum es SGD: opt = "
             f"{ctor_text('Momentum', hp)}, en el paso {k} con params = {show(before)} y grads = {show(grads)}, "
             f"step devolvió {show(got)}; se esperaba p - lr*g = {show(expected)}.",
             f"With beta = 0 the average is just the current gradient and Momentum is SGD: opt = "
             f"{ctor_text('Momentum', hp)}, at step {k} with params = {show(before)} and grads = {show(grads)}, "
             f"step returned {show(got)}; expected p - lr*g = {show(expected)}.",
             "Usa el beta que recibe el constructor (guárdalo en self), no un 0.9 fijo.",
             "Use the beta the constructor receives (keep it in self), not a fixed 0.9.")


# ------------------------------------------------------------------ properties of Adam


@check("adam_primer_paso")
@grader_settings(max_examples=25)
@given(lr=st.floats(1e-4, 1.0), problem=problems(max_steps=2))
def test_adam_primer_paso(student, lr, problem):
    params0, grad_seq = problem
    grads = [np.where(np.abs(g) < 1e-3, 0.5, g) for g in grad_seq[0]]  # |g| >> eps = 1e-8
    opt = student.Adam(lr=lr)
    call = f"Adam(lr={lr!r})"
    got = take_step(opt, params0, grads, call)
    expected = [p - lr * np.sign(g) for p, g in zip(params0, grads)]
    if all(np.allclose(a, b, rtol=0, atol=1e-4 * lr) for a, b in zip(got, expected)):
        return
    fail(f"Con la corrección de sesgo, el primer paso de Adam mueve cada parámetro casi exactamente lr en contra "
         f"del signo de su gradiente (m_hat = g y v_hat = g**2). opt = {call}, params = {show(params0)}, "
         f"grads = {show(grads)}: step devolvió {show(got)}; se esperaba ≈ p - lr*sign(g) = {show(expected)}.",
         f"With bias correction, Adam's first step moves each parameter almost exactly lr against the sign of "
         f"its gradient (m_hat = g and v_hat = g**2). opt = {call}, params = {show(params0)}, "
         f"grads = {show(grads)}: step returned {show(got)}; expected ≈ p - lr*sign(g) = {show(expected)}.",
         "Divide m por (1 - beta1**t) y v por (1 - beta2**t), con t = 1 en el primer paso.",
         "Divide m by (1 - beta1**t) and v by (1 - beta2**t), with t = 1 at the first step.")


@check("adam_escala")
@grader_settings(max_examples=12)
@given(hp=st.fixed_dictionaries(dict(lr=LR, beta1=st.floats(0.3, 0.95), beta2=st.floats(0.5, 0.999))),
       factor=st.sampled_from([1e-4, 1e-2, 10.0, 1e3]), problem=problems(max_steps=10))
def test_adam_escala(student, hp, factor, problem):
    params0, grad_seq = problem
    # eps = 0 and no zero gradient: m_hat/sqrt(v_hat) is then exactly invariant to scaling every gradient
    grad_seq = [[np.where(np.abs(g) < 0.05, 0.5, g) for g in grads] for grads in grad_seq]
    hp = dict(hp, eps=0.0)
    call = ctor_text("Adam", hp)
    plain = student_trajectory(student, "Adam", hp, params0, grad_seq)
    scaled = student_trajectory(student, "Adam", hp, params0, [[factor * g for g in gs] for gs in grad_seq])
    for (k, before, grads, got), (_, _, _, got_scaled) in zip(plain, scaled):
        moved = k > 1 or all(bool(np.all(np.abs(a - b) > 0.5 * hp["lr"])) for a, b in zip(got, before))
        if not moved:
            fail(f"opt = {call}: en el paso {k}, con params = {show(before)} y grads = {show(grads)} (ninguno "
                 f"cero), step devolvió {show(got)}; en el primer paso cada parámetro debe moverse casi "
                 f"lr = {hp['lr']!r}.",
                 f"opt = {call}: at step {k}, with params = {show(before)} and grads = {show(grads)} (none zero), "
                 f"step returned {show(got)}; at the first step every parameter must move by almost "
                 f"lr = {hp['lr']!r}.",
                 "Con la corrección de sesgo, en el primer paso m_hat = g y v_hat = g**2.",
                 "With bias correction, at the first step m_hat = g and v_hat = g**2.")
        if same(got_scaled, got):
            continue
        fail(f"Con eps = 0, Adam no depende de la escala de los gradientes (m_hat/sqrt(v_hat) no cambia al "
             f"multiplicar todos los g por una constante). Dos {call} con los mismos params iniciales "
             f"{show(params0)}: con los gradientes originales, tras el paso {k} quedan en {show(got)}; con los "
             f"gradientes multiplicados por {factor:g}, en {show(got_scaled)}.",
             f"With eps = 0, Adam does not depend on the scale of the gradients (m_hat/sqrt(v_hat) does not "
             f"change when every g is multiplied by a constant). Two {call} with the same initial params "
             f"{show(params0)}: with the original gradients, after step {k} they are at {show(got)}; with the "
             f"gradients multiplied by {factor:g}, at {show(got_scaled)}.",
             "Usa el eps que recibe el constructor (aquí 0) y divide por sqrt(v_hat), la raíz del promedio de g**2.",
             "Use the eps the constructor receives (here 0) and divide by sqrt(v_hat), the root of the average "
             "of g**2.")


@check("adam_estado")
@grader_settings(max_examples=10)
@given(hp=SPECS["Adam"]["strategy"], problem=problems(min_params=2, max_steps=8))
def test_adam_estado(student, hp, problem):
    params0, grad_seq = problem
    call = ctor_text("Adam", hp)
    together = list(student_trajectory(student, "Adam", hp, params0, grad_seq))
    for i in range(len(params0)):
        alone = student_trajectory(student, "Adam", hp, [params0[i]], [[gs[i]] for gs in grad_seq])
        for (k, before, grads, got), (_, _, _, got_alone) in zip(together, alone):
            if not (np.any(got[i] != before[i]) or not np.any(grads[i])):
                fail(f"opt = {call}: en el paso {k}, con grads[{i}] = {show(grads[i])}, el parámetro {i} no cambió.",
                     f"opt = {call}: at step {k}, with grads[{i}] = {show(grads[i])}, parameter {i} did not change.")
            if same([got[i]], got_alone):
                continue
            fail(f"Cada parámetro tiene su propio estado. Un {call} con {len(params0)} parámetros de formas "
                 f"{shapes_text(params0)} dejó el parámetro {i}, tras el paso {k}, en {show(got[i])}; un {call} "
                 f"aparte que solo optimiza ese parámetro, con los mismos gradientes, lo deja en "
                 f"{show(got_alone[0])}.",
                 f"Each parameter has its own state. One {call} with {len(params0)} parameters of shapes "
                 f"{shapes_text(params0)} left parameter {i}, after step {k}, at {show(got[i])}; a separate "
                 f"{call} that only optimizes that parameter, with the same gradients, leaves it at "
                 f"{show(got_alone[0])}.",
                 "Guarda m y v como listas con un arreglo por parámetro (por posición en params) y aumenta t una "
                 "sola vez por llamada a step, no una vez por parámetro.",
                 "Keep m and v as lists with one array per parameter (by position in params) and increase t "
                 "once per call to step, not once per parameter.")
