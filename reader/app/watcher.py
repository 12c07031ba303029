"""Reload when the set changes on disk, however the change was made.

Editors often save by writing a temporary file and renaming it over the card, others write the
card in place, and git replaces files, adds and removes them. On Linux each folder the loader
walks has an inotify watch that names every file written, added, removed or renamed in it
(:mod:`reader.app.folder_events`); elsewhere each card file is watched through Qt as well as
each folder (:mod:`reader.app.qt_watches`). Events are debounced into one reload, and after each
reload the caller hands in a fresh list of targets.

A file changed after the load read it and before the watch began is found by its time, a slice
of :data:`CHECK_SLICE` files per turn of the event loop (watching each file through Qt, a slice
of :data:`WATCH_SLICE`: about 35 µs a file there, and more as the watcher fills), so that no
large set holds the window after its load.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, QTimer, Signal

from reader.cards.set_info import SET_FILE
from reader.cards.set_walk import is_card_name, is_walked_folder, walk_locations

if TYPE_CHECKING:
    from reader.app.folder_events import FolderEvents
    from reader.app.qt_watches import QtWatches

DEBOUNCE_MS = 200
#: inotify watches are a per-user resource; a set needs far fewer folders than this.
_MAX_WATCHED_FOLDERS = 4096
#: File times tick coarsely (a few ms); a write this close to a load's start counts as after it.
CLOCK_SLACK_S = 0.05
#: Files whose time is checked per turn of the event loop (a few ms of the window's time).
CHECK_SLICE = 1000
#: Files watched through Qt per turn of the event loop (about 10 ms of the window's time).
WATCH_SLICE = 250


class WatchTargets(NamedTuple):
    """What a load found to watch. (A named tuple, as the other records the window's start
    makes: see reader.cards.set_walk.CardFile.)"""

    folders: tuple[str, ...]
    files: tuple[str, ...]
    #: When the load that produced these targets started reading (``time.time()``).
    since: float = 0.0


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
    return WatchTargets(tuple(dict.fromkeys(folders)), tuple(files), since)


#: What changed since the last signal: the paths of the card and set files that were written,
#: added or removed, or None when that cannot be told (a folder appeared, vanished or could
#: not be read) and every file needs checking.
Changes = frozenset[str] | None


class SetWatcher(QObject):
    """Emits :attr:`changed` once, ``DEBOUNCE_MS`` after the last change under the set, saying
    which files changed, so that a large set re-checks only those."""

    #: :data:`Changes` since the previous signal.
    changed = Signal(object)

    def __init__(self, parent: QObject | None = None, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._emit)
        # Checks (and, through Qt, watches) the rest of a large watch, a slice per turn.
        self._slicer = QTimer(self)
        self._slicer.setSingleShot(True)
        self._slicer.setInterval(0)
        self._slicer.timeout.connect(self._next_slice)
        self._to_do: list[str] = []
        self._since = 0.0
        self._changes: set[str] | None = set()
        self._touched: set[str] = set()  # folders with an event since the last signal (Qt)
        # Made by the first watch, after the window's first paint: inotify through ctypes or
        # Qt's watcher, and their modules (28 M instructions of a warm open otherwise).
        self._folders: FolderEvents | None = None
        self._qt: QtWatches | None = None

    def _watch_with(self) -> None:
        """Make the folder events (Linux's inotify), else Qt's watcher, once."""
        if self._folders is not None or self._qt is not None:
            return
        from reader.app.folder_events import FolderEvents

        self._folders = FolderEvents.open(self)
        if self._folders is not None:
            self._folders.file.connect(self._on_file)
            self._folders.folder.connect(self._on_subfolder)
            self._folders.lost.connect(self._on_lost)
            return
        from reader.app.qt_watches import QtWatches

        self._qt = QtWatches(self)
        self._qt.file.connect(self._note)
        self._qt.touched.connect(self._on_folder)

    def watch(self, targets: WatchTargets) -> None:
        """Watch exactly ``targets`` from now on.

        A path watched already keeps its watch, so no event in flight is lost, and a change
        already waiting for its reload still gets it. A file may have changed after the load
        read it and before this watch existed (a new file, or one an editor replaced); if so,
        it is reloaded once more. The first slice of the files is done at once, the rest in
        the next turns of the event loop.
        """
        self._since = targets.since
        self._watch_with()
        if self._folders is not None:
            self._folders.watch(targets.folders)
            self._to_do = list(reversed(targets.files)) if targets.since else []
        elif self._qt is not None:
            from reader.app.qt_watches import listings  # imported with QtWatches

            wanted = {*targets.folders, *targets.files}
            current = set(self._qt.paths())
            self._qt.remove(sorted(current - wanted))
            self._qt.know(listings(targets.folders, targets.files))
            self._to_do = sorted(wanted - current, reverse=True)
        self._next_slice()

    def _next_slice(self) -> None:
        """Watch (through Qt) and check the next slice of the files :meth:`watch` was given:
        each is checked once watched, so no write falls between."""
        size = WATCH_SLICE if self._qt is not None else CHECK_SLICE
        # Taken from the end (the list is in reverse), not sliced off the front: a copy of
        # the rest each turn would cost a large set's watch a quadratic time.
        part = self._to_do[-size:][::-1]
        del self._to_do[-size:]
        if self._qt is not None:
            part = self._qt.add(part)
        if self._since:
            for path in part:
                if _modified_since(path, self._since):
                    # A folder changed during the load: what is in it may be new.
                    self._note(None if os.path.isdir(path) else path)
        if self._to_do:
            self._slicer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._slicer.stop()
        self._to_do = []
        self._changes, self._touched = set(), set()
        if self._folders is not None:
            self._folders.watch(())
        if self._qt is not None:
            self._qt.clear()

    def close(self) -> None:
        """Stop, and close the folder events' inotify instance now, not when Python finalizes
        this watcher (a closed window may live on: a user has 128 instances for all their
        programs). A later :meth:`watch` opens a new one."""
        self.stop()
        if self._folders is not None:
            self._folders.close()
            self._folders.deleteLater()
            self._folders = None

    @property
    def adding(self) -> bool:
        """The last :meth:`watch` is still checking or adding its files, a slice per turn."""
        return bool(self._to_do)

    @property
    def pending(self) -> bool:
        """A change was seen and its signal is waiting out the debounce."""
        return self._timer.isActive()

    def watched(self) -> list[str]:
        """The folders watched (and, where they are watched through Qt, the files)."""
        if self._qt is not None:
            return self._qt.paths()
        return self._folders.folders() if self._folders is not None else []

    def _on_file(self, path: str) -> None:
        if is_card_name(os.path.basename(path)):  # the set file's name is one too
            self._note(path)

    def _on_lost(self) -> None:
        self._note(None)  # events may have been missed: check everything

    def _on_subfolder(self, path: str) -> None:
        if is_walked_folder(os.path.basename(path)):
            self._note(None)  # a folder of cards came or went: check everything

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
        if changes is not None and touched and self._qt is not None:
            changes = self._qt.changes_in(sorted(touched), changes, self._to_do)
        self.changed.emit(None if changes is None else frozenset(changes))


def _modified_since(path: str, since: float) -> bool:
    try:
        return os.stat(path).st_mtime >= since - CLOCK_SLACK_S
    except OSError:
        return True  # gone already: the folder watch will have seen it, reload to be sure
