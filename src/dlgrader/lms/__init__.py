"""The LMS round trip: submissions in from each LMS's download, grades out as its import file or its own
gradebook file filled in, feedback packed the way it takes files back."""
