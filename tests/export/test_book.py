"""The shipped set as a briefing book, read back page by page with pypdf."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pypdf.generic import ArrayObject, DictionaryObject, NameObject
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPdfWriter, QTextFrame, QTextTable

from reader.cards.load import load_set
from reader.export.frontmatter import INDEX
from reader.export.pdf import RESOLUTION, lay_out, page_size_of
from reader.export.sections import Kind
from reader.render import card_sections
from reader.render.comparison import COMPARE_ANCHOR, LEDGER_ANCHOR, MATRIX_ANCHOR, TIMELINE_ANCHOR
from tests.conftest import SHIPPED_CARDS
from tests.export.conftest import (
    EPOCH,
    ISOLATION,
    LEVERAGE,
    SANCTIONS,
    Book,
    assert_reads_once_in_order,
    squash,
)
from tests.export.layout import request_for
from tests.render.conftest import fragments

SET = load_set(SHIPPED_CARDS)
TITLE = SET.info.title
CARDS = sorted(SET.cards, key=lambda c: c.source.published.sort_key)
SECTION_NAMES = ["Thesis", "Summary", "Argument", "Recommendations", "Perspectives", "Actors",
                 "Timeline", "Quotes", "Notes", "Tags"]  # fmt: skip


def test_page_count_is_that_of_a_short_book(shipped_book: Book) -> None:
    # Three cards of 5–13 pages, a compare page, matrix, ledger, timeline and index.
    assert 25 <= shipped_book.pages <= 80


def test_cover_names_the_set_the_cards_the_date_and_the_selection(shipped_book: Book) -> None:
    cover = squash(shipped_book.texts[0])
    assert squash(TITLE) in cover
    assert squash("3 cards") in cover
    assert squash("14 November 2023") in cover  # SOURCE_DATE_EPOCH, not today
    assert squash("the whole set") in cover
    assert squash("Three readings of Mali's military-led transition") in cover
    assert "Page" not in shipped_book.texts[0]  # no running header or footer on the cover


def test_every_card_starts_on_the_page_the_contents_claim(shipped_book: Book) -> None:
    claimed = [shipped_book.contents_page_of(card.title) for card in CARDS]
    assert claimed == sorted(claimed), "cards are in date order"
    for card, page in zip(CARDS, claimed, strict=True):
        assert shipped_book.on_page(page, card.title), card.title
        assert squash(f"Page {page} of {shipped_book.pages}") in squash(
            shipped_book.texts[page - 1]
        )


def test_outline_has_cover_contents_each_card_with_its_parts_comparison_and_index(
    shipped_book: Book,
) -> None:
    top = shipped_book.top_level()
    titles = [t for t, _ in top]
    assert titles == ["Cover", "Contents", *(c.title for c in CARDS), "Comparison", "Index of tags"]
    pages = dict(top)
    assert pages["Cover"] == 1
    assert pages["Contents"] == 2
    for card in CARDS:
        assert pages[card.title] == shipped_book.contents_page_of(card.title)
    outline = shipped_book.outline()
    for depth, title, page in outline:
        if depth == 1 and title in SECTION_NAMES:
            # The section heading is on the page its bookmark opens.
            label = "THESIS" if title == "Thesis" else title
            assert shipped_book.on_page(page, label), (title, page)
    leverage = next(c for c in CARDS if c.id == LEVERAGE)
    start = next(i for i, (d, t, _) in enumerate(outline) if d == 0 and t == leverage.title)
    parts = []
    for depth, title, _ in outline[start + 1 :]:
        if depth == 0:
            break
        parts.append(title)
    assert parts == SECTION_NAMES
    comparison = [t for d, t, _ in outline if d == 1 and t not in SECTION_NAMES and t[0].isupper()]
    assert "Topic matrix" in comparison
    assert "Recommendations by addressee" in comparison
    assert any(t.startswith("Side by side") for t in comparison)


def _head_rows(frame: QTextFrame) -> list[int]:
    """Per table, in document order: how many rows Qt repeats at the top of each page."""
    rows = []
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            rows.append(child.format().headerRowCount())
        rows += _head_rows(child)
    return rows


def test_bookmarks_come_from_the_section_list_and_land_on_anchors_qt_kept(qapp: object) -> None:
    """Read where the book is laid out, before any painting: each card's bookmarks are its
    section list (:func:`reader.render.card_sections`), never found by searching the HTML;
    every bookmark jumps to an anchor that is in its laid-out document, so the outline cannot
    silently lose an entry; and the pages with column heads repeat them on every page."""
    buffer = QBuffer()
    assert buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    request = request_for(SHIPPED_CARDS, compare=(LEVERAGE, ISOLATION))
    _, book, _ = lay_out(request, writer, page_size_of(request.page_size))
    comparison = []
    for laid in book.sections:
        section, doc = laid.section, laid.document
        assert doc is not None
        kept = {name for _, fmt in fragments(doc) for name in fmt.anchorNames()}
        assert {section.anchor, *(b.anchor for b in section.bookmarks)} <= kept, section.title
        if section.kind is Kind.COMPARISON:
            comparison.append(section.anchor)
            heads = _head_rows(doc.rootFrame())
            assert set(heads) == ({0} if section.anchor == LEDGER_ANCHOR else {1}), section.title
    assert comparison == [COMPARE_ANCHOR, MATRIX_ANCHOR, LEDGER_ANCHOR, TIMELINE_ANCHOR]
    by_title = {card.title: card for card in CARDS}
    outlined = [node for node in book.outline() if node.title in by_title]
    assert [node.title for node in outlined] == [card.title for card in CARDS]
    for node in outlined:
        header, *parts = card_sections(by_title[node.title])
        assert node.anchor == header.anchor
        assert [(c.title, c.anchor) for c in node.children] == [(p.label, p.anchor) for p in parts]


def test_comparison_and_index_pages_are_where_the_outline_says(shipped_book: Book) -> None:
    outline = shipped_book.outline()
    where = {title: page for _, title, page in outline}
    assert shipped_book.on_page(where["Topic matrix"], "Topic matrix")
    assert shipped_book.on_page(where["Recommendations by addressee"], "TO WESTERN GOVERNMENTS")
    assert shipped_book.on_page(where["Index of tags"], "Index of tags")
    assert shipped_book.on_page(where["Index of tags"], "actor/wagner")
    named = shipped_book.reader.named_destinations
    assert shipped_book.page_of(named[INDEX]) == where["Index of tags"]  # its heading's anchor
    side = next(p for _, t, p in outline if t.startswith("Side by side"))
    leverage = next(c for c in CARDS if c.id == LEVERAGE)
    isolation = next(c for c in CARDS if c.id == ISOLATION)
    assert shipped_book.on_page(side, leverage.title)
    assert shipped_book.on_page(side, isolation.title)


def _links(book: Book) -> list[tuple[int, str, list[float]]]:
    found = []
    for number, page in enumerate(book.reader.pages, start=1):
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/Subtype") == "/Link" and "/Dest" in annot:
                rect = [float(x) for x in annot["/Rect"]]
                found.append((number, str(annot["/Dest"]), rect))
    return found


def test_every_internal_link_resolves_to_the_page_of_its_target(shipped_book: Book) -> None:
    named = shipped_book.reader.named_destinations
    links = _links(shipped_book)
    assert len(links) > 40
    card_pages = {f"{c.id}--header": shipped_book.contents_page_of(c.title) for c in CARDS}
    for page, name, rect in links:
        assert name in named, f"dead link to #{name} on page {page}"
        assert rect[2] > rect[0]
        assert rect[3] > rect[1]
        target = shipped_book.page_of(named[name])
        if name in card_pages:
            assert target == card_pages[name]
    # The contents link every card, both by title and by page number; the index links cards.
    contents = [name for page, name, _ in links if page == 2]
    for c in CARDS:
        assert contents.count(f"{c.id}--header") == 2
    index_page = dict(shipped_book.top_level())["Index of tags"]
    from_index = {name for page, name, _ in links if page >= index_page}
    assert from_index == set(card_pages)


def test_metadata_says_what_the_book_is(shipped_book: Book) -> None:
    meta = shipped_book.reader.metadata
    assert meta is not None
    assert meta.title == TITLE
    assert meta.subject == "Briefing book of 3 cards"
    keywords = [k.strip() for k in str(meta["/Keywords"]).split(",")]
    assert keywords == sorted(SET.all_tags())
    assert str(meta.creator).startswith("Briefing Reader ")
    assert "pypdf" in str(meta.producer)
    stamp = datetime.fromtimestamp(int(EPOCH), UTC)
    assert meta.creation_date == stamp
    assert meta.modification_date == stamp
    root = shipped_book.reader.trailer["/Root"]
    assert root["/PageMode"] == "/UseOutlines"
    # Not tagged (Qt's writer cannot), but a viewer names its window by the book's title.
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert TITLE in xmp
    assert "2023-11-14T22:13:20Z" in xmp


def _fonts(resources: DictionaryObject) -> list[DictionaryObject]:
    found = []
    for ref in (resources.get("/Font") or {}).values():
        font = ref.get_object()
        for descendant in font.get("/DescendantFonts") or ArrayObject():
            found.append(descendant.get_object())
        if "/FontDescriptor" in font:
            found.append(font)
    return found


def test_every_font_is_embedded(shipped_book: Book) -> None:
    seen = set()
    for page in shipped_book.reader.pages:
        for font in _fonts(page["/Resources"]):
            descriptor = font["/FontDescriptor"].get_object()
            embedded = {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor)
            assert embedded, f"{descriptor['/FontName']} is not embedded"
            seen.add(str(descriptor["/FontName"]))
    assert len(seen) >= 2  # regular and bold at least


def test_text_is_real_text_not_images(shipped_book: Book) -> None:
    page = shipped_book.reader.pages[2]
    xobjects = page["/Resources"].get("/XObject") or DictionaryObject()
    assert not [x for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image"]
    assert len(shipped_book.texts[2]) > 1500


def test_card_pages_carry_running_header_and_source_footer(shipped_book: Book) -> None:
    isolation = next(c for c in CARDS if c.id == ISOLATION)
    first = shipped_book.contents_page_of(isolation.title)
    following = [
        c for c in CARDS if c.source.published.sort_key > isolation.source.published.sort_key
    ]
    last = shipped_book.contents_page_of(following[0].title) - 1
    assert last - first >= 5, "the Crisis Group card is long: it flows over many pages"
    for page in range(first, last + 1):
        lines = shipped_book.lines(page)
        assert lines[0].startswith(TITLE), lines[0]
        assert "Isolation" in lines[0]
        assert lines[-1].startswith("International Crisis Group · 9 February 2023"), lines[-1]
        assert lines[-1].endswith(f"Page {page} of {shipped_book.pages}"), lines[-1]


def test_no_line_is_printed_twice_across_a_page_break(shipped_book: Book) -> None:
    """Qt paints a paragraph whole on each page it touches; the export must cut it, or the
    clipped copies stay in the text layer (search hits in the margins)."""
    isolation = next(c for c in CARDS if c.id == ISOLATION)
    first = shipped_book.contents_page_of(isolation.title)
    for page in range(first, first + 8):
        here = set(shipped_book.lines(page)[1:-1])
        there = set(shipped_book.lines(page + 1)[1:-1])
        shared = {line for line in here & there if len(line) > 20}
        assert not shared, (page, shared)


def test_pages_are_a4_portrait_by_default(shipped_book: Book) -> None:
    # Two compared cards and a three-card matrix fit a portrait page.
    for page in shipped_book.reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
        assert NameObject("/Rotate") not in page


# --- page breaks as painted (the rules themselves: test_page_breaks.py, on the layout) -------


def _card_text(book: Book, card_id: str) -> str:
    card = SET.card(card_id)
    assert card is not None
    starts = dict(book.top_level())
    first = starts[card.title]
    last = min(p for p in starts.values() if p > first) - 1
    return "".join(squash(book.body_text(p)) for p in range(first, last + 1))


@pytest.mark.parametrize("card_id", [LEVERAGE, ISOLATION, SANCTIONS])
def test_a_cards_text_reads_once_and_in_order_across_its_pages(
    shipped_book: Book, card_id: str
) -> None:
    """Qt paints a paragraph whole on every page it touches and clips the rest: the text the
    PDF holds has each part of a card once, in order, however its pages break."""
    card = SET.card(card_id)
    assert card is not None
    assert_reads_once_in_order(_card_text(shipped_book, card_id), card)


def test_a_row_moved_to_a_new_page_starts_right_under_the_repeated_head(
    shipped_book: Book,
) -> None:
    """The merged timeline repeats its column heads on every page; a row moved whole to the
    next page sits right under them, as a row that continues does (the row above must not
    reach over the break and show a sliver of empty cells there)."""
    first = dict((t, p) for _, t, p in shipped_book.outline())["Timeline"]
    assert shipped_book.on_page(first, "Timeline")
    gaps = []
    for page in range(first + 1, shipped_book.pages + 1):
        lines = shipped_book.body_lines(page)
        if not lines[0].text.startswith("DateEvent"):
            break
        gaps.append(lines[1].top - lines[0].top)
    assert len(gaps) >= 3
    assert max(gaps) - min(gaps) < 4, gaps
