"""The course material: where it lives, each assignment's manifest, notebooks read as programs, the student bundle."""
