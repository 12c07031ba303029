"""A read-only rich-text pane that loads nothing and follows no link.

The ledger and the matrix's detail pane show untrusted card text; like the card view, this
pane refuses every resource and never navigates, whatever the HTML asks for.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser, QWidget

from reader.qt.document import SafeTextDocument
from reader.render.theme import Theme, stylesheet


class SafeBrowser(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = SafeTextDocument(self)
        self.setDocument(self._doc)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def show_html(self, html: str, theme: Theme, point_size: float) -> None:
        font = self._doc.defaultFont()
        font.setPointSizeF(point_size)
        self._doc.setDefaultFont(font)
        self._doc.setDefaultStyleSheet(stylesheet(theme, point_size))
        self._doc.setDocumentMargin(12)
        self.setHtml(html)
        # A new page starts at its top, even when set while the pane was still tiny (Qt then
        # scrolls to keep the cursor's first line in view).
        self.verticalScrollBar().setValue(0)

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        return None

    def setSource(self, name: QUrl | str, type: Any = None) -> None:
        """Never navigate: the pane shows one page."""
