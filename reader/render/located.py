"""The card's located items on screen: their anchors, their locator links, their health marks.

An argument point, a recommendation and a quote each open with the anchor
``item-{field}-{index}`` (:func:`item_anchor`), so the window can scroll the card to any of
them (drill-down from a comparison view, the source pane's reverse links). On screen only: a
printed book holds many cards and names its anchors its own way.
"""

from __future__ import annotations

#: The card's lists whose items carry a locator, in the order the card shows them.
LOCATED_FIELDS = ("argument", "recommendations", "quotes")


def item_anchor(field: str, index: int) -> str:
    """The anchor an item of ``field`` (0-based ``index``) opens with: ``item-argument-3``."""
    return f"item-{field}-{index}"
