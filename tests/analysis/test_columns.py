"""The date order the set-wide views start from, from the summaries alone."""

from __future__ import annotations

from collections.abc import Sequence

from reader.analysis.columns import date_key, ids_in_date_order
from reader.cards.catalog import CardSummary
from reader.cards.dates import PartialDate
from reader.cards.sorting import DATE, known_sort_keys, sort_keys


class Summaries:
    """As much of a catalog as the order needs."""

    def __init__(self, summaries: Sequence[CardSummary]) -> None:
        self._summaries = tuple(summaries)

    def summaries(self) -> Sequence[CardSummary]:
        return self._summaries


def summary(card_id: str, title: str, published: PartialDate) -> CardSummary:
    return CardSummary(card_id, title, "P", published, None, (), f"{card_id}.yaml")


SUMMARIES = [
    summary("z", "Éclat\tover Mali", PartialDate(2023, 2, 9)),
    summary("b", "Aid", PartialDate(2023)),
    summary("a", "Aid", PartialDate(2023)),  # a tie broken by the id
    summary("c", "aid", PartialDate(2023, 2)),
    summary("d", "Aid more", PartialDate(2023)),
    summary("e", "", PartialDate(1999, 12)),
    summary("f", "Zeta", PartialDate(987)),
    summary("g", "Éclat", PartialDate(2023, 2, 9)),
    summary("h", "Mid", PartialDate(2023, 3, 1)),
    summary("i", "Mid", PartialDate(2023, 2, 15)),
]
IDS = [s.id for s in SUMMARIES if s.id != "g"]


def by_date_key() -> list[str]:
    wanted = [s for s in SUMMARIES if s.id in IDS]
    return [s.id for s in sorted(wanted, key=lambda s: date_key(s.published, s.title, s.id))]


def test_the_order_is_the_date_keys_whether_or_not_the_lists_keys_are_known() -> None:
    catalog = Summaries(SUMMARIES)
    assert known_sort_keys(catalog.summaries()) is None
    without = ids_in_date_order(catalog, IDS)  # type: ignore[arg-type]
    sort_keys(catalog.summaries())  # the loader's, for the list
    assert known_sort_keys(catalog.summaries()) is not None
    with_keys = ids_in_date_order(catalog, IDS)  # type: ignore[arg-type]
    assert without == with_keys == by_date_key() == ["f", "e", "a", "b", "d", "c", "z", "i", "h"]


def test_a_card_the_lists_keys_lack_is_ordered_by_its_summary() -> None:
    catalog = Summaries(SUMMARIES)
    keys = sort_keys(catalog.summaries())
    del keys[DATE]["c"]  # type: ignore[attr-defined]
    assert ids_in_date_order(catalog, IDS) == by_date_key()  # type: ignore[arg-type]
