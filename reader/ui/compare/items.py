"""Which place in a card a comparison view's cell, entry or event stands for.

Drilling down from a view (double-click or Enter) opens the card at the item behind what the
reader chose, so the claim can be read in full and checked against its source: the
perspective behind a topic cell, the recommendation behind a ledger entry, the event behind a
timeline row. An :class:`Item` names it as the card's item anchors do: a field and a 0-based
index in the card's own list. :data:`SECTION` (-1) stands for the field's section as a whole
("header", "thesis", "tags", a topic the card is silent on).

Pure Python: the views' models answer with these, the workspace passes them on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.analysis.ledger import LedgerEntry
from reader.analysis.side_by_side import (
    ArgumentCell,
    Cell,
    RecommendationsCell,
    SourceCell,
    TagsCell,
    TextCell,
    TopicCell,
)
from reader.analysis.timeline import EventKind, TimelineEntry
from reader.cards.model import Card, Perspective, Recommendation

#: The index that means "the section", not one of its items.
SECTION = -1


@dataclass(frozen=True, slots=True)
class Item:
    card_id: str
    #: A card section key ("argument", "perspectives", "header"…), as in reader.render.card.
    field: str
    #: 0-based, in the card's own list (not the order a view shows); :data:`SECTION` for all.
    index: int = SECTION


def perspective_item(card: Card, perspective: Perspective | None) -> Item:
    """A topic cell: the card's perspective on the topic, or its header where it is silent."""
    if perspective is None:
        return Item(card.id, "header")
    return Item(card.id, "perspectives", card.perspectives.index(perspective))


def recommendation_item(card: Card, recommendations: Sequence[Recommendation]) -> Item:
    """The first of these recommendations (a cell or entry may hold several), or the
    card's recommendations section when there is none."""
    if not recommendations:
        return Item(card.id, "recommendations")
    return Item(card.id, "recommendations", card.recommendations.index(recommendations[0]))


def cell_item(card: Card, cell: Cell) -> Item:
    """A compare-view cell of ``card``'s column."""
    if isinstance(cell, TopicCell):
        return perspective_item(card, cell.perspective)
    if isinstance(cell, RecommendationsCell):
        return recommendation_item(card, cell.recommendations)
    if isinstance(cell, ArgumentCell):
        return Item(card.id, "argument", 0 if cell.points else SECTION)
    if isinstance(cell, TextCell):
        return Item(card.id, "thesis")  # the only row of plain text
    if isinstance(cell, TagsCell):
        return Item(card.id, "tags")
    assert isinstance(cell, SourceCell)
    return Item(card.id, "header")


def event_item(entry: TimelineEntry) -> Item:
    """A timeline row: its first source's event, or that source's header for a publication."""
    report = entry.reports[0]
    card = report.card
    if entry.kind is EventKind.PUBLISHED:
        return Item(card.id, "header")
    index = next(
        i for i, e in enumerate(card.timeline) if e.date == entry.date and e.event == report.text
    )
    return Item(card.id, "timeline", index)


def ledger_items(entries: Sequence[LedgerEntry]) -> list[Item]:
    """Every recommendation of the ledger, in the order the ledger lists them."""
    return [
        Item(source.card.id, "recommendations", source.card.recommendations.index(rec))
        for entry in entries
        for source in entry.sources
        for rec in source.recommendations
    ]
