"""A part of the window made when it is first used, not with the window.

The first window imports only what its first paint needs (#17 §4): a part that brings a
large import with it (the PDF export) is held as a :class:`Lazy`, whose maker imports the
part and builds it on the first call. Makers run on the UI thread, so the import does too
(imports stay off the worker threads; see :mod:`reader.app.loading`).

A Qt class only a rare path uses (a message box, an input or file dialog) is likewise
imported where it is used, on first use: PySide6 makes a class's type and enums when a module
first names it, and those three took 2-6 ms of the warm open before its first paint.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Lazy(Generic[T]):
    """``make()``'s result, made on the first call and kept."""

    def __init__(self, make: Callable[[], T]) -> None:
        self._make = make
        self._made: T | None = None

    def __call__(self) -> T:
        if self._made is None:
            self._made = self._make()
        return self._made

    @property
    def made(self) -> T | None:
        """The part if it has been made (to shut it down), else None: asking makes nothing."""
        return self._made
