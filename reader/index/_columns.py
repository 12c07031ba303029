"""One column of the ``files`` table for some cards, read without decoding their rows.

The set-wide views' first parts need a little of every card — its earliest event date, its
recommendations' addressees — before reading the cards themselves (see
:meth:`reader.index.IndexCatalog.first_events` and ``addressees``). One scan of a column in
SQLite gives it: the rows are fetched a page at a time, so no single call holds the
interpreter (and the window beside a view's job) for long, and no analysis row is decoded.
"""

from __future__ import annotations

import sqlite3

from reader.index._store import Store

#: Rows fetched at a time (each fetch holds the interpreter while it makes their tuples).
PAGE = 500
#: The columns that may be asked for (the column's name is part of the statement).
COLUMNS = frozenset({"first_event", "addressees"})


def column_of(store: Store, column: str, wanted: set[tuple[str, str]]) -> dict[str, object] | None:
    """``column`` (not NULL) of the rows whose (path, card id) is ``wanted``, by card id;
    None when the index cannot be read."""
    if column not in COLUMNS:
        raise ValueError(f"not a column to read: {column}")
    found: dict[str, object] = {}
    try:
        with store.connection() as conn:
            sql = f"SELECT path, card_id, {column} FROM files WHERE {column} NOT NULL"
            rows = conn.execute(sql)
            while page := rows.fetchmany(PAGE):
                for path, card_id, value in page:
                    if (path, card_id) in wanted:
                        found[card_id] = value
    except sqlite3.Error:
        return None
    return found
