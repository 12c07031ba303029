"""Set-wide views worked out off the UI thread: the newest request wins, older ones stop.

A topic matrix, ledger or timeline of thousands of cards loads every one of them (about 1 ms
a card from the index) before it can show anything: seconds, during which the window must
stay responsive. :class:`ViewJobs` runs a view's ``compute`` on one background thread and
hands the result back through a signal; a newer request stops the one running at its next
progress report, so typing in the search box never queues up stale work.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.analysis.columns import CardProgress
from reader.cards.catalog import Catalog

#: A view's ``compute``: (catalog, card ids, progress) -> what the view shows.
Compute = Callable[[Catalog, Sequence[str], CardProgress | None], Any]


class _SupersededError(Exception):
    """A newer request came: the running one stops."""


class _Latest:
    """The newest request's number, read by the worker between cards (an int is atomic)."""

    def __init__(self) -> None:
        self.request = 0


@dataclass(frozen=True, slots=True)
class _Job:
    request: int
    key: object
    compute: Compute
    catalog: Catalog
    card_ids: tuple[str, ...]


class _Worker(QObject):
    progressed = Signal(int, int, int)  # request, done, total
    finished = Signal(int, object, object)  # request, catalog, result
    failed = Signal(int, str)

    def __init__(self, latest: _Latest) -> None:
        super().__init__()
        self._latest = latest

    @Slot(object)
    def run(self, job: _Job) -> None:
        def progress(done: int, total: int) -> None:
            if self._latest.request != job.request:
                raise _SupersededError
            self.progressed.emit(job.request, done, total)

        if self._latest.request != job.request:
            return  # queued behind a newer one: never started
        try:
            result = job.compute(job.catalog, job.card_ids, progress)
        except _SupersededError:
            return
        except Exception as exc:  # a bug must not kill the thread or leave the view waiting
            self.failed.emit(job.request, f"{type(exc).__name__}: {exc}")
            return
        self.finished.emit(job.request, job.catalog, result)


class ViewJobs(QObject):
    """One background thread for the set-wide views; only the newest request reports."""

    #: (key, cards loaded, cards asked for) of the running request.
    progressed = Signal(object, int, int)
    #: (key, catalog, result): show ``result``, computed from ``catalog``.
    finished = Signal(object, object, object)
    #: (key, message): the request failed.
    failed = Signal(object, str)
    _requested = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._latest = _Latest()
        self._key: object | None = None
        self._thread: QThread | None = None
        self._worker: _Worker | None = None  # lives on the thread, made with it

    @property
    def running(self) -> object | None:
        """The key of the request under way, or None."""
        return self._key

    def start(
        self, key: object, compute: Compute, catalog: Catalog, card_ids: Sequence[str]
    ) -> None:
        """Compute ``key``'s view in the background; stops any request still running."""
        self._ensure_thread()
        self._latest.request += 1
        self._key = key
        self._requested.emit(_Job(self._latest.request, key, compute, catalog, tuple(card_ids)))

    def cancel(self) -> None:
        """Stop the request under way (at its next card); nothing more is reported."""
        self._latest.request += 1
        self._key = None

    def shutdown(self) -> None:
        """Stop the thread; a request running stops at its next card."""
        self.cancel()
        if self._thread is not None and self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()

    def _ensure_thread(self) -> None:
        if self._thread is not None:
            return
        self._thread = QThread(self)
        self._thread.setObjectName("comparison-views")
        worker = _Worker(self._latest)
        worker.moveToThread(self._thread)
        self._requested.connect(worker.run)
        worker.progressed.connect(self._on_progress)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        self._thread.finished.connect(worker.deleteLater)
        self._worker = worker
        self._thread.start()

    def _current(self, request: int) -> bool:
        return request == self._latest.request and self._key is not None

    def _on_progress(self, request: int, done: int, total: int) -> None:
        if self._current(request):
            self.progressed.emit(self._key, done, total)

    def _on_finished(self, request: int, catalog: Catalog, result: object) -> None:
        if self._current(request):
            key, self._key = self._key, None
            self.finished.emit(key, catalog, result)

    def _on_failed(self, request: int, message: str) -> None:
        if self._current(request):
            key, self._key = self._key, None
            self.failed.emit(key, message)
