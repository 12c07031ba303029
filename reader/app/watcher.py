"""Reload when the set changes on disk, however the change was made.

Editors often save by writing a temporary file and renaming it over the card; the kernel then
drops the watch on the old file. So folders are watched as well as files (a rename shows up
in the folder), events are debounced into one reload, and after each reload the caller hands
in a fresh list of targets, which re-watches the renamed files.

A watch costs the window's thread about 35 µs a file (inotify and Qt's bookkeeping), so a set
of 10,000 cards is watched :data:`WATCH_SLICE` files per turn of the event loop rather than all
at once, which froze the window for a third of a second after every load; what a watch needs
to know of the folders is worked out with the targets, off the window's thread.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from reader.cards.load import is_card_name, is_walked_folder, walk_locations
from reader.cards.model import SET_FILE

DEBOUNCE_MS = 200
#: inotify watches are a per-user resource; a set needs far fewer folders than this.
_MAX_WATCHED_FOLDERS = 4096
#: File times tick coarsely (a few ms); a write this close to a load's start counts as after it.
CLOCK_SLACK_S = 0.05
#: Paths added to the watch per turn of the event loop (about 10 ms of the window's time).
WATCH_SLICE = 250


@dataclass(frozen=True, slots=True)
class WatchTargets:
    folders: tuple[str, ...]
    files: tuple[str, ...]
    #: When the load that produced these targets started reading (``time.time()``).
    since: float = 0.0
    #: Each folder's card files and sub-folders, as the targets list them; worked out when
    #: the watch starts if not given (:func:`watch_targets` gives them, off the UI thread).
    listings: Mapping[str, _Listing] | None = None


def watch_targets(root: Path, since: float = 0.0) -> WatchTargets:
    """Every folder the loader walks, and every card file; safe to call off the UI thread."""
    if not root.is_dir():
        return WatchTargets((), (), since)
    # The loader's own walk: the same folders (no link out of the set, no hidden folder, no
    # name that is not text), so the window watches exactly what it reads.
    folders: list[str] = []
    files = [path for path, _, problem in walk_locations(root, folders.append) if problem is None]
    del folders[_MAX_WATCHED_FOLDERS:]  # a huge tree: the files below still count
    set_file = root / SET_FILE
    if set_file.exists():
        files.append(str(set_file))
    targets = WatchTargets(tuple(dict.fromkeys(folders)), tuple(files), since)
    return WatchTargets(targets.folders, targets.files, since, _listings(targets))


#: What changed since the last signal: the paths of the card and set files that were written,
#: added or removed, or None when that cannot be told (a folder appeared, vanished or could
#: not be read) and every file needs checking.
Changes = frozenset[str] | None


class SetWatcher(QObject):
    """Emits :attr:`changed` once, ``DEBOUNCE_MS`` after the last change under the set.

    The signal says which files changed, so that a large set re-checks only those. A file's
    own watch names it. A folder's event is compared, once per signal, with the folder's last
    known listing: that names the files added or removed, and the files whose watch is gone
    (an editor that saves by renaming a new file over the card takes the old watch with it).
    """

    #: :data:`Changes` since the previous signal.
    changed = Signal(object)

    def __init__(self, parent: QObject | None = None, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self._watcher = self._new_watcher()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._emit)
        # Adds the rest of a large watch, a slice per turn of the event loop.
        self._slicer = QTimer(self)
        self._slicer.setSingleShot(True)
        self._slicer.setInterval(0)
        self._slicer.timeout.connect(self._add_slice)
        self._to_add: list[str] = []
        self._since = 0.0
        self._changes: set[str] | None = set()
        self._touched: set[str] = set()  # folders with an event since the last signal
        #: For each watched folder: its card files (the set file too) and its sub-folders.
        self._listings: dict[str, _Listing] = {}

    def _new_watcher(self) -> QFileSystemWatcher:
        watcher = QFileSystemWatcher(self)
        watcher.directoryChanged.connect(self._on_folder)
        watcher.fileChanged.connect(self._note)
        return watcher

    def watch(self, targets: WatchTargets) -> None:
        """Watch exactly ``targets`` from now on (the first :data:`WATCH_SLICE` paths at once,
        the rest in the next turns of the event loop).

        Paths already watched keep their watch, so no event in flight is lost, and a change
        already waiting for its reload still gets it. A file watched for the first time may
        have changed after the load read it and before this watch existed (a new file, or
        one an editor replaced); if so, it is reloaded once more.
        """
        wanted = {*targets.folders, *targets.files}
        current = set(self.watched())
        stale = sorted(current - wanted)
        if stale:
            self._watcher.removePaths(stale)
        self._to_add = sorted(wanted - current)
        self._since = targets.since
        self._listings = dict(
            targets.listings if targets.listings is not None else _listings(targets)
        )
        self._add_slice()

    def _add_slice(self) -> None:
        """Watch the next slice of the paths :meth:`watch` was given, then note those that
        changed since their load began (checked once watched, so no write falls between)."""
        part, self._to_add = self._to_add[:WATCH_SLICE], self._to_add[WATCH_SLICE:]
        present = [path for path in part if os.path.exists(path)]
        if present:
            self._watcher.addPaths(present)
        if self._since:
            for path in present:
                if _modified_since(path, self._since):
                    # A folder changed during the load: what is in it may be new.
                    self._note(None if os.path.isdir(path) else path)
        if self._to_add:
            self._slicer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._slicer.stop()
        self._to_add = []
        self._changes, self._touched = set(), set()
        # A new watcher, not removePaths: the old one's watches go with it at once (40 ms for
        # 10,000 files, against 360 ms to remove them one by one), and it says nothing more.
        old, self._watcher = self._watcher, self._new_watcher()
        old.blockSignals(True)
        old.deleteLater()

    @property
    def adding(self) -> bool:
        """The last :meth:`watch` is still adding its paths, a slice per turn of the loop."""
        return bool(self._to_add)

    @property
    def pending(self) -> bool:
        """A change was seen and its signal is waiting out the debounce."""
        return self._timer.isActive()

    def watched(self) -> list[str]:
        return self._watcher.directories() + self._watcher.files()

    def _on_folder(self, folder: str) -> None:
        self._touched.add(folder)
        self._timer.start()

    def _note(self, path: str | None) -> None:
        if path is None:
            self._changes = None
        elif self._changes is not None:
            self._changes.add(path)
        self._timer.start()

    def _emit(self) -> None:
        changes, self._changes = self._changes, set()
        touched, self._touched = self._touched, set()
        if changes is not None and touched:
            changes = self._folder_changes(sorted(touched), changes)
        self.changed.emit(None if changes is None else frozenset(changes))

    def _folder_changes(self, folders: list[str], changes: set[str]) -> set[str] | None:
        """``changes`` and what changed in ``folders``; None if a sub-folder came or went."""
        # A file not watched yet (a large watch is still being added) has not lost its watch.
        watched = set(self._watcher.files()).union(self._to_add)
        for folder in folders:
            known = self._listings.get(folder)
            now = _listing(folder)
            if known is None or now is None or now.folders != known.folders:
                return None
            self._listings[folder] = now
            changes.update(os.path.join(folder, name) for name in now.cards ^ known.cards)
            paths = (os.path.join(folder, name) for name in now.cards & known.cards)
            changes.update(path for path in paths if path not in watched)
        return changes


@dataclass(frozen=True, slots=True)
class _Listing:
    cards: frozenset[str]
    folders: frozenset[str]


def _listings(targets: WatchTargets) -> dict[str, _Listing]:
    cards: dict[str, set[str]] = {folder: set() for folder in targets.folders}
    folders: dict[str, set[str]] = {folder: set() for folder in targets.folders}
    for path in targets.files:
        cards.setdefault(os.path.dirname(path), set()).add(os.path.basename(path))
    for path in targets.folders:
        parent = os.path.dirname(path)
        if parent in folders and path != parent:
            folders[parent].add(os.path.basename(path))
    return {
        folder: _Listing(frozenset(cards[folder]), frozenset(folders[folder]))
        for folder in targets.folders
    }


def _listing(folder: str) -> _Listing | None:
    """The folder's card files and the sub-folders the walk enters; None if unreadable."""
    try:
        with os.scandir(folder) as entries:
            found = [(e.name, e.is_dir()) for e in entries]
    except OSError:
        return None
    return _Listing(
        frozenset(name for name, _ in found if is_card_name(name)),
        frozenset(name for name, is_dir in found if is_dir and is_walked_folder(name)),
    )


def _modified_since(path: str, since: float) -> bool:
    try:
        return os.stat(path).st_mtime >= since - CLOCK_SLACK_S
    except OSError:
        return True  # gone already: the folder watch will have seen it, reload to be sure
