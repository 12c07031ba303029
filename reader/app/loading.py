"""Build catalogs off the UI thread and hand them back through a signal.

A *catalog source* turns a folder into one or more catalogs, each more complete than the
last: the persistent index (:data:`INDEX_SOURCES`, what the window reads) yields what it has
at once and then the rest as it catches up. The window shows every snapshot as it arrives,
so a large set is readable before it has finished loading, and never freezes the UI.

Loads are jobs (:mod:`reader.app.jobs`): opening another set, or closing the window, stops
the load under way at its next checkpoint (the index checks between chunks of files)
instead of waiting for it.

A load's first catalog delivered, it waits until the window has taken it
(:attr:`Snapshot.taken`) before it goes on: what comes next (the index's check of every file,
the facets' inverted side) is Python on this thread, which would hold the interpreter half
the time the window fills its list and tag tree (100,000 cards: seconds of the first open).
Later catalogs (a long build's progress) are not waited for: the build goes on meanwhile.

Nothing is parsed on the loader thread before the UI thread has made the parser ready
(:mod:`reader.app.parser_gate`): the index lists a warm set without parsing and then waits at
the gate, which the window opens after painting the list; any other source waits first.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QObject, Signal

from reader.app.gc_pause import collections_paused
from reader.app.jobs import JobContext, JobFailure, JobRunner
from reader.app.parser_gate import ParserGate
from reader.app.prepare import Prepared, prepare
from reader.app.watcher import Changes, WatchTargets, watch_targets
from reader.cards.catalog import Catalog
from reader.index import LEAVE_A_CORE, index_refreshes, index_snapshots

#: Turns a folder into catalogs, on the loader thread. It should not execute an ``import``
#: there: with PySide6 6.12 (which corrupts None's reference count, see pyproject.toml) an
#: import on the worker while the UI ran crashed the process ("Fatal Python error:
#: none_dealloc"). 6.11 does not, but loads stay import-free as insurance; a test checks it.
CatalogSource = Callable[[Path], Iterator[Catalog]]

#: Reads a set again after a change: given the folder, the catalog last made of it (or
#: None), and which paths changed (None when unknown), yields catalogs like a source.
CatalogRefresh = Callable[[Path, Catalog | None, Changes], Iterator[Catalog]]
#: Asked by a stoppable source between steps of its work: true once the load is not wanted.
StopCheck = Callable[[], bool]


class CatalogSources(NamedTuple):
    """Where catalogs come from: on opening a set, and on reloading the one shown.

    They differ for the persistent index: opening shows the stored catalog at once, while a
    reload re-checks only the files that changed and delivers the updated catalog.
    """

    open: CatalogSource
    reload: CatalogRefresh
    #: Both take a ``should_stop`` keyword (a :data:`StopCheck`) and end early, keeping what
    #: they did, once it says so, as the index does between chunks of files. Any source
    #: stops between the catalogs it yields; only a stoppable one stops within a long step.
    stoppable: bool = False
    #: ``open`` takes a ``before_parse`` keyword, called once before it parses anything (as
    #: :func:`reader.index.index_snapshots` does): the load waits there for the parser
    #: (:class:`ParserGate`). Any other source, and every reload, waits before it starts.
    gated: bool = False

    @classmethod
    def same(cls, source: CatalogSource) -> CatalogSources:
        """A source that reads the whole set again on every reload."""
        return cls(source, partial(_whole_set, source))


def _whole_set(
    source: CatalogSource, root: Path, _shown: Catalog | None, _changed: Changes
) -> Iterator[Catalog]:
    return source(root)


#: The persistent index, the one way the program reads a set (``check`` and ``export`` open
#: the same): opening shows the stored catalog at once and parses only what changed; a reload
#: re-checks the files the watcher saw change. The window's index leaves it a core
#: (:data:`reader.index.LEAVE_A_CORE`).
INDEX_SOURCES = CatalogSources(
    partial(index_snapshots, workers=LEAVE_A_CORE),
    partial(index_refreshes, workers=LEAVE_A_CORE),
    stoppable=True,
    gated=True,
)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One catalog delivered by a load.

    Every catalog the source yields arrives once with ``final`` false, as soon as it exists;
    when the source is done, the last one arrives again with ``final`` true and the paths to
    watch, so the receiver knows the load is over without the worker waiting to find out.
    """

    request: int
    root: Path
    catalog: Catalog
    final: bool
    seconds: float
    watch: WatchTargets | None
    prepared: Prepared
    #: Set once the receiver has taken the catalog (see :func:`_deliver`).
    taken: threading.Event = field(default_factory=threading.Event, compare=False, repr=False)


#: How long a load waits for the window to take a catalog before it goes on regardless (a
#: receiver busy or gone; a cancelled load stops at once instead).
TAKEN_SECONDS = 2.0


def _deliver(context: JobContext, snapshot: Snapshot, *, wait: bool) -> None:
    """Hand ``snapshot`` over and, with ``wait``, wait until it is taken: the window fills
    its views without this thread's next steps competing for the interpreter."""
    context.deliver(snapshot)
    if not wait:
        return
    deadline = time.monotonic() + TAKEN_SECONDS
    while not snapshot.taken.wait(0.02) and time.monotonic() < deadline:
        context.checkpoint()  # a newer load or a closed window: its results never arrive


class Reload(NamedTuple):
    """A load of the set on show, after ``changed`` (None: unknown, check every file)."""

    changed: Changes = None


def _load(
    sources: CatalogSources,
    request: int,
    root: Path,
    reload: Reload | None,
    previous: tuple[Catalog, Prepared] | None,
    gate: ParserGate,
    context: JobContext,
) -> Snapshot:
    """A load, as a job: each catalog delivered as it comes, the final snapshot returned.

    ``previous`` is the catalog shown of ``root`` and what was prepared from it, which a reload
    starts from. The load stops at the first checkpoint after it is cancelled: between the
    catalogs, and, for a stoppable source, wherever the source asks.
    """
    started = time.perf_counter()
    wall_clock = time.time()
    if reload is None:
        catalogs = _open(sources, root, gate, context)
        previous = None
    else:
        gate.wait(context.checkpoint)
        catalogs = _reload(sources, root, previous, reload.changed, context)
    last: tuple[Catalog, Prepared] | None = None
    pending = iter(catalogs)
    try:
        while True:
            # What each catalog and its preparation make lives on in the window (and the next
            # catalog's patch). A collection set off meanwhile held the interpreter on this
            # thread, so the window could not run: during a cold index of 10,000 cards,
            # 260-700 ms of them, single ones of 65-125 ms, where row 5's goal is 50 ms.
            with collections_paused(freeze=True):
                catalog = next(pending, None)
                if catalog is None:
                    break
                context.checkpoint()
                # Patched from the catalog before it when few cards differ: a warm open's
                # stored catalog, then the one after the files changed since.
                before = last if last is not None else previous
                ready = prepare(catalog.summaries(), before[1] if before else None)
            seconds = time.perf_counter() - started
            snapshot = Snapshot(request, root, catalog, False, seconds, None, ready)
            _deliver(context, snapshot, wait=last is None)
            last = catalog, ready
    finally:
        if isinstance(catalogs, Generator):
            catalogs.close()  # a cancelled load ends its source now, not when collected
    context.checkpoint()
    if last is None:
        raise RuntimeError(f"the catalog source gave nothing for {root}")
    # The end of the load: the same catalog again, now with what to watch.
    watch = watch_targets(root, since=wall_clock)
    catalog, ready = last
    return Snapshot(request, root, catalog, True, time.perf_counter() - started, watch, ready)


def _open(
    sources: CatalogSources, root: Path, gate: ParserGate, context: JobContext
) -> Iterator[Catalog]:
    keywords: dict[str, Callable[[], object]] = {**_stop_check(sources, context)}
    wait = partial(gate.wait, context.checkpoint)
    if sources.gated:
        keywords["before_parse"] = wait
    else:
        wait()
    return sources.open(root, **keywords)


def _reload(
    sources: CatalogSources,
    root: Path,
    previous: tuple[Catalog, Prepared] | None,
    changed: Changes,
    context: JobContext,
) -> Iterator[Catalog]:
    shown = previous[0] if previous is not None else None
    return sources.reload(root, shown, changed, **_stop_check(sources, context))


def _stop_check(sources: CatalogSources, context: JobContext) -> dict[str, StopCheck]:
    """The ``should_stop`` keyword for a stoppable source, else nothing."""
    return {"should_stop": lambda: context.cancelled} if sources.stoppable else {}


class CatalogLoader(QObject):
    """Loads sets in the background (:mod:`reader.app.jobs`): a newer load stops the one
    under way, whose results never arrive."""

    #: A :class:`Snapshot` of the most recent request.
    delivered = Signal(object)
    #: The most recent request failed: the message says how (the log has the traceback).
    failed = Signal(str)

    def __init__(
        self,
        sources: CatalogSources = INDEX_SOURCES,
        parent: QObject | None = None,
        *,
        gate: ParserGate | None = None,
    ):
        super().__init__(parent)
        self._sources = sources
        #: Where a load waits for the parser (a test's own gate, else the process's).
        self._gate = gate if gate is not None else ParserGate(self)
        self._request = 0
        #: The last catalog delivered, and what was prepared from it: a reload starts from them.
        self._last: tuple[Catalog, Prepared] | None = None
        self._jobs = JobRunner("catalog-loader", self, before_start=None)  # its gate instead
        self._jobs.delivered.connect(self._on_delivered)
        self._jobs.finished.connect(self._on_delivered)
        self._jobs.failed.connect(self._on_failed)

    @property
    def busy(self) -> bool:
        return self._jobs.running is not None

    def load(self, root: Path, *, reload: Reload | None = None) -> int:
        """Open ``root``, or with ``reload``, read it again after a change."""
        self._request += 1
        last = self._last
        previous = last if last is not None and last[0].root == root else None
        job = partial(_load, self._sources, self._request, root, reload, previous, self._gate)
        self._jobs.start(self._request, job)
        return self._request

    def _on_delivered(self, _request: object, snapshot: Snapshot) -> None:
        self._last = snapshot.catalog, snapshot.prepared
        self.delivered.emit(snapshot)
        snapshot.taken.set()  # the receivers have shown it: the load may go on

    def _on_failed(self, _request: object, failure: JobFailure) -> None:
        self.failed.emit(failure.message)

    def shutdown(self) -> None:
        """Stop the load under way at its next checkpoint; returns at once."""
        self._jobs.shutdown()
