"""Which cards an analysis shows, in which order, and how a column names its source.

Shared by the side-by-side view, the matrix, the ledger and the timeline, so every analysis
orders, loads and labels cards the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reader.cards.catalog import CardProgress as CardProgress
from reader.cards.catalog import Catalog
from reader.cards.model import Card, Perspective
from reader.cards.query import fold


def date_order(cards: Iterable[Card]) -> list[Card]:
    """Oldest first; "2021" sorts before "2021-09" (see :attr:`PartialDate.sort_key`)."""
    return sorted(cards, key=lambda c: (c.source.published.sort_key, fold(c.title), c.id))


#: How many cards :func:`cards_of` loads between two progress reports.
PROGRESS_EVERY = 64


def cards_of(
    catalog: Catalog, card_ids: Sequence[str], progress: CardProgress | None = None
) -> list[Card]:
    """The cards behind ``card_ids``, in that order; ids the catalog no longer has are dropped.

    A live reload can remove a card while a comparison of it is open; the views then show
    what is left rather than fail. Loading a card from an index parses it (about 1 ms), so
    a set-wide view of thousands reports ``progress``.
    """
    cards = []
    for done, card_id in enumerate(card_ids):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, len(card_ids))
        card = catalog.card(card_id)
        if card is not None:
            cards.append(card)
    return cards


def source_label(card: Card) -> str:
    """Who said it and when, short enough for a column header or a timeline line."""
    return f"{card.source.publisher}, {card.source.published.display()}"


def distinct_stances(perspectives: Iterable[Perspective | None]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for persp in perspectives:
        if persp is not None:
            seen.setdefault(fold(persp.stance.strip()), persp.stance.strip())
    return tuple(seen.values())
