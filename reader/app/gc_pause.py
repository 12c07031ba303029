"""Pausing Python's cyclic garbage collector around work that makes many long-lived objects.

Loading a set, a set-wide table and the like make hundreds of thousands of objects that live
to the end of the work or longer. Each full collection walks every one of them, and making
them sets off dozens: at 10,000 cards a third of the timeline table's time, and at 100,000
some 0.2 s before the window could list anything. Nothing such work makes is garbage in a
cycle that matters. Qt-free, so the command line uses it without loading Qt.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collections_paused(*, freeze: bool = False) -> Iterator[None]:
    """No cyclic garbage collection while the block runs (nothing changes if it is off
    already). With ``freeze``, what the block made is then left out of later full collections
    too (``gc.freeze``, as the set-wide views and the export do), for objects that live on."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        gc.enable()
