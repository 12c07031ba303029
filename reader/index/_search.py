"""A :class:`Query` over the index, with exactly the linear scan's meaning, as fast as typing.

* Tags and facets are answered from inverted maps over the catalog's summaries (built once, on
  the first query): every tag is filed under itself *and its ancestors* (``actor/wagner`` under
  ``actor`` too), so "has this tag or one nested in it" is one set lookup, and AND / NOT are set
  intersection and difference.
* Search terms go to SQLite FTS5. The full-text table holds each card's words already folded by
  :func:`reader.cards.query.words`, separated by spaces, and FTS5's ``ascii`` tokenizer (with
  ``_`` as a word character) splits them back into exactly those words. Folding case and
  accents thus happens in Python, on both sides, by the one definition the linear scan uses;
  FTS5's own ``unicode61`` folding differs from it (``ø``, ``ß``, ligatures, letters newer than
  its tables), so using it would make the index and the scan disagree on some names.
* Each term becomes an FTS5 phrase whose last word is a prefix, :class:`SearchTerm`'s rule.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TypeVar

from reader.cards.catalog import CardSummary
from reader.cards.query import Query, SearchTerm, tag_ancestors

K = TypeVar("K")


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


class MetadataIndex:
    """Positions (in summaries order) of the cards with each tag, publisher, year, kind, id."""

    def __init__(self, summaries: Sequence[CardSummary]) -> None:
        self.count = len(summaries)
        self.publishers: defaultdict[str, set[int]] = defaultdict(set)
        self.years: defaultdict[int, set[int]] = defaultdict(set)
        self.kinds: defaultdict[str, set[int]] = defaultdict(set)
        self.ids: dict[str, int] = {}
        by_tag: defaultdict[str, list[int]] = defaultdict(list)
        for i, s in enumerate(summaries):
            for tag in s.tags:
                by_tag[tag].append(i)
            self.publishers[s.publisher].add(i)
            self.years[s.published.year].add(i)
            self.kinds[s.kind or ""].add(i)
            self.ids.setdefault(s.id, i)
        # File each tag's cards under the tag and its ancestors: one bulk update per distinct
        # tag (a few hundred) rather than one per card and ancestor.
        self.tags: defaultdict[str, set[int]] = defaultdict(set)
        for tag, positions in by_tag.items():
            for ancestor in tag_ancestors(tag):
                self.tags[ancestor].update(positions)

    def select(self, query: Query, found: set[int] | None) -> list[int]:
        """Positions matching everything but the search terms, within ``found`` if given."""
        chosen = found
        narrowing: list[set[int]] = []
        if query.card_ids:
            narrowing.append({self.ids[i] for i in query.card_ids if i in self.ids})
        narrowing += [self.tags.get(t, set()) for t in query.include_tags]
        if query.publishers:
            narrowing.append(_union(self.publishers, query.publishers))
        if query.years:
            narrowing.append(_union(self.years, query.years))
        if query.kinds:
            narrowing.append(_union(self.kinds, query.kinds))
        for part in sorted(narrowing, key=len):
            chosen = set(part) if chosen is None else chosen & part
        if chosen is None:
            chosen = set(range(self.count))
        for tag in query.exclude_tags:
            chosen -= self.tags.get(tag, set())
        return sorted(chosen)


def _union(groups: dict[K, set[int]], keys: Iterable[K]) -> set[int]:
    out: set[int] = set()
    for key in keys:
        out |= groups.get(key, set())
    return out
