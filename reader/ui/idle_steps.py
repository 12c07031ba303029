"""Work the window does ahead while it is idle: steps one per turn of its event loop, after a
wait.

What the first paint does not need (the open card's modules, the comparison views' modules
and widgets) is made ahead this way, so that no turn holds the window for long and the first
command that needs it does not pay for it. The wait starts again at each :meth:`IdleSteps.start`
until the first step has run (a set being loaded puts the work off); the steps then run to
the end, 1 ms apart: Qt sends a zero timer's event in the turn that started it, so 0 would
run them all in one turn. Steps run on the UI thread, so the imports among them do too
(never on a job's thread; see :mod:`reader.app.loading`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from importlib import import_module

from PySide6.QtCore import QObject, QTimer


def imports(modules: Iterable[str]) -> list[Callable[[], object]]:
    """A step for each of ``modules`` not imported yet, in order (a module after those it
    imports, so that each step imports one module's own code)."""
    return [partial(import_module, name) for name in modules if name not in sys.modules]


class IdleSteps(QObject):
    """Runs ``steps``, one per turn, once, ``wait_ms`` after the last :meth:`start` before the
    first step (see the module's docstring)."""

    def __init__(
        self,
        steps: Sequence[Callable[[], object]],
        wait_ms: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._left = list(steps)
        self._wait_ms = wait_ms
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._next)
        self._begun = False

    def start(self) -> None:
        """Begin the wait, or begin it again; once the steps have begun, nothing."""
        if self._left and not self._begun:
            self._timer.start(self._wait_ms)

    @property
    def done(self) -> bool:
        return not self._left

    @property
    def pending(self) -> bool:
        """Started, and steps are left to run."""
        return self._timer.isActive()

    def _next(self) -> None:
        self._begun = True
        self._left.pop(0)()  # an import is at once if a command imported it meanwhile
        if self._left:
            self._timer.start(1)
