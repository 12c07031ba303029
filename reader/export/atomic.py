"""Write a file so that it appears complete or not at all.

The bytes go to a temporary file beside the target (same folder, so the final rename stays on
one file system and is atomic), every ``write`` is checked for its count, the data is flushed
to disk, and only then is the temporary file renamed over the target. Any failure or a
cancel removes the temporary file and leaves an existing target untouched.

Why not ``QPdfWriter(path)`` or ``QSaveFile``: the first writes the target in place and, on a
full disk, leaves a truncated file without reporting anything; the second can report a short
count from a large ``write()`` and still ``commit()``.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from types import TracebackType

#: Bytes per ``os.write`` call: large enough to be fast, small enough to fail early.
CHUNK = 1 << 20


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
        target = self.target
        if target.is_dir():
            raise IsADirectoryError(f"{target} is a folder")
        folder = target.parent
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
        self._fd, self._temp = fd, Path(name)
        return self

    def write(self, data: bytes) -> None:
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
