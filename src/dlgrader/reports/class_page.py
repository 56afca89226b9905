"""The class page: what an instructor acts on.

Final grades and each evaluation's grades as distributions with the pass line (students who submitted
nothing counted beside the bars, not in them), every student in a table that sorts by any column and
links to their page, and per assignment: how many submitted, which checks the class fails (one bar per
check, by title, grouped by task), the mistakes it makes most (the graders' mutants, described in the
reader's language) and the submissions that would not load.
"""

from __future__ import annotations

from collections import Counter

from ..material.mutants import closest_mutant, read_mutants
from ..results import SubmissionResult
from ..text import Text
from . import charts
from .pages import SORTING, esc, page
from .submission import points
from .view import CourseView

STUDENTS = Text("Estudiantes", "Students")


def mistakes(results: list[SubmissionResult], mutants_dir) -> Counter:
    """How many submissions behave like each known mistake; empty and unreadable ones are left out, and so are
    the checks a broken cell or a missing name sank (not a mistake in the code: it never ran)."""
    known = read_mutants(mutants_dir)
    out: Counter = Counter()
    for r in results:
        failed = {c.id for c in r.checks if not c.passed and c.cause is None}
        if not failed or len(failed) == len(r.checks):
            continue
        m = closest_mutant(failed, known)
        if m is not None:
            out[m] += 1
    return out


def _histogram(view: CourseView, values: list[float], title: str, xlabel: str, lang: str, **size):
    scale = view.rubric.scale
    line = Text(f"aprobación {scale.show(scale.passing)}", f"pass mark {scale.show(scale.passing)}")(lang)
    return charts.histogram(values, lowest=float(scale.lowest), highest=float(scale.highest),
                            passing=float(scale.passing), title=title, xlabel=xlabel,
                            ylabel=STUDENTS(lang), pass_label=line, **size)


def final_figure(view: CourseView, lang: str):
    """The final grades of the students who submitted something, with the pass line; (figure, caption), or None."""
    done = {sid: g for sid, g in view.grades.items() if g.final is not None}
    present = [g for g in done.values() if not g.absent]
    if not present:
        return None
    label = present[0].label(lang)
    fig = _histogram(view, [float(g.final) for g in present], label, label, lang, width=6.4, height=2.8)
    passed, beside = sum(1 for g in present if g.passed), len(done) - len(present)
    return fig, Text(f"Aprueban {passed} de {len(present)} estudiantes con alguna entrega; {beside} sin ninguna "
                     "entrega (fuera de las barras).",
                     f"{passed} of {len(present)} students with a submission pass; {beside} with no submission "
                     "(not in the bars).")(lang)


def evaluation_figures(view: CourseView, lang: str):
    """Per graded evaluation: (evaluation, figure of the grades of those who submitted to it, caption)."""
    out = []
    for n, ev in enumerate(view.rubric.evaluations):
        graded = [aid for aid in ev.assignments if aid in view.scores]
        if not graded:
            continue
        who = [sid for sid in view.grades if any(view.submitted(aid, sid) for aid in graded)]
        values = [float(g) for sid in who if (g := view.grades[sid].evaluations[n].grade) is not None]
        fig = _histogram(view, values, ev.title(lang), Text("Nota", "Grade")(lang), lang)
        left = len(view.grades) - len(who)
        out.append((ev, fig, Text(f"{len(who)} con entrega; {left} sin entrega (fuera de las barras).",
                                  f"{len(who)} submitted; {left} did not (not in the bars).")(lang)))
    return out


def pass_rate_figure(view: CourseView, aid: str, lang: str):
    """One bar per check of ``aid``: the share of its submissions that pass it, by title, grouped by task."""
    a = view.manifests.get(aid)
    results = [view.results[aid][sid] for sid in view.submitters(aid) if sid in view.results[aid]]
    if not results or a is None:
        return None
    names = {t.id: ", ".join(t.names) for t in a.tasks}
    bars = []
    for c in a.checks:
        passed = sum(next((k.passed for k in r.checks if k.id == c.id), False) for r in results)
        bars.append(charts.Bar(c.title(lang), passed / len(results), names.get(c.task, c.task)))
    return charts.pass_rates(bars, Text("% de entregas que la superan", "% of submissions that pass it")(lang))


def figures(view: CourseView, lang: str = "es"):
    """Every figure the class page draws, by what it shows (for tests that look at the figures themselves)."""
    if view.rubric is not None:
        if (final := final_figure(view, lang)) is not None:
            yield "final", final[0]
        for ev, fig, _ in evaluation_figures(view, lang):
            yield ev.id, fig
    for aid in view.assignments:
        if (fig := pass_rate_figure(view, aid, lang)) is not None:
            yield aid, fig


def _grades(view: CourseView, lang: str) -> str:
    parts = [f'<section id="notas"><h2>{esc(Text("Notas", "Grades")(lang))}</h2>']
    final = final_figure(view, lang)
    if final is not None:
        fig, caption = final
        parts.append(f'<figure id="nota-final">{charts.embedded(fig, caption)}<figcaption>{esc(caption)}'
                     "</figcaption></figure>")
    shown = [f'<figure class="evaluacion" data-evaluation="{esc(ev.id)}">{charts.embedded(fig, ev.title(lang))}'
             f"<figcaption>{esc(caption)}</figcaption></figure>" for ev, fig, caption in evaluation_figures(view, lang)]
    parts.append(f'<div class="figuras">{"".join(shown)}</div></section>')
    return "".join(parts)


def _cell(text: str, value, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f'<td{attr} data-valor="{esc(value)}">{esc(text)}</td>'


def _table(view: CourseView, lang: str) -> str:
    """Every student on the roster: name and link, submissions, each evaluation, the final grade, pending points."""
    rubric = view.rubric
    evaluations = [e for e in rubric.evaluations if any(a in view.scores for a in e.assignments)] if rubric else []
    head = [Text("Estudiante", "Student"), Text("Entregas", "Submissions")] + [e.title for e in evaluations]
    if rubric:
        head.append(Text("Nota final", "Final grade"))
    head.append(Text("Escritas por revisar (pts)", "Written answers to review (pts)"))
    rows = []
    for s in view.students:
        sid = s["id"]
        g = view.grades.get(sid)
        done = sum(view.submitted(aid, sid) for aid in view.assignments)
        cells = [f'<td data-valor="{esc((s.get("last_name") or sid).casefold())}"><a href="estudiantes/{esc(sid)}.html">'
                 f"{esc(view.name(sid))}</a></td>", _cell(f"{done}/{len(view.assignments)}", done, "num")]
        for e in evaluations:
            grade = g.evaluations[rubric.evaluations.index(e)].grade if g else None
            cells.append(_cell(rubric.scale.show(grade), -1 if grade is None else grade, "num"))
        if rubric:
            final = g.final if g else None
            cells.append(_cell(rubric.scale.show(final), -1 if final is None else final, "num final"))
        pending = sum(view.pending(aid, sid) for aid in view.assignments)
        cells.append(_cell(points(pending) if pending else "", pending, "num"))
        failing = ' class="reprueba"' if g is not None and g.passed is False else ""
        rows.append(f'<tr data-student="{esc(sid)}"{failing}>{"".join(cells)}</tr>')
    ths = "".join(f'<th title="{esc(h(lang))}">{esc(h(lang).split(":")[0])}</th>' for h in head)
    hint = Text("Haz clic en un encabezado para ordenar.", "Click a heading to sort.")(lang)
    return (f'<section id="estudiantes"><h2>{esc(STUDENTS(lang))}</h2><p class="sub solo-pantalla">{esc(hint)}</p>'
            f'<table class="ordenable"><thead><tr>{ths}</tr></thead><tbody>{"".join(rows)}</tbody></table></section>')


def _assignment(view: CourseView, aid: str, lang: str) -> str:
    a, title = view.manifests.get(aid), view.titles[aid](lang)
    results = [view.results[aid][sid] for sid in view.submitters(aid) if sid in view.results[aid]]
    n, total = len(view.submitters(aid)), len(view.students)
    parts = [f'<section id="{esc(aid)}" class="tarea"><h2>{esc(title)}</h2>']
    mean = sum(view.points(aid, sid) or 0 for sid in view.submitters(aid)) / n if n else 0.0
    pending = sum(view.pending(aid, sid) for sid in view.submitters(aid))
    seconds = sum(r.seconds for r in results)
    stats = Text(f"{n} entregas de {total} estudiantes ({total - n} sin entrega); promedio {mean:.1f} de "
                 f"{points(view.maxima[aid])} puntos; {points(pending)} puntos de respuestas escritas por revisar; "
                 f"tiempo de calificación {seconds:.1f} s.",
                 f"{n} submissions from {total} students ({total - n} without); mean {mean:.1f} of "
                 f"{points(view.maxima[aid])} points; {points(pending)} points of written answers to review; "
                 f"grading time {seconds:.1f} s.")(lang)
    parts.append(f"<p>{esc(stats)}</p>")
    fig = pass_rate_figure(view, aid, lang)
    if fig is not None:
        alt = Text(f"Aprobación de cada prueba de {aid}", f"Pass rate of each check of {aid}")(lang)
        parts.append(f'<figure class="aprobacion" data-assignment="{esc(aid)}">{charts.embedded(fig, alt)}</figure>')
    common = mistakes(results, view.material.mutants_dir(aid)) if view.material and a else Counter()
    if common:
        head = Text("<tr><th>Error frecuente</th><th class='num'>Entregas</th></tr>",
                    "<tr><th>Frequent mistake</th><th class='num'>Submissions</th></tr>")(lang)
        rows = "".join(f'<tr class="mistake" data-mutant="{esc(m.name)}"><td>{esc(m.description(lang))}</td>'
                       f'<td class="num">{k}</td></tr>' for m, k in common.most_common(8))
        parts.append(f"<h3>{esc(Text('Errores frecuentes', 'Frequent mistakes')(lang))}</h3><table>{head}{rows}</table>")
    broken = [(r.student, p(lang).partition(chr(10))[0]) for r in results for p in r.problems]
    if broken:
        items = "".join(f'<li><a href="estudiantes/{esc(sid)}.html#{esc(aid)}">{esc(view.name(sid))}</a>: {esc(p)}</li>'
                        for sid, p in broken)
        parts.append(f"<h3>{esc(Text('Entregas con problemas', 'Submissions with problems')(lang))}</h3><ul>{items}</ul>")
    parts.append("</section>")
    return "".join(parts)


def class_page(view: CourseView, lang: str = "es") -> str:
    rubric = view.rubric
    course = f"{rubric.course(lang)} ({rubric.institution})" if rubric is not None and rubric.course else ""
    count = Text(f"{len(view.students)} estudiantes, {len(view.assignments)} tareas",
                 f"{len(view.students)} students, {len(view.assignments)} assignments")(lang)
    links = [("#notas", Text("Notas", "Grades"))] if rubric else []
    links.append(("#estudiantes", STUDENTS))
    nav = " ".join(f'<a href="{h}">{esc(t(lang))}</a>' for h, t in links)
    nav += " · " + " ".join(f'<a href="#{esc(aid)}">{esc(aid[:2])}</a>' for aid in view.assignments)
    body = [f"<h1>{esc(Text('Informe del curso', 'Course report')(lang))}</h1>",
            f"<p class='sub'>{esc(' · '.join(x for x in (course, count) if x))}</p><nav>{nav}</nav>"]
    if rubric:
        body.append(_grades(view, lang))
    body.append(_table(view, lang))
    body += [_assignment(view, aid, lang) for aid in view.assignments]
    return page(Text("Informe del curso", "Course report")(lang), "\n".join(body), lang, script=SORTING)
