"""Problems found in a card set, in the ``FILE:LINE:COL: severity: message`` form editors parse."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One diagnostic. ``path`` is relative to the set folder; line and column are 1-based."""

    path: str
    line: int
    column: int
    severity: Severity
    message: str
    #: A fix a tool can apply: for a locator that cites the wrong passage, the better locator.
    suggestion: str | None = field(default=None, compare=False)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def to_json(self) -> dict[str, str | int]:
        shown: dict[str, str | int] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": str(self.severity),
            "message": self.message,
        }
        if self.suggestion is not None:
            shown["suggestion"] = self.suggestion
        return shown


#: Values quoted back in a message are cut to this many characters: the 5,000 digits of a
#: wrong number help no one, and a diagnostic should fit a line an editor shows.
QUOTED_CHARS = 80


def shorten(text: str) -> str:
    """``text`` as quoted in a message: cut to ``QUOTED_CHARS`` characters, with … at the cut."""
    return text if len(text) <= QUOTED_CHARS else text[: QUOTED_CHARS - 1] + "…"


def error(path: str, position: tuple[int, int], message: str) -> Problem:
    return Problem(path, position[0], position[1], Severity.ERROR, message)


def warning(path: str, position: tuple[int, int], message: str) -> Problem:
    return Problem(path, position[0], position[1], Severity.WARNING, message)


def count(problems: list[Problem] | tuple[Problem, ...]) -> tuple[int, int]:
    """Return (errors, warnings)."""
    errors = sum(1 for p in problems if p.is_error)
    return errors, len(problems) - errors
