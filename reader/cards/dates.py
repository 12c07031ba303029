"""Dates that keep the precision they were written with (2021, 2021-09 or 2021-09-30).

A source that says "September 2021" must not turn into 1 September 2021 anywhere: sorting,
display and comparison all go through :class:`PartialDate`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from enum import IntEnum

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_MONTHS = tuple(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)


class Precision(IntEnum):
    YEAR = 1
    MONTH = 2
    DAY = 3


class DateError(ValueError):
    """A date string that is not YYYY, YYYY-MM or YYYY-MM-DD, or not a real date."""


@dataclass(frozen=True, slots=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        match = _PATTERN.match(text)
        if not match:
            raise DateError(f"must be a date like 2023, 2023-02 or 2023-02-09, not '{text}'")
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        if month is not None and not 1 <= month <= 12:
            raise DateError(f"has month {month:02d} in '{text}'; months run from 01 to 12")
        if day is not None:
            assert month is not None
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise DateError(
                    f"has day {day:02d} in '{text}'; {_MONTHS[month - 1]} {year} has {last} days"
                )
        return cls(year, month, day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Less precise dates sort before more precise ones in the same period.

        "2021-09" sorts before "2021-09-01": a reader sees the month heading first, then
        the days within it.
        """
        return (self.year, self.month or 0, self.day or 0)

    def iso(self) -> str:
        """The form it was written in."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def display(self) -> str:
        """Human form at the date's own precision: "2021", "September 2021", "9 February 2023"."""
        if self.month is None:
            return str(self.year)
        month = _MONTHS[self.month - 1]
        if self.day is None:
            return f"{month} {self.year}"
        return f"{self.day} {month} {self.year}"

    def __str__(self) -> str:
        return self.iso()

    def __lt__(self, other: PartialDate) -> bool:
        return self.sort_key < other.sort_key
