"""A view job gives the window's thread the interpreter whenever that thread has events to
work through, and runs on while it waits for more.

Both threads are Python: while they compete, CPython shares the interpreter between them, so
the window's laying out or painting a view (30 ms of its own) took twice as long or more
beside a view job, and the window froze for 60-140 ms at a time (at 100,000 cards once for
0.7 s) however short the switch interval. The window's event dispatcher says when its thread
wakes (``awake``) and when it is about to wait (``aboutToBlock``, only once no posted event
is left). A job waits while the window is awake (:meth:`WindowTurns.give_way`) when it
starts (the window is making and laying out the view), after handing it a first part, and
at each progress report; for at most :data:`GIVE_WAY` seconds each time, so that it goes on
even beside a window that never rests. Timers run after the dispatcher's wait, before it
says it is awake again: the views' row painters say they are busy wherever they measure or
paint rows (:class:`DrawsRows`), which a timer's delayed layout does.

The two signals are connected only while a view job runs: each turn of the event loop then
calls into Python, which a window loading a set should not pay.

A view's command is not over at the dispatcher's first rest: the window is painted once more,
some milliseconds later (a timer's update request), and laying out and painting the new view
called into Python some 230 times (then mostly two application-wide event filters, since
removed; now the views' size hints and delegates). Beside a job holding the interpreter each
call waited for it (up to the 0.5 ms switch interval), and every hand-over woke a thread that
then waited for a core: at 100,000 cards the matrix's command once held the window 75 ms, of
which 22 ms its CPU and 52 ms asleep. So a job started by a command also waits, at its start,
until the window has painted since (:meth:`WindowTurns.watch` with ``painting``), for at most
:data:`FIRST_PAINT` seconds.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractEventDispatcher, QEvent, QObject, QTimer, Slot
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from reader.app.jobs import JobRunner

#: Seconds a job waits, at most, for the window's thread to be done with its events.
GIVE_WAY = 0.05
#: Seconds a job waits, at most, at its start for the window to have painted (and rested).
FIRST_PAINT = 0.15


class WindowTurns(QObject):
    """Whether the window's thread (this object's) is working through events; made there."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: Set while the window's thread waits for events (or no job watches it).
        self._resting = threading.Event()
        self._resting.set()
        self._watching = False
        #: The window whose next paint is awaited before its turns can count as rest; for at
        #: most FIRST_PAINT seconds (a window may have nothing to paint after all).
        self._unpainted: QWidget | None = None
        self._paint_due = QTimer(self)
        self._paint_due.setSingleShot(True)
        self._paint_due.timeout.connect(self._painted)

    def watch(self, on: bool, painting: QWidget | None = None) -> None:
        """Follow the window's turns (while a view job runs), or stop; on its thread. With
        ``painting`` (the window, as a command starts a job), they are not at rest until it has
        painted too; a window not on screen paints nothing and is not waited for."""
        if on and painting is not None and painting.isVisible() and not painting.isMinimized():
            if self._unpainted is None:
                painting.installEventFilter(self)
            self._unpainted = painting
            self._paint_due.start(round(FIRST_PAINT * 1000))
            self._resting.clear()
        elif not on:
            self._painted()
        if on == self._watching:
            return
        dispatcher = QAbstractEventDispatcher.instance(self.thread())
        if on:
            self._resting.clear()  # it is working now: it asked for the job
            dispatcher.awake.connect(self._awake)
            dispatcher.aboutToBlock.connect(self._about_to_block)
        else:
            dispatcher.awake.disconnect(self._awake)
            dispatcher.aboutToBlock.disconnect(self._about_to_block)
            self._resting.set()
        self._watching = on

    def follow(self, runner: JobRunner) -> None:
        """Stop watching once ``runner`` has no job under way (after each job's last report;
        :meth:`watch` is turned on as a job starts)."""
        for ended in (runner.finished, runner.failed, runner.stopped):
            ended.connect(lambda *_: self.watch(runner.running is not None))

    def expect(self) -> None:
        """On a job's thread, having posted the window something to show: it is busy until it
        has shown it (its dispatcher waits again only once no posted event is left)."""
        if self._watching:
            self._resting.clear()

    def drawing(self) -> None:
        """On the window's thread: it is measuring or painting rows, so busy until its event
        loop waits again (however the work was set off: a timer's too)."""
        if self._watching:
            self._resting.clear()

    def give_way(self, limit: float | None = None) -> None:
        """On a job's thread: wait until the window's thread is done with its events (at most
        ``limit`` seconds, :data:`GIVE_WAY` unless given)."""
        self._resting.wait(GIVE_WAY if limit is None else limit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The awaited window is about to paint (its update request): it rests once done."""
        if watched is self._unpainted and event.type() == QEvent.Type.UpdateRequest:
            self._painted()
        return False

    @Slot()
    def _painted(self) -> None:
        self._paint_due.stop()
        if self._unpainted is not None:
            self._unpainted.removeEventFilter(self)
            self._unpainted = None

    @Slot()
    def _awake(self) -> None:
        self._resting.clear()

    @Slot()
    def _about_to_block(self) -> None:
        if self._unpainted is None:
            self._resting.set()


class DrawsRows:
    """A view's row painter (a delegate, a header): it tells the turns of the window it is
    in when it measures or paints rows. The workspace hands them over as it takes the view
    (:meth:`reader.ui.compare.pane.ComparisonPane.follow_turns`); a spare view, made ahead
    and not yet shown, has none."""

    turns: WindowTurns | None = None

    def drawing(self) -> None:
        if self.turns is not None:
            self.turns.drawing()
