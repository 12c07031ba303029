"""File › Print Card…: the open card alone, laid out as the PDF lays it out, without the
book's cover, contents or other cards (review #27: Print… previewed the whole 44-page book)."""

from __future__ import annotations

import io

from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QPageSize, QPdfWriter
from PySide6.QtPrintSupport import QPrintPreviewWidget
from pytestqt.qtbot import QtBot

from reader.ui.export.print_card import paint_card
from reader.ui.main_window import MainWindow
from tests.ui.conftest import CRISIS_GROUP, SANCTIONS


def _squash(text: str) -> str:
    return "".join(text.split())


def test_print_card_prints_the_open_card_alone(qtbot: QtBot, window: MainWindow) -> None:
    assert not window.commands.print_card.isEnabled()  # the overview: no card to print
    window.session.open_card(SANCTIONS)
    assert window.commands.print_card.isEnabled()
    window.commands.print_card.trigger()
    dialog = window.aids.preview
    assert dialog is not None
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() > 0)

    # The same painting into a PDF, read back: the card's pages and nothing else.
    catalog = window.session.catalog
    assert catalog is not None
    card, other = catalog.card(SANCTIONS), catalog.card(CRISIS_GROUP)
    assert card is not None
    assert other is not None
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    pages = paint_card(card, catalog.info, writer)
    del writer  # ends the PDF
    buffer.close()
    reader = PdfReader(io.BytesIO(bytes(data.data())))
    assert len(reader.pages) == pages == preview.pageCount()
    first, last = (_squash(reader.pages[i].extract_text()) for i in (0, -1))
    assert _squash(card.title) in first  # it starts with the card, not a cover or contents
    assert f"Page1of{pages}" in first
    assert f"Page{pages}of{pages}" in last
    assert _squash(other.title) not in last  # no other card follows
    dialog.close()
