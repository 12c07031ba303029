"""The set-wide views as flat tables: one row per topic × card, per recommendation, per event.

What ``briefing-reader table`` and the views' Export Table… write (the formats are
:mod:`reader.export.tables`). Each table is built from the same analysis the window shows
(:func:`topic_matrix`, :func:`recommendation_ledger`, :func:`merged_timeline`), in the same
order, so a spreadsheet and the screen agree row for row; every row names its card (id, title,
publisher, date) so it can be filtered and sorted on its own. Dates keep their precision
("2023", "2023-02", "2023-02-09"), as the cards write them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.analysis.ledger import recommendation_ledger
from reader.analysis.matrix import topic_matrix
from reader.analysis.timeline import EventKind, timeline_entries
from reader.cards.model import Card, Parts, SetInfo

#: The columns every row ends with: which card it comes from.
CARD_COLUMNS = ("card_id", "title", "publisher", "published")


@dataclass(frozen=True, slots=True)
class Table:
    """A view as rows of text: ``headers`` name the columns, each row has one cell each."""

    name: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _card(card: Card) -> tuple[str, ...]:
    return (card.id, card.title, card.source.publisher, card.source.published.iso())


def matrix_table(cards: Sequence[Card], info: SetInfo) -> Table:
    """One row per topic × card, topics in the set's order, cards oldest first; a card silent
    on a topic has an empty stance (the matrix's blindspot)."""
    matrix = topic_matrix(cards, info)
    named = [_card(card) for card in matrix.columns]  # each card's columns, made once
    rows = tuple(
        (
            row.topic.key,
            row.topic.label,
            cell.stance if cell else "",
            cell.view if cell else "",
            *card,
        )
        for row in matrix.rows
        for card, cell in zip(named, row.cells, strict=True)
    )
    return Table("matrix", ("topic", "topic_label", "stance", "view", *CARD_COLUMNS), rows)


def ledger_table(cards: Sequence[Card], info: SetInfo) -> Table:
    """One row per recommendation, grouped by addressee as the ledger groups them (the set
    file's aliases applied), with the addressee also as the card wrote it."""
    entries = recommendation_ledger(cards, info.actor_aliases)
    rows = tuple(
        (entry.addressee, rec.to, rec.action, rec.where or "", *_card(source.card))
        for entry in entries
        for source in entry.sources
        for rec in source.recommendations
    )
    headers = ("addressee", "addressee_as_written", "action", "locator", *CARD_COLUMNS)
    return Table("ledger", headers, rows)


def timeline_table(cards: Sequence[Card], info: SetInfo) -> Table:
    """One row per card's account of an event, in date order; ``event`` numbers the merged
    timeline's rows, so the accounts the timeline shows as one event share a number."""
    entries = [e for e in timeline_entries(cards) if e.kind is EventKind.EVENT]
    dates = {e.date: (e.date.iso(), e.date.precision.name.lower()) for e in entries}
    rows = tuple(
        (str(number), *dates[entry.date], report.text, *_card(report.card))
        for number, entry in enumerate(entries, start=1)
        for report in entry.reports
    )
    headers = ("event", "date", "precision", "text", *CARD_COLUMNS)
    return Table("timeline", headers, rows)


#: Every table by the name ``briefing-reader table`` takes.
TABLES: dict[str, Callable[[Sequence[Card], SetInfo], Table]] = {
    "matrix": matrix_table,
    "ledger": ledger_table,
    "timeline": timeline_table,
}
#: What each table reads of a card beyond its head (:meth:`Catalog.analysed` decodes only that).
PARTS: dict[str, Parts] = {
    "matrix": Parts.PERSPECTIVES,
    "ledger": Parts.RECOMMENDATIONS,
    "timeline": Parts.TIMELINE,
}
