"""Reference solution of $aid (hidden: never in the student bundle): one percent-format section per solution cell."""

import numpy as np

# %% [duplicar]
def duplicar(x):
    """2·x elemento a elemento, como reales, sin modificar x."""
    return 2.0 * np.asarray(x, dtype=np.float64)
