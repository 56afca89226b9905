"""Grades leave for the LMS: one module per LMS's import file, the columns they share, and the dispatch."""
