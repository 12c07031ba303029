"""A :class:`Query` over the index, with exactly the linear scan's meaning, as fast as typing.

* Tags and facets are answered by the set's facet index (:mod:`reader.cards.facets`, built
  once, on the first query): every tag is filed under itself *and its ancestors*
  (``actor/wagner`` under ``actor`` too), so "has this tag or one nested in it" is one set
  lookup, and AND / NOT are set intersection and difference.
* Search terms go to SQLite FTS5. The full-text table holds each card's words already folded by
  :func:`reader.cards.query.words`, separated by spaces, and FTS5's ``ascii`` tokenizer (with
  ``_`` as a word character) splits them back into exactly those words. Folding case and
  accents thus happens in Python, on both sides, by the one definition the linear scan uses;
  FTS5's own ``unicode61`` folding differs from it (``ø``, ``ß``, ligatures, letters newer than
  its tables), so using it would make the index and the scan disagree on some names.
* Each term becomes an FTS5 phrase whose last word is a prefix, :class:`SearchTerm`'s rule.
* A first letter typed matches nearly every card: at 100,000 cards, handing SQLite's matches
  to Python a row at a time and mapping each through a dict took four times what FTS5 took to
  find them. So the matches come as one string of rowids (``group_concat``, decoded by the C
  JSON parser) and map to positions through a list indexed by rowid (:class:`Positions`), in C.
  The positions are put in order by sorting their list, not by way of a set, and no pass over
  the rowids checks their range first (one the map does not know is caught when it comes): at
  100,000 cards a search matching nearly every card takes 3-4 ms less CPU (``sa`` 47 -> 43 ms;
  FTS5 itself takes 30 of them, merging the position lists of every word the prefix begins).
"""

from __future__ import annotations

import bisect
import collections
import json
import operator
import sqlite3
from collections.abc import Iterable, Sequence
from typing import TypeVar

from reader.cards.query import Query, SearchTerm
from reader.index._rows import split_words, unpack
from reader.index._store import CorruptIndex


def fts_expression(terms: Iterable[SearchTerm]) -> str:
    """Every term must match: ``"word"*`` for a word, ``"two words"*`` for a phrase."""
    # Folded words hold only word characters (no quotes, no spaces), so quoting is safe.
    return " AND ".join('"' + " ".join(term.words) + '"*' for term in terms)


#: Rowids of the cards matching an FTS5 expression, best (bm25) first; ties in path order.
RANKED_SQL = (
    "SELECT f.rowid FROM fulltext JOIN files f ON f.rowid = fulltext.rowid "
    "WHERE fulltext MATCH ? ORDER BY fulltext.rank, f.path"
)
MATCHING_SQL = "SELECT group_concat(rowid) FROM fulltext WHERE fulltext MATCH ?"


T = TypeVar("T")


def pick(items: Sequence[T], indexes: Sequence[int]) -> list[T]:
    """``[items[i] for i in indexes]``, in C: a hundred thousand ids in a third of the time."""
    if len(indexes) < 2:
        return [items[i] for i in indexes]
    picked: tuple[T, ...] = operator.itemgetter(*indexes)(items)
    return list(picked)


class Positions:
    """Each row's position in a catalog's summaries, by rowid (rows without one: none).

    A list indexed by rowid, holding -1 where a row has no position: the positions of a
    search's thousands of matches are then picked from it in C (:func:`pick`).
    """

    def __init__(self, rowids: Sequence[int], positions: Iterable[int]) -> None:
        """``rowids[i]`` is at ``positions``' i-th position (rowids are distinct)."""
        if min(rowids, default=0) < 0:  # SQLite allows them; this index never writes one
            raise CorruptIndex("a stored rowid is negative")
        self._table = [-1] * (max(rowids, default=-1) + 1)
        collections.deque(map(self._table.__setitem__, rowids, positions), maxlen=0)

    def __contains__(self, rowid: int) -> bool:
        return 0 <= rowid < len(self._table) and self._table[rowid] >= 0

    def __getitem__(self, rowid: int) -> int:
        """The row's position (-1 when it has none; IndexError when the rowid is beyond the
        rows this map knows)."""
        return self._table[rowid]

    def in_order(self, rowids: list[int], within: set[int] | None = None) -> list[int]:
        """The positions of those of ``rowids`` (distinct, none negative) that have one, in
        ascending order; only those ``within`` when given.

        The rows are written a chunk at a time as the workers finish them, so rowid order is
        position order in runs of a chunk: sorting the positions merges those runs, which
        takes less than making a set of them and sorting that.
        """
        try:
            found = pick(self._table, rowids)
        except IndexError:  # a row written after this map was made: look at each
            found = pick(self._table, [rowid for rowid in rowids if rowid in self])
        if within is not None:
            return sorted(within.intersection(found))
        found.sort()
        del found[: bisect.bisect_left(found, 0)]  # the -1s: rows without a position
        return found

    def ranked(self, rowids: Iterable[int]) -> list[int]:
        """The positions of those of ``rowids`` that have one, in their order."""
        return [self._table[rowid] for rowid in rowids if rowid in self]


def span_of(rowids: Sequence[int], within: set[int] | None) -> tuple[int, int] | None:
    """The lowest and highest of ``rowids`` at positions ``within``, when they are few enough
    for that to narrow a search (see :func:`matching_positions`)."""
    if not within or len(within) > len(rowids) // 2:
        return None
    chosen = pick(rowids, list(within))
    return min(chosen), max(chosen)


def matching_positions(
    conn: sqlite3.Connection,
    expression: str,
    positions: Positions,
    span: tuple[int, int] | None = None,
    within: set[int] | None = None,
) -> list[int]:
    """The positions of the cards matching an FTS5 expression, in ascending order; only
    those from rowid ``span[0]`` to ``span[1]``, and only those at positions ``within``,
    when given.

    FTS5 skips the rest of its lists outside the span, and the cards a filter on a year or a
    folder leaves are written together, so their rowids are close: a phrase of common words
    searched among one year's cards of 100,000 takes a seventh of the time.
    """
    if span is None:
        (joined,) = conn.execute(MATCHING_SQL, (expression,)).fetchone()
    else:
        sql = f"{MATCHING_SQL} AND rowid BETWEEN ? AND ?"
        (joined,) = conn.execute(sql, (expression, *span)).fetchone()
    if not joined:
        return []
    rowids: list[int] = json.loads(f"[{joined}]")
    if "-" in joined:  # a negative rowid (a damaged index): Python would count it from the end
        rowids = [rowid for rowid in rowids if rowid in positions]
    return positions.in_order(rowids, within)


def scanned(conn: sqlite3.Connection, query: Query, positions: Positions) -> list[int]:
    """Positions of the cards whose stored words match every term, read one by one: the
    search of a Python whose SQLite has no FTS5."""
    found = []
    for rowid, blob in conn.execute("SELECT rowid, words FROM files"):
        if rowid not in positions:
            continue
        try:
            text = unpack(blob)
        except ValueError as exc:
            raise CorruptIndex(f"a stored row's words do not decode ({exc})") from exc
        if query.matches_words(split_words(text)):
            found.append(positions[rowid])
    return found
