"""The set-wide analyses read the index's analysis rows: the same answers as the parsed cards,
without parsing; a damaged row costs a parse, never a wrong answer."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from reader.analysis.ledger import recommendation_ledger
from reader.analysis.matrix import topic_matrix
from reader.analysis.timeline import merged_timeline
from reader.cards.addressed import AddresseesKnown
from reader.cards.catalog import MemoryCatalog
from reader.cards.event_order import EventOrdered, first_event
from reader.cards.load import load_set
from reader.cards.model import Card, Parts
from reader.index import IndexCatalog, open_index


def analysed_fields(card: Card) -> tuple[object, ...]:
    """What the analysis row promises to carry of a card."""
    src = card.source
    return (
        card.id,
        card.title,
        card.path,
        (src.publisher, src.published, src.title, src.kind, src.file),
        card.tags,
        card.perspectives,
        card.recommendations,
        card.timeline,
        card.quotes,
        card.actors,
    )


def _plain(found: object) -> object:
    """A view's result with each card named by its id: the cards from rows lack the thesis
    and argument, so they are not equal to the parsed ones as objects."""
    if isinstance(found, Card):
        return found.id
    if dataclasses.is_dataclass(found) and not isinstance(found, type):
        return tuple((f.name, _plain(getattr(found, f.name))) for f in dataclasses.fields(found))
    if isinstance(found, tuple | list):
        return tuple(_plain(item) for item in found)
    return found


@pytest.fixture
def indexed(cards: Path, cache: Path) -> IndexCatalog:
    return open_index(cards, cache_dir=cache)


def test_analysed_cards_carry_every_analysed_field_of_the_parsed_card(
    indexed: IndexCatalog, cards: Path
) -> None:
    memory = MemoryCatalog(load_set(cards))
    ids = [s.id for s in reversed(memory.summaries())] + ["no-such-card"]
    from_rows = indexed.analysed(ids)
    parsed = memory.analysed(ids)
    assert [c.id for c in from_rows] == [c.id for c in parsed] == ids[:-1]
    assert [analysed_fields(c) for c in from_rows] == [analysed_fields(c) for c in parsed]
    assert all(c.thesis == "" and c.argument == () for c in from_rows)  # no YAML was parsed


@pytest.mark.parametrize(
    ("parts", "kept"),
    [
        (Parts.PERSPECTIVES, "perspectives"),
        (Parts.RECOMMENDATIONS, "recommendations"),
        (Parts.TIMELINE, "timeline"),
        (Parts.QUOTES | Parts.ACTORS, "quotes actors"),
    ],
)
def test_only_the_parts_asked_for_are_decoded(
    indexed: IndexCatalog, cards: Path, parts: Parts, kept: str
) -> None:
    memory = MemoryCatalog(load_set(cards))
    ids = [s.id for s in memory.summaries()]
    lists = ("perspectives", "recommendations", "timeline", "quotes", "actors")
    for row, card in zip(indexed.analysed(ids, parts=parts), memory.analysed(ids), strict=True):
        assert analysed_fields(row)[:5] == analysed_fields(card)[:5]  # the head, always
        for name in lists:
            expected = getattr(card, name) if name in kept.split() else ()
            assert getattr(row, name) == expected, name


def test_the_views_agree_with_the_parsed_cards(indexed: IndexCatalog, cards: Path) -> None:
    memory = MemoryCatalog(load_set(cards))
    ids = [s.id for s in memory.summaries()]
    info = memory.info
    rows, parsed = indexed.analysed(ids), memory.analysed(ids)
    assert topic_matrix(rows, info).rows == topic_matrix(parsed, info).rows
    aliases = info.actor_aliases
    assert _plain(recommendation_ledger(rows, aliases)) == _plain(
        recommendation_ledger(parsed, aliases)
    )
    assert _plain(merged_timeline(rows)) == _plain(merged_timeline(parsed))


def test_a_damaged_row_is_parsed_instead(indexed: IndexCatalog, cards: Path, cache: Path) -> None:
    memory = MemoryCatalog(load_set(cards))
    first, second, *_ = (s for s in memory.summaries())
    index_file = indexed.index_file
    assert index_file is not None
    with sqlite3.connect(index_file) as conn:
        conn.execute("UPDATE files SET analysis = '[1, 2' WHERE card_id = ?", (first.id,))
        conn.execute("UPDATE files SET analysis = '[[]]' WHERE card_id = ?", (second.id,))
    conn.close()
    restored = indexed.analysed([first.id, second.id])
    assert restored == [memory.card(first.id), memory.card(second.id)]  # full cards, parsed


def test_progress_is_told_and_may_stop_the_loading(indexed: IndexCatalog) -> None:
    ids = [s.id for s in indexed.summaries()]
    told: list[tuple[int, int]] = []
    indexed.analysed(ids, lambda done, total: told.append((done, total)))
    assert told[0] == (0, len(ids))

    class StopLoadingError(Exception):
        pass

    def stop(done: int, total: int) -> None:
        raise StopLoadingError

    with pytest.raises(StopLoadingError):
        indexed.analysed(ids, stop)


def test_first_events_are_each_cards_earliest_event_without_reading_it(
    indexed: IndexCatalog, cards: Path
) -> None:
    memory = MemoryCatalog(load_set(cards))
    expected = {c.id: first_event(c) for c in memory.card_set.cards if c.timeline}
    assert expected  # the fixture's cards have timelines
    ids = [s.id for s in memory.summaries()]
    assert indexed.first_events(ids) == expected
    some = ids[:2]
    assert indexed.first_events(some) == {i: expected[i] for i in some if i in expected}
    assert isinstance(indexed, EventOrdered)


def test_addressees_are_each_cards_as_written_without_reading_its_recommendations(
    indexed: IndexCatalog, cards: Path
) -> None:
    memory = MemoryCatalog(load_set(cards))
    expected = {c.id: [r.to for r in c.recommendations] for c in memory.card_set.cards}
    assert any(expected.values())  # the fixture's cards make recommendations
    ids = [s.id for s in memory.summaries()]
    assert indexed.addressees(ids) == {i: names for i, names in expected.items() if names}
    assert isinstance(indexed, AddresseesKnown)
