"""The open card's modules, imported while the window is idle once it has shown the set.

A set opens on its overview: the card's renderer, its evidence on screen and the checks
against the source texts (:mod:`reader.ui.reading.card_page`,
:mod:`reader.ui.reading.source_checks`) are no part of that first paint (#17 §4,
``tests/ui/test_startup_imports.py``). The first card drawn imports what it needs at once;
:class:`CardPreload` imports them ahead, :data:`IDLE_MS` after the card view last drew
something, one module per turn of the event loop, so that no turn holds the window for long
and the first card opened later does not pay for them. Imports run on the UI thread (never on
a job's; see :mod:`reader.app.loading`).
"""

from __future__ import annotations

import sys
from importlib import import_module

from PySide6.QtCore import QObject, QTimer

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


class CardPreload(QObject):
    """Imports :data:`CARD_MODULES`, one per turn of the event loop, once, :data:`IDLE_MS`
    after the last :meth:`start` before the first import."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._next)
        self._left = [name for name in CARD_MODULES if name not in sys.modules]
        self._begun = False

    def start(self) -> None:
        """Begin the wait, or begin it again (the view drew again); once begun, nothing."""
        if self._left and not self._begun:
            self._timer.start(IDLE_MS)

    @property
    def done(self) -> bool:
        return not self._left

    def _next(self) -> None:
        self._begun = True
        import_module(self._left.pop(0))  # at once if a card drawn meanwhile imported it
        if self._left:
            self._timer.start(1)  # 1 ms, not 0: a zero timer is sent in this same turn
