"""A guard against a reference-counting bug in the PySide6 6.12 wheels on Python 3.10/3.11.

The 6.12 wheels are built for the stable ABI and return ``None`` from every C++ ``void``
method without taking a reference to it, which is only correct from Python 3.12 on, where
``None`` is immortal. On 3.11 each such call (``painter.save()``, ``rect.translate()``,
``obj.setObjectName()``...) takes one reference away from ``None``; after some tens of
thousands of calls its count reaches zero and the interpreter aborts with
"Fatal Python error: none_dealloc". A PDF export of a few hundred cards makes that many calls.

:func:`protect_none` gives ``None`` the reference count Python 3.12 gives it by design, so the
missing references never matter. It changes nothing on 3.12 and later or off CPython. Call it
once, before Qt is used; calling it again is harmless.
"""

from __future__ import annotations

import ctypes
import sys

#: Far more references than any process could lose (about 10^12 void calls).
_RESERVE = 1 << 40
_SLACK = 64


def protect_none() -> None:
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    # ob_refcnt is the first field of an object on CPython builds without Py_TRACE_REFS;
    # the interpreter's own count confirms it before and after the write.
    # (Counts are compared loosely: evaluating the checks itself moves the count a little.)
    count = ctypes.c_ssize_t.from_address(id(None))
    before = sys.getrefcount(None)
    if count.value >= _RESERVE or abs(count.value - before) > _SLACK:
        return
    count.value += _RESERVE
    if abs(sys.getrefcount(None) - before - _RESERVE) > _SLACK:
        count.value -= _RESERVE
