"""Rubric loading and grade computation: exact, half-up, and strict about the YAML."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO
from dlgrader.course.grades import student_grades
from dlgrader.course.rubric import load_rubric
from dlgrader.course.scales import chile, round_half_up
from dlgrader.errors import ConfigError

DUOC = Path(__file__).resolve().parents[1] / "rubric" / "duoc.yaml"
KNOWN = {"01_perceptron": 20.0, "02_backprop": 100.0, "03_descenso": 100.0, "02_activaciones": 45.0,
         "06_convolucion": 32.0, "07_regularizacion": 28.0, "08_crispdm": 41.0,
         "03_backprop": 31.0, "04_descenso_gradiente": 28.0, "05_optimizadores": 27.0,
         "09_prueba_unidad1": 20.0}

GOOD = """\
institution: Prueba
scale: {kind: chile, min: 1.0, max: 7.0, pass: 4.0, exigencia: 0.60}
evaluations:
  - {id: u1, title_es: "Unidad 1", title_en: "Unit 1", weight: 50, assignments: [02_backprop]}
  - {id: u2, title_es: "Unidad 2", title_en: "Unit 2", weight: 50, assignments: [03_descenso]}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rubrica.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def chile_reference(p: int, total: int = 100, exigencia: str = "0.60") -> Decimal:
    """The slide's formula evaluated in Decimal (exact at these sizes) and rounded half up."""
    with localcontext() as ctx:
        ctx.prec = 60
        e, p_, total_ = Decimal(exigencia), Decimal(p), Decimal(total)
        threshold = e * total_
        if p_ < threshold:
            nota = Decimal(1) + Decimal(3) * p_ / threshold
        else:
            nota = Decimal(4) + Decimal(3) * (p_ - threshold) / (total_ * (Decimal(1) - e))
        return nota.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@pytest.mark.parametrize("points, expected", [(59, "4.0"), (62, "4.2"), (74, "5.1"), (0, "1.0"), (100, "7.0")])
def test_chilean_scale_at_60_percent_exigencia(points, expected):
    """The values a DuocUC instructor checks by hand (62 is exactly 4.15: float rounding gets it wrong)."""
    grade = chile().grade(Fraction(points), Fraction(100))
    assert str(grade) == expected


def test_chilean_scale_all_integer_scores_out_of_100():
    got = {p: chile().grade(Fraction(p), Fraction(100)) for p in range(101)}
    assert got == {p: chile_reference(p) for p in range(101)}
    assert all(str(g).count(".") == 1 and len(str(g).split(".")[1]) == 1 for g in got.values())


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(total=st.integers(1, 500), data=st.data())
def test_chilean_scale_matches_integer_arithmetic(total, data):
    """At E = 3/5, ten times the nota plus one half is (150p − 9P)/(2P) from E·P on, (21P + 100p)/(2P) below."""
    p = data.draw(st.integers(0, total))
    tenths = (21 * total + 100 * p) // (2 * total) if 5 * p < 3 * total else (150 * p - 9 * total) // (2 * total)
    assert chile().grade(Fraction(p), Fraction(total)) == Decimal(tenths) / 10


def test_round_half_up_is_exact():
    assert str(round_half_up(Fraction(425, 100))) == "4.3"  # round(4.25, 1) gives 4.2
    assert str(round_half_up(Fraction(405, 100))) == "4.1"  # the float 4.05 is below 4.05
    assert str(round_half_up(Fraction(405, 100) - Fraction(1, 10**30))) == "4.0"
    assert str(round_half_up(Fraction(1, 3), 2)) == "0.33"
    with pytest.raises(ValueError):
        round_half_up(Fraction(-1, 2))


def test_duoc_rubric_loads():
    rubric = load_rubric(DUOC, KNOWN)
    assert rubric.institution == "DuocUC"
    assert [(e.id, e.weight) for e in rubric.evaluations] == [
        ("unidad1_prueba", Decimal(7)), ("unidad2_encargo", Decimal(28)), ("unidad3_encargo", Decimal("17.5")),
        ("unidad4_encargo", Decimal("17.5")), ("examen_transversal", Decimal(30))]
    assert rubric.evaluations[0].assignments == ("01_perceptron", "09_prueba_unidad1")
    assert rubric.evaluations[1].assignments == ("02_activaciones", "03_backprop", "04_descenso_gradiente",
                                                 "05_optimizadores")
    assert rubric.evaluations[2].assignments == ("06_convolucion", "07_regularizacion")
    assert rubric.evaluations[3].assignments == ("08_crispdm",) and rubric.evaluations[4].assignments == ()
    assert rubric.scale == chile()


def test_duoc_rubric_names_only_assignments_the_course_has():
    from dlgrader.material.paths import find_material

    material = find_material(DUOC.parents[1])
    known = {aid: material.assignment(aid).max_points for aid in material.assignment_ids()}
    rubric = load_rubric(DUOC, known)
    assert {aid for e in rubric.evaluations for aid in e.assignments} <= set(known)


def test_duoc_partial_final_grade_covers_seven_percent():
    rubric = load_rubric(DUOC, KNOWN)
    grades = student_grades(rubric, {"01_perceptron": {"ana": 15.0, "jose": 12.4, "nadie": None}})
    ana = grades["ana"]
    assert [e.status for e in ana.evaluations] == ["partial"] + ["pending"] * 4  # the quiz (09) is not graded yet
    assert ana.evaluations[0].percent == Decimal("75.0") and str(ana.evaluations[0].grade) == "5.1"  # 5.125
    assert str(ana.final) == "5.1" and ana.graded_weight == Decimal(7) and ana.partial
    assert ana.label("es") == "Nota final parcial (7 % del curso evaluado)"
    assert ana.label("en") == "Partial final grade (7 % of the course graded)"
    assert str(grades["jose"].final) == "4.2"  # 12.4 of 20 is 62 %: exactly 4.15
    nadie = grades["nadie"]
    assert str(nadie.final) == "1.0" and nadie.evaluations[0].missing == ("01_perceptron",) and nadie.passed is False


def test_final_grade_is_the_rounded_weighted_average_of_rounded_grades(tmp_path):
    rubric = load_rubric(write(tmp_path, GOOD), KNOWN)
    # a: 60 → 4.0, 70 → 4.75 → 4.8. b: 62 → 4.15 → 4.2, 66 → 4.45 → 4.5; averaging the unrounded grades would give 4.3.
    grades = student_grades(rubric, {"02_backprop": {"a": 60, "b": 62.0, "c": 100},
                                     "03_descenso": {"a": 70, "b": 66.0, "c": 0}})
    assert str(grades["a"].final) == "4.4"
    assert str(grades["b"].evaluations[1].grade) == "4.5" and str(grades["b"].final) == "4.4"  # (4.2 + 4.5)/2 = 4.35
    assert str(grades["c"].final) == "4.0" and grades["c"].passed is True  # (7.0 + 1.0)/2
    assert not grades["a"].partial and grades["a"].label("es") == "Nota final"


def test_an_evaluation_with_only_some_assignments_graded_is_partial(tmp_path):
    text = GOOD.replace("assignments: [02_backprop]", "assignments: [02_backprop, 01_perceptron]")
    rubric = load_rubric(write(tmp_path, text), KNOWN)
    grades = student_grades(rubric, {"02_backprop": {"a": 80}, "03_descenso": {"a": 80}})
    assert grades["a"].evaluations[0].status == "partial" and grades["a"].partial
    assert grades["a"].graded_weight == Decimal(100)


def test_pooled_points_across_assignments(tmp_path):
    text = GOOD.replace("assignments: [02_backprop]", "assignments: [02_backprop, 01_perceptron]")
    rubric = load_rubric(write(tmp_path, text), KNOWN)
    grades = student_grades(rubric, {"02_backprop": {"a": 50}, "01_perceptron": {"a": 16}, "03_descenso": {"a": 0}})
    first = grades["a"].evaluations[0]
    assert (first.points, first.max_points, first.percent) == (Decimal(66), Decimal("120.0"), Decimal("55.0"))


def test_read_scores_rows_are_accepted(tmp_path):
    rubric = load_rubric(write(tmp_path, GOOD), KNOWN)
    grades = student_grades(rubric, {"02_backprop": {"a": {"score": 62.0, "max_score": 100.0}},
                                     "03_descenso": {"a": {"score": None}}})
    assert str(grades["a"].evaluations[0].grade) == "4.2" and grades["a"].evaluations[1].missing == ("03_descenso",)


@pytest.mark.parametrize("text, es, en", [
    (GOOD.replace("weight: 50, assignments: [03", "weight: 45, assignments: [03"),
     "los pesos de las evaluaciones suman 95 %; deben sumar 100 %", "weights add up to 95 %; they must add up to 100 %"),
    (GOOD.replace("[03_descenso]", "[04_cnn]"),
     "tarea desconocida '04_cnn'", "unknown assignment '04_cnn'"),
    (GOOD.replace("institution: Prueba", "institution: Prueba\nponderacion: 3"),
     "clave desconocida 'ponderacion'", "unknown key 'ponderacion'"),
    (GOOD.replace("weight: 50, assignments: [03", "peso: 50, weight: 50, assignments: [03"),
     "evaluations[2]: clave desconocida 'peso'", "evaluations[2]: unknown key 'peso'"),
    (GOOD.replace("[03_descenso]", "[02_backprop]"),
     "la tarea '02_backprop' ya alimenta la evaluación 'u1'", "assignment '02_backprop' already feeds evaluation 'u1'"),
    (GOOD.replace("kind: chile", "kind: espana"), "escala desconocida 'espana'", "unknown scale kind 'espana'"),
    (GOOD.replace("exigencia: 0.60", "exigencia: 0.60, exijencia: 0.5"), "clave desconocida 'exijencia'",
     "unknown key 'exijencia'"),
    (GOOD.replace("weight: 50, assignments: [03", "weight: '17,5', assignments: [03"),
     "weight debe ser un número (con punto decimal)", "weight must be a number (with a decimal point)"),
    (GOOD.replace("id: u2", "id: u1"), "la evaluación 'u1' está repetida", "evaluation 'u1' is repeated"),
    (GOOD + "institution: Otra\n", "no es YAML válido", "repeated key 'institution'"),
    (GOOD.replace('title_en: "Unit 2", ', ""), "falta la clave 'title_en'", "missing key 'title_en'"),
    (GOOD + "not_graded: [04_cnn]\n", "not_graded nombra una tarea desconocida '04_cnn'",
     "not_graded names an unknown assignment '04_cnn'"),
    (GOOD + "not_graded: [03_descenso]\n", "'03_descenso' está en not_graded y en la evaluación",
     "'03_descenso' is in not_graded and in evaluation"),
])
def test_invalid_rubrics_are_refused_with_one_bilingual_sentence(tmp_path, text, es, en):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_rubric(path, KNOWN)
    assert es in err.value.message("es") and str(path) in err.value.message("es")
    assert en in err.value.message("en")


def test_missing_rubric_file(tmp_path):
    with pytest.raises(ConfigError) as err:
        load_rubric(tmp_path / "no.yaml", KNOWN)
    assert "No existe la rúbrica" in err.value.message("es")


def test_doctor_warns_about_an_assignment_no_rubric_grades(tmp_path, capsys):
    """An assignment left out of a rubric counts in no grade: said, unless the rubric says not_graded."""
    import shutil

    from dlgrader.cli import main

    shutil.copytree(REPO / "assignments" / "01_perceptron", tmp_path / "assignments" / "01_perceptron")
    shutil.copytree(REPO / "assignments" / "02_activaciones", tmp_path / "assignments" / "02_activaciones")
    (tmp_path / "rubric").mkdir()
    text = (REPO / "rubric" / "duoc.yaml").read_text(encoding="utf-8")
    (tmp_path / "rubric" / "c.yaml").write_text(text, encoding="utf-8")
    assert main(["--root", str(tmp_path), "doctor"]) == 0
    assert "⚠ La rúbrica c.yaml no incluye" not in capsys.readouterr().out
    cut = text.replace("assignments: [02_activaciones, ", "assignments: [")
    (tmp_path / "rubric" / "c.yaml").write_text(cut, encoding="utf-8")
    assert main(["--root", str(tmp_path), "doctor"]) == 0
    assert "⚠ La rúbrica c.yaml no incluye 02_activaciones: no cuenta en ninguna nota" in capsys.readouterr().out
    (tmp_path / "rubric" / "c.yaml").write_text(cut + "not_graded: [02_activaciones]\n", encoding="utf-8")
    assert main(["--root", str(tmp_path), "doctor"]) == 0
    assert "no incluye" not in capsys.readouterr().out
