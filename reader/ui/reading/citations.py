"""Which paragraphs of its source each located item of a card cites, and the other way round.

The source pane reads both directions from here: clicking a locator in the card highlights
the paragraphs it names (:meth:`Citations.cited_by`), and a paragraph of the source says
which points, quotes and recommendations cite it (:meth:`Citations.citing`) — or that none
does, which shows what the card leaves out. A quote also cites the paragraph where its words
actually are, and is marked there (:attr:`Citations.quote_spans`).

Pure Python: it works on the card and the parsed source text, so it runs off the UI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.cards.model import Card
from reader.render.located import LOCATED_FIELDS
from reader.verify.source_text import Paragraph, SourceText, normalise

#: Item labels, by field: "Argument 2", "Recommendation 1", "Quote 3".
_NOUNS = {"argument": "Argument", "recommendations": "Recommendation", "quotes": "Quote"}
#: How much of an item's text a label quotes.
GIST_CHARS = 70


@dataclass(frozen=True, slots=True)
class Item:
    """One argument point, recommendation or quote of the card."""

    field: str
    index: int
    where: str | None
    #: What it says, in full: a point's claim, a recommendation's action, a quote's words.
    text: str

    @property
    def label(self) -> str:
        """``Argument 2``: as the card numbers it (from 1)."""
        return f"{_NOUNS[self.field]} {self.index + 1}"

    @property
    def gist(self) -> str:
        """The start of its text, for a tooltip or a line that lists several items."""
        text = " ".join(self.text.split())
        return text if len(text) <= GIST_CHARS else text[: GIST_CHARS - 1].rstrip() + "…"


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Where quote ``index`` occurs: characters ``start`` to ``end`` of ``paragraph``'s text."""

    index: int
    paragraph: Paragraph
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Citations:
    items: tuple[Item, ...]
    #: For each item (by field and index), the paragraphs its locator names, or why it
    #: names none (an unknown section, a paragraph past the end).
    named: dict[tuple[str, int], tuple[Paragraph, ...] | str]
    #: For each paragraph cited, the items citing it, in the card's order.
    by_paragraph: dict[Paragraph, tuple[Item, ...]]
    quote_spans: tuple[QuoteSpan, ...]

    def item(self, field: str, index: int) -> Item | None:
        return next((i for i in self.items if (i.field, i.index) == (field, index)), None)

    def cited_by(self, field: str, index: int) -> tuple[Paragraph, ...] | str:
        """The paragraphs the item's locator names (a quote's: also where its words are)."""
        return self.named.get((field, index), ())

    def citing(self, paragraph: Paragraph) -> tuple[Item, ...]:
        return self.by_paragraph.get(paragraph, ())


def card_items(card: Card) -> tuple[Item, ...]:
    """The card's argument points, recommendations and quotes, in the card's order."""
    items: list[Item] = []
    for field in LOCATED_FIELDS:
        for index, entry in enumerate(getattr(card, field)):
            items.append(Item(field, index, entry.where, _text(field, entry)))
    return tuple(items)


def _text(field: str, entry: object) -> str:
    attribute = {"argument": "claim", "recommendations": "action", "quotes": "text"}[field]
    return str(getattr(entry, attribute))


def citations(card: Card, source: SourceText) -> Citations:
    """Both directions of the card's citations of ``source``."""
    items = card_items(card)
    spans = {
        item.index: quote_spans(item.index, item.text, source)
        for item in items
        if item.field == "quotes"
    }
    named: dict[tuple[str, int], tuple[Paragraph, ...] | str] = {}
    citing: dict[Paragraph, list[Item]] = {}
    for item in items:
        located = source.resolve(item.where) if item.where is not None else []
        found = [s.paragraph for s in spans.get(item.index, ())] if item.field == "quotes" else []
        if isinstance(located, str):
            named[(item.field, item.index)] = located
            located = []
        else:
            named[(item.field, item.index)] = _in_order(source, [*located, *found])
        for paragraph in dict.fromkeys([*located, *found]):
            citing.setdefault(paragraph, []).append(item)
    return Citations(
        items,
        named,
        {p: tuple(cited) for p, cited in citing.items()},
        tuple(span for found in spans.values() for span in found),
    )


def _in_order(source: SourceText, paragraphs: Sequence[Paragraph]) -> tuple[Paragraph, ...]:
    order = {p: i for i, p in enumerate(source.paragraphs)}
    return tuple(sorted(dict.fromkeys(paragraphs), key=order.__getitem__))


def quote_spans(index: int, quote: str, source: SourceText) -> tuple[QuoteSpan, ...]:
    """Where a quote's words are in the source: one span, or one per paragraph when the
    quote runs across a paragraph break; none when they are not there word for word."""
    needle = normalise(quote)
    if not needle:
        return ()
    for paragraph in source.paragraphs:
        at = paragraph.text.find(needle)
        if at >= 0:
            return (QuoteSpan(index, paragraph, at, at + len(needle)),)
    # Across paragraphs: find it in the text joined as SourceText.find joins it.
    joined = " ".join(p.text for p in source.paragraphs)
    start = joined.find(needle)
    if start < 0:
        return ()
    end, offset, found = start + len(needle), 0, []
    for paragraph in source.paragraphs:
        stop = offset + len(paragraph.text)
        if offset < end and stop > start:
            found.append(
                QuoteSpan(index, paragraph, max(start, offset) - offset, min(end, stop) - offset)
            )
        offset = stop + 1
    return tuple(found)
