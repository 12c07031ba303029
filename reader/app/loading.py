"""Build catalogs off the UI thread and hand them back through a signal.

A *catalog source* turns a folder into one or more catalogs, each more complete than the
last: the persistent index (:data:`INDEX_SOURCES`, what the window reads) yields what it has
at once and then the rest as it catches up. The window shows every snapshot as it arrives,
so a large set is
readable before it has finished loading, and never freezes the UI.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.app.prepare import Prepared, prepare
from reader.app.watcher import Changes, WatchTargets, watch_targets
from reader.cards.catalog import Catalog
from reader.index import index_refreshes, index_snapshots

#: Turns a folder into catalogs, on the loader thread. It should not execute an ``import``
#: there: with PySide6 6.12 (which corrupts None's reference count, see pyproject.toml) an
#: import on the worker while the UI ran crashed the process ("Fatal Python error:
#: none_dealloc"). 6.11 does not, but loads stay import-free as insurance; a test checks it.
CatalogSource = Callable[[Path], Iterator[Catalog]]
#: Reads a set again after a change: given the folder, the catalog last made of it (or
#: None), and which paths changed (None when unknown), yields catalogs like a source.
CatalogRefresh = Callable[[Path, Catalog | None, Changes], Iterator[Catalog]]


@dataclass(frozen=True, slots=True)
class CatalogSources:
    """Where catalogs come from: on opening a set, and on reloading the one shown.

    They differ for the persistent index: opening shows the stored catalog at once, while a
    reload re-checks only the files that changed and delivers the updated catalog.
    """

    open: CatalogSource
    reload: CatalogRefresh

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
#: re-checks the files the watcher saw change.
INDEX_SOURCES = CatalogSources(index_snapshots, index_refreshes)


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


@dataclass(frozen=True, slots=True)
class Reload:
    """A load of the set on show, after ``changed`` (None: unknown, check every file)."""

    changed: Changes = None


class _Worker(QObject):
    delivered = Signal(object)
    failed = Signal(int, str)

    def __init__(self, sources: CatalogSources) -> None:
        super().__init__()
        self._sources = sources
        #: The last catalog made, and what was prepared from it: a reload starts from them.
        self._last: tuple[Catalog, Prepared] | None = None

    @Slot(int, str, object)
    def load(self, request: int, folder: str, reload: Reload | None) -> None:
        root = Path(folder)
        started = time.perf_counter()
        wall_clock = time.time()
        try:
            previous = self._last if self._last and self._last[0].root == root else None
            if reload is None:
                catalogs = self._sources.open(root)
                previous = None
            else:
                shown = previous[0] if previous is not None else None
                catalogs = self._sources.reload(root, shown, reload.changed)
            last: tuple[Catalog, Prepared] | None = None
            for catalog in catalogs:
                ready = prepare(catalog.summaries(), previous[1] if previous else None)
                seconds = time.perf_counter() - started
                self.delivered.emit(Snapshot(request, root, catalog, False, seconds, None, ready))
                last = self._last = catalog, ready
            if last is None:
                raise RuntimeError(f"the catalog source gave nothing for {root}")
            # The end of the load: the same catalog again, now with what to watch.
            watch = watch_targets(root, since=wall_clock)
            seconds = time.perf_counter() - started
            catalog, ready = last
            self.delivered.emit(Snapshot(request, root, catalog, True, seconds, watch, ready))
        except Exception as exc:  # a loader bug must not kill the worker thread
            self.failed.emit(request, f"{type(exc).__name__}: {exc}")


class CatalogLoader(QObject):
    """Loads sets on one background thread; stale results are dropped, newest wins."""

    #: A :class:`Snapshot` of the most recent request.
    delivered = Signal(object)
    #: The most recent request failed: the message says how.
    failed = Signal(str)
    _requested = Signal(int, str, object)

    def __init__(
        self,
        sources: CatalogSources = INDEX_SOURCES,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._request = 0
        self._busy = False
        self._thread = QThread(self)
        self._thread.setObjectName("catalog-loader")
        self._worker = _Worker(sources)
        self._worker.moveToThread(self._thread)
        self._requested.connect(self._worker.load)
        self._worker.delivered.connect(self._on_delivered)
        self._worker.failed.connect(self._on_failed)
        self._thread.finished.connect(self._worker.deleteLater)
        self._thread.start()

    @property
    def busy(self) -> bool:
        return self._busy

    def load(self, root: Path, *, reload: Reload | None = None) -> int:
        """Open ``root``, or with ``reload``, read it again after a change."""
        self._request += 1
        self._busy = True
        self._requested.emit(self._request, str(root), reload)
        return self._request

    def _on_delivered(self, snapshot: Snapshot) -> None:
        if snapshot.request != self._request:
            return
        if snapshot.final:
            self._busy = False
        self.delivered.emit(snapshot)

    def _on_failed(self, request: int, message: str) -> None:
        if request != self._request:
            return
        self._busy = False
        self.failed.emit(message)

    def shutdown(self) -> None:
        """Stop the thread; waits for a load in progress to end."""
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()
