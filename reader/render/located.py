"""Where a card's located items are, as links and anchors: the names the card view, the
source pane and the comparison views' drill-down share, and what an item's mark says.

An argument point, a recommendation and a quote each open with the anchor
``item-{field}-{index}`` (:func:`item_anchor`), so the window can scroll the card to any of
them (drill-down from a comparison view, the source pane's reverse links); on screen every
locator is a ``cite:`` link to its passage (:func:`cite_href`). How the card shows its
evidence (its source's status, each item's mark) is :mod:`reader.render.screen_evidence`'s:
this module stays small, for the window imports it at start-up and a card's rendering only
when a card is first shown (#17 §4).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.verify.marks import Mark as Health

if TYPE_CHECKING:
    from reader.verify.health import ItemHealth

#: The card's lists whose items carry a locator, in the order the card shows them.
LOCATED_FIELDS = ("argument", "recommendations", "quotes")
#: What a mark's tooltip opens with.
_TITLES = {
    Health.VERIFIED: "Verified against the source text",
    Health.SUSPECT: "Suspect",
    Health.UNVERIFIABLE: "Unverifiable",
}


def item_anchor(field: str, index: int) -> str:
    """The anchor an item of ``field`` (0-based ``index``) opens with: ``item-argument-3``."""
    return f"item-{field}-{index}"


def cite_href(field: str, index: int) -> str:
    """The link of an item's locator: ``cite:argument/3``."""
    return f"cite:{field}/{index}"


def parse_cite(value: str) -> tuple[str, int] | None:
    """(field, index) of a ``cite:`` link's path, or None for anything else."""
    field, _, number = value.partition("/")
    if field not in LOCATED_FIELDS or not number.isdigit() or len(number) > 6:
        return None
    return field, int(number)


def mark_tooltip(health: ItemHealth) -> str:
    """What a mark says on hover: "Suspect: quote 2 is in §I ¶2, not §I ¶3"."""
    title = _TITLES[health.mark]
    return f"{title}: {health.reason}" if health.reason else title
