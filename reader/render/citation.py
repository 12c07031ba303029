"""Copy with citation: a point, quote or recommendation of a card, with its source and locator.

What a reader pastes into notes, a memo or an email must say who said it and where, as a
footnote would: "“…” — International Crisis Group, Mali: Avoiding The Trap Of Isolation,
9 February 2023, §V ¶7". One citation comes as plain text and as Markdown (a block quote,
the title in italics), so a Markdown editor gets the formatting and anything else the words.

Only a quote goes in quotation marks: an argument point or a recommendation is the card
writer's paraphrase, and quotation marks would pass it off as the source's own words.
Pure strings; the window puts both forms on the clipboard.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.cards.model import Card

#: The card fields whose items can be copied with a citation, as the card's item anchors
#: name them.
CITABLE = ("argument", "recommendations", "quotes")

#: Characters that Markdown reads as formatting anywhere in a line.
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
#: What Markdown reads as a heading, list item or rule at the start of a line.
_MARKDOWN_LINE_START = re.compile(r"^(#|[-+=]|\d+[.)])")


@dataclass(frozen=True, slots=True)
class Citation:
    """One item with its source, for the clipboard's ``text/plain`` and ``text/markdown``."""

    text: str
    markdown: str


def citation(card: Card, field: str, index: int) -> Citation | None:
    """Item ``index`` (0-based) of ``field`` (one of :data:`CITABLE`) with its source and
    locator; None when the card has no such item."""
    item = _item(card, field, index)
    if item is None:
        return None
    words, where = item
    src = card.source
    title = _flat(src.title or card.title)
    details = [_flat(src.publisher), src.published.display(), _flat(where or "")]
    plain = ", ".join(p for p in (details[0], title, *details[1:]) if p)
    escaped = [markdown_escape(d) for d in details]
    marked = ", ".join(p for p in (escaped[0], f"*{markdown_escape(title)}*", *escaped[1:]) if p)
    if field == "quotes":
        text, markdown = f"“{words}”", f"“{markdown_escape(words)}”"
    else:
        text, markdown = words, _line_start(markdown_escape(words))
    return Citation(f"{text} — {plain}", f"> {markdown}\n> — {marked}\n")


def markdown_escape(text: str) -> str:
    """``text`` as Markdown that shows it as written: formatting characters escaped."""
    return _MARKDOWN_INLINE.sub(r"\\\1", text)


def _line_start(text: str) -> str:
    """Escape what would make a line a heading or a list item ("1. …", "# …")."""
    match = _MARKDOWN_LINE_START.match(text)
    if match is None:
        return text
    end = match.end() - 1
    return text[:end] + "\\" + text[end:]


def _item(card: Card, field: str, index: int) -> tuple[str, str | None] | None:
    """The item's words, whitespace folded, and its locator."""
    if index < 0:
        return None
    if field == "argument" and index < len(card.argument):
        point = card.argument[index]
        return _flat(point.claim), point.where
    if field == "recommendations" and index < len(card.recommendations):
        rec = card.recommendations[index]
        return f"To {_flat(rec.to)}: {_flat(rec.action)}", rec.where
    if field == "quotes" and index < len(card.quotes):
        quote = card.quotes[index]
        return _flat(quote.text), quote.where
    return None


def _flat(text: str) -> str:
    """One line: a YAML block's line breaks would break the citation (and the block quote)."""
    return " ".join(text.split())
