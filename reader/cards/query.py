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
from collections.abc import Callable, Iterable, Sequence
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
    "H", "𝐀" is "A". After NFKC the rest maps each character on its own (casefolding has no
    context, and decomposing only moves marks, which are all dropped), so ASCII letters are
    lower-cased as bytes and each distinct non-ASCII character of the text is mapped once:
    the index folds every card's whole text, and casefolding or normalizing all of it again
    took most of the time.
    """
    return _fold(text, _plain)


def fold_spaced(text: str) -> str:
    r"""``fold(text)`` with every non-ASCII character that is not a word character (’, —, “)
    made a space: ASCII characters other than ``\w`` and these are the characters a tokenizer
    splitting on non-word characters splits on, in one pass with the folding."""
    return _fold(text, _plain_or_space)


def _fold(text: str, plain: Callable[[str], str]) -> str:
    normal = unicodedata.normalize("NFKC", text)
    if normal.isascii():
        return normal.lower()
    data = normal.encode("utf-8", "surrogatepass").lower()  # lower() changes ASCII bytes only
    folded = data.decode("utf-8", "surrogatepass")
    # A character's mapping holds only characters that map to themselves (a test checks
    # every character), so the order of the replacements does not matter.
    for ch in set(data.translate(None, _ASCII).decode("utf-8", "surrogatepass")):
        mapped = plain(ch)
        if mapped != ch:
            folded = folded.replace(ch, mapped)
    return folded


@functools.lru_cache(maxsize=4096)
def _plain(ch: str) -> str:
    """One character casefolded and without its marks (a mark itself becomes nothing)."""
    decomposed = unicodedata.normalize("NFKD", ch.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@functools.lru_cache(maxsize=4096)
def _plain_or_space(ch: str) -> str:
    return "".join(c if c.isascii() or _WORD.match(c) else " " for c in _plain(ch))


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
