"""What a reader asks of a set: tag filters (AND, with NOT), facets and a text search.

One definition serves the window, the CLI's ``export``/``search`` and the persistent index, so
a query means the same thing everywhere. Search is case- and accent-insensitive; every term
must match the start of some word of the card (``sanction`` finds "sanctions"), and a
"quoted phrase" must match consecutive words — the semantics SQLite FTS5 prefix queries have,
so the index can answer the same question without a linear scan.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

_WORD = re.compile(r"\w+")
_TERM = re.compile(r'"([^"]*)"?|(\S+)')
_ASCII = bytes(range(128))
#: A search is bounded, as typed text is: ranking costs grow with the square of the number of
#: terms (and with their length), and a few dozen words is more than anyone types.
MAX_SEARCH_CHARS = 1000
MAX_SEARCH_TERMS = 32


def fold(text: str) -> str:
    """Lower-case and strip accents: "Goïta" and "GOITA" both fold to "goita".

    The definition (the one the index and the linear scan both use, so that they agree):
    NFKC, casefold, decompose (NFKD) and drop the combining marks, then casefold again,
    because a compatibility decomposition can bring capitals back: "㎒" is "MHz", "ℌ" is
    "H", "𝐀" is "A". After the first casefold the rest maps each character on its own
    (decomposing only moves marks, which are all dropped), so each distinct non-ASCII
    character of the text is mapped once, in one pass: the index folds every card's whole
    text, and this is faster than normalizing it all a second time.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    if folded.isascii():
        return folded
    for ch in non_ascii(folded):
        plain = _plain(ch)
        if plain != ch:
            folded = folded.replace(ch, plain)
    return folded


@functools.lru_cache(maxsize=4096)
def _plain(ch: str) -> str:
    """One casefolded character without its marks (a mark itself becomes nothing)."""
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def non_ascii(text: str) -> set[str]:
    """The distinct non-ASCII characters of ``text`` (dropping ASCII bytes is C-fast)."""
    return set(
        text.encode("utf-8", "surrogatepass")
        .translate(None, _ASCII)
        .decode("utf-8", "surrogatepass")
    )


def words(text: str) -> list[str]:
    """The folded words of ``text``, as search sees them."""
    return _WORD.findall(fold(text))


@dataclass(frozen=True, slots=True)
class SearchTerm:
    """One word, or a phrase of several words in order; the last word matches as a prefix."""

    words: tuple[str, ...]

    def matches(self, haystack: Sequence[str]) -> bool:
        n = len(self.words)
        *exact, last = self.words
        for i in range(len(haystack) - n + 1):
            if haystack[i + n - 1].startswith(last) and all(
                haystack[i + j] == w for j, w in enumerate(exact)
            ):
                return True
        return False


def parse_search(text: str) -> tuple[SearchTerm, ...]:
    """Split a search box's text into terms; quoted text is a phrase.

    A term given twice is kept once (it cannot narrow the search further, and ranking
    compares every pair of matched terms). Text past :data:`MAX_SEARCH_CHARS` and terms past
    :data:`MAX_SEARCH_TERMS` are ignored: :func:`search_problem` says so where a person can
    be told (the CLI refuses such a search).
    """
    return _distinct_terms(text)[:MAX_SEARCH_TERMS]


def search_problem(text: str) -> str | None:
    """Why a search text is longer than a search takes, or None when it is not."""
    if len(text) > MAX_SEARCH_CHARS:
        return (
            f"the search is {len(text):,} characters long; "
            f"a search takes at most {MAX_SEARCH_CHARS:,}"
        )
    count = len(_distinct_terms(text))
    if count > MAX_SEARCH_TERMS:
        return (
            f"the search has {count} different words or phrases; "
            f"a search takes at most {MAX_SEARCH_TERMS}"
        )
    return None


def _distinct_terms(text: str) -> tuple[SearchTerm, ...]:
    """Every distinct term that ends within the first :data:`MAX_SEARCH_CHARS` characters."""
    terms: dict[SearchTerm, None] = {}
    for match in _TERM.finditer(text):
        if match.end() > MAX_SEARCH_CHARS:
            break
        phrase = words(match.group(1) if match.group(1) is not None else match.group(2))
        if phrase:
            terms.setdefault(SearchTerm(tuple(phrase)))
    return tuple(terms)


def has_tag(card_tags: Iterable[str], tag: str) -> bool:
    """A tag matches itself and everything nested in it: ``actor`` matches ``actor/wagner``."""
    prefix = tag + "/"
    return any(t == tag or t.startswith(prefix) for t in card_tags)


def tag_ancestors(tag: str) -> list[str]:
    """``a/b/c`` → ``["a", "a/b", "a/b/c"]``."""
    parts = tag.split("/")
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


@dataclass(frozen=True, slots=True)
class Query:
    include_tags: tuple[str, ...] = ()
    exclude_tags: tuple[str, ...] = ()
    text: str = ""
    publishers: frozenset[str] = field(default_factory=frozenset)
    years: frozenset[int] = field(default_factory=frozenset)
    kinds: frozenset[str] = field(default_factory=frozenset)
    #: When not empty, only these cards (the export's ``--card``).
    card_ids: frozenset[str] = field(default_factory=frozenset)

    @property
    def terms(self) -> tuple[SearchTerm, ...]:
        return parse_search(self.text)

    def is_empty(self) -> bool:
        return not (
            self.include_tags
            or self.exclude_tags
            or self.terms
            or self.publishers
            or self.years
            or self.kinds
            or self.card_ids
        )

    def matches_metadata(
        self, card_id: str, tags: Sequence[str], publisher: str, year: int, kind: str | None
    ) -> bool:
        """Everything but the text search, which needs the card's words."""
        if self.card_ids and card_id not in self.card_ids:
            return False
        if any(not has_tag(tags, t) for t in self.include_tags):
            return False
        if any(has_tag(tags, t) for t in self.exclude_tags):
            return False
        if self.publishers and publisher not in self.publishers:
            return False
        if self.years and year not in self.years:
            return False
        return not (self.kinds and (kind or "") not in self.kinds)

    def matches_words(self, card_words: Sequence[str]) -> bool:
        return all(term.matches(card_words) for term in self.terms)

    def describe(self) -> str:
        """A one-line account of the filter for status bars and the PDF cover."""
        parts = [f"tag {t}" for t in self.include_tags]
        parts += [f"not {t}" for t in self.exclude_tags]
        if self.publishers:
            parts.append("publisher " + " or ".join(sorted(self.publishers)))
        if self.years:
            parts.append("year " + " or ".join(str(y) for y in sorted(self.years)))
        if self.kinds:
            parts.append("kind " + " or ".join(sorted(self.kinds)))
        if self.card_ids:
            parts.append("cards " + ", ".join(sorted(self.card_ids)))
        if self.text.strip():
            parts.append(f"search “{self.text.strip()}”")
        return "; ".join(parts) if parts else "all cards"
