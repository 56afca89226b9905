"""What graders import (dlgrader.grading): failures in both languages, never half of one."""

from __future__ import annotations

import pytest

from dlgrader.grading import CheckFailed, expect, fail


def test_a_failure_carries_both_languages_and_its_hint():
    with pytest.raises(CheckFailed) as err:
        fail("devolvió 3", "returned 3", "usa >", "use >")
    assert (err.value.text.es, err.value.text.en) == ("devolvió 3", "returned 3")
    assert (err.value.hint.es, err.value.hint.en) == ("usa >", "use >")
    with pytest.raises(CheckFailed) as err:
        expect(False, "mal", "wrong")
    assert err.value.hint is None


@pytest.mark.parametrize("hints", [("solo español", None), (None, "English only"), ("", "English only")])
def test_a_hint_in_only_one_language_is_a_grader_bug(hints):
    with pytest.raises(ValueError, match="a hint needs both languages"):
        fail("mal", "wrong", *hints)
