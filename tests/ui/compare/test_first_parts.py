"""First parts from the index's keys: the timeline's from the cards whose events come first
(each card's earliest event date, :mod:`reader.cards.event_order`), the matrix's from its
first columns in date order, the ledger's from its cards' addressees; each is the beginning
of the whole, which continues it without a reset (#17 §2)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.analysis.matrix import MatrixRow, topic_matrix
from reader.cards.catalog import MemoryCatalog
from reader.cards.event_order import first_event
from reader.cards.model import Card
from reader.render.comparison.matrix import matrix_row_label_html
from reader.render.theme import LIGHT
from reader.ui.compare import ledger_part, matrix_shown, timeline_rows
from reader.ui.compare.documents import CellDocuments
from reader.ui.compare.ledger_model import AddresseesModel, LedgerRowsModel, ShownLedger
from reader.ui.compare.matrix import TopicMatrixModel
from reader.ui.compare.matrix_shown import ShownMatrix, matrix_result
from reader.ui.compare.roles import HtmlRole
from reader.ui.compare.timeline_rows import TimelineRows
from tests.analysis.compare_cards import catalog_of, generated_cards, make_card


class EventCatalog(MemoryCatalog):
    """A memory catalog that knows its cards' first events and addressees, as the index
    does."""

    def first_events(self, card_ids: Sequence[str]) -> Mapping[str, int] | None:
        cards = (self.card(i) for i in card_ids)
        firsts = {c.id: first_event(c) for c in cards if c is not None}
        return {card_id: first for card_id, first in firsts.items() if first is not None}

    def addressees(self, card_ids: Sequence[str]) -> Mapping[str, Sequence[str]] | None:
        cards = (self.card(i) for i in card_ids)
        return {c.id: [r.to for r in c.recommendations] for c in cards if c and c.recommendations}


def event_catalog(cards: list[Card]) -> EventCatalog:
    return EventCatalog(catalog_of(cards).card_set)


Part = TypeVar("Part", TimelineRows, ShownMatrix, ShownLedger)


def parts_of(
    compute: Callable[..., object], kind: type[Part], catalog: MemoryCatalog, ids: list[str]
) -> tuple[list[Part], Part]:
    """The first parts ``compute`` hands over, each marked painted as the view does, and the
    whole it returns."""
    shown: list[Part] = []

    def first_part(part: object) -> None:
        assert isinstance(part, kind)
        assert part.shown is not None
        part.shown.set()
        shown.append(part)

    whole = compute(catalog, ids, None, first_part)
    assert isinstance(whole, kind)
    return shown, whole


def parts(catalog: MemoryCatalog, ids: list[str]) -> tuple[list[TimelineRows], TimelineRows]:
    return parts_of(timeline_rows.timeline_rows, TimelineRows, catalog, ids)


def told(rows: TimelineRows) -> list[tuple[object, ...]]:
    return [(e.date, e.kind, tuple((r.card.id, r.text) for r in e.reports)) for e in rows.every]


@pytest.mark.parametrize("first", [2, 5, 40])
def test_the_early_part_is_the_beginning_of_the_whole_timeline_marked_alike(
    first: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timeline_rows, "FIRST_PART", first)
    cards = generated_cards(60)
    ids = [c.id for c in cards]
    shown, whole = parts(event_catalog(cards), ids)
    (part,) = shown
    assert 0 < len(part.every) < len(whole.every)
    assert whole.continues(part)
    # The whole is the timeline read from every card, as without a first part.
    assert told(whole) == told(timeline_rows.timeline_rows(catalog_of(cards), ids))
    for entry in part.every:
        year = entry.date.year
        assert (year in part.marks.every) == (year in whole.marks.every)
        assert (year in part.marks.events) == (year in whole.marks.events)


def test_a_part_ending_on_a_year_only_date_knows_the_year_has_dated_events(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The part reads the cards whose first event is by 2021 (year only); the dated events of
    2021 are another card's, unread: its first event says the year has them."""
    monkeypatch.setattr(timeline_rows, "FIRST_PART", 2)
    cards = [
        make_card("a", "2023", timeline=[("2020", "Coup in Mali")]),
        make_card("c", "2023", timeline=[("2021", "Talks begin")]),
        make_card("b", "2023-05", timeline=[(f"2021-{m:02d}", f"Event {m}") for m in (3, 4)]),
    ]
    shown, whole = parts(event_catalog(cards), ["a", "b", "c"])
    (part,) = shown
    assert [e.text for e in part.every] == ["Coup in Mali", "Talks begin"]
    assert whole.continues(part)
    assert 2021 in part.marks.events
    assert part.marks.events == whole.marks.events


def test_the_matrix_part_is_its_first_columns_counting_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(matrix_shown, "FIRST_COLUMNS", 3)
    cards = generated_cards(8)
    catalog = catalog_of(cards)
    ids = [c.id for c in reversed(cards)]
    shown, whole = parts_of(matrix_result, ShownMatrix, catalog, ids)
    (part,) = shown
    assert whole == ShownMatrix.of(topic_matrix(cards, catalog.info))
    assert [c.id for c in part.matrix.columns] == [c.id for c in whole.matrix.columns[:3]]
    assert all("\u2012 of 8 sources · \u2012\u2012 stances" in label for label in part.labels)
    assert whole.continues(part)
    assert not whole.continues(whole)  # a whole matrix is replaced, never continued


def test_the_model_adds_the_rest_of_the_columns_without_a_reset(qtbot: QtBot) -> None:
    cards = generated_cards(8)
    catalog = catalog_of(cards)
    whole = ShownMatrix.of(topic_matrix(cards, catalog.info))
    head = topic_matrix(list(whole.matrix.columns[:3]), catalog.info, ordered=True)
    model = TopicMatrixModel()
    assert model.set_matrix(ShownMatrix.part(head, 8))
    assert model.columnCount() == 3
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.columnsInserted):
        assert not model.set_matrix(whole)
    assert model.columnCount() == 8
    assert model.headerData(0, Qt.Orientation.Vertical, HtmlRole) == whole.labels[0]


def ledger_parts(catalog: MemoryCatalog, ids: list[str]) -> tuple[list[ShownLedger], ShownLedger]:
    return parts_of(ledger_part.ledger_result, ShownLedger, catalog, ids)


def test_the_ledger_part_has_every_addressee_counted_and_the_first_ones_first_sources(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ledger_part, "FIRST_SOURCES", 2)
    cards = generated_cards(30)
    ids = [c.id for c in cards]
    shown, whole = ledger_parts(event_catalog(cards), ids)
    (part,) = shown
    assert whole == ledger_part.ledger_result(catalog_of(cards), ids)  # as without a part
    assert [e.addressee for e in part.entries] == [e.addressee for e in whole.entries]
    assert [e.names for e in part.entries] == [e.names for e in whole.entries]
    assert part.counts == whole.counts == tuple(len(e.sources) for e in whole.entries)
    assert len(part.entries[0].sources) == 2
    assert part.rows[0].sources == whole.counts[0]
    assert whole.continues(part)
    assert not whole.continues(whole)


def test_the_ledger_model_continues_a_part_without_a_reset(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    monkeypatch.setattr(ledger_part, "FIRST_SOURCES", 2)
    cards = generated_cards(30)
    shown, whole = ledger_parts(event_catalog(cards), [c.id for c in cards])
    rows, addressees = LedgerRowsModel(), AddresseesModel()
    assert rows.set_rows(shown[0])
    addressees.set_entries(shown[0])
    assert addressees.rowCount() == len(whole.entries)
    first = addressees.data(addressees.index(0, 0))
    assert first.endswith(f"{whole.counts[0]} sources")
    with qtbot.assertNotEmitted(rows.modelReset), qtbot.assertNotEmitted(addressees.modelReset):
        assert not rows.set_rows(whole)
        addressees.set_entries(whole)
    assert rows.row(len(shown[0].rows)) == whole.rows[len(shown[0].rows)]
    assert addressees.entries == whole.entries


@pytest.mark.parametrize("width", [150, 190, 230])
def test_a_label_still_counting_wraps_as_the_counted_label_does(qtbot: QtBot, width: int) -> None:
    """Rows keep their height when a matrix's counts come (at 10,000 cards a counted label,
    "1,897 of 10,000 sources · 10 stances", took a line more than "… of 10,000 …")."""
    cards = generated_cards(3)
    (row, *_) = topic_matrix(cards, catalog_of(cards).info).rows
    counted = row_label_html_with(row, addressed=1_897, total=10_000, stances=10)
    counting = matrix_shown.counting_label_html(row.topic, 10_000)
    documents = CellDocuments()
    heights = [documents.make(h, LIGHT, 10.0, width).size().height() for h in (counted, counting)]
    documents.release()
    assert heights[0] == heights[1]


def row_label_html_with(row: MatrixRow, *, addressed: int, total: int, stances: int) -> str:
    """The counted label of ``row`` as if ``addressed`` of ``total`` cards took ``stances``."""
    label = matrix_row_label_html(row, total)
    real = f"{row.addressed:,} of {total:,} sources · {len(row.stances)}"
    assert real in label
    return label.replace(real, f"{addressed:,} of {total:,} sources · {stances}")
