"""A ruled table broken at a page's foot is closed there by a rule (P7 of the second review):
Qt runs the side rules of its columns down to the foot and draws none under them.

Painted, not read from a PDF: one page of the shipped book's merged timeline is painted by the
export's own typesetter into a small image, scaled down from the device's resolution.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter

from reader.export.pdf import RESOLUTION, lay_out, page_size_of
from reader.export.sections import Kind
from reader.render.comparison import TIMELINE_TITLE
from tests.conftest import SHIPPED_CARDS
from tests.export.layout import request_for

#: Image pixels per device unit: the page at 60 dpi.
SCALE = 60 / RESOLUTION


def test_a_table_broken_at_a_page_foot_is_ruled_there(qapp: object) -> None:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    request = request_for(SHIPPED_CARDS, index=False)
    typesetter, book, _ = lay_out(request, writer, page_size_of(request.page_size))
    timeline = next(
        s
        for s in book.sections
        if s.section.kind is Kind.COMPARISON and s.section.title == TIMELINE_TITLE
    )
    assert timeline.pages > 1
    geometry = typesetter.geometry(timeline.section.landscape)
    assert timeline.document is not None
    page = geometry.paint
    image = QImage(
        round(page.width() * SCALE), round(page.height() * SCALE), QImage.Format.Format_RGB32
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(SCALE, SCALE)
    typesetter._body(painter, geometry, timeline, timeline.document, 0)
    painter.end()
    # The table's outer side rules run to the foot: the rule under them joins them.
    body = geometry.body
    left, right = (
        round((body.left() + dx) * SCALE) for dx in (body.width() * 0.1, body.width() * 0.9)
    )
    foot = round(body.bottom() * SCALE)

    def ruled(y: int) -> bool:
        dark = [image.pixelColor(x, y).lightness() < 220 for x in range(left, right)]
        return sum(dark) > 0.95 * len(dark)

    assert any(ruled(y) for y in range(foot - 6, foot + 1)), "no rule closes the table"
