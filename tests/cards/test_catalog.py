"""Card summaries: made in one place, from one row of plain values."""

from __future__ import annotations

from reader.cards.catalog import CardSummary, SummaryRow
from reader.cards.dates import PartialDate
from reader.cards.load import load_set
from tests.conftest import SHIPPED_CARDS


def test_a_summary_is_made_from_its_row_field_by_field() -> None:
    row = SummaryRow("an-id", "A title", "A publisher", 2021, 9, None, "report", ("a",), "x.yaml")
    summary = CardSummary.from_row(row)
    assert summary.id == "an-id"
    assert summary.title == "A title"
    assert summary.publisher == "A publisher"
    assert summary.published == PartialDate(2021, 9)
    assert summary.kind == "report"
    assert summary.tags == ("a",)
    assert summary.path == "x.yaml"
    assert summary.row() == row


def test_a_cards_summary_holds_the_cards_values() -> None:
    for card in load_set(SHIPPED_CARDS).cards:
        summary = CardSummary.of(card)
        src = card.source
        assert (summary.id, summary.title, summary.path) == (card.id, card.title, card.path)
        assert (summary.publisher, summary.published, summary.kind) == (
            src.publisher,
            src.published,
            src.kind,
        )
        assert summary.tags == card.tags
