"""Structured grading results: what the API returns and the CLI renders."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .text import Text


@dataclass
class CheckResult:
    """The broker's verdict on one check; ``passed`` is True only on a recorded positive verdict."""

    id: str
    title: Text
    points: float
    max_points: float
    passed: bool
    public: bool
    message: Text | None = None  # what went wrong, in words
    counterexample: str | None = None  # the smallest failing input hypothesis found
    hint: Text | None = None
    cause: str | None = None  # not checked: the cell or name whose problem the submission's problems state
    reference: tuple[str, ...] = ()  # other tasks' functions that were the course's in this check (callbacks)

    def feedback(self, lang: str = "es") -> str:
        if self.passed:
            return ""
        parts = [self.message(lang)] if self.message else []
        if self.counterexample:
            parts.append(Text("Contraejemplo mínimo", "Smallest failing input")(lang) + f": {self.counterexample}")
        if self.hint:
            parts.append(Text("Pista: ", "Hint: ")(lang) + self.hint(lang))
        if self.reference:
            names = ", ".join(f"{n}()" for n in self.reference)
            one = len(self.reference) == 1
            es = (f"Tu {names} no pasa sus propias verificaciones, así que esta se repitió con la del curso: el error que "
                  "queda está en esta función (el de la tuya no cuenta aquí)." if one else
                  f"Tus {names} no pasan sus propias verificaciones, así que esta se repitió con las del curso: el "
                  "error que queda está en esta función (el de las tuyas no cuenta aquí).")
            en = (f"Your {names} fails its own checks, so this one was run again with the course's: the mistake left "
                  "is in this function (the one in yours does not count here)." if one else
                  f"Your {names} fail their own checks, so this one was run again with the course's: the mistake "
                  "left is in this function (the ones in yours do not count here).")
            parts.append(Text(es, en)(lang))
        return "\n".join(parts)


@dataclass
class SubmissionResult:
    assignment: str
    student: str | None
    checks: list[CheckResult]
    problems: list[Text] = field(default_factory=list)  # one-line reasons: broken file, missing cell, crash
    seconds: float = 0.0
    source: str | None = None  # the file graded
    saved_at: float | None = None  # its modification time when graded (when it was last saved), seconds since the epoch

    @property
    def score(self) -> float:
        return sum(c.points for c in self.checks)

    @property
    def max_score(self) -> float:
        return sum(c.max_points for c in self.checks)

    def to_json(self, lang: str = "es") -> dict:
        """The document ``dlgrader grade --json`` prints."""
        return {
            "assignment": self.assignment,
            "student": self.student,
            "score": self.score,
            "max_score": self.max_score,
            "problems": [p(lang) for p in self.problems],
            "checks": [
                {"id": c.id, "title": c.title(lang), "points": c.points, "max_points": c.max_points,
                 "passed": c.passed, "public": c.public, "feedback": c.feedback(lang)}
                for c in self.checks
            ],
            "seconds": round(self.seconds, 3),
        }

    def to_record(self) -> dict:
        """A lossless plain-data form (both languages) for caches and worker pools."""
        return asdict(self)

    @classmethod
    def from_record(cls, rec: dict) -> "SubmissionResult":
        def text(v):
            return Text(**v) if v else None

        checks = [CheckResult(**{**c, "title": Text(**c["title"]), "message": text(c["message"]),
                                 "hint": text(c["hint"]),
                                 "reference": tuple(c.get("reference", ()))}) for c in rec["checks"]]
        return cls(rec["assignment"], rec["student"], checks, [Text(**p) for p in rec["problems"]],
                   rec["seconds"], rec["source"], rec.get("saved_at"))
