"""What was last made for one catalog's summaries is answered again for that very tuple only."""

from __future__ import annotations

from reader.cards.catalog import CardSummary
from reader.cards.last_made import LastMade
from tests.analysis.compare_cards import catalog_of, generated_cards


def summaries() -> tuple[CardSummary, ...]:
    made = catalog_of(generated_cards(2)).summaries()
    return tuple(made)


def test_made_once_for_the_same_tuple_and_again_for_an_equal_one() -> None:
    last: LastMade[int] = LastMade()
    made: list[int] = []

    def make() -> int:
        made.append(1)
        return len(made)

    first = summaries()
    assert last.get(first, make) == 1
    assert last.get(first, make) == 1  # the very tuple: not made again
    assert last.get(tuple(first), make) == 1  # tuple() of a tuple is that tuple
    assert last.get(summaries(), make) == 2  # equal, not the same: made anew
    assert last.get(list(first), make) == 3  # a list can change: made, and not kept
    assert last.known(first) is None


def test_remembered_and_known_without_making() -> None:
    last: LastMade[str] = LastMade()
    held = summaries()
    assert last.known(held) is None
    last.remember(held, "stored")
    assert last.known(held) == "stored"
    assert last.get(held, lambda: "made") == "stored"
    assert last.known(summaries()) is None
