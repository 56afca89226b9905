"""The broker: runs the graders (pytest + hypothesis) against a submission's worker and records verdicts.

What a grader imports lives here too, so graders and public checks write ``from dlgrader.grading
import check, as_array, ...``: those helpers are defined in :mod:`.checks`.
"""

from .checks import (CheckFailed, as_array, as_number, assert_close, assert_equal, check, expect, fail,
                     grader_settings, one_line, show, single_threaded)

__all__ = ["CheckFailed", "as_array", "as_number", "assert_close", "assert_equal", "check", "expect", "fail",
           "grader_settings", "one_line", "show", "single_threaded"]
