"""Search results in context: how often a search matches a card, and a line of text around
its first match, as the card list shows them (the way Obsidian and Zotero list results).

Matching is the card view's (:func:`match_spans`: the search's own rules), over the same
reader-visible text (:meth:`Card.texts`), so "7 matches" in the list is what F3 steps through
in the card. The snippet comes from the first text with a match after the title (which the
row shows anyway), cut at word boundaries around the match. No Qt here.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from reader.cards.model import Card
from reader.cards.query import SearchTerm
from reader.render.highlight import match_spans

#: About how much text a snippet shows, in characters; room for two short lines in the list.
SNIPPET_CHARS = 150
#: How much of it comes before the first match.
LEAD_CHARS = 45


@dataclass(frozen=True, slots=True)
class Hit:
    """A card's matches: how many, and a snippet with the matched words' ranges in it."""

    count: int
    snippet: str = ""
    spans: tuple[tuple[int, int], ...] = ()


def card_hit(card: Card, terms: Sequence[SearchTerm]) -> Hit:
    """How often ``terms`` match ``card``'s text, and its first match in context."""
    count = 0
    first: tuple[str, list[tuple[int, int]]] | None = None
    for n, raw in enumerate(card.texts()):
        text = unicodedata.normalize("NFC", " ".join(raw.split()))
        spans = match_spans(text, terms)
        count += len(spans)
        if spans and n > 0 and first is None:  # n == 0 is the title
            first = (text, spans)
    if first is None:
        return Hit(count)
    return Hit(count, *_excerpt(*first))


def _excerpt(text: str, spans: list[tuple[int, int]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """``text`` cut to about :data:`SNIPPET_CHARS` around its first span, at spaces, with an
    ellipsis where it was cut; the spans that fall inside, moved to match."""
    start = max(0, spans[0][0] - LEAD_CHARS)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < spans[0][0] else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", max(spans[0][1], start), end)
        end = space if space > spans[0][1] else max(end, spans[0][1])
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    shift = len(lead) - start
    inside = tuple((a + shift, b + shift) for a, b in spans if a >= start and b <= end)
    return f"{lead}{text[start:end]}{tail}", inside
