"""Hears when the card being edited changes on disk, including when it is replaced whole.

Editors, ``git`` and this app itself save by writing a new file and renaming it over the old
one, which ends a watch on the file; so the folder is watched too, and the file is watched
again whenever it reappears. Changes are reported once things settle (a save is often several
file system events), with the text now on disk; the caller compares it with what it has.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

_SETTLE_MS = 150


class DiskWatch(QObject):
    #: The file's bytes may have changed (or it vanished); the caller reads it to see.
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._noted)
        self._watcher.directoryChanged.connect(self._noted)
        self._timer = QTimer(self, singleShot=True, interval=_SETTLE_MS)
        self._timer.timeout.connect(self._settled)
        self._path: Path | None = None
        self._stamp: tuple[int, int, int] | None = None

    def watch(self, path: Path | None) -> None:
        """Watch ``path`` (None: nothing) from now on; its current state is the baseline."""
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        self._path = path
        self._stamp = _stamp(path) if path is not None else None
        if path is not None:
            self._rewatch()

    def accept_current(self) -> None:
        """Take the file as it is now as the baseline (after this app wrote it)."""
        if self._path is not None:
            self._stamp = _stamp(self._path)

    def _rewatch(self) -> None:
        assert self._path is not None
        folder = str(self._path.parent)
        if folder not in self._watcher.directories() and os.path.isdir(folder):
            self._watcher.addPath(folder)
        if str(self._path) not in self._watcher.files() and self._path.exists():
            self._watcher.addPath(str(self._path))

    def _noted(self, _path: str) -> None:
        self._timer.start()

    def _settled(self) -> None:
        if self._path is None:
            return
        self._rewatch()
        stamp = _stamp(self._path)
        if stamp != self._stamp:
            self._stamp = stamp
            self.changed.emit()


def _stamp(path: Path) -> tuple[int, int, int] | None:
    """What tells a changed file from the same one: size, modification time, inode."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns, info.st_ino
