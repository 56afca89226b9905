"""The quiz engine (dlgrader.content.quiz) and the Unit 1 test graded per student: can a copied notebook pass?

Each student's numbers are drawn from their id; the grader recomputes the expected answers on the variant of
the trusted submitter id, so a copy of a classmate's right answers (and of their USUARIO) fails.
"""

from __future__ import annotations

import json

import pytest

from conftest import REPO
from dlgrader.api import grade_file
from dlgrader.content.quiz import normalize_user, statements, variante

AID = "09_prueba_unidad1"
EXAMPLES = REPO / "examples" / AID


def test_the_same_id_always_gets_the_same_numbers():
    assert variante(AID, "ana_perez") == variante(AID, "ana_perez")
    assert variante(AID, "ana_perez") == variante(AID, "  Ana_Perez ")  # blanks and letter case do not count


def test_different_students_get_different_numbers():
    ids = [f"estudiante_{k}" for k in range(40)]
    drawn = [json.dumps({k: v for k, v in variante(AID, sid).items() if k != "usuario"}, sort_keys=True) for sid in ids]
    assert len(set(drawn)) == len(ids)
    a, b = variante(AID, "ana_perez"), variante(AID, "bruno_gonzalez")
    differing = [q for q in a if q != "usuario" and a[q] != b[q]]
    assert len(differing) >= 6, differing


def test_the_assignment_id_is_part_of_the_seed():
    assert variante(AID, "ana_perez")["producto"] != variante("otra_prueba", "ana_perez")["producto"]


def test_variant_zero_holds_the_course_numbers():
    v = variante(AID, None)
    assert v == variante(AID, "") == variante(AID, "   ")
    assert v["iteraciones"] == {"n": 60000, "lotes": [1, 64, 2048]}
    assert v["producto"]["A"] == [[2, 5, 2], [1, 0, -2], [3, 1, 1]]
    assert v["parametros"]["capas"][0] == 3072 and v["parametros"]["capas"][-1] == 10
    assert v["convolucion"] == {"alto": 7, "ancho": 7, "kernel": 3, "stride": 1, "padding": 0}
    assert set(v["compuertas"]["nombres"]) == {"AND", "OR", "XOR"}


def test_a_variant_is_plain_data_and_its_statements_name_its_numbers():
    for sid in (None, "ana_perez", "x"):
        v = variante(AID, sid)
        assert json.loads(json.dumps(v)) == v
        es, en = statements(v, "es"), statements(v, "en")
        assert len(es) == len(en) == 8
        assert str(v["iteraciones"]["n"]) in es[2] and str(v["iteraciones"]["n"]) in en[2]
        assert str(v["epocas"]["lote"]) in es[6]
    with pytest.raises(ValueError):
        statements(variante(AID, None), "fr")


def test_every_variant_is_a_well_posed_question():
    for k in range(200):
        v = variante(AID, f"s{k}")
        assert len(v["producto"]["A"][0]) == len(v["producto"]["B"])
        it = v["iteraciones"]
        assert all(it["n"] % b for b in it["lotes"][1:])  # a partial last batch: floor and ceil differ
        c = v["convolucion"]
        assert c["padding"] >= 1 and c["kernel"] <= min(c["alto"], c["ancho"])
        assert {"XOR", "XNOR"} & set(v["compuertas"]["nombres"])  # always a gate a perceptron cannot learn
        assert sorted(v["normalizar"]["opciones"]) == ["escala", "lineal", "nada", "parametros"]
        assert v["epocas"]["n"] % v["epocas"]["lote"]
        assert len(set(v["minmax"]["x"])) == 5


def test_normalised_ids():
    assert normalize_user(None) == "" and normalize_user(" Ana ") == "ana"


@pytest.mark.slow
def test_a_copy_of_a_classmates_right_answers_scores_low_for_the_copier_and_full_for_the_owner():
    copy = EXAMPLES / "gabriela_munoz.ipynb"  # declares USUARIO = "ana_perez" and her answers, typed
    as_copier = grade_file(AID, copy, root=REPO, student="gabriela_munoz")
    as_owner = grade_file(AID, copy, root=REPO, student="ana_perez")
    assert as_owner.score == as_owner.max_score == 20
    assert as_copier.score <= 0.25 * as_copier.max_score, as_copier.score
    hidden = [c for c in as_copier.checks if not c.public and not c.passed]
    assert len(hidden) >= 6
    assert all("ana_perez" in c.feedback("es") and "gabriela_munoz" in c.feedback("es") for c in hidden
               if "Se compara con tu propia variante" in c.feedback("es"))


@pytest.mark.slow
def test_without_a_trusted_id_the_declared_usuario_chooses_the_variant():
    """``dlgrader grade`` without --student: the notebook's USUARIO decides (the copier then looks right)."""
    copy = EXAMPLES / "gabriela_munoz.ipynb"
    assert grade_file(AID, copy, root=REPO).score == 20
    own = grade_file(AID, EXAMPLES / "ana_perez.ipynb", root=REPO, student="ana_perez")
    assert own.score == own.max_score
