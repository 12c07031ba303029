"""Write a file so that it appears complete or not at all.

The bytes go to a temporary file beside the target (same folder, so the final rename stays on
one file system and is atomic), every ``write`` is checked for its count, the data is flushed
to disk, and only then is the temporary file renamed over the target. Any failure or a
cancel removes the temporary file and leaves an existing target untouched.

Why not ``QPdfWriter(path)`` or ``QSaveFile``: the first writes the target in place and, on a
full disk, leaves a truncated file without reporting anything; the second can report a short
count from a large ``write()`` and still ``commit()``.

What is replaced (:func:`resolve_target`): a symbolic link is written through, so the file it
names gets the new content and the link stays a link (the rename would otherwise replace the
link with a file and leave its target as it was). Only a regular file is ever replaced: a
folder, a named pipe, a device or a socket is refused before anything is written (a rename
over ``/dev/null`` replaces the system's ``/dev/null`` with a PDF, and ``/dev/full`` would
accept the rename and report success).

The temporary file is ``.<name>.<pid>-<random>.part``. SIGKILL or a power cut can leave one
behind (SIGTERM and SIGHUP cannot: the command line turns them into the cancel path, see
:mod:`reader.cli`), so opening an ``AtomicFile`` first removes the stale ones in its folder
(:func:`sweep_stale`): files of exactly that naming, regular and the current user's, whose
writing process no longer runs on this machine or that are more than a day old (the process
number may have been reused, or the file written from another machine on a shared folder).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

#: Bytes per ``os.write`` call: large enough to be fast, small enough to fail early.
CHUNK = 1 << 20
#: The temporary files this module makes: ``tempfile.mkstemp`` adds 8 of ``[a-z0-9_]``.
TEMP_NAME = re.compile(r"\..+\.(?P<pid>[1-9][0-9]*)-[a-z0-9_]{8}\.part")
#: How many characters of the target's name the temporary file's keeps (a name has at most
#: 255 bytes, and a character up to 4).
NAME_KEPT = 40
#: A temporary file this old is stale whatever its process number says.
STALE_SECONDS = 24 * 3600
#: What each kind of file that is not regular is called in a refusal.
_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


class UnsafeTargetError(OSError):
    """The target exists and is not a regular file: a rename over it would destroy it."""


def resolve_target(target: Path) -> Path:
    """The path a write to ``target`` replaces: ``target``, or the file its links name.

    Raises :class:`OSError` when that is a folder or anything else but a regular file, or
    when it cannot be looked up (a name too long, a link loop); a missing file is fine.
    """
    real = Path(os.path.realpath(target))
    if real != Path(os.path.abspath(target)):
        target = real  # through a link: keep the caller's spelling otherwise
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return target
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "it is a folder")
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
        raise UnsafeTargetError(errno.EINVAL, f"it is {kind}, which an export never replaces")
    return target


def sweep_stale(folder: Path) -> list[Path]:
    """Remove the stale temporary files of this module in ``folder``; returns them."""
    removed: list[Path] = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            found = TEMP_NAME.fullmatch(entry.name)
            if found is None or not _stale(entry, int(found["pid"])):
                continue
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _stale(entry: os.DirEntry[str], pid: int) -> bool:
    try:
        info = entry.stat(follow_symlinks=False)
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid():
        return False
    return time.time() - info.st_mtime > STALE_SECONDS or not _running(pid)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True  # another export of this process, at work in this folder
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: it exists
        return True
    return True


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl+C, SIGTERM and SIGHUP are delivered only after the block (in this thread)."""
    held = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _default_mode() -> int:
    # The process umask can only be read by setting it; set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


class AtomicFile:
    """A temporary file beside ``target`` that becomes ``target`` on :meth:`commit`.

    Opening it early checks that the folder is writable before any long work starts::

        with AtomicFile(path) as out:
            data = render()
            out.write(data)
            out.commit()
    """

    def __init__(self, target: Path) -> None:
        self.target = target
        self._fd: int | None = None
        self._temp: Path | None = None
        self._committed = False

    def __enter__(self) -> AtomicFile:
        self.target = target = resolve_target(self.target)
        sweep_stale(target.parent)
        prefix = f".{target.name[:NAME_KEPT]}.{os.getpid()}-"
        try:
            # A signal's KeyboardInterrupt between the file's creation and its being noted
            # here would leave it behind: such signals wait until it is noted.
            with _signals_held():
                fd, name = tempfile.mkstemp(prefix=prefix, suffix=".part", dir=target.parent)
                self._fd, self._temp = fd, Path(name)
        except BaseException:
            self.discard()
            raise
        return self

    @property
    def temporary(self) -> Path:
        """The temporary file, for a writer that opens files by name (Qt's PDF draft)."""
        if self._temp is None:
            raise ValueError("the file is not open")
        return self._temp

    def write(self, data: bytes | memoryview) -> None:
        """Write all of ``data``; a short count is retried, an error raises."""
        if self._fd is None:
            raise ValueError("the file is not open")
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view[:CHUNK])
            if written <= 0:
                raise OSError(f"could not write to {self.target.parent} (0 bytes written)")
            view = view[written:]

    def commit(self) -> None:
        """Flush to disk and rename over the target."""
        if self._fd is None or self._temp is None:
            raise ValueError("the file is not open")
        fd, self._fd = self._fd, None
        try:
            os.fchmod(fd, self._mode())
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(self._temp, self.target)
        self._committed = True
        self._sync_folder()

    def _mode(self) -> int:
        try:
            return stat.S_IMODE(self.target.stat().st_mode)
        except OSError:
            return _default_mode()

    def _sync_folder(self) -> None:
        # Makes the rename itself durable; not every platform or file system allows it.
        with contextlib.suppress(OSError):
            fd = os.open(self.target.parent, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

    def discard(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None
        if self._temp is not None and not self._committed:
            with contextlib.suppress(FileNotFoundError):
                self._temp.unlink()
            self._temp = None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.discard()
