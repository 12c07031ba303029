"""What goes into a briefing book, and in what order: the request and its sections.

The cards come from the same :class:`~reader.cards.query.Query` the window filters with, and
are typeset by the window's own renderer (:func:`reader.render.render_card`), so a card reads
the same on paper as on screen. The comparison pages come from the comparison core and its
HTML, the same views the window shows. Asked ``for_print``, the renderer emits what paper needs
(each section's anchor, table heads that repeat on every page), and a card's bookmarks are its
section list (:func:`reader.render.card_sections`): nothing here reads or edits the HTML.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reader.analysis.columns import date_order
from reader.analysis.compare_rules import MIN_COMPARE
from reader.analysis.ledger import recommendation_ledger
from reader.analysis.matrix import topic_matrix
from reader.analysis.side_by_side import compare
from reader.analysis.timeline import merged_timeline
from reader.cards.catalog import Catalog
from reader.cards.model import Card, SetInfo
from reader.cards.query import Query
from reader.export.sections import Bookmark, Kind, Section
from reader.render import LIGHT, card_sections
from reader.render import comparison as views
from reader.render.card import render_card
from reader.verify.sources import source_folders

PAGE_SIZES = ("A4", "Letter")
#: Characters of a long comparison view's HTML laid out as one document (:func:`parts_of`):
#: about five pages (more parts leave more short pages; larger ones cost more per moved break).
PART_SIZE = 60_000


@dataclass(frozen=True, slots=True)
class BookRequest:
    """Everything an export needs, decided before any Qt object exists."""

    info: SetInfo
    #: The cards, in book order.
    cards: tuple[Card, ...]
    #: The filter in words, or None when the whole set is exported.
    filter_text: str | None
    #: 2–4 cards for a side-by-side compare view, or none.
    compare: tuple[Card, ...]
    exported: datetime
    page_size: str = "A4"
    index: bool = True
    #: The topic matrix, the recommendations ledger and the merged timeline of the cards.
    comparison: bool = True
    #: An evidence appendix: the passages the locators cite, for each card whose source text
    #: is found (:mod:`reader.export.evidence`), the locators linked to them.
    evidence: bool = False
    #: Where the cards' source texts are looked for, in order (set folder, its ``sources:``
    #: folder, the one the reader gave); only names, nothing is read until the book is made.
    source_folders: tuple[Path, ...] = ()


class SelectionError(ValueError):
    """A request that cannot make a book."""


class UnknownCardError(SelectionError):
    """The request names a card id the set does not have (a mistake in the arguments)."""


class NothingToExportError(SelectionError):
    """The filter leaves no card, or the set has none without errors."""


def select(
    catalog: Catalog,
    query: Query,
    *,
    compare_ids: Sequence[str] = (),
    exported: datetime,
    page_size: str = "A4",
    index: bool = True,
    comparison: bool = True,
    evidence: bool = False,
    sources: Path | None = None,
) -> BookRequest:
    """The request for the cards ``query`` matches (the window's rules), oldest first.

    Cards named for the compare view are exported with the rest even when the filter leaves
    them out: a compare page about cards the book does not contain would cite nothing.
    ``sources`` is the folder the reader gave for the source texts (``--sources``), looked
    in after the set's own (:func:`reader.verify.sources.source_folders`).
    """
    unknown = [i for i in (*query.card_ids, *compare_ids) if catalog.card(i) is None]
    if unknown:
        raise UnknownCardError("no card with id " + ", ".join(f"'{i}'" for i in unknown))
    ids = catalog.matching(query)
    ids += [i for i in compare_ids if i not in ids]
    cards = [c for c in (catalog.card(i) for i in ids) if c is not None]
    if not cards:
        if query.is_empty():
            raise NothingToExportError("the set has no cards without errors to export")
        raise NothingToExportError(f"no card matches the filter ({query.describe()})")
    chosen = [c for c in (catalog.card(i) for i in compare_ids) if c is not None]
    return BookRequest(
        info=catalog.info,
        cards=tuple(date_order(cards)),
        filter_text=None if query.is_empty() else query.describe(),
        compare=tuple(chosen),
        exported=exported,
        page_size=page_size,
        index=index,
        comparison=comparison,
        evidence=evidence,
        source_folders=tuple(source_folders(catalog.root, catalog.info, sources)),
    )


def card_section(card: Card, info: SetInfo, evidence: Mapping[str, str] | None = None) -> Section:
    """A card's pages: the contents and the outline point at its header, and the card's
    other sections, as the card shows them, are the bookmarks under its own. ``evidence``
    links locators to their passages in the appendix (see :func:`render_card`)."""
    header, *parts = card_sections(card)
    source = f"{card.source.publisher} · {card.source.published.display()}"
    return Section(
        Kind.CARD,
        header.anchor,
        card.title,
        render_card(card, info, theme=LIGHT, for_print=True, evidence=evidence),
        header=card.title,
        footer=source,
        subtitle=source,
        bookmarks=tuple(Bookmark(part.label, part.anchor) for part in parts),
        tags=card.tags,
    )


def parts_of(html: str, size: int | None = None) -> Iterator[str]:
    """``html`` cut at its :data:`~reader.render.comparison.PART` marks into documents of
    about ``size`` characters (default :data:`PART_SIZE`; a longer piece stays whole), each
    with the document's head.

    Moving a page break lays its document out again from the move to the end, so a view of
    a thousand cards (a hundred and fifty pages) laid out as one document spent most of the
    export on that; in parts of a few pages each, a move lays out only the rest of its part.
    Each part starts a new page, so at most one page in ``size`` characters is left short.
    """
    size = PART_SIZE if size is None else size
    # Cut by position, not by partition and split: each of those copies the whole view (tens
    # of megabytes at ten thousand cards) once more while the parts are made.
    opened = html.find("<body>") + len("<body>")
    closed = html.rfind("</body>")
    head, tail = html[:opened], html[closed:]
    start = at = opened  # the part under way starts at ``start``, the next piece at ``at``
    length = 0  # of the part under way, without the marks
    while True:
        mark = html.find(views.PART, at, closed)
        end = closed if mark < 0 else mark
        if at > start and length + end - at > size:
            yield head + html[start:at].replace(views.PART, "") + tail
            start, length = at, 0
        length += end - at
        if mark < 0:
            break
        at = mark + len(views.PART)
    yield head + html[start:closed].replace(views.PART, "") + tail


def _comparison_section(
    anchor: str, title: str, html: str, landscape: bool, pack: bool
) -> list[Section]:
    """A comparison view's pages, in parts when long (:func:`parts_of`); ``anchor`` is the
    one its paper HTML has at its title, in the first part. Packed (see
    :meth:`Section.packed_up`) as each is made when ``pack``."""
    sections = []
    for i, part in enumerate(parts_of(html)):
        section = Section(
            Kind.COMPARISON, anchor, title, part, landscape=landscape, header=title, continued=i > 0
        )
        sections.append(section.packed_up() if pack else section)
    return sections


def comparison_sections(request: BookRequest, *, pack: bool = False) -> list[Section]:
    """The compare view (when cards were chosen), topic matrix, ledger and timeline; with
    ``pack``, each view's HTML is compressed before the next is made: the four views of ten
    thousand cards are some hundred megabytes of HTML, one of them a quarter of that."""
    info, cards = request.info, request.cards
    sections: list[Section] = []
    if len(request.compare) >= MIN_COMPARE:
        title = "Side by side: " + " · ".join(
            f"{c.source.publisher} {c.source.published.year}" for c in date_order(request.compare)
        )
        table = compare(request.compare, info)
        # The arguments are on the cards' own pages; the compare page lines up the rest.
        html = views.comparison_html(table, LIGHT, title=title, for_print=True)
        landscape = len(request.compare) > views.WIDE_COMPARE
        sections += _comparison_section(views.COMPARE_ANCHOR, title, html, landscape, pack)
    if not request.comparison or len(cards) < MIN_COMPARE:
        return sections
    # Each view's HTML is made as the argument of its parts, so that none outlives them.
    if info.topics:
        sections += _comparison_section(
            views.MATRIX_ANCHOR,
            views.MATRIX_TITLE,
            views.topic_matrix_html(topic_matrix(cards, info), LIGHT, for_print=True),
            len(cards) > views.WIDE_MATRIX,
            pack,
        )
    ledger = recommendation_ledger(cards, info.actor_aliases)
    if ledger:
        sections += _comparison_section(
            views.LEDGER_ANCHOR,
            views.LEDGER_TITLE,
            views.ledger_html(ledger, LIGHT, for_print=True),
            False,
            pack,
        )
    events = merged_timeline(cards)
    if events:
        sections += _comparison_section(
            views.TIMELINE_ANCHOR,
            views.TIMELINE_TITLE,
            views.timeline_html(events, LIGHT, for_print=True),
            False,
            pack,
        )
    return sections
