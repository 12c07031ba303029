"""A search's matches become the catalog's positions in order, whatever rowids the index holds."""

from __future__ import annotations

import sqlite3

import pytest

from reader.index._search import Positions, matching_positions
from reader.index._store import fts5_available


def test_positions_come_in_ascending_order_without_rows_that_have_none() -> None:
    # Rows are written as the workers finish, so rowid order is not the summaries' order.
    positions = Positions([5, 2, 9, 7, 4], [0, 1, 2, 3, 4])
    # 3 is a row without a card (no position); 12 was written after the map was made.
    assert positions.in_order([2, 3, 5, 7, 9]) == [0, 1, 2, 3]
    assert positions.in_order([12, 9, 3, 2]) == [1, 2]
    assert positions.in_order([4]) == [4]
    # A filter's positions: only the matches among them, in order.
    assert positions.in_order([12, 9, 7, 5, 3, 2], within={0, 3, 4}) == [0, 3]
    assert positions.in_order([]) == []


@pytest.mark.skipif(not fts5_available(), reason="this SQLite has no FTS5")
def test_rowids_the_map_does_not_know_match_no_card() -> None:
    """A negative rowid (only a damaged index has one) would otherwise name a card from the
    end of the map, and one beyond it would fail the lookup."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE fulltext USING fts5(words, content='')")
    rows = [(-3, "xray"), (1, "xenon"), (2, "yak"), (3, "xylophone")]
    conn.executemany("INSERT INTO fulltext (rowid, words) VALUES (?, ?)", rows)
    positions = Positions([1, 2, 3, 4], [3, 0, 2, 1])
    assert matching_positions(conn, '"x"*', positions) == [2, 3]
    conn.execute("INSERT INTO fulltext (rowid, words) VALUES (50, 'xu')")
    assert matching_positions(conn, '"x"*', positions) == [2, 3]
    assert matching_positions(conn, '"x"*', positions, span=(2, 3)) == [2]
    assert matching_positions(conn, '"zebra"*', positions) == []
