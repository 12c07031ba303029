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
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.cards.query import SearchTerm


def fts_expression(terms: Iterable[SearchTerm]) -> str:
    """Every term must match: ``"word"*`` for a word, ``"two words"*`` for a phrase."""
    # Folded words hold only word characters (no quotes, no spaces), so quoting is safe.
    return " AND ".join('"' + " ".join(term.words) + '"*' for term in terms)


#: Rowids of the cards matching an FTS5 expression, best (bm25) first; ties in path order.
RANKED_SQL = (
    "SELECT f.rowid FROM fulltext JOIN files f ON f.rowid = fulltext.rowid "
    "WHERE fulltext MATCH ? ORDER BY fulltext.rank, f.path"
)
MATCHING_SQL = "SELECT rowid FROM fulltext WHERE fulltext MATCH ?"
