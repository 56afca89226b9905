"""Each institution's scale on values computed by hand, the rubrics that use them, and the late policy."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from dlgrader.course.grades import marks, student_grades
from dlgrader.course.rubric import load_rubric
from dlgrader.course.scales import argentina, chile, honours_awarded, mexico, spain
from dlgrader.errors import ConfigError
from dlgrader.material.paths import find_material

REPO = Path(__file__).resolve().parents[1]
MATERIAL = find_material(REPO)
KNOWN = {aid: MATERIAL.assignment(aid).max_points for aid in MATERIAL.assignment_ids()}


def at(scale, percent) -> str:
    return str(scale.grade(Fraction(percent), Fraction(100)))


@pytest.mark.parametrize("percent, grade, band", [
    (0, "1", "D"), (30, "3", "D"),        # 1 + 3·0.5 = 2.5 → 3 (half up)
    (59, "3", "D"),                       # 3.95 would round to 4: a failing grade never does
    (60, "4", "A"), (65, "5", "A"),       # 4.75 → 5
    (70, "6", "P"),                       # 5.5 → 6: promoted
    (80, "7", "P"), (100, "10", "P")])
def test_argentina_unlp(percent, grade, band):
    scale = argentina()
    assert at(scale, percent) == grade
    assert scale.band(Decimal(grade)).short == band


@pytest.mark.parametrize("percent, grade, band", [
    (0, "0.0", "SS"), (49, "4.9", "SS"), (Fraction(4995, 100), "5.0", "AP"),  # 4.995 → 5.0, half up
    (50, "5.0", "AP"), (69, "6.9", "AP"), (70, "7.0", "NT"), (Fraction(8999, 100), "9.0", "SB"),
    (100, "10.0", "SB")])
def test_spain_uma(percent, grade, band):
    scale = spain()
    assert at(scale, percent) == grade
    assert scale.band(Decimal(grade)).short == band


@pytest.mark.parametrize("percent, grade", [
    (0, "5"), (Fraction(599, 10), "5"),   # every failing score is a 5
    (60, "6"), (64, "6"), (65, "7"), (94, "9"), (95, "10"), (100, "10")])
def test_mexico_unam(percent, grade):
    assert at(mexico(), percent) == grade


def test_mexico_final_average_below_six_is_five():
    scale = mexico()
    assert str(scale.rounded(Fraction(55, 10))) == "5" and str(scale.rounded(Fraction(6))) == "6"
    assert str(scale.rounded(Fraction(85, 10))) == "9"


def test_chile_still_rounds_3_95_to_4_0():
    assert str(chile().rounded(Fraction(395, 100))) == "4.0"


@pytest.mark.parametrize("size, quota", [(10, 1), (19, 1), (20, 1), (39, 1), (40, 2), (60, 3), (0, 0)])
def test_matricula_de_honor_quota(size, quota):
    assert spain().honours.quota(size) == quota


def test_matricula_de_honor_leaves_a_tie_at_the_quota_to_the_instructor():
    finals = {"a": Decimal("9.8"), "b": Decimal("9.5"), "c": Decimal("9.5"), "d": Decimal("8.9")}
    awarded, tied = honours_awarded(spain(), finals, class_size=40)  # quota 2: a, then b and c would make 3
    assert awarded == {"a"} and tied == {"b", "c"}
    awarded, tied = honours_awarded(spain(), finals, class_size=60)  # quota 3
    assert awarded == {"a", "b", "c"} and tied == set()
    awarded, tied = honours_awarded(spain(), {"x": Decimal("8.9")}, class_size=5)  # nobody reaches 9.0
    assert awarded == set() and tied == set()
    assert honours_awarded(chile(), finals) == (set(), set())


def test_unam_np_for_a_student_with_no_submission():
    rubric = load_rubric(REPO / "rubric" / "unam.yaml", KNOWN)
    scores = {"01_perceptron": {"ana": 20.0, "nadie": None}, "02_activaciones": {"ana": None, "nadie": None}}
    grades = student_grades(rubric, scores)
    got = marks(rubric, grades)
    assert grades["nadie"].absent and got["nadie"]("es") == "NP"
    assert not grades["ana"].absent and str(grades["ana"].final) == "5"  # 20 of 65 points: 30.8 %
    assert rubric.no_submission == "blank"


def test_uma_marks_bands_and_honours():
    rubric = load_rubric(REPO / "rubric" / "uma.yaml", KNOWN)
    top = {aid: KNOWN[aid] for aid in rubric.evaluations[0].assignments}
    scores = {aid: {"ana": pts, "beto": pts * 0.72, "carla": pts * 0.3} for aid, pts in top.items()}
    grades = student_grades(rubric, scores)
    got = marks(rubric, grades)
    # the other evaluations are pending, so the final is partial: no MH proposed, only the band
    assert got["ana"]("es") == "Sobresaliente" and got["beto"]("es") == "Notable" and got["carla"]("es") == "Suspenso"


@pytest.mark.parametrize("name", ["duoc", "unlp", "uma", "unam"])
def test_every_shipped_rubric_loads_and_adds_up(name):
    rubric = load_rubric(REPO / "rubric" / f"{name}.yaml", KNOWN)
    assert sum(e.weight for e in rubric.evaluations) == 100
    assert {a for e in rubric.evaluations for a in e.assignments} <= set(KNOWN)


LATE = """\
institution: Prueba
scale: {kind: spain}
late:
  per_day_percent: 10
  max_percent: 50
  due: {01_perceptron: 2026-09-14T23:59:00-03:00}
evaluations:
  - {id: p, title_es: "Prácticas", title_en: "Labs", weight: 100, assignments: [01_perceptron]}
"""


@pytest.mark.parametrize("submitted, kept", [
    ("2026-09-15T02:59:00", "20"),         # exactly the due time (02:59 UTC): on time
    ("2026-09-15T03:00:00", "18.0"),       # one minute late: one started day, 10 %
    ("2026-09-18T03:00:00", "12.0"),       # three days and a minute: four days, 40 %
    ("2026-10-30T00:00:00", "10.0"),       # weeks late: capped at 50 %
    (None, "20")])                         # no timestamp recorded: no penalty
def test_late_penalty_per_started_day(tmp_path, submitted, kept):
    path = tmp_path / "r.yaml"
    path.write_text(LATE, encoding="utf-8")
    rubric = load_rubric(path, KNOWN)
    grades = student_grades(rubric, {"01_perceptron": {"a": {"score": 20.0, "timestamp": submitted}}})
    ev = grades["a"].evaluations[0]
    assert ev.points == Decimal(kept)
    assert ev.late == (() if kept == "20" else ("01_perceptron",))


@pytest.mark.parametrize("change, words", [
    ("2026-09-14T23:59:00-03:00}", "2026-09-14}"),                  # no time zone
    ("due: {01_perceptron:", "due: {02_activaciones:"),            # an assignment in no evaluation
    ("per_day_percent: 10", "per_day_percent: 150"),
    ("scale: {kind: spain}", "scale: {kind: spain, promotion: 6}"),  # only Argentina promotes
    ("weight: 100", "weight: 90"),
    ("assignments: [01_perceptron]", "assignments: [01_perceptron, 99_nada]"),
])
def test_bad_rubrics_are_refused_with_a_reason(tmp_path, change, words):
    path = tmp_path / "r.yaml"
    assert change in LATE
    path.write_text(LATE.replace(change, words), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_rubric(path, KNOWN)
    assert str(err.value)
