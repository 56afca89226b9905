"""``dlgrader report``: a feedback page per student and a class page for the instructor, as static HTML.

Pages are built only from what autograde saved (each check's points, message,
counterexample and hint) and the gradebook: never from grader source or the
reference, which this module does not read. Every text is HTML-escaped, since
feedback quotes student output. Figures are matplotlib PNG files beside the
pages, so the folder can be zipped or served as it is.
"""

from __future__ import annotations

import html
from collections import Counter
from pathlib import Path
from typing import Mapping, Sequence

from ..course.grades import course_scores, final_grades
from ..course.store import read_results, results_dir
from ..errors import ConfigError
from ..material.mutants import closest_mutant, read_mutants
from ..material.paths import find_material
from ..results import SubmissionResult
from ..text import Text
from .submission import HIDDEN, points

STYLE = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}
.ok{color:#176317}.no{color:#a11}pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem}img{max-width:100%}"""


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _page(title: str, body: str, lang: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{_e(title)}</title>'
            f"<style>{STYLE}</style></head><body>\n<h1>{_e(title)}</h1>\n{body}\n</body></html>\n")


def student_page(student: str, results: Sequence[SubmissionResult], titles: Mapping[str, str],
                 grades_row: str, lang: str = "es") -> str:
    """One student's checks in every graded assignment: points, and what to fix where a check failed."""
    parts = [f"<p>{_e(grades_row)}</p>"] if grades_row else []
    for r in results:
        parts.append(f'<h2 id="{_e(r.assignment)}">{_e(titles.get(r.assignment, r.assignment))}: '
                     f"{points(r.score)} / {points(r.max_score)}</h2>")
        parts += [f'<p class="no">{_e(p(lang))}</p>' for p in r.problems]
        rows = []
        for c in r.checks:
            mark = '<span class="ok">✓</span>' if c.passed else '<span class="no">✗</span>'
            kind = "" if c.public else HIDDEN(lang)
            feedback = f"<pre>{_e(c.feedback(lang))}</pre>" if not c.passed else ""
            rows.append(f'<tr class="check" data-check="{_e(c.id)}"><td>{mark}</td><td>{_e(c.title(lang))}{kind}'
                        f"{feedback}</td><td>{points(c.points)} / {points(c.max_points)}</td></tr>")
        head = Text("<tr><th></th><th>Prueba</th><th>Puntos</th></tr>",
                    "<tr><th></th><th>Check</th><th>Points</th></tr>")(lang)
        parts.append(f"<table>{head}{''.join(rows)}</table>")
    return _page(Text(f"Retroalimentación: {student}", f"Feedback: {student}")(lang), "\n".join(parts), lang)


def _figure(path: Path, draw) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=(7, 3.2))
    draw(fig.gca())
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)
    return path


def _pass_rates(results: Sequence[SubmissionResult]) -> list[tuple[str, float]]:
    checks = [c.id for c in results[0].checks]
    return [(cid, sum(next(c for c in r.checks if c.id == cid).passed for r in results) / len(results))
            for cid in checks]


def mistakes(results: Sequence[SubmissionResult], mutants_dir: Path) -> Counter:
    """How many submissions behave like each known mistake; empty and unreadable ones are left out."""
    known = read_mutants(mutants_dir)
    out: Counter = Counter()
    for r in results:
        failed = {c.id for c in r.checks if not c.passed}
        if not failed or len(failed) == len(r.checks):
            continue
        m = closest_mutant(failed, known)
        out[(m.name, m.why) if m else ("—", "")] += 1
    return out


def class_page(folder: Path, by_assignment: Mapping[str, list[SubmissionResult]], titles: Mapping[str, str],
               material, grades=None, rubric=None, lang: str = "es") -> str:
    """Grade distribution per evaluation, pass rate per check, frequent mistakes and grading time."""
    img = folder / "img"
    img.mkdir(exist_ok=True)
    parts = []
    if grades and rubric:
        parts.append(f"<h2>{Text('Notas por evaluación', 'Grades per evaluation')(lang)}</h2>")
        for n, ev in enumerate(rubric.evaluations):
            values = [float(g.evaluations[n].grade) for g in grades.values() if g.evaluations[n].grade is not None]
            if not values:
                continue
            name = f"notas_{ev.id}.png"
            _figure(img / name, lambda ax, v=values, t=ev.title(lang): (
                ax.hist(v, bins=12, range=(float(rubric.scale.lowest), float(rubric.scale.highest)), color="#3a6ea5"),
                ax.axvline(float(rubric.scale.passing), color="#a11", linestyle="--"), ax.set_title(t)))
            parts.append(f'<img src="img/{name}" alt="{_e(ev.title(lang))}">')
    for aid, results in by_assignment.items():
        if not results:
            continue
        parts.append(f'<h2 id="{_e(aid)}">{_e(titles.get(aid, aid))}</h2>')
        rates = _pass_rates(results)
        name = f"aprobacion_{aid}.png"
        _figure(img / name, lambda ax, r=rates: (
            ax.barh([c for c, _ in r][::-1], [100 * v for _, v in r][::-1], color="#3a6ea5"),
            ax.set_xlim(0, 100), ax.set_xlabel(Text("% de entregas que la superan", "% of submissions passing")(lang))))
        parts.append(f'<img src="img/{name}" alt="{_e(aid)}">')
        seconds = sum(r.seconds for r in results)
        n, each = len(results), seconds / len(results)
        parts.append("<p>" + Text(f"{n} entregas; tiempo de calificación: {seconds:.1f} s ({each:.2f} s por entrega).",
                                  f"{n} submissions; grading time: {seconds:.1f} s ({each:.2f} s per submission).")(lang)
                     + "</p>")
        common = mistakes(results, material.mutants_dir(aid)) if material else Counter()
        if common:
            head = Text("<tr><th>Error típico (mutante)</th><th>Descripción</th><th>Entregas</th></tr>",
                        "<tr><th>Typical mistake (mutant)</th><th>Description</th><th>Submissions</th></tr>")(lang)
            rows = "".join(f'<tr class="mistake"><td>{_e(n)}</td><td>{_e(w)}</td><td>{k}</td></tr>'
                           for (n, w), k in common.most_common(10))
            parts.append(f"<table>{head}{rows}</table>")
    links = "".join(f'<li><a href="estudiantes/{_e(s)}.html">{_e(s)}</a></li>'
                    for s in sorted({r.student for rs in by_assignment.values() for r in rs}))
    parts.append(f"<h2>{Text('Estudiantes', 'Students')(lang)}</h2><ul>{links}</ul>")
    return _page(Text("Informe del curso", "Course report")(lang), "\n".join(parts), lang)


def write_report(course_dir, *, out: str | Path | None = None, rubric: str | Path | None = None, root=None,
                 db_url: str | None = None, lang: str = "es") -> Path:
    """Write ``report/index.html`` and ``report/estudiantes/<id>.html``; returns the index."""
    course_dir = Path(course_dir)
    _, _, known = course_scores(course_dir, db_url)
    by_assignment = {aid: read_results(course_dir, aid) for aid in known
                     if results_dir(course_dir, aid).is_dir()}
    if not by_assignment:
        raise ConfigError(Text(f"No hay resultados guardados en {course_dir}; ejecuta dlgrader autograde primero.",
                               f"There are no saved results in {course_dir}; run dlgrader autograde first."))
    try:
        material = find_material(root)
    except ConfigError:
        material = None
    titles = {aid: f"{aid} {material.assignment(aid).title(lang)}" for aid in by_assignment
              if material and aid in material.assignment_ids()}
    scored = grades = None
    if rubric:
        scored, grades, _ = final_grades(course_dir, rubric, db_url, root)
    folder = Path(out) if out else course_dir / "report"
    (folder / "estudiantes").mkdir(parents=True, exist_ok=True)
    students = sorted({r.student for rs in by_assignment.values() for r in rs})
    for sid in students:
        mine = [r for rs in by_assignment.values() for r in rs if r.student == sid]
        g = grades.get(sid) if grades else None
        row = f"{g.label(lang)}: {scored.scale.show(g.final)}" if g else ""
        (folder / "estudiantes" / f"{sid}.html").write_text(student_page(sid, mine, titles, row, lang), encoding="utf-8")
    index = folder / "index.html"
    index.write_text(class_page(folder, by_assignment, titles, material, grades, scored, lang), encoding="utf-8")
    return index
