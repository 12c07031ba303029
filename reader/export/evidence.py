"""The evidence appendix of a briefing book: which cards get one, and their sections.

With ``BookRequest.evidence`` each card whose source text is found (in the request's source
folders, the rules of :mod:`reader.verify.sources`) and can be read gets a section after the
comparison pages holding every passage its locators cite (:mod:`reader.render.evidence`), and
its locators link there. A card without its source text keeps its pages as they are: no entry,
no links. The appendix comes after the comparison pages rather than after each card: the
cards and the comparisons read on without pages of source text between them, the appendix
is where a reader of a printed report looks for extracts, and each card's evidence starts on
a page of its own, so it is found by the card's title in the contents or the outline.

Source texts are read and parsed here, when the book is made (in the export's job, never on
the window's thread); the request only names the folders.
"""

from __future__ import annotations

from collections.abc import Mapping

from reader.cards.file_reading import UnreadableFileError
from reader.cards.model import Card
from reader.cards.wording import plural
from reader.export.book import BookRequest
from reader.export.sections import Kind, Section
from reader.render import LIGHT
from reader.render.evidence import citations, evidence_anchor, render_evidence
from reader.verify.source_text import SourceText
from reader.verify.sources import SourceTexts, source_status

#: Why a card has no evidence, when its source text is not available.
Missing = str


def source_texts(request: BookRequest) -> dict[str, SourceText | Missing]:
    """Card id → its parsed source text, or why there is none, for every card of the book
    that cites a passage; empty when the request asks for no evidence."""
    if not request.evidence:
        return {}
    folders = list(request.source_folders)
    texts = SourceTexts()
    found: dict[str, SourceText | Missing] = {}
    for card in request.cards:
        if not citations(card):
            continue
        status = source_status(card, folders)
        if status.path is None:
            found[card.id] = status.reason or status.availability.value
            continue
        try:
            found[card.id] = texts.load(status.path, card.source.lines)
        except UnreadableFileError as exc:
            found[card.id] = f"unreadable: {exc}"
    return found


def available(texts: Mapping[str, SourceText | Missing]) -> dict[str, SourceText]:
    """The cards that get evidence, with their source texts."""
    return {i: t for i, t in texts.items() if isinstance(t, SourceText)}


def missing(texts: Mapping[str, SourceText | Missing]) -> dict[str, Missing]:
    """The cards that cite passages but get no evidence, with the reason."""
    return {i: t for i, t in texts.items() if not isinstance(t, SourceText)}


def evidence_section(card: Card, number: int, text: SourceText) -> Section:
    """The evidence of the book's ``number``-th card: its own pages, listed and bookmarked
    under "Evidence"; the contents say which card's it is by the card's number there."""
    source = f"{card.source.publisher} · {card.source.published.display()}"
    passages = plural(len(citations(card)), "cited passage")
    return Section(
        Kind.EVIDENCE,
        evidence_anchor(card.id),
        card.title,
        render_evidence(card, text, LIGHT),
        header=f"Evidence: {card.title}",
        footer=source,
        subtitle=f"Card {number} · {passages} · {source}",
    )
