"""The card list's sort keys as the index stores them: three columns that make the same keys."""

from __future__ import annotations

from reader.cards.catalog import CardSummary
from reader.cards.dates import PartialDate
from reader.cards.sorting import (
    DATE,
    PUBLISHER,
    TITLE,
    key_columns,
    keys_of_columns,
    presorted,
    sort_keys,
)


def summary(n: int, title: str, publisher: str, published: PartialDate) -> CardSummary:
    return CardSummary(f"card-{n}", title, publisher, published, None, (), f"{n}.yaml")


def test_stored_key_columns_make_the_same_keys_tabs_and_accents_included() -> None:
    summaries = (
        summary(1, "Éclat\tover Mali", "Crisis\tGroup", PartialDate(2023, 2, 9)),
        summary(2, "Aid", "Crisis\tGroup", PartialDate(2023)),
        summary(3, "", "", PartialDate(1999, 12)),
    )
    keys = sort_keys(summaries)
    ids = [s.id for s in summaries]
    dates, publishers, titles, _order = key_columns(keys, ids)
    assert (dates, publishers, titles) == (
        ["2023-02-09", "2023", "1999-12"],
        ["crisis\tgroup", "crisis\tgroup", ""],
        ["eclat\tover mali", "aid", ""],
    )
    assert publishers[0] is publishers[1]  # stored once
    made = keys_of_columns(ids, key_columns(keys, ids))
    assert made == keys
    assert list(made[DATE]) == ids
    assert {PUBLISHER, TITLE} <= made.keys()


def test_the_stored_newest_first_order_is_the_lists_own_sort_ties_included() -> None:
    """Equal keys (same day, same title) keep the catalog's order, as the list's sort does."""
    summaries = tuple(
        summary(n, title, "P", PartialDate(2020, month))
        for n, (title, month) in enumerate([("B", 1), ("A", 3), ("A", 3), ("C", 2), ("A", 3)])
    )
    keys = sort_keys(summaries)
    ids = [s.id for s in summaries]
    made = keys_of_columns(ids, key_columns(keys, ids))
    expected = sorted(ids, key=keys[DATE].__getitem__, reverse=True)
    assert presorted(made, DATE, True, list(ids)) == expected
    assert expected[:3] == ["card-1", "card-2", "card-4"]
    assert presorted(made, DATE, False, list(ids)) is None  # only the first sort is stored
    assert presorted(made, TITLE, True, list(ids)) is None
    assert presorted(made, DATE, True, ids[::-1]) is None  # other rows, or another order
    assert presorted(keys, DATE, True, list(ids)) is None  # keys made here, not stored
