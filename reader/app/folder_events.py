"""What happens in a set's folders, from Linux's inotify: one watch per folder, naming each file
written, added, removed or renamed in it.

Qt's ``QFileSystemWatcher`` watches a folder without ``IN_MODIFY``: it says a file was added,
removed or renamed there, never that one was written in place. So the window watched every card
file as well, and that does not scale: Qt checks each path it is given against every one it
holds (0.35 s of the window's thread for 10,000 cards, 32 s for 100,000), and each file takes
one of the user's inotify watches (8,192 on many systems). A folder watched here with
``IN_MODIFY`` names every file written in it, so a set needs one watch per folder, added in
microseconds. Read on the window's thread through a ``QSocketNotifier``: the kernel queues the
events, nothing waits for them.

Linux only: :meth:`FolderEvents.open` gives None elsewhere (or when inotify cannot be had), and
the watcher then watches each file through Qt.
"""

from __future__ import annotations

import ctypes
import os
import struct
import sys
import weakref
from collections.abc import Iterable

from PySide6.QtCore import QObject, QSocketNotifier, Signal

IN_MODIFY = 0x00000002
IN_ATTRIB = 0x00000004
IN_CLOSE_WRITE = 0x00000008
IN_MOVED_FROM = 0x00000040
IN_MOVED_TO = 0x00000080
IN_CREATE = 0x00000100
IN_DELETE = 0x00000200
IN_DELETE_SELF = 0x00000400
IN_MOVE_SELF = 0x00000800
IN_Q_OVERFLOW = 0x00004000
IN_IGNORED = 0x00008000
IN_ONLYDIR = 0x01000000
IN_ISDIR = 0x40000000
#: A file written (in place or by a new file renamed over it), its times or mode changed, added,
#: removed or renamed in the folder; the folder itself removed or renamed.
MASK = (
    IN_MODIFY
    | IN_ATTRIB
    | IN_CLOSE_WRITE
    | IN_MOVED_FROM
    | IN_MOVED_TO
    | IN_CREATE
    | IN_DELETE
    | IN_DELETE_SELF
    | IN_MOVE_SELF
    | IN_ONLYDIR
)
#: A sub-folder came or went.
_FOLDER_ENTRY = IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
_HEADER = struct.Struct("iIII")  # wd, mask, cookie, len (struct inotify_event)
_READ_SIZE = 64 * 1024


class FolderEvents(QObject):
    """inotify watches on folders; :attr:`file` names each file with an event in one of them,
    :attr:`folder` names each sub-folder that came or went, and :attr:`lost` says events may
    have been missed (the kernel's queue overflowed, or a watched folder itself went)."""

    #: The path of a file something happened to, in a watched folder.
    file = Signal(str)
    #: The path of a sub-folder created, removed or renamed in a watched folder.
    folder = Signal(str)
    #: Events may have been missed.
    lost = Signal()

    def __init__(self, libc: ctypes.CDLL, fd: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._libc = libc
        self._fd = fd
        self._by_wd: dict[int, str] = {}
        self._by_folder: dict[str, int] = {}
        self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)
        # An inotify instance is a per-user resource (128 on many systems, for all the user's
        # programs together): it is closed with this object (when Python lets it go), if not
        # before. Not on Qt's `destroyed`: a handler run while the garbage collector tears a
        # cycle down finds its own objects half cleared.
        self._closer = weakref.finalize(self, os.close, fd)

    @classmethod
    def open(cls, parent: QObject | None = None) -> FolderEvents | None:
        """A new inotify instance, or None where there is none (not Linux, no free instance)."""
        if _LIBC is None:
            return None
        fd = _LIBC.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        return None if fd < 0 else cls(_LIBC, fd, parent)

    def folders(self) -> list[str]:
        return list(self._by_folder)

    def watch(self, folders: Iterable[str]) -> list[str]:
        """Watch exactly ``folders`` from now on (a folder watched already keeps its watch, so no
        event in flight is lost); returns those that could not be watched (gone, not a folder,
        no watch left)."""
        wanted = dict.fromkeys(folders)
        for folder in [f for f in self._by_folder if f not in wanted]:
            wd = self._by_folder.pop(folder)
            del self._by_wd[wd]
            self._libc.inotify_rm_watch(self._fd, wd)
        failed = []
        for folder in wanted:
            if folder in self._by_folder:
                continue
            wd = self._libc.inotify_add_watch(self._fd, os.fsencode(folder), MASK)
            if wd < 0:
                failed.append(folder)
                continue
            self._by_wd[wd] = folder
            self._by_folder[folder] = wd
        return failed

    def close(self) -> None:
        """Drop every watch at once (closing the instance); nothing is said after."""
        if self._closer.detach() is None:
            return  # closed already
        self._notifier.setEnabled(False)
        os.close(self._fd)
        self._fd = -1
        self._by_wd.clear()
        self._by_folder.clear()

    def _read(self) -> None:
        while self._fd >= 0:
            try:
                data = os.read(self._fd, _READ_SIZE)
            except BlockingIOError:
                return
            except OSError:
                self.lost.emit()
                return
            self._parse(data)

    def _parse(self, data: bytes) -> None:
        offset = 0
        while offset + _HEADER.size <= len(data):
            wd, mask, _cookie, length = _HEADER.unpack_from(data, offset)
            offset += _HEADER.size
            name = os.fsdecode(data[offset : offset + length].rstrip(b"\0"))
            offset += length
            self._event(wd, mask, name)

    def _event(self, wd: int, mask: int, name: str) -> None:
        if mask & IN_Q_OVERFLOW:
            self.lost.emit()
            return
        folder = self._by_wd.get(wd)
        if folder is None:
            return  # a watch already dropped
        if mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED):
            if mask & IN_IGNORED:  # the kernel dropped the watch: the folder is gone
                del self._by_wd[wd]
                self._by_folder.pop(folder, None)
            self.lost.emit()
            return
        if not name:
            return  # the folder's own times or mode
        path = os.path.join(folder, name)
        if mask & IN_ISDIR:
            if mask & _FOLDER_ENTRY:
                self.folder.emit(path)
            return
        self.file.emit(path)


def _load_libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        functions = (libc.inotify_init1, libc.inotify_add_watch, libc.inotify_rm_watch)
    except (OSError, AttributeError):
        return None
    init, add, remove = functions
    init.argtypes, init.restype = [ctypes.c_int], ctypes.c_int
    add.argtypes, add.restype = [ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32], ctypes.c_int
    remove.argtypes, remove.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return libc


_LIBC = _load_libc()
