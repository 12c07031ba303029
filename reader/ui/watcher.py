"""Reload when the set changes on disk, however the change was made.

Editors often save by writing a temporary file and renaming it over the card; the kernel then
drops the watch on the old file. So folders are watched as well as files (a rename shows up
in the folder), events are debounced into one reload, and after each reload the caller hands
in a fresh list of targets, which re-watches the renamed files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from reader.core.loader import find_card_files
from reader.core.model import SET_FILE

DEBOUNCE_MS = 200
#: File times tick coarsely (a few ms); a write this close to a load's start counts as after it.
CLOCK_SLACK_S = 0.05


@dataclass(frozen=True, slots=True)
class WatchTargets:
    folders: tuple[str, ...]
    files: tuple[str, ...]
    #: When the load that produced these targets started reading (``time.time()``).
    since: float = 0.0


def watch_targets(root: Path, since: float = 0.0) -> WatchTargets:
    """Every folder the loader walks, and every card file; safe to call off the UI thread."""
    if not root.is_dir():
        return WatchTargets((), (), since)
    folders = [str(root)]
    for folder, dirs, _files in os.walk(root, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        folders.extend(str(Path(folder) / d) for d in dirs)
        if len(folders) > 4096:  # a link loop or a huge tree: the files below still count
            break
    files = [str(f.path) for f in find_card_files(root)]
    set_file = root / SET_FILE
    if set_file.exists():
        files.append(str(set_file))
    return WatchTargets(tuple(dict.fromkeys(folders)), tuple(files), since)


class SetWatcher(QObject):
    """Emits :attr:`changed` once, ``DEBOUNCE_MS`` after the last change under the set."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.changed)
        self._watcher.directoryChanged.connect(self._poke)
        self._watcher.fileChanged.connect(self._poke)

    def watch(self, targets: WatchTargets) -> None:
        """Watch exactly ``targets`` from now on.

        Paths already watched keep their watch, so no event in flight is lost, and a change
        already waiting for its reload still gets it. A file watched for the first time may
        have changed after the load read it and before this watch existed (a new file, or
        one an editor replaced); if so, it is reloaded once more.
        """
        wanted = {p for p in (*targets.folders, *targets.files) if os.path.exists(p)}
        current = set(self.watched())
        stale = sorted(current - wanted)
        if stale:
            self._watcher.removePaths(stale)
        added = sorted(wanted - current)
        if added:
            self._watcher.addPaths(added)
        if targets.since and any(_modified_since(p, targets.since) for p in added):
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        watched = self.watched()
        if watched:
            self._watcher.removePaths(watched)

    @property
    def pending(self) -> bool:
        """A change was seen and its signal is waiting out the debounce."""
        return self._timer.isActive()

    def watched(self) -> list[str]:
        return self._watcher.directories() + self._watcher.files()

    def _poke(self, _path: str) -> None:
        self._timer.start()


def _modified_since(path: str, since: float) -> bool:
    try:
        return os.stat(path).st_mtime >= since - CLOCK_SLACK_S
    except OSError:
        return True  # gone already: the folder watch will have seen it, reload to be sure
