"""The card parser made ready for worker threads, on the UI thread, once per process.

The parser imports on first use (it compiles its validators, and imports jsonschema to word
an invalid card's problems), and a worker thread must not import: PySide6 replaces
``__import__`` with a hook that is not thread-safe (see :mod:`reader.app.loading`).
:func:`reader.index.prepare_for_threads` does all of it at once, on the thread that calls
it: some 100 ms of CPU (YAML's and the card modules' imports included), which used to come
before the window's first paint.

It now comes after: the window's loader lists a warm set from the index's stored state
without parsing anything, then waits at the gate (:meth:`ParserGate.wait`, cancellably)
before the index checks the files, and the UI thread makes the parser ready on the turns of
its event loop after the one that took the catalog, once it has painted the list: one step
of :data:`reader.index.PREPARATION` a turn, so that no turn holds the window for more than
some 25 ms (a cold open waits at the gate while the window shows). Any other background job
is started only after :func:`ensure_ready` (the job runner calls it on the UI thread;
:mod:`reader.app.jobs`).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator, Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from reader.index import PREPARATION, prepare_for_threads

#: Set once the parser is ready in this process.
READY = threading.Event()
#: How often a load waiting at the gate looks whether it is still wanted.
POLL_SECONDS = 0.02


def ensure_ready() -> None:
    """Make the parser ready now, on the calling (UI) thread, unless it is already."""
    if not READY.is_set():
        prepare_for_threads()
        READY.set()


class ParserGate(QObject):
    """Where a load waits, on its own thread, until the UI thread has made the parser ready.

    A load asks for it when it gets there; the UI thread does it a step a turn from its next
    turn after the current one (zero timers), so a catalog the load has just delivered is
    painted first.
    """

    _wanted = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        ready: threading.Event = READY,
        steps: Sequence[Callable[[], None]] = PREPARATION,
    ) -> None:
        super().__init__(parent)
        self._ready = ready
        self._steps = steps
        #: The steps still to take, once a load has asked.
        self._pending: Iterator[Callable[[], None]] | None = None
        # Emitted on the load's thread; runs on this object's (the UI) thread.
        self._wanted.connect(self._on_wanted, Qt.ConnectionType.QueuedConnection)

    @property
    def ready(self) -> threading.Event:
        return self._ready

    def wait(self, checkpoint: Callable[[], None]) -> None:
        """On a load's thread: return once the parser is ready. ``checkpoint`` is called
        while waiting and raises when the load is no longer wanted (a closed window, another
        set opened), which ends the wait at once."""
        if self._ready.is_set():
            return
        with contextlib.suppress(RuntimeError):  # the window (this object) is already gone
            self._wanted.emit()
        while not self._ready.wait(POLL_SECONDS):
            checkpoint()

    def _on_wanted(self) -> None:
        if self._pending is None and not self._ready.is_set():
            self._pending = iter(self._steps)
            QTimer.singleShot(0, self, self._step)

    def _step(self) -> None:
        step = next(self._pending, None) if self._pending is not None else None
        if step is None or self._ready.is_set():  # done, or made ready at once meanwhile
            self._pending = None
            self._ready.set()
            return
        step()
        QTimer.singleShot(0, self, self._step)
