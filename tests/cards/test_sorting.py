"""The card list's sort keys as the index stores them: three columns that make the same keys."""

from __future__ import annotations

from reader.cards.catalog import CardSummary
from reader.cards.dates import PartialDate
from reader.cards.sorting import DATE, PUBLISHER, TITLE, key_columns, keys_of_columns, sort_keys


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
    columns = key_columns(keys, ids)
    assert columns == (
        ["2023-02-09", "2023", "1999-12"],
        ["crisis\tgroup", "crisis\tgroup", ""],
        ["éclat\tover mali".replace("é", "e"), "aid", ""],
    )
    assert columns[1][0] is columns[1][1]  # stored once
    made = keys_of_columns(ids, columns)
    assert made == keys
    assert list(made[DATE]) == ids
    assert {PUBLISHER, TITLE} <= made.keys()
