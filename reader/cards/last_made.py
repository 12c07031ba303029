"""What was last worked out for one catalog's summaries, kept for that very tuple.

The loader thread and the catalog ask in turn for the same catalog's facets and sort keys, and
the index hands back those it stored; each was made anew on every ask (70 ms twice for the
facets of 10,000 cards, 0.65 s twice at 100,000). A catalog's summaries are a tuple that never
changes, so what was made of one is right for that very object (``is``) as long as it lives.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from reader.cards.catalog import CardSummary

Made = TypeVar("Made")


class LastMade(Generic[Made]):
    """One entry: the value last made or remembered, with the summaries it is of (held, so
    that the identity compared stays theirs). Guarded by a lock, which a maker holds, so a
    second ask for the same summaries waits for the first rather than making them again."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last: tuple[tuple[CardSummary, ...], Made] | None = None

    def get(self, summaries: Sequence[CardSummary], make: Callable[[], Made]) -> Made:
        """What was made of ``summaries``, made now if it was not (a sequence that is not a
        tuple can change: it is made each time and not kept)."""
        if not isinstance(summaries, tuple):
            return make()
        with self._lock:
            if self._last is not None and self._last[0] is summaries:
                return self._last[1]
            made = make()
            self._last = summaries, made
            return made

    def remember(self, summaries: Sequence[CardSummary], made: Made) -> None:
        """Let :meth:`get` answer ``made`` for ``summaries`` (made elsewhere: read back from the
        index, or patched from the catalog before)."""
        if isinstance(summaries, tuple):
            with self._lock:
                self._last = summaries, made

    def known(self, summaries: Sequence[CardSummary]) -> Made | None:
        """What was made of ``summaries``, without making it."""
        with self._lock:
            last = self._last
            return last[1] if last is not None and last[0] is summaries else None
