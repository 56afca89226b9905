"""An instructor's nbgrader course: its folders, nbgrader's gradebook, the roster, the rubric and the grades."""
