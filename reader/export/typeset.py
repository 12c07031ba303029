"""Sections onto paper with Qt: lay out every section first, then paint the pages.

Laying out before painting is what makes "page X of Y" and the page numbers in the contents
possible: QTextDocument paginates a document exactly (lines never straddle a page, table rows
split between lines and repeat their header rows), so its page count is known before any page
is drawn. Each page then paints one page-high slice of the document under a running header
and above a footer.

Before painting, page breaks are moved to where a reader expects them
(:mod:`reader.export.pagination`) and paragraphs are cut at the breaks
(:mod:`reader.export.breaks`).

The documents are laid out against the output device itself (a QPdfWriter or a QPrinter), so
type is measured at the resolution it is drawn at; the style sheet's pixel lengths are 96-dpi
pixels, which Qt scales to the device. Nothing here knows what a section shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextOption,
    QTextTable,
)

from reader.export.breaks import (
    Edit,
    margins_above_tables,
    page_offsets,
    replay,
    split_at_pages,
)
from reader.export.pagination import keep_together
from reader.export.sections import Kind, Section, page_label
from reader.render import Theme

#: Body type size on paper: a little larger than a dense screen, as printed reports use.
PRINT_POINT_SIZE = 10.0
#: Paper margins (mm): wide enough for any printer's unprintable edge and for binding.
SIDE_MARGIN_MM = 20.0
EDGE_MARGIN_MM = 12.0
#: Height of the running header and footer bands inside the margins, and their type size.
BAND_MM = 10.0
BAND_POINT_SIZE = 7.5
#: Where a one-page cover starts: this share of the free space goes above it.
COVER_DROP = 0.28

DocumentFactory = Callable[[str], QTextDocument]


@dataclass(frozen=True, slots=True)
class PageGeometry:
    """One orientation of the paper, in device units (origin: the margins' top left)."""

    layout: QPageLayout
    paint: QRectF
    body: QRectF
    band: float

    @classmethod
    def of(cls, page_size: QPageSize, landscape: bool, dpi: int) -> PageGeometry:
        orientation = (
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )
        margins = QMarginsF(SIDE_MARGIN_MM, EDGE_MARGIN_MM, SIDE_MARGIN_MM, EDGE_MARGIN_MM)
        layout = QPageLayout(page_size, orientation, margins, QPageLayout.Unit.Millimeter)
        full = QRectF(layout.paintRectPixels(dpi))
        paint = QRectF(0, 0, full.width(), full.height())
        band = BAND_MM / 25.4 * dpi
        body = paint.adjusted(0, band, 0, -band)
        return cls(layout, paint, body, band)


@dataclass(slots=True)
class LaidOut:
    """A section's document, paginated for its orientation."""

    section: Section
    #: None once released: the painter lays the section out again (see ``Typesetter``).
    document: QTextDocument | None
    pages: int
    #: Per page, how far down the document the page starts below its nominal top
    #: (:func:`~reader.export.breaks.page_offsets`); for a released document, worked out
    #: when it is laid out again to be painted.
    offsets: tuple[float, ...]
    #: The page breaks moved, to lay the section out again without searching for them.
    edits: tuple[Edit, ...]
    #: 1-based number of the section's first page in the book; set once all are laid out.
    first_page: int = 0


def print_palette(theme: Theme) -> QPalette:
    """Ink colours for paper, whatever the window's palette (a dark UI must not print white)."""
    palette = QPalette()
    text = QColor(theme.text)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        palette.setColor(role, text)
    palette.setColor(QPalette.ColorRole.Link, QColor(theme.accent))
    palette.setColor(QPalette.ColorRole.Base, QColor(theme.background))
    return palette


class Typesetter:
    """Lays out sections for one paged device and paints them, page after page."""

    def __init__(
        self,
        device: QPagedPaintDevice,
        page_size: QPageSize,
        make_document: DocumentFactory,
        theme: Theme,
    ) -> None:
        self._device = device
        self._make = make_document
        self._theme = theme
        dpi = device.logicalDpiY()
        self._dpi = dpi
        # A printer cannot change its page layout once printing has begun (Qt refuses, with
        # a warning), so on paper every section takes the printer's orientation; the PDF
        # writer turns wide sections to landscape.
        self._turns = isinstance(device, QPdfWriter)
        chosen = device.pageLayout().orientation() == QPageLayout.Orientation.Landscape
        self._geometry = {
            landscape: PageGeometry.of(page_size, landscape if self._turns else chosen, dpi)
            for landscape in (False, True)
        }
        self._palette = print_palette(theme)
        self._band_font = QFont(make_document("").defaultFont())
        self._band_font.setPointSizeF(BAND_POINT_SIZE)
        self._band_font.setFeature(QFont.Tag("liga"), 0)

    def geometry(self, landscape: bool) -> PageGeometry:
        return self._geometry[landscape]

    def lay_out(self, section: Section, *, keep: bool = True) -> LaidOut:
        """Paginate ``section``; with ``keep=False`` only its page count is kept.

        A laid-out card holds about half a megabyte; a thousand-card book releases each one
        and lays it out again when its pages are painted, trading a little time for memory.
        """
        doc, edits = self._document(section, painted=keep)
        if not keep:  # cut at the breaks and measured when laid out again to be painted
            return LaidOut(section, None, doc.pageCount(), (), edits)
        height = self.geometry(section.landscape).body.height()
        return LaidOut(section, doc, doc.pageCount(), page_offsets(doc, height), edits)

    def _document(
        self, section: Section, edits: tuple[Edit, ...] | None = None, *, painted: bool = True
    ) -> tuple[QTextDocument, tuple[Edit, ...]]:
        """The section's document, paginated; the page breaks it moved (``edits`` again, when
        given: they are made without searching). Unless it is to be ``painted``, its
        paragraphs are not cut at the page breaks (:func:`split_at_pages` moves no line)."""
        doc = self._make(section.markup())
        margins_above_tables(doc)
        if edits is not None:
            # Before the page size: setting it lays the whole document out afresh. Made while
            # Qt is part way through a lazy layout, the edits would leave paragraphs unlaid.
            replay(doc, edits)
        doc.setDocumentMargin(0)
        # No "fi"/"fl" ligatures: a ligature glyph extracts as U+FB01/U+FB02, and a search for
        # "flirting" in the PDF would miss the word.
        font = doc.defaultFont()
        font.setFeature(QFont.Tag("liga"), 0)
        doc.setDefaultFont(font)
        option = doc.defaultTextOption()
        # A long URL or an unbroken run of characters must wrap, never run off the page.
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        # An empty page size while the layout is made: Qt lays a new layout out at once
        # against the screen and without a page (a whole table, in a comparison view), all
        # of it thrown away when the device and the page are set; some 20 % of the export.
        doc.setPageSize(QSizeF(0, 0))
        doc.documentLayout().setPaintDevice(self._device)
        body = self.geometry(section.landscape).body
        doc.setPageSize(body.size())
        if edits is None:
            edits = keep_together(doc, body.height())
        if painted:
            split_at_pages(doc, body.height())
        return doc, edits

    def _document_of(self, laid: LaidOut) -> QTextDocument:
        if laid.document is not None:
            return laid.document
        doc, _ = self._document(laid.section, laid.edits)
        if doc.pageCount() != laid.pages:
            raise RuntimeError(f"'{laid.section.title}' paginated differently the second time")
        height = self.geometry(laid.section.landscape).body.height()
        laid.offsets = page_offsets(doc, height)
        return doc

    def page_slice(self, laid: LaidOut, index: int) -> tuple[float, float]:
        """Where page ``index`` of ``laid`` starts and ends in its document: the part drawn in
        the page's body, its start at the body's top.

        A page that opens below its nominal top (margins carried over the break) is drawn
        that much higher, so that the blank goes to its foot; nothing above its first line
        is drawn, so nothing reaches into the running header.
        """
        height = self.geometry(laid.section.landscape).body.height()
        return index * height + laid.offsets[index], (index + 1) * height

    # --- painting ----------------------------------------------------------------------------

    def begin(self, first: LaidOut) -> QPainter:
        """Open the painter on the device, set up for the first section's orientation."""
        self._device.setPageLayout(self.geometry(first.section.landscape).layout)
        painter = QPainter()
        if not painter.begin(self._device):
            raise OSError("the PDF writer could not start a page")
        return painter

    def paint(
        self,
        painter: QPainter,
        laid: LaidOut,
        *,
        set_title: str,
        total: int,
        first_in_book: bool,
    ) -> None:
        """Paint every page of one section, starting it on a new page."""
        geometry = self.geometry(laid.section.landscape)
        doc = self._document_of(laid)
        for i in range(laid.pages):
            if not (first_in_book and i == 0):
                if i == 0 and self._turns:
                    self._device.setPageLayout(geometry.layout)
                if not self._device.newPage():
                    raise OSError("the PDF writer could not start a new page")
            if laid.section.running_header:
                self._bands(painter, geometry, laid, set_title, laid.first_page + i, total)
            self._body(painter, geometry, laid, doc, i)

    def _body(
        self,
        painter: QPainter,
        geometry: PageGeometry,
        laid: LaidOut,
        doc: QTextDocument,
        index: int,
    ) -> None:
        body = geometry.body
        height = body.height()
        offset = 0.0
        if laid.section.kind is Kind.COVER and laid.pages == 1:
            used = doc.documentLayout().blockBoundingRect(doc.lastBlock())
            offset = max(0.0, (height - used.bottom()) * COVER_DROP)
        # The slice of the document on this page; the clip is wider than the body so italic
        # overhangs and table borders at the edges are not shaved off.
        slack = 2 / 25.4 * self._dpi
        top, bottom = self.page_slice(laid, index)
        clip = QRectF(-slack, top, body.width() + 2 * slack, bottom - top)
        painter.save()
        painter.translate(body.left(), body.top() + offset - top)
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        # A hair inside the page: a paragraph that ends exactly on the break, or starts
        # exactly on it, belongs to one page only.
        hair = self._dpi / 720
        context.clip = clip.adjusted(0, hair, 0, -hair)
        context.palette = self._palette
        doc.documentLayout().draw(painter, context)
        self._close_tables(painter, doc, bottom)
        painter.restore()

    def _close_tables(self, painter: QPainter, doc: QTextDocument, bottom: float) -> None:
        """Rule the foot of every ruled table that goes on past the page ending at ``bottom``.

        Qt runs the cells' side rules of such a table down to the last row's padding above
        the page's foot and draws no rule under them, so the columns just run out (P7 of the
        second review); the next page opens with the table's heads repeated.
        """
        layout = doc.documentLayout()
        scale = self._dpi / 96
        for frame in doc.rootFrame().childFrames():
            if not isinstance(frame, QTextTable) or (fmt := frame.format()).border() <= 0:
                continue
            rect = layout.frameBoundingRect(frame)
            if not rect.top() < bottom < rect.bottom():
                continue
            # The outer rules, from the first and the last column's text and the padding.
            pad = (fmt.cellPadding() + fmt.border()) * scale
            row = frame.cellAt(frame.rows() - 1, 0).row()
            first = frame.cellAt(row, 0).firstCursorPosition().block()
            last = frame.cellAt(row, frame.columns() - 1).firstCursorPosition().block()
            left = layout.blockBoundingRect(first).left() - pad
            right = layout.blockBoundingRect(last).right() + pad
            pen = QPen(fmt.borderBrush().color(), fmt.border() * scale)
            painter.setPen(pen)
            y = bottom - fmt.cellPadding() * scale
            painter.drawLine(QLineF(left, y, right, y))

    def _bands(
        self,
        painter: QPainter,
        geometry: PageGeometry,
        laid: LaidOut,
        set_title: str,
        page: int,
        total: int,
    ) -> None:
        """Running header (set title | section) over a hairline, footer (source | page)."""
        painter.save()
        font = self._band_font
        painter.setFont(font)
        metrics = QFontMetricsF(font, self._device)
        width = geometry.paint.width()
        line = metrics.height()
        gap = width * 0.04
        muted = QColor(self._theme.muted)
        painter.setPen(muted)

        def text(x: float, y: float, w: float, value: str, align: Qt.AlignmentFlag) -> None:
            elided = metrics.elidedText(value, Qt.TextElideMode.ElideRight, w)
            painter.drawText(
                QRectF(x, y, w, line), int(align | Qt.AlignmentFlag.AlignVCenter), elided
            )

        header_y = geometry.body.top() - geometry.band * 0.55 - line
        right = laid.section.header
        right_w = min(metrics.horizontalAdvance(right), (width - gap) / 2) if right else 0.0
        text(
            0,
            header_y,
            width - right_w - (gap if right else 0),
            set_title,
            Qt.AlignmentFlag.AlignLeft,
        )
        if right:
            text(width - right_w, header_y, right_w, right, Qt.AlignmentFlag.AlignRight)
        rule_y = header_y + line + geometry.band * 0.15
        pen = QPen(QColor(self._theme.rule))
        pen.setWidthF(0.6 / 72 * self._dpi)
        painter.setPen(pen)
        painter.drawLine(QLineF(0, rule_y, width, rule_y))

        painter.setPen(muted)
        footer_y = geometry.body.bottom() + geometry.band * 0.55
        label = page_label(page, total)
        label_w = metrics.horizontalAdvance(label) + 1
        if laid.section.footer:
            text(
                0, footer_y, width - label_w - gap, laid.section.footer, Qt.AlignmentFlag.AlignLeft
            )
        text(width - label_w, footer_y, label_w, label, Qt.AlignmentFlag.AlignRight)
        painter.restore()
