"""How often the interpreter hands over between threads while background Python runs beside
the window: more often than CPython's every 5 ms, and as before once nothing asks for it.

PySide6 lets go of the interpreter's lock around its calls into Qt, and takes it again for
every call from Qt into Python (a delegate's paint, a model's ``data``). When another thread of
the process is running Python meanwhile (a set's load, a view's job), each of those takes waits
until that thread lets go, up to the switch interval. Painting the tag tree beside a busy
thread took 60-160 ms at 5 ms instead of its 9-15 ms of CPU, and during a cold index of
10,000 cards 16-19 % of the window's long stalls was that wait (5-8 % at 0.2 ms; at load 6-9,
where most of a stall was waiting for a core).

The interval is one setting of the whole process, so every holder goes through here: while any
hold is in force the interval is the smallest one asked for, and the interval from before the
first is put back when the last ends (two holders each putting back what they had found would
leave it at one of theirs).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
#: The intervals of the holds in force, one entry a hold.
_held: list[float] = []
#: The interval before the first hold in force.
_before = sys.getswitchinterval()


class QuickSwitches:
    """Holds the interpreter's switch interval at ``interval`` seconds (or less, if another
    holder asks for less) while held; holds may nest and overlap, across threads."""

    def __init__(self, interval: float) -> None:
        self.interval = interval

    def hold(self) -> None:
        """Start a hold; :meth:`release` ends it."""
        global _before
        with _lock:
            if not _held:
                _before = sys.getswitchinterval()
            _held.append(self.interval)
            sys.setswitchinterval(min(_before, *_held))

    def release(self) -> None:
        """End one of this holder's holds."""
        with _lock:
            _held.remove(self.interval)
            sys.setswitchinterval(min(_before, *_held) if _held else _before)

    @contextmanager
    def held(self) -> Iterator[None]:
        """Held while the block runs."""
        self.hold()
        try:
            yield
        finally:
            self.release()
