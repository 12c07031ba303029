"""The comparison views, as widgets a window can host: no dependency on the main window.

Each view takes a :class:`reader.cards.catalog.Catalog` and card ids (constructor or
``set_cards``), follows the palette unless given a theme (``set_theme``), scales with
``set_base_point_size``, and gives its page for printing and PDF export (``document_html``).

- :class:`CompareView` — two to four cards side by side. Signals ``open_card(str)``,
  ``tag_clicked(str)``, ``cards_changed(list)``. ``add_card``/``remove_card``/``move_card``;
  ``unavailable_reason()`` (also :func:`compare_unavailable_reason` before opening one).
- :class:`TopicMatrixView` — topics against every card of the filter. Signal ``open_card(str)``.
- :class:`RecommendationsLedgerView` — recommendations by addressee, then by source.
- :class:`TimelineView` — one chronology of every card's events.

Every view drills down: double-click or Enter on a cell, a ledger entry or a timeline event
emits ``item_activated(card_id, field, index)``, the card's item it stands for
(:mod:`reader.ui.compare.items`).

After a reload, call ``set_catalog(catalog, ids)`` (CompareView keeps its columns if ids is
omitted). :data:`reader.analysis.compare_rules.NO_TOPICS_HINT` is what a set without topics shows.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from reader.analysis.compare_rules import MAX_COMPARE, compare_unavailable_reason, no_topics_hint

if TYPE_CHECKING:
    from reader.ui.compare.compare_view import CompareView
    from reader.ui.compare.ledger import RecommendationsLedgerView
    from reader.ui.compare.matrix import TopicMatrixView
    from reader.ui.compare.timeline import TimelineView

#: The views' modules, imported when a view is first asked for (PEP 562): the window makes
#: its comparison workspace at start-up, and the views' models, delegates and headers are
#: no part of its first paint (tests/ui/test_startup_imports.py).
_VIEW_MODULES = {
    "CompareView": "compare_view",
    "RecommendationsLedgerView": "ledger",
    "TopicMatrixView": "matrix",
    "TimelineView": "timeline",
}

__all__ = [
    "MAX_COMPARE",
    "CompareView",
    "RecommendationsLedgerView",
    "TimelineView",
    "TopicMatrixView",
    "compare_unavailable_reason",
    "no_topics_hint",
]


def __getattr__(name: str) -> object:
    module = _VIEW_MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{module}"), name)
