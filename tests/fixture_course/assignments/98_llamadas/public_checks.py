"""No public check: 98_llamadas tests callbacks in instructor grading only."""
