"""The student's own check path: the public checks of the notebook it runs in, on any OS."""
