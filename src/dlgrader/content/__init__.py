"""Course helpers the notebooks import: the quiz's per-student variants and the data sets of the CRISP-DM case."""
