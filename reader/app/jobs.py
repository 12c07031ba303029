"""The one way the application works in the background: cancellable jobs, newest wins.

A *job* is a function of a :class:`JobContext`, run on a thread of its own; a
:class:`JobRunner` runs one job at a time for one purpose (loading the set, a set-wide view,
an export) and reports on the UI thread, through its signals: progress, results delivered on
the way, the result, or the failure. Starting a job cancels the one running, which then
reports nothing more, so a receiver only ever hears about the newest request.

Cancelling is cooperative and never waited for. The job learns of it at its next
:meth:`JobContext.checkpoint` (``progress`` and ``deliver`` are checkpoints too) and stops
there; meanwhile the newer job already runs on its own thread. Job threads are daemon
threads: a job that never reaches a checkpoint cannot keep the process alive, so closing
the window only asks jobs to stop and returns at once.

A failure is logged with its traceback (``logging``; the log and the crash report are
:mod:`reader.app.log`'s business) and reported as a :class:`JobFailure`, which keeps the
exception. Both happen on the UI thread: a job's thread executes no ``import`` of its own
(see :mod:`reader.app.loading`), and formatting a traceback or a log handler might.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Signal, SignalInstance

from reader.app.parser_gate import ensure_ready

log = logging.getLogger(__name__)


class JobCancelledError(Exception):
    """Raised by :meth:`JobContext.checkpoint` in a job that is no longer wanted."""


@dataclass(frozen=True, slots=True)
class JobFailure:
    """How a job failed: the exception it raised, with its traceback."""

    error: Exception

    @property
    def message(self) -> str:
        """One line for people, e.g. ``OSError: the index is locked``."""
        return f"{type(self.error).__name__}: {self.error}"

    @property
    def traceback(self) -> str:
        return "".join(traceback.format_exception(self.error))


class _Bridge(QObject):
    """Carries a job's reports from its thread to the runner's (queued connections).

    It has no parent and the job's thread holds a reference to it, so it outlives the runner
    if it must: a job still running when the window is gone reports into nothing.
    """

    progressed = Signal(int, int, int, str)  # job, done, total, label
    delivered = Signal(int, object)
    finished = Signal(int, object)
    failed = Signal(int, object)  # job, Exception
    stopped = Signal(int)


class JobContext:
    """What a running job is given: whether it is still wanted, and a way to report."""

    __slots__ = ("_bridge", "_number", "_stop")

    def __init__(self, number: int, stop: threading.Event, bridge: _Bridge) -> None:
        self._number = number
        self._stop = stop
        self._bridge = bridge

    @property
    def cancelled(self) -> bool:
        """The job is no longer wanted: it should stop as soon as it can."""
        return self._stop.is_set()

    def checkpoint(self) -> None:
        """Stop here (raise :class:`JobCancelledError`) if the job is no longer wanted."""
        if self._stop.is_set():
            raise JobCancelledError

    def progress(self, done: int, total: int, label: str = "") -> None:
        """Report ``done`` of ``total`` (and what is being done); a checkpoint."""
        self.checkpoint()
        _emit(self._bridge.progressed, self._number, done, total, label)

    def deliver(self, value: object) -> None:
        """Hand the UI a result on the way (e.g. a partly loaded set); a checkpoint."""
        self.checkpoint()
        _emit(self._bridge.delivered, self._number, value)


#: A job: given its context, returns its result (or raises).
Job = Callable[[JobContext], Any]


@dataclass(slots=True)
class _Running:
    key: object
    stop: threading.Event


class JobRunner(QObject):
    """Runs one job at a time for one purpose; only the newest job reports.

    Every signal carries the key the job was started with.
    """

    #: (key, done, total, label) of the running job.
    progressed = Signal(object, int, int, str)
    #: (key, value): a result on the way (:meth:`JobContext.deliver`).
    delivered = Signal(object, object)
    #: (key, result): the job is done.
    finished = Signal(object, object)
    #: (key, :class:`JobFailure`): the job raised; its traceback is in the log.
    failed = Signal(object, object)
    #: (key): a job that was cancelled has ended (it reports nothing else after the cancel).
    stopped = Signal(object)

    def __init__(
        self,
        name: str,
        parent: QObject | None = None,
        *,
        before_start: Callable[[], None] | None = ensure_ready,
    ) -> None:
        super().__init__(parent)
        self._name = name
        #: Called on this (the UI) thread before each job starts: by default it makes the
        #: card parser ready, as jobs may parse and must not import (the set's loader waits
        #: for it instead: reader.app.parser_gate).
        self._before_start = before_start
        self._count = 0
        self._current: int | None = None
        self._jobs: dict[int, _Running] = {}
        self._closed = False
        self._bridge = _Bridge()
        self._bridge.progressed.connect(self._on_progressed)
        self._bridge.delivered.connect(self._on_delivered)
        self._bridge.finished.connect(self._on_finished)
        self._bridge.failed.connect(self._on_failed)
        self._bridge.stopped.connect(self._on_stopped)

    @property
    def running(self) -> object | None:
        """The key of the job under way (not cancelled), or None."""
        return None if self._current is None else self._jobs[self._current].key

    def start(self, key: object, job: Job) -> None:
        """Run ``job`` in the background, cancelling the one under way.

        After :meth:`shutdown` nothing starts.
        """
        if self._closed:
            return
        if self._before_start is not None:
            self._before_start()
        self.cancel()
        self._count += 1
        number = self._count
        stop = threading.Event()
        self._jobs[number] = _Running(key, stop)
        self._current = number
        context = JobContext(number, stop, self._bridge)
        thread = threading.Thread(
            target=_run,
            args=(job, context, self._bridge, number),
            name=f"{self._name}-{number}",
            daemon=True,
        )
        thread.start()

    def cancel(self) -> None:
        """Cancel the job under way: it stops at its next checkpoint and then reports only
        :attr:`stopped`. Returns at once."""
        if self._current is not None:
            self._jobs[self._current].stop.set()
            self._current = None

    def shutdown(self) -> None:
        """Cancel the job under way and report nothing more; never waits for it."""
        self.cancel()
        self._closed = True

    def _report(self, number: int) -> _Running | None:
        """The job's entry if it is the one under way (its reports reach the receivers)."""
        return self._jobs.get(number) if number == self._current and not self._closed else None

    def _end(self, number: int) -> _Running | None:
        """Forget an ended job; its entry if it was the one under way."""
        running = self._jobs.pop(number, None)
        if number != self._current:
            if running is not None and not self._closed:
                self.stopped.emit(running.key)
            return None
        self._current = None
        return None if self._closed else running

    def _on_progressed(self, number: int, done: int, total: int, label: str) -> None:
        running = self._report(number)
        if running is not None:
            self.progressed.emit(running.key, done, total, label)

    def _on_delivered(self, number: int, value: object) -> None:
        running = self._report(number)
        if running is not None:
            self.delivered.emit(running.key, value)

    def _on_finished(self, number: int, result: object) -> None:
        running = self._end(number)
        if running is not None:
            self.finished.emit(running.key, result)

    def _on_failed(self, number: int, error: Exception) -> None:
        failure = JobFailure(error)
        log.exception("%s job %d failed: %s", self._name, number, failure.message, exc_info=error)
        running = self._end(number)
        if running is not None:
            self.failed.emit(running.key, failure)

    def _on_stopped(self, number: int) -> None:
        self._end(number)


def _run(job: Job, context: JobContext, bridge: _Bridge, number: int) -> None:
    """A job's thread: run it and report how it ended (to the runner, on the UI thread)."""
    # Qt objects a job makes (an export's text documents) start timers, which need an event
    # dispatcher in their thread: making an event loop gives this thread one (never run).
    _loop = QEventLoop()
    try:
        result = job(context)
        context.checkpoint()  # cancelled while finishing: the result is stale
    except JobCancelledError:
        _emit(bridge.stopped, number)
    except Exception as exc:  # a bug must not end silently, nor leave the UI waiting
        _emit(bridge.failed, number, exc)
    else:
        _emit(bridge.finished, number, result)


def _emit(signal: SignalInstance, *args: object) -> None:
    # RuntimeError: the application is gone (the process is exiting), nobody listens.
    with contextlib.suppress(RuntimeError):
        signal.emit(*args)
