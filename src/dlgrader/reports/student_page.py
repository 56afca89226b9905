"""One student's page: every point of every assignment, and what to fix where a check failed.

Points are the gradebook's, all of them: the automatic checks and the written answers, these "pending
review" until the instructor grades them in formgrader and then with their score and comment. A broken
cell is explained once (its problem, with the line and a caret); the checks it sank say only that they
were not checked. A counterexample is shown as the call to type. An assignment not submitted says so.
"""

from __future__ import annotations

from ..results import CheckResult, SubmissionResult
from ..text import Text
from .pages import esc, page, paragraphs
from .submission import HIDDEN, points
from .view import CourseView

SMALLEST = Text("Contraejemplo mínimo (la llamada que falla):", "Smallest failing input (the call that fails):")


def _feedback(c: CheckResult, lang: str) -> str:
    parts = [paragraphs(c.message(lang))] if c.message else []
    if c.counterexample:
        parts.append(f"<p>{esc(SMALLEST(lang))}</p><pre><code>{esc(c.counterexample)}</code></pre>")
    if c.hint:
        parts.append(f"<p>{esc(Text('Pista: ', 'Hint: ')(lang) + c.hint(lang))}</p>")
    return f'<div class="fb">{"".join(parts)}</div>' if parts else ""


def _mark(ok: bool | None) -> str:
    if ok is None:
        return '<td class="marca pend">✎</td>'
    return '<td class="marca ok">✓</td>' if ok else '<td class="marca no">✗</td>'


def _checks(view: CourseView, aid: str, sid: str, result: SubmissionResult, lang: str) -> str:
    """The checks grouped by task; a message every failed check of a task shares is said once, on the task."""
    a = view.manifests.get(aid)
    row = view.scores[aid].get(sid) or {}
    got = row.get("checks") or {}
    groups: dict[str, list[CheckResult]] = {}
    for c in result.checks:
        task = a.check(c.id).task if a and c.id in {k.id for k in a.checks} else ""
        groups.setdefault(task, []).append(c)
    names = {t.id: ", ".join(t.names) for t in a.tasks} if a else {}
    body = []
    for task, checks in groups.items():
        failed = [c for c in checks if not c.passed]
        shared = failed[0].message if len(failed) > 1 and not any(c.counterexample or c.hint for c in failed) \
            and all(c.message == failed[0].message for c in failed) else None
        earned = sum(got.get(c.id, c.points) or 0 for c in checks)
        head = esc(names.get(task, task)) + f" · {points(earned)} / {points(sum(c.max_points for c in checks))}"
        note = f'<div class="fb no">{paragraphs(shared(lang))}</div>' if shared else ""
        if task:
            body.append(f'<tr class="tarea"><th colspan="3">{head}{note}</th></tr>')
        for c in checks:
            score = got.get(c.id, c.points)
            hidden = f' <span class="oculta">{esc(HIDDEN(lang).strip())}</span>' if not c.public else ""
            fb = "" if c.passed or shared else _feedback(c, lang)
            body.append(f'<tr class="check" data-check="{esc(c.id)}">{_mark(c.passed)}<td>{esc(c.title(lang))}'
                        f'{hidden}{fb}</td><td class="num">{points(score)} / {points(c.max_points)}</td></tr>')
    return "".join(body)


def _written(view: CourseView, aid: str, sid: str, lang: str) -> str:
    """The written answers: pending until graded in formgrader, then the score and the instructor's comment."""
    a = view.manifests.get(aid)
    if not a or not a.manual:
        return ""
    row = view.scores[aid].get(sid) or {}
    scores, comments = row.get("manual") or {}, row.get("comments") or {}
    body = [f'<tr class="tarea"><th colspan="3">{esc(Text("Respuestas escritas", "Written answers")(lang))}</th></tr>']
    for m in a.manual:
        score = scores.get(m.id)
        if score is None:
            fb = Text("Pendiente de revisión: tu profesor la califica a mano; hasta entonces cuenta 0.",
                      "Pending review: your instructor grades it by hand; until then it counts 0.")(lang)
            detail = f'<div class="fb pend">{esc(fb)}</div>'
        else:
            said = comments.get(m.id)
            detail = (f'<div class="comentario"><p>{esc(Text("Comentario del profesor:", "Instructor comment:")(lang))}'
                      f"</p>{paragraphs(said)}</div>") if said else ""
        ok = None if score is None else score >= m.points
        body.append(f'<tr class="escrita" data-manual="{esc(m.id)}">{_mark(ok)}<td>{esc(m.title(lang))}{detail}'
                    f'</td><td class="num">{points(score)} / {points(m.points)}</td></tr>')
    return "".join(body)


def _assignment(view: CourseView, aid: str, sid: str, lang: str) -> str:
    title, top = view.titles[aid](lang), view.maxima[aid]
    if not view.submitted(aid, sid):
        note = Text(f"Sin entrega: no hay un notebook tuyo de esta tarea; cuenta 0 de {points(top)} puntos.",
                    f"No submission: there is no notebook of yours for this assignment; it counts 0 of "
                    f"{points(top)} points.")(lang)
        return (f'<section id="{esc(aid)}"><h2>{esc(title)}: 0 / {points(top)}</h2>'
                f'<p class="sin-entrega">{esc(note)}</p></section>')
    got, pending = view.points(aid, sid), view.pending(aid, sid)
    parts = [f'<section id="{esc(aid)}"><h2>{esc(title)}: {points(got)} / {points(top)}</h2>']
    a = view.manifests.get(aid)
    if a and a.manual:
        auto, manual = points(a.auto_points), points(sum(m.points for m in a.manual))
        split = Text(f"{auto} puntos de pruebas automáticas y {manual} de respuestas escritas",
                     f"{auto} points of automatic checks and {manual} of written answers")
        if pending:
            split += Text(f" ({points(pending)} pendientes de revisión)", f" ({points(pending)} pending review)")
        parts.append(f'<p class="sub">{esc(split(lang))}.</p>')
    result = view.results[aid].get(sid)
    if result is None:
        alone = Text("Calificada fuera de dlgrader: solo hay puntos, sin retroalimentación.",
                     "Graded outside dlgrader: points only, no feedback.")
        parts.append(f"<p>{esc(alone(lang))}</p>")
    else:
        parts += [f'<div class="problema">{paragraphs(p(lang))}</div>' for p in result.problems]
        head = Text('<tr><th class="marca"></th><th>Prueba</th><th class="num">Puntos</th></tr>',
                    '<tr><th class="marca"></th><th>Check</th><th class="num">Points</th></tr>')(lang)
        parts.append(f'<table class="pruebas"><thead>{head}</thead><tbody>{_checks(view, aid, sid, result, lang)}'
                     f"{_written(view, aid, sid, lang)}</tbody></table>")
    parts.append("</section>")
    return "".join(parts)


def _summary(view: CourseView, sid: str, lang: str) -> str:
    """Where the student stands: each assignment's points and state, the grades through the rubric."""
    rows = []
    for aid in view.assignments:
        state = (Text("sin entrega", "no submission") if not view.submitted(aid, sid)
                 else Text("respuestas escritas por revisar", "written answers to review") if view.pending(aid, sid)
                 else Text("calificada", "graded"))(lang)
        got = view.points(aid, sid) if view.submitted(aid, sid) else 0
        rows.append(f'<tr><td><a href="#{esc(aid)}">{esc(view.titles[aid](lang))}</a></td>'
                    f'<td class="num">{points(got)} / {points(view.maxima[aid])}</td><td>{esc(state)}</td></tr>')
    head = Text("<tr><th>Tarea</th><th class='num'>Puntos</th><th>Estado</th></tr>",
                "<tr><th>Assignment</th><th class='num'>Points</th><th>State</th></tr>")(lang)
    out = [f"<table class='resumen'><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"]
    g = view.grades.get(sid)
    if g is not None and view.rubric is not None:
        show = view.rubric.scale.show
        evals = " · ".join(f"{esc(e.title(lang))}: {esc(show(e.grade))}" for e in g.evaluations if e.grade is not None)
        out.append(f'<p class="nota-final">{esc(g.label(lang))}: <strong>{esc(show(g.final))}</strong></p>'
                   f'<p class="sub">{evals}</p>')
    return "".join(out)


def student_page(view: CourseView, sid: str, lang: str = "es") -> str:
    """The page of one student on the roster, whether they submitted anything or not."""
    name = view.name(sid)
    rubric = view.rubric
    course = f"{rubric.course(lang)} ({rubric.institution})" if rubric is not None and rubric.course else ""
    sub = esc(sid) + (f" · {esc(course)}" if course else "")
    body = [f"<h1>{esc(Text('Retroalimentación: ', 'Feedback: ')(lang) + name)}</h1><p class='sub'>{sub}</p>",
            _summary(view, sid, lang)]
    body += [_assignment(view, aid, sid, lang) for aid in view.assignments]
    return page(Text("Retroalimentación: ", "Feedback: ")(lang) + name, "\n".join(body), lang)
