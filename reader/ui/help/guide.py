"""Help › Card Format Guide: the guide that ships with the cards (cards/README.md), in the app.

The guide is the same file the repository shows, rendered through the safe Markdown path
(:mod:`reader.render.guide`: no raw HTML, no images, links only to the web or to its own
sections) into a :class:`~reader.qt.document.SafeTextDocument` that loads nothing, in the card
theme's colours and type. Its section links move within it; web links open in the browser.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.cards.resources import shipped_cards_dir
from reader.qt.document import SafeTextDocument
from reader.render import is_safe_url
from reader.render.guide import guide_to_html
from reader.render.theme import stylesheet
from reader.ui.compare.style import paint_with_theme
from reader.ui.help.single import show_once
from reader.ui.palette import card_theme

#: Where the guide lives, installed or in a checkout.
GUIDE_NAME = "README.md"


class FormatGuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formatGuideDialog")
        self.setWindowTitle("Card Format Guide")
        self.setAccessibleName("Card Format Guide")

        self.view = QTextBrowser(self)
        self.view.setObjectName("formatGuide")
        self.view.setAccessibleName("Card format guide")
        self.view.setOpenLinks(False)
        self.view.anchorClicked.connect(self._follow)
        self.view.setDocument(self._document())

        self.find_box = QLineEdit(self)
        self.find_box.setObjectName("guideFind")
        self.find_box.setAccessibleName("Find in the guide")
        self.find_box.setPlaceholderText("Find in the guide (Enter: next)")
        self.find_box.setClearButtonEnabled(True)
        self.find_box.returnPressed.connect(self.find_next)
        found = QLabel("&Find:", self)
        found.setBuddy(self.find_box)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        bar = QHBoxLayout()
        bar.addWidget(found)
        bar.addWidget(self.find_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(820, 680)

    def _document(self) -> SafeTextDocument:
        theme = card_theme(QGuiApplication.palette())
        paint_with_theme(self.view, theme)
        size = max(10.5, QGuiApplication.font().pointSizeF() * 1.05)
        doc = SafeTextDocument(self.view)
        font = doc.defaultFont()
        font.setPointSizeF(size)
        doc.setDefaultFont(font)
        doc.setDocumentMargin(18)
        doc.setDefaultStyleSheet(stylesheet(theme, size) + _TABLES.format(rule=theme.rule))
        text = (shipped_cards_dir() / GUIDE_NAME).read_text(encoding="utf-8")
        doc.setHtml(guide_to_html(text))
        return doc

    def _follow(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("#"):
            self.view.scrollToAnchor(target[1:])
        elif is_safe_url(target):
            QDesktopServices.openUrl(url)

    def find_next(self) -> bool:
        """Select the next place the find box's text occurs, from the top after the last."""
        text = self.find_box.text()
        if not text:
            return False
        if self.view.find(text):
            return True
        cursor = self.view.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.view.setTextCursor(cursor)
        return self.view.find(text, QTextDocument.FindFlag(0))


#: Tables and code in the guide: ruled cells, code blocks set apart.
_TABLES = """
table {{ border-collapse: collapse; margin-bottom: 12px; }}
th, td {{ border: 1px solid {rule}; padding: 4px 6px; }}
th {{ font-weight: 600; }}
pre {{ margin-left: 12px; margin-bottom: 12px; }}
"""


def show_format_guide(parent: QWidget) -> FormatGuideDialog:
    return show_once(parent, FormatGuideDialog, FormatGuideDialog)
