"""File › Print Card…: the open card alone on paper, set as the export sets it.

File › Print… prints the cards shown as a briefing book (cover, contents, every card); a
reader who wants the one card on the desk gets only its pages here, without the book around
it. The card is laid out and painted by the export's own typesetter
(:class:`reader.export.typeset.Typesetter`), so it breaks across pages and carries its running
head exactly as in the PDF.
"""

from __future__ import annotations

from PySide6.QtGui import QPagedPaintDevice
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from reader.cards.model import Card, SetInfo
from reader.export.book import card_section
from reader.export.pdf import page_size_of, print_document
from reader.export.typeset import Typesetter
from reader.render import LIGHT


def paint_card(card: Card, info: SetInfo, device: QPagedPaintDevice) -> int:
    """Paint ``card`` on ``device`` (a printer, a preview) as the PDF sets it; its page count."""
    typesetter = Typesetter(device, device.pageLayout().pageSize(), print_document, LIGHT)
    laid = typesetter.lay_out(card_section(card, info))
    laid.first_page = 1
    painter = typesetter.begin(laid)
    try:
        typesetter.paint(painter, laid, set_title=info.title, total=laid.pages, first_in_book=True)
    finally:
        painter.end()
    return laid.pages


def preview_card(card: Card, info: SetInfo, paper: str, parent: QWidget) -> QPrintPreviewDialog:
    """Open Qt's print preview of ``card`` on ``paper`` ("A4", "Letter"); the dialog."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(card.title)
    printer.setPageSize(page_size_of(paper))
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"Print Preview: {card.title}")
    dialog.setAccessibleName("Print preview of the card")
    dialog.paintRequested.connect(lambda device: paint_card(card, info, device))
    dialog.open()
    return dialog
