"""The comparison views' modules, imported while the window is idle once a set is listed.

The first window does not import them (#17 §4, ``tests/ui/test_startup_imports.py``): they
are no part of its first paint. Imported by the first view's command instead, they were a
third of its freeze (20-35 ms of 60-100 at 10,000 cards), and making the view another (see
:mod:`.making`). :class:`ViewPreload` imports them
:data:`IDLE_MS` after the workspace is given its last catalog, one module per turn of the
event loop, so that no turn holds the window for long; a command given sooner imports its
own view's module as before. Imports run on the UI thread (never on a job's; see
:mod:`reader.app.loading`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from functools import partial
from importlib import import_module

from PySide6.QtCore import QObject, QTimer

#: The views' modules, the most asked for first.
VIEW_MODULES = (
    "reader.ui.compare.matrix",
    "reader.ui.compare.ledger",
    "reader.ui.compare.timeline",
    "reader.ui.compare.compare_view",
)
#: Milliseconds after the last catalog: the window has listed and painted the set. More than
#: the index's second between the catalogs of a set being indexed, so that the work waits
#: for the loading to end.
IDLE_MS = 1200


class ViewPreload(QObject):
    """Imports :data:`VIEW_MODULES`, then runs ``then`` (making views ahead: see
    :mod:`.making`), one step per turn of the event loop, once, :data:`IDLE_MS` after the
    last :meth:`start` before the first step."""

    def __init__(
        self, parent: QObject | None = None, then: Sequence[Callable[[], None]] = ()
    ) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._next)
        imports = [partial(import_module, n) for n in VIEW_MODULES if n not in sys.modules]
        self._left: list[Callable[[], object]] = [*imports, *then]
        self._begun = False

    def start(self) -> None:
        """Begin the wait, or begin it again (each catalog of a set being loaded puts the
        work off); once the work has begun, nothing."""
        if self._left and not self._begun:
            self._timer.start(IDLE_MS)

    @property
    def done(self) -> bool:
        return not self._left

    @property
    def pending(self) -> bool:
        """Started, and modules are left to import."""
        return self._timer.isActive()

    def _next(self) -> None:
        self._begun = True
        self._left.pop(0)()
        if self._left:
            self._timer.start(0)  # the next at the next turn: events waiting go first
