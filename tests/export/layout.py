"""Where text sits on the pages of a laid-out book, read from Qt's layout: no painting, no PDF.

The page breaks are decided on the laid-out documents (:mod:`reader.export.pagination` moves
them, :mod:`reader.export.breaks` cuts paragraphs at them), so the tests of those rules read
the documents the export paints, laid out by the export's own pipeline
(:func:`reader.export.pdf.lay_out` on a PDF writer). That takes a fraction of a PDF round trip:
reading one page back with pypdf costs more than laying out a whole card.

Lines come as :class:`tests.export.paper.Line`, in the units :func:`tests.export.paper.body_lines`
reads from a PDF: baselines in points from the page's top edge, left edges in points from its
left edge, each page's slice of its document placed where the typesetter draws it
(:meth:`reader.export.typeset.Typesetter.page_slice`). What the painter adds on top (running
header and footer, a table's column heads repeated on each page it continues on, the lines Qt
paints again under the clip) is not here: the end-to-end tests read those from the PDF.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QAbstractTextDocumentLayout, QPdfWriter, QTextBlock

from reader.cards.catalog import MemoryCatalog
from reader.cards.load import load_set
from reader.cards.query import Query
from reader.export.book import BookRequest, select
from reader.export.breaks import cell_of, line_pages, outermost
from reader.export.pdf import RESOLUTION, lay_out, page_size_of
from reader.export.sections import Kind, Section
from reader.export.typeset import EDGE_MARGIN_MM, SIDE_MARGIN_MM, LaidOut, Typesetter
from tests.export.conftest import EPOCH
from tests.export.paper import Line, printed_lines

_POINTS_PER_UNIT = 72 / RESOLUTION
_EDGE_PT = EDGE_MARGIN_MM / 25.4 * 72
_SIDE_PT = SIDE_MARGIN_MM / 25.4 * 72
#: What keeps a tag's parts together in the card view; the PDF's text reads it as a space.
_WORD_JOINER = "\u2060"


@dataclass(frozen=True)
class Page:
    """One page of the body of a laid-out book."""

    #: 1-based, as the book prints it.
    number: int
    section: Section
    #: 0-based page of its section.
    index: int
    #: Whether the next page starts another section.
    last_of_section: bool
    #: Printed lines, top to bottom (runs on one baseline joined, as read from a PDF).
    lines: list[Line]
    #: The page's text in document order (a table cell whole, then the next).
    text: str
    #: On a page that continues a table with column heads, which the painter repeats above
    #: its first line: how far (points) below the heads' first baseline that line is printed
    #: when heads and rows are together; 0 on other pages.
    head: float


@dataclass(frozen=True)
class LaidBook:
    pages: list[Page]
    #: Paragraphs with text in the book.
    paragraphs: int
    #: Each paragraph whose lines are on more than one page: (first page number, its text).
    over_a_break: list[tuple[int, str]]

    def page(self, number: int) -> Page:
        return self.pages[number - 1]

    def from_page(self, number: int) -> Iterator[Page]:
        """Pages ``number`` to the last."""
        return iter(self.pages[number - 1 :])

    def section(self, kind: Kind, title: str | None = None) -> list[Page]:
        """The pages of the first section of ``kind`` (titled ``title``, when given)."""
        found = [
            p for p in self.pages if p.section.kind is kind and title in (None, p.section.title)
        ]
        assert found, (kind, title)
        return [p for p in found if p.section is found[0].section]


def request_for(
    root: Path,
    *,
    compare: Sequence[str] = (),
    page_size: str = "A4",
    index: bool = True,
) -> BookRequest:
    """What ``briefing-reader export ROOT`` asks for with these options, at the tests' epoch;
    every card of the set must load without errors."""
    card_set = load_set(root)
    assert not [p for p in card_set.problems if p.is_error], card_set.problems
    return select(
        MemoryCatalog(card_set),
        Query(),
        compare_ids=compare,
        exported=datetime.fromtimestamp(int(EPOCH), UTC),
        page_size=page_size,
        index=index,
    )


def lay_out_book(request: BookRequest) -> LaidBook:
    """The book the PDF export of ``request`` would paint, page by page."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    typesetter, book, _ = lay_out(request, writer, page_size_of(request.page_size))
    pages: list[Page] = []
    paragraphs: list[int] = []
    over: list[tuple[int, str]] = []
    for laid in book.sections:
        read = _read(typesetter, laid)
        for index, (lines, text, head) in enumerate(read.pages):
            last = index == laid.pages - 1
            page = Page(laid.first_page + index, laid.section, index, last, lines, text, head)
            pages.append(page)
        paragraphs.append(read.paragraphs)
        over += [(laid.first_page + index, text) for index, text in read.over_a_break]
    assert [p.number for p in pages] == list(range(1, book.pages + 1))
    return LaidBook(pages, sum(paragraphs), over)


@dataclass(frozen=True)
class _Read:
    """A laid-out section's pages (printed lines, text, repeated head) and paragraphs."""

    pages: list[tuple[list[Line], str, float]]
    paragraphs: int
    #: (index of the first page, text) of each paragraph whose lines are on several pages.
    over_a_break: list[tuple[int, str]]


def _read(typesetter: Typesetter, laid: LaidOut) -> _Read:
    """Each page of a laid-out section: its printed lines, its text and its repeated head."""
    doc = laid.document
    assert doc is not None, "a book this small keeps its documents"
    geometry = typesetter.geometry(laid.section.landscape)
    height = geometry.body.height()
    layout = doc.documentLayout()
    runs: list[list[tuple[float, float, str]]] = [[] for _ in range(laid.pages)]
    heads = [0.0] * laid.pages
    paragraphs, over = 0, []
    block = doc.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        lines = block.layout()
        on = line_pages(layout, block, height)
        if on and block.text().strip():
            paragraphs += 1
            if on[0] != on[-1]:
                over.append((on[0], block.text()))
        for i, page in enumerate(on):
            line = lines.lineAt(i)
            text = block.text()[line.textStart() : line.textStart() + line.textLength()]
            # As the PDF reads: no space after the last word, a space for a word joiner.
            text = text.replace(_WORD_JOINER, " ").rstrip()
            if not text:
                continue
            top, _ = typesetter.page_slice(laid, page)
            baseline = geometry.body.top() + rect.top() + line.y() + line.ascent() - top
            left = geometry.body.left() + rect.left() + line.naturalTextRect().left()
            where = (_EDGE_PT + baseline * _POINTS_PER_UNIT, _SIDE_PT + left * _POINTS_PER_UNIT)
            if not runs[page]:
                heads[page] = _head(layout, block, page, height)
            runs[page].append((*where, text))
        block = block.next()
    texts = ["".join(text for _, _, text in page) for page in runs]
    return _Read(list(zip(map(printed_lines, runs), texts, heads, strict=True)), paragraphs, over)


def _head(
    layout: QAbstractTextDocumentLayout, first: QTextBlock, page: int, height: float
) -> float:
    """For ``first``, the first paragraph on ``page``: the distance (points) from the first
    baseline of the column heads to that of the first row under them where its table begins,
    if ``first`` continues a table with heads from an earlier page; else 0."""
    where = cell_of(first)
    if where is None:
        return 0.0
    table = outermost(where[0])
    rows = table.format().headerRowCount()
    head = table.cellAt(0, 0).firstCursorPosition().block()
    if rows == 0 or line_pages(layout, head, height)[0] == page:
        return 0.0
    below = table.cellAt(rows, 0).firstCursorPosition().block()
    assert line_pages(layout, below, height)[0] == line_pages(layout, head, height)[0]

    def baseline(block: QTextBlock) -> float:
        line = block.layout().lineAt(0)
        return layout.blockBoundingRect(block).top() + line.y() + line.ascent()

    return (baseline(below) - baseline(head)) * _POINTS_PER_UNIT
