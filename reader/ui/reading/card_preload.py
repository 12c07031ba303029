"""The open card's modules, imported while the window is idle once it has shown the set.

A set opens on its overview: the card's renderer, its evidence on screen and the checks
against the source texts (:mod:`reader.ui.reading.card_page`,
:mod:`reader.ui.reading.source_checks`) are no part of that first paint (#17 §4,
``tests/ui/test_startup_imports.py``). The first card drawn imports what it needs at once;
:class:`CardPreload` imports them ahead, :data:`IDLE_MS` after the card view last drew
something, one module per turn of the event loop (:mod:`reader.ui.idle_steps`), so that no
turn holds the window for long and the first card opened later does not pay for them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from reader.ui.idle_steps import IdleSteps, imports

#: The card's modules, each after those it imports (each step imports one module's own code).
CARD_MODULES = (
    "reader.verify.source_text",
    "reader.verify.relevance",
    "reader.verify.health",
    "reader.verify.sources",
    "reader.render.highlight",
    "reader.render.card",
    "reader.render.screen_evidence",
    "reader.ui.reading.card_page",
    "reader.ui.reading.citations",
    "reader.verify.quotes",
    "difflib",
    "reader.ui.reading.source_checks",
    "reader.render.citation",
)
#: Milliseconds after the card view last drew: the overview is painted, and the set's
#: catalogs and the window's own work after its first paint come first.
IDLE_MS = 500


class CardPreload(IdleSteps):
    """Imports :data:`CARD_MODULES`, one per turn of the event loop, once, :data:`IDLE_MS`
    after the last :meth:`start` before the first import."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(imports(CARD_MODULES), IDLE_MS, parent)
