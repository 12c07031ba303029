"""Where Linux's inotify is not to be had: each card file watched through Qt, and each folder.

``QFileSystemWatcher`` reports a folder's files added, removed or renamed, not one written in
place, so every card file has a watch of its own as well (:mod:`reader.app.folder_events` says
why that is avoided where it can be). A folder's event is compared, once per signal, with the
folder's last known listing: that names the files added or removed, and the files whose watch
is gone (an editor that saves by renaming a new file over the card takes the old watch with it).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal

from reader.cards.set_walk import is_card_name, is_walked_folder


@dataclass(frozen=True, slots=True)
class Listing:
    """A folder's card files (the set file too) and the sub-folders the walk enters."""

    cards: frozenset[str]
    folders: frozenset[str]


def listings(folders: Sequence[str], files: Iterable[str]) -> dict[str, Listing]:
    """Each of ``folders``' listing, as ``files`` and ``folders`` describe it."""
    cards: dict[str, set[str]] = {folder: set() for folder in folders}
    subfolders: dict[str, set[str]] = {folder: set() for folder in folders}
    for path in files:
        cards.setdefault(os.path.dirname(path), set()).add(os.path.basename(path))
    for path in folders:
        parent = os.path.dirname(path)
        if parent in subfolders and path != parent:
            subfolders[parent].add(os.path.basename(path))
    return {
        folder: Listing(frozenset(cards[folder]), frozenset(subfolders[folder]))
        for folder in folders
    }


class QtWatches(QObject):
    """Files and folders watched through ``QFileSystemWatcher``: :attr:`file` names a watched
    file with an event, :attr:`touched` a watched folder whose entries changed."""

    file = Signal(str)
    touched = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = self._new_watcher()
        self._listings: dict[str, Listing] = {}

    def _new_watcher(self) -> QFileSystemWatcher:
        watcher = QFileSystemWatcher(self)
        watcher.directoryChanged.connect(self.touched)
        watcher.fileChanged.connect(self.file)
        return watcher

    def paths(self) -> list[str]:
        return self._watcher.directories() + self._watcher.files()

    def remove(self, paths: list[str]) -> None:
        if paths:
            self._watcher.removePaths(paths)

    def add(self, paths: list[str]) -> list[str]:
        """Watch those of ``paths`` that exist; returns them."""
        present = [path for path in paths if os.path.exists(path)]
        if present:
            self._watcher.addPaths(present)
        return present

    def know(self, known: Mapping[str, Listing]) -> None:
        """The folders' listings as the load that is being watched found them."""
        self._listings = dict(known)

    def clear(self) -> None:
        """A new watcher, not removePaths: the old one's watches go with it at once (40 ms for
        10,000 files, against 360 ms to remove them one by one), and it says nothing more."""
        old, self._watcher = self._watcher, self._new_watcher()
        old.blockSignals(True)
        old.deleteLater()
        self._listings = {}

    def changes_in(
        self, folders: list[str], changes: set[str], adding: Iterable[str]
    ) -> set[str] | None:
        """``changes`` and what changed in ``folders``; None if a sub-folder came or went.
        ``adding``: files not watched yet (a large watch is still being added), whose watch
        is not lost."""
        watched = set(self._watcher.files()).union(adding)
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


def _listing(folder: str) -> Listing | None:
    """The folder's card files and the sub-folders the walk enters; None if unreadable."""
    try:
        with os.scandir(folder) as entries:
            found = [(e.name, e.is_dir()) for e in entries]
    except OSError:
        return None
    return Listing(
        frozenset(name for name, _ in found if is_card_name(name)),
        frozenset(name for name, is_dir in found if is_dir and is_walked_folder(name)),
    )
