"""Build catalogs off the UI thread and hand them back through a signal.

A *catalog source* turns a folder into one or more catalogs, each more complete than the
last: the in-memory source yields one, an index can yield what it has at once and then the
rest as it catches up. The window shows every snapshot as it arrives, so a large set is
readable before it has finished loading, and never freezes the UI.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.core.catalog import Catalog, MemoryCatalog
from reader.core.loader import load_set
from reader.ui.card_list_model import SortKeys, sort_keys
from reader.ui.tag_index import TagIndex, build_tag_index
from reader.ui.watcher import WatchTargets, watch_targets

#: Turns a folder into catalogs, on the loader thread. It should not execute an ``import``
#: there: with PySide6 6.12 (which corrupts None's reference count, see pyproject.toml) an
#: import on the worker while the UI ran crashed the process ("Fatal Python error:
#: none_dealloc"). 6.11 does not, but loads stay import-free as insurance; a test checks it.
CatalogSource = Callable[[Path], Iterator[Catalog]]


@dataclass(frozen=True, slots=True)
class CatalogSources:
    """Where catalogs come from: on opening a set, and on reloading the one shown.

    They differ for the persistent index: opening shows the stored catalog at once, while a
    reload skips it (the window shows it already) and delivers only the checked one.
    """

    open: CatalogSource
    reload: CatalogSource

    @classmethod
    def same(cls, source: CatalogSource) -> CatalogSources:
        return cls(source, source)


def memory_source(root: Path) -> Iterator[Catalog]:
    """Parse the whole set at once: right for sets that fit in memory."""
    yield MemoryCatalog(load_set(root))


#: The in-memory loader for opening and reloading alike.
MEMORY_SOURCES = CatalogSources.same(memory_source)


@dataclass(frozen=True, slots=True)
class Prepared:
    """What the views derive from a catalog that takes time for a large set."""

    tags: TagIndex
    sort_keys: SortKeys


def prepare(catalog: Catalog) -> Prepared:
    summaries = catalog.summaries()
    return Prepared(build_tag_index(summaries), sort_keys(summaries))


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


class _Worker(QObject):
    delivered = Signal(object)
    failed = Signal(int, str)

    def __init__(self, sources: CatalogSources) -> None:
        super().__init__()
        self._sources = sources

    @Slot(int, str, bool)
    def load(self, request: int, folder: str, is_reload: bool) -> None:
        root = Path(folder)
        source = self._sources.reload if is_reload else self._sources.open
        started = time.perf_counter()
        wall_clock = time.time()
        try:
            last: tuple[Catalog, Prepared] | None = None
            for catalog in source(root):
                ready = prepare(catalog)
                seconds = time.perf_counter() - started
                self.delivered.emit(Snapshot(request, root, catalog, False, seconds, None, ready))
                last = catalog, ready
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
    _requested = Signal(int, str, bool)

    def __init__(
        self,
        sources: CatalogSources = MEMORY_SOURCES,
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

    def load(self, root: Path, *, is_reload: bool = False) -> int:
        self._request += 1
        self._busy = True
        self._requested.emit(self._request, str(root), is_reload)
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
