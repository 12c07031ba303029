"""Dates keep the precision they were written with."""

from __future__ import annotations

import pytest

from reader.cards.dates import DateError, PartialDate, Precision


@pytest.mark.parametrize(
    ("text", "display", "precision"),
    [
        ("2021", "2021", Precision.YEAR),
        ("2021-09", "September 2021", Precision.MONTH),
        ("2023-02-09", "9 February 2023", Precision.DAY),
    ],
)
def test_parse_and_display(text: str, display: str, precision: Precision) -> None:
    date = PartialDate.parse(text)
    assert date.display() == display
    assert date.precision is precision
    assert date.iso() == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Feb 2023", "must be a date like 2023, 2023-02 or 2023-02-09, not 'Feb 2023'"),
        ("2023-13", "has month 13"),
        ("2023-02-29", "February 2023 has 28 days"),
        ("23-02-2023", "not '23-02-2023'"),
    ],
)
def test_bad_dates(text: str, message: str) -> None:
    with pytest.raises(DateError, match=message):
        PartialDate.parse(text)


def test_leap_day_is_real() -> None:
    assert PartialDate.parse("2024-02-29").day == 29


def test_a_month_sorts_before_its_days_and_after_the_previous_month() -> None:
    dates = [PartialDate.parse(t) for t in ("2021-09-01", "2021-09", "2021-08-31", "2021")]
    assert [d.iso() for d in sorted(dates)] == ["2021", "2021-08-31", "2021-09", "2021-09-01"]
