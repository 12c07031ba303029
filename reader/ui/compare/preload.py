"""The comparison views' modules, imported while the window is idle once a set is listed.

The first window does not import them (#17 §4, ``tests/ui/test_startup_imports.py``): they
are no part of its first paint. Imported by the first view's command instead, they were a
third of its freeze (20-35 ms of 60-100 at 10,000 cards), and making the view another (see
:mod:`.making`). :class:`ViewPreload` imports them
:data:`IDLE_MS` after the workspace is given its last catalog, one module per turn of the
event loop (:mod:`reader.ui.idle_steps`), so that no turn holds the window for long; a command
given sooner imports its own view's module as before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject

from reader.ui.idle_steps import IdleSteps, imports

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


class ViewPreload(IdleSteps):
    """Imports :data:`VIEW_MODULES`, then runs ``then`` (making views ahead: see
    :mod:`.making`), one step per turn of the event loop, once, :data:`IDLE_MS` after the
    last :meth:`start` before the first step."""

    def __init__(
        self, parent: QObject | None = None, then: Sequence[Callable[[], None]] = ()
    ) -> None:
        super().__init__([*imports(VIEW_MODULES), *then], IDLE_MS, parent)
