"""Which sections a card has, in order, with their headings and anchors.

The one list a card is rendered from (:func:`reader.render.card.render_card`), the export
outlines it with, and the window's Go menu and section outline name. On its own, without the
renderer, because the window names the sections from its start while it renders a card only
when one is first shown (#17 §4).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from reader.cards.model import Card


def anchor_name(card_id: str, section: str) -> str:
    return f"{card_id}--{section}"


class CardSection(NamedTuple):
    """One section of a card as it shows: its key (one of :data:`SECTIONS`), its heading (the
    card's title for the header) and the name of the anchor on its first visible text.

    A named tuple, not a frozen dataclass: made as the window starts, where a dataclass takes
    ~0.5 ms to make and a named tuple a tenth of that (#17 §4)."""

    key: str
    label: str
    anchor: str


def _always(card: Card) -> bool:
    return True


#: Every section a card can have, in the order the card shows them: its heading (empty for
#: the header, which the card's title heads) and whether a card has it (the recommendations
#: always show, if only to say that the source makes none).
_SHOWN: dict[str, tuple[str, Callable[[Card], bool]]] = {
    "header": ("", _always),
    "thesis": ("Thesis", _always),
    "summary": ("Summary", lambda c: bool(c.summary.strip())),
    "argument": ("Argument", lambda c: bool(c.argument)),
    "recommendations": ("Recommendations", _always),
    "perspectives": ("Perspectives", lambda c: bool(c.perspectives)),
    "actors": ("Actors", lambda c: bool(c.actors)),
    "timeline": ("Timeline", lambda c: bool(c.timeline)),
    "quotes": ("Quotes", lambda c: bool(c.quotes)),
    "notes": ("Notes", lambda c: bool(c.notes and c.notes.strip())),
    "tags": ("Tags", lambda c: bool(c.tags)),
}
SECTIONS = tuple(_SHOWN)
#: Each section's heading, by key; the header's is the card's title, here "Top".
SECTION_LABELS = {key: label or "Top" for key, (label, _) in _SHOWN.items()}


def card_sections(card: Card) -> tuple[CardSection, ...]:
    """The sections ``card`` shows, in order, each with its heading and anchor; the header
    first. A section with nothing to show is left out."""
    return tuple(
        CardSection(key, label or card.title, anchor_name(card.id, key))
        for key, (label, shown) in _SHOWN.items()
        if shown(card)
    )
