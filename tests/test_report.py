"""``dlgrader report`` on the demo course, read as its readers read it: each page loaded in Chromium.

A student's page counts every point (01: 22, the written answer pending, then graded with the
instructor's formgrader comment), explains a syntax error once with its line and a caret, is in
Spanish (no English compiler text) and never names a grader helper; every roster student has a page,
submitted or not. The class page's figures keep every label apart (asserted from the figures
themselves), its student table sorts, and every figure decodes. Each checker here is shown to fail.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from conftest import REPO
from dlgrader.cli import main
from dlgrader.course.folders import db_url_for
from dlgrader.reports import charts
from dlgrader.reports.class_page import figures
from dlgrader.reports.view import load_view

RUBRIC = REPO / "rubric" / "duoc.yaml"
ROSTER = [line.split(",")[0] for line in (REPO / "examples" / "roster.csv").read_text(encoding="utf-8").splitlines()[1:]]
COMMENT = "Bien explicado; falta relacionarlo con la recta de cada neurona."
# What Python, the wire and the English pages say: none of it may reach a Spanish page's prose.
ENGLISH = ["expected", "is not defined", "was never closed", "invalid syntax", "may not cross", "object",
           "argument", "unsupported", "out of range", "out of bounds", "could not", "cannot", "did you mean",
           "perhaps", "returned", "raised", "not implemented", "falsifying", "smallest failing", "hint",
           "points", "check", "hidden", "pending", "submission", "python dice"]
HELPERS = re.compile(r"corrector_\w+|apoyo_corrector|modelo_desde_capas|pesos_de\b")


def prose(page: str) -> str:
    """A page's visible words: no markup, no code (students' lines, calls to type), no styles or scripts."""
    page = re.sub(r"<(pre|code|style|script)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page)).casefold()


def english_in(page: str) -> list[str]:
    text = prose(page)
    return [w for w in ENGLISH if re.search(rf"\b{re.escape(w)}\b", text)]


def rendered(browser: str, page: Path, script: str = "") -> str:
    """The page's DOM after Chromium loaded it (and ran ``script``), each image's decoded width in ``data-widths``."""
    probe = page.with_name(page.stem + "_probe.html")
    probe.write_text(page.read_text(encoding="utf-8").replace(
        "</body>", "<script>window.addEventListener('load', () => {" + script + " document.body.dataset.widths = "
                   "[...document.images].map(i => i.naturalWidth).join(','); });</script></body>"), encoding="utf-8")
    run = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
                          "--virtual-time-budget=5000", "--dump-dom", probe.as_uri()],
                         capture_output=True, text=True, timeout=180)
    probe.unlink()
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout


def section(dom: str, aid: str) -> str:
    m = re.search(rf'<section id="{aid}".*?</section>', dom, flags=re.S)
    assert m, aid
    return m.group(0)


@pytest.fixture(scope="module")
def report(demo_course, tmp_path_factory):
    """The demo's report as it is (written answers pending), and again after the instructor graded ana_perez's
    01 written answer in formgrader (on a copy of the course: the demo course is shared)."""
    base = tmp_path_factory.mktemp("informe")
    assert main(["--root", str(REPO), "report", "--course", str(demo_course.course), "--rubric", str(RUBRIC),
                 "--out", str(base / "pendiente")]) == 0
    graded = base / "curso_revisado"
    shutil.copytree(demo_course.course, graded, ignore=shutil.ignore_patterns("submitted", "autograded", "lms"))
    with Gradebook(db_url_for(graded), "dlgrader") as gb:  # what formgrader's grading page does
        gb.find_grade("explicacion_xor", "01_perceptron", "01_perceptron", "ana_perez").manual_score = 1.5
        gb.find_comment("explicacion_xor", "01_perceptron", "01_perceptron", "ana_perez").manual_comment = COMMENT
        gb.db.commit()
    assert main(["--root", str(REPO), "report", "--course", str(graded), "--rubric", str(RUBRIC),
                 "--out", str(base / "revisado")]) == 0
    return base / "pendiente", base / "revisado", graded


@pytest.mark.slow
def test_every_point_of_01_is_on_the_page_the_written_answer_pending_then_graded(report, browser):
    pending, graded, _ = report
    before = section(rendered(browser, pending / "estudiantes" / "ana_perez.html"), "01_perceptron")
    assert re.search(r"<h2>01 · [^<]*: 20 / 22</h2>", before), before[:300]
    assert "2 pendientes de revisión" in before
    written = re.search(r'<tr class="escrita" data-manual="explicacion_xor">.*?</tr>', before, flags=re.S).group(0)
    assert "Pendiente de revisión" in written and "— / 2" in written
    after = section(rendered(browser, graded / "estudiantes" / "ana_perez.html"), "01_perceptron")
    assert re.search(r"<h2>01 · [^<]*: 21\.5 / 22</h2>", after)
    written = re.search(r'<tr class="escrita" data-manual="explicacion_xor">.*?</tr>', after, flags=re.S).group(0)
    assert "1.5 / 2" in written and html.escape(COMMENT) in written and "Pendiente" not in written
    checks = re.findall(r'<tr class="check" data-check="[^"]+">', after)
    assert len(checks) == 18  # and every check of 01 (20 points) listed


@pytest.mark.slow
def test_a_syntax_error_is_one_message_with_its_line_and_a_caret(report, browser):
    pending, _, _ = report
    dom = rendered(browser, pending / "estudiantes" / "elena_martinez.html")
    first = section(dom, "01_perceptron")
    problems = re.findall(r'<div class="problema">(.*?)</div>', first, flags=re.S)
    assert len(problems) == 1 and prose(first).count("error de sintaxis") == 1, problems
    assert "celda entrenar_perceptron, línea 1: falta ':'." in problems[0]
    code = html.unescape(re.search(r"<pre>(.*?)</pre>", problems[0], flags=re.S).group(1)).splitlines()
    assert code[0].strip().startswith("def entrenar_perceptron(") and code[1].strip() == "^"
    assert len(code[1]) - 1 == len(code[0])  # under the end of the line, where ':' is missing
    assert "No encontré" not in dom  # the checks it sank are not a second diagnosis
    sunk = re.findall(r'<tr class="tarea"><th colspan="3">entrenar_perceptron · 0 / 10(.*?)</th>', first, flags=re.S)
    assert len(sunk) == 1 and "Sin revisar" in sunk[0]  # said once, for the task
    assert "Sin revisar" not in re.sub(r'<tr class="tarea">.*?</tr>', "", first, flags=re.S)


@pytest.mark.slow
def test_spanish_pages_have_no_english_and_no_grader_helper_names(report):
    pending, _, _ = report
    pages = sorted((pending / "estudiantes").glob("*.html")) + [pending / "index.html"]
    assert len(pages) == len(ROSTER) + 1
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert english_in(text) == [], page.name
        assert HELPERS.findall(prose(text)) == [], page.name
    counterexamples = [html.unescape(c) for p in pages for c in re.findall(r"<pre><code>(.*?)</code></pre>",
                                                                          p.read_text(encoding="utf-8"), flags=re.S)]
    assert counterexamples and not [c for c in counterexamples if "case=" in c or HELPERS.search(c)]
    assert any(c.startswith("escalon(") for c in counterexamples)  # the call to type, not hypothesis' arguments


@pytest.mark.slow
def test_every_roster_student_has_a_page_and_the_class_page_links_each(report, browser):
    pending, _, _ = report
    assert sorted(p.stem for p in (pending / "estudiantes").glob("*.html")) == sorted(ROSTER)
    nothing = rendered(browser, pending / "estudiantes" / "luis_morales.html")
    assert "Retroalimentación: Luis Morales" in nothing and nothing.count('class="sin-entrega"') == 9
    dom = rendered(browser, pending / "index.html",  # a reader clicks the final grade's heading
                   "[...document.querySelectorAll('table.ordenable thead th')].find(t => t.title === 'Nota final')"
                   ".click(); document.body.dataset.orden = [...document.querySelectorAll('table.ordenable tbody tr')]"
                   ".map(r => r.querySelector('td.final').dataset.valor).join(',');")
    widths = re.search(r'data-widths="([\d,]*)"', dom).group(1).split(",")
    assert len(widths) >= 9 + 4 + 1 and all(int(w) > 0 for w in widths), widths  # every figure decoded
    rows = re.findall(r'<tr data-student="([^"]+)"', dom)
    assert sorted(rows) == sorted(ROSTER)
    assert all(f'href="estudiantes/{sid}.html"' in dom for sid in ROSTER)
    order = [float(v) for v in re.search(r'data-orden="([^"]*)"', dom).group(1).split(",")]
    assert order == sorted(order) and order[0] < 4.0 <= order[-1]  # sorted by final grade on a click
    for aid in ("01_perceptron", "02_activaciones", "08_crispdm"):
        assert f'id="{aid}"' in dom and f'data-assignment="{aid}"' in dom
    assert 'class="mistake"' in dom and "Errores frecuentes" in dom


@pytest.mark.slow
def test_no_label_of_any_class_page_figure_overlaps_another(demo_course):
    """Asserted from each figure itself: the drawn boxes of its texts (check titles at 39 and 37 checks in 02 and
    08, task names, percentages, axis labels, the pass line's label) never intersect."""
    view = load_view(demo_course.course, rubric=RUBRIC, root=REPO)
    drawn = dict(figures(view, "es"))
    assert {"final", "unidad1_prueba", "02_activaciones", "08_crispdm"} <= set(drawn)
    for name, fig in drawn.items():
        assert charts.overlapping_labels(fig) == [], name
    ticks = [t.get_text() for t in drawn["02_activaciones"].axes[0].get_yticklabels()]
    assert len(ticks) == 39 and any(t.startswith("sigmoide") for t in ticks)  # bars by title, not by id


def test_the_checkers_can_fail():
    """Each test above would notice what it looks for."""
    assert english_in("<p>Error de sintaxis: expected ':'.</p>") == ["expected"]
    assert english_in("<p>Falta ':'.</p><pre>expected = 1</pre>") == []  # a student's code is theirs
    assert HELPERS.findall(prose("<p>corrector_seleccionar() lanzó ValueError</p>")) == ["corrector_seleccionar"]
    fig = charts.pass_rates([charts.Bar(f"prueba número {n} con un título largo", 0.5, "t") for n in range(40)], "%")
    fig.set_size_inches(6, 3)  # forty rows squeezed into three inches
    assert charts.overlapping_labels(fig)
