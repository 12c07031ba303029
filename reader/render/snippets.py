"""Search results in context: how often a search matches a card, and a line of text around
its first match, as the card list shows them (the way Obsidian and Zotero list results).

The count is of the matches the card view highlights, so "7 matches" in the list is what F3
steps through in the card ("Match 2 of 7 in this card"): it is taken from the card's own page
(:func:`reader.render.card.render_card`, with the same set information and related cards),
not from a list of its texts, which missed what the page shows besides them (dates, topic
questions, locators, the related cards' titles) and made the two numbers disagree. The snippet
comes from the first text of :meth:`Card.texts` with a match after the title (which the row
shows anyway), cut at word boundaries around the match. No Qt here.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.cards.catalog import CardSummary
from reader.cards.query import SearchTerm
from reader.cards.set_info import SetInfo
from reader.render.theme import LIGHT

if TYPE_CHECKING:
    from reader.cards.model import Card

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


def card_hit(
    card: Card,
    terms: Sequence[SearchTerm],
    info: SetInfo,
    related: Sequence[tuple[CardSummary, int]] = (),
) -> Hit:
    """How often ``terms`` match ``card`` as the card view shows it (with ``info``'s topics and
    the ``related`` cards under it), and its first match in its text, in context."""
    # Imported on the first search, as the renderer is (shown_matches): not with the window.
    from reader.render.highlight import match_spans

    count = shown_matches(card, terms, info, related)
    for raw in list(card.texts())[1:]:  # [0] is the title
        text = unicodedata.normalize("NFC", " ".join(raw.split()))
        spans = match_spans(text, terms)
        if spans:
            return Hit(count, *_excerpt(text, spans))
    return Hit(count)


def shown_matches(
    card: Card,
    terms: Sequence[SearchTerm],
    info: SetInfo,
    related: Sequence[tuple[CardSummary, int]] = (),
) -> int:
    """The highlighted matches on ``card``'s page: each is one span in the highlight's style
    (touching matches in one text are merged into one span, as the view merges them)."""
    if not terms:
        return 0
    # Imported on the first search, not with the window (whose list shows no counts until
    # then): the renderer is no part of its first paint (#17 §4). On the UI thread, as the
    # list's rows are painted.
    from reader.render.card import render_card

    page = render_card(card, info, theme=LIGHT, terms=terms, related=related)
    swatch = LIGHT.highlight
    return page.count(f'<span style="background-color:{swatch.background}; color:{swatch.text};">')


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
