"""Which set is open, and keeping it current: loads off the UI thread, reloads on change.

A load for another folder is *fresh* (filters and history start over); a reload — asked for,
or because files changed on disk — keeps them. Only the newest request's results arrive.

While a load runs, the interpreter switches threads every :data:`LOAD_SWITCH_INTERVAL`
(:mod:`reader.app.switches`): the load is Python on its own thread, and the window's thread
waits for it to let go of the interpreter each time Qt calls into Python while painting.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.app.loading import INDEX_SOURCES, CatalogLoader, CatalogSources, Reload, Snapshot
from reader.app.switches import QuickSwitches
from reader.app.watcher import Changes, SetWatcher

#: Seconds between the interpreter's thread switches while a load runs (CPython's: 0.005).
LOAD_SWITCH_INTERVAL = 0.0005


class SetController(QObject):
    #: A catalog to show: (Snapshot, fresh). ``fresh`` is true for the first snapshot of a set.
    ready = Signal(object, bool)
    #: A load started for this folder.
    loading = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        sources: CatalogSources = INDEX_SOURCES,
        parent: QObject | None = None,
        *,
        debounce_ms: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._root: Path | None = None
        self._fresh = False
        self._loader = CatalogLoader(sources, self)
        self._watcher = SetWatcher(self) if debounce_ms is None else SetWatcher(self, debounce_ms)
        self._switches = QuickSwitches(LOAD_SWITCH_INTERVAL)
        #: Whether this controller holds the quick switches (from a load's start to its end).
        self._holding = False
        self._loader.delivered.connect(self._on_delivered)
        self._loader.failed.connect(self._on_failed)
        self._watcher.changed.connect(self._on_changed)

    @property
    def root(self) -> Path | None:
        return self._root

    @property
    def busy(self) -> bool:
        return self._loader.busy

    @property
    def watcher(self) -> SetWatcher:
        return self._watcher

    def open(self, root: Path) -> None:
        self._root = root
        self._fresh = True
        self._watcher.stop()
        self._hold_switches(True)
        self._loader.load(root)
        self.loading.emit(str(root))

    def reload(self, changed: Changes = None) -> None:
        """Read the set again: only the ``changed`` paths if known, else every file."""
        if self._root is None:
            return
        self._hold_switches(True)
        self._loader.load(self._root, reload=Reload(changed))
        self.loading.emit(str(self._root))

    def _on_changed(self, changed: Changes) -> None:
        if changed is None or changed:  # else only files that are not cards changed
            self.reload(changed)

    def _hold_switches(self, hold: bool) -> None:
        """Quick thread switches from a load's start until the newest load ends."""
        if hold and not self._holding:
            self._switches.hold()
        elif not hold and self._holding:
            self._switches.release()
        self._holding = hold

    def _on_delivered(self, snapshot: Snapshot) -> None:
        if snapshot.final:
            self._hold_switches(False)
        fresh, self._fresh = self._fresh, False
        self.ready.emit(snapshot, fresh)
        if snapshot.final and snapshot.watch is not None:
            self._watcher.watch(snapshot.watch)

    def _on_failed(self, message: str) -> None:
        self._hold_switches(False)
        self.failed.emit(message)

    def shutdown(self) -> None:
        """Stop watching for good, and the load under way at its next checkpoint; never
        waits."""
        self._watcher.close()
        self._loader.shutdown()
        self._hold_switches(False)
