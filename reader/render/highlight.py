"""Escape card text for HTML and mark the words a search matched.

Matching works on the raw text, before escaping, and each piece is escaped on its own, so a
term can never match inside markup or split an entity. The rules are the core's search rules
(:mod:`reader.cards.query`): case- and accent-insensitive, a term matches the start of a word,
a phrase matches consecutive words; the whole word is marked, not just the matched prefix.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from reader.cards.query import SearchTerm, fold, words
from reader.render.html import escape as escape  # the window's views import it from here

_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=8192)
def _folded_word(word: str) -> str:
    """A word of the text as search sees it; a card's words repeat, so each is folded once."""
    return "".join(words(word))


def match_spans(text: str, terms: Sequence[SearchTerm]) -> list[tuple[int, int]]:
    """Character ranges of ``text`` that the terms match, merged and in order.

    A term matches here where :meth:`SearchTerm.matches` finds it, the search's own rule, asked
    of each run of as many words as the term has.
    """
    if not terms:
        return []
    # Most texts of a card hold none of the terms: a term's first word must then at least be
    # in the folded text (folding is per character), which is cheap to ask before the words.
    folded_text = fold(text)
    if not any(term.words and term.words[0] in folded_text for term in terms):
        return []
    matches = list(_WORD.finditer(text))
    folded = [_folded_word(m.group()) for m in matches]
    spans: list[tuple[int, int]] = []
    for term in terms:
        n, last = len(term.words), term.words[-1]
        for i in range(len(folded) - n + 1):
            # (The run's last word starting with the term's is where a match can be.)
            if folded[i + n - 1].startswith(last) and term.matches(folded[i : i + n]):
                spans.append((matches[i].start(), matches[i + n - 1].end()))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@dataclass(frozen=True, slots=True)
class Marker:
    """Turns plain text into escaped HTML, wrapping search matches in a highlight span."""

    terms: tuple[SearchTerm, ...] = ()
    background: str = "#ffe372"
    color: str = "#000000"

    def __call__(self, text: str) -> str:
        # NFC first: a word typed with combining accents must stay one word for matching.
        text = unicodedata.normalize("NFC", text)
        spans = match_spans(text, self.terms)
        if not spans:
            return escape(text)
        out: list[str] = []
        pos = 0
        for start, end in spans:
            out.append(escape(text[pos:start]))
            out.append(
                f'<span style="background-color:{self.background}; color:{self.color};">'
                f"{escape(text[start:end])}</span>"
            )
            pos = end
        out.append(escape(text[pos:]))
        return "".join(out)
