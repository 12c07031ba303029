"""The source pane's text: a read-only view of a source document with its locators in the
margin, the cited passage tinted, the quotes marked, and the card's items on hover.

The margin is painted beside the text (as an editor paints line numbers), so the locators
never enter the text a reader selects and copies. A paragraph that some point, quote or
recommendation of the card cites has its locator in the accent colour and a bar beside it;
one that nothing cites has a lighter locator and a dotted bar: what the card leaves out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from reader.render import Theme
from reader.render.tooltips import safe_tooltip
from reader.ui.reading.citations import Citations, Item
from reader.ui.reading.source_document import SourceLayout, blend
from reader.verify.source_text import Paragraph

#: The quotes' extra selections carry this mark, so that the pane can read them back.
KIND = QTextFormat.Property.UserProperty + 1
QUOTE = "quote"
#: The margin is as wide as this locator, plus room for the bar.
WIDEST_LOCATOR = "§VIII ¶88"


def citing_text(paragraph: Paragraph, items: Sequence[Item]) -> str:
    """A paragraph's tooltip: which items of the card cite it, or that none does."""
    if not items:
        return f"{paragraph.locator}: not cited by this card"
    lines = [f"{paragraph.locator} is cited by:"]
    lines += [f"• {item.label}: {item.gist}" for item in items]
    return "\n".join(lines)


class LocatorMargin(QWidget):
    """The locators beside the text; a click on one acts as a click on its paragraph."""

    def __init__(self, view: SourceView) -> None:
        super().__init__(view)
        self._view = view
        self.setObjectName("sourceMargin")
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(self._view.margin_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._view.paint_margin(self, event.rect())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        paragraph = self._view.paragraph_at_y(event.position().y())
        if paragraph is not None:
            self._view.paragraph_clicked.emit(paragraph)

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            self._view.show_citing(event.pos().y(), event.globalPos())
            return True
        return super().event(event)


class SourceView(QTextEdit):
    #: A paragraph was clicked (in the text or on its locator).
    paragraph_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceText")
        self.setAccessibleName("Source text")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setMouseTracking(True)
        self._layout: SourceLayout | None = None
        self._owned: QTextDocument | None = None  # the last source document shown
        self._citations: Citations | None = None
        self._theme: Theme | None = None
        self._current: Paragraph | None = None
        self._tinted: list[int] = []  # block numbers of the passage shown
        self._press: QPoint | None = None
        self._selection_actions: list[QAction] = []
        self._paragraph_actions: list[QAction] = []
        #: The paragraph the context menu was opened on, for its paragraph commands.
        self.context_paragraph: Paragraph | None = None
        self.margin = LocatorMargin(self)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.margin.update())

    # -- what is shown --------------------------------------------------------------------

    @property
    def source_layout(self) -> SourceLayout | None:
        return self._layout

    @property
    def current(self) -> Paragraph | None:
        """The paragraph last shown or clicked (Next Cited Passage starts after it)."""
        return self._current

    def show_layout(self, layout: SourceLayout, citations: Citations | None, theme: Theme) -> None:
        """Show a source's document; the one shown before is deleted (a long source's
        document takes megabytes)."""
        self._layout, self._citations, self._theme = layout, citations, theme
        self._current = None
        self._tinted = []
        self.setDocument(layout.document)
        if self._owned is not None and self._owned is not layout.document:
            self._owned.deleteLater()
        self._owned = layout.document
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor(theme.background))
        palette.setColor(QPalette.ColorRole.Text, QColor(theme.text))
        self.setPalette(palette)
        self.setExtraSelections([])
        self._fit_margin()

    def clear_layout(self) -> None:
        """No source shown (the pane says why instead)."""
        self._layout = self._citations = None
        self._tinted = []
        self.setExtraSelections([])
        self.clear()

    # -- marking passages and quotes ------------------------------------------------------

    def mark(
        self,
        passage: Sequence[Paragraph],
        quotes: Sequence[tuple[Paragraph, int, int]],
        current: Paragraph | None,
    ) -> None:
        """Tint ``passage``'s paragraphs (painted behind the text, edge to edge: a block format
        would make Qt drop the layout of the blocks after it), mark the quotes' words, and
        scroll to ``current``."""
        layout, theme = self._layout, self._theme
        if layout is None or theme is None:
            return
        self._current = current
        self._tinted = [layout.block_of[paragraph] for paragraph in passage]
        self.viewport().update()
        selections: list[QTextEdit.ExtraSelection] = []
        for paragraph, start, end in quotes:
            block = layout.document.findBlockByNumber(layout.block_of[paragraph])
            cursor = QTextCursor(block)
            cursor.setPosition(block.position() + start)
            cursor.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
            highlight = theme.highlight
            selections.append(
                self._selection(cursor, QUOTE, QColor(highlight.background), highlight.text)
            )
        self.setExtraSelections(selections)
        if current is not None:
            self.scroll_to(current)
        self.margin.update()

    @staticmethod
    def _selection(
        cursor: QTextCursor, kind: str, background: QColor, text: str
    ) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        fmt = selection.format
        fmt.setBackground(background)
        fmt.setForeground(QColor(text))
        fmt.setProperty(KIND, kind)
        selection.format = fmt
        return selection

    def tinted_blocks(self) -> list[int]:
        """The numbers of the blocks tinted as the passage shown, in order."""
        return sorted(self._tinted)

    def passage(self) -> list[Paragraph]:
        """The paragraphs tinted as the passage shown."""
        if self._layout is None:
            return []
        return [self._layout.paragraph_at[number] for number in self.tinted_blocks()]

    def paintEvent(self, event: QPaintEvent) -> None:
        """The passage's tint first, the text over it."""
        if self._tinted and self._theme is not None:
            painter = QPainter(self.viewport())
            tint = blend(self._theme.accent, self._theme.background, 0.16)
            offset = self.verticalScrollBar().value()
            for number in self._tinted:
                block = self.document().findBlockByNumber(number)
                rect = self.document().documentLayout().blockBoundingRect(block)
                rect.translate(0, -offset)
                if rect.intersects(QRectF(event.rect())):
                    painter.fillRect(rect.adjusted(-6, -4, 6, 4), tint)
            painter.end()
        super().paintEvent(event)

    def quotes(self) -> list[tuple[Paragraph, str]]:
        """The quotes' words as marked: each paragraph and the marked text."""
        if self._layout is None:
            return []
        found = []
        for selection in self.extraSelections():
            if selection.format.property(KIND) == QUOTE:
                cursor: QTextCursor = selection.cursor
                paragraph = self._layout.paragraph_at.get(cursor.block().blockNumber())
                if paragraph is not None:
                    found.append((paragraph, cursor.selectedText()))
        return found

    def scroll_to(self, paragraph: Paragraph) -> None:
        """Show ``paragraph`` a little below the top of the view."""
        rect = self.paragraph_rect(paragraph)
        if rect is None:
            return
        bar = self.verticalScrollBar()
        bar.setValue(max(0, int(rect.top()) - self.viewport().height() // 6))

    # -- geometry -------------------------------------------------------------------------

    def paragraph_rect(self, paragraph: Paragraph) -> QRectF | None:
        """``paragraph``'s block in document coordinates."""
        if self._layout is None or paragraph not in self._layout.block_of:
            return None
        block = self.document().findBlockByNumber(self._layout.block_of[paragraph])
        return self.document().documentLayout().blockBoundingRect(block)

    def paragraph_at_y(self, y: float) -> Paragraph | None:
        """The paragraph at height ``y`` of the viewport (or the margin), if any."""
        if self._layout is None:
            return None
        cursor = self.cursorForPosition(QPoint(10, int(y)))
        return self._layout.paragraph_at.get(cursor.block().blockNumber())

    def margin_width(self) -> int:
        font = QFont(self.document().defaultFont())
        font.setPointSizeF(font.pointSizeF() * 0.8)
        return int(QFontMetricsF(font).horizontalAdvance(WIDEST_LOCATOR)) + 18

    def _fit_margin(self) -> None:
        width = self.margin_width()
        self.setViewportMargins(width, 0, 0, 0)
        rect = self.contentsRect()
        self.margin.setGeometry(QRect(rect.left(), rect.top(), width, rect.height()))
        self.margin.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_margin()

    # -- the margin -----------------------------------------------------------------------

    def paint_margin(self, margin: QWidget, clip: QRect) -> None:
        layout, theme = self._layout, self._theme
        painter = QPainter(margin)
        background = (
            QColor(theme.background) if theme else self.palette().color(QPalette.ColorRole.Base)
        )
        painter.fillRect(clip, background)
        if layout is None or theme is None:
            return
        font = QFont(self.document().defaultFont())
        font.setPointSizeF(font.pointSizeF() * 0.8)
        offset = self.verticalScrollBar().value()
        width = margin.width()
        # From the first block in view down: a long source has thousands of paragraphs.
        block = self.cursorForPosition(QPoint(0, max(0, clip.top()))).block()
        while block.isValid():
            rect = self.document().documentLayout().blockBoundingRect(block)
            top = rect.top() - offset
            if top > clip.bottom():
                break
            paragraph = layout.paragraph_at.get(block.blockNumber())
            if paragraph is not None:
                cited = bool(self._citations and self._citations.citing(paragraph))
                self._paint_locator(painter, font, paragraph, rect, top, width, cited, theme)
            block = block.next()
        painter.end()

    def _paint_locator(
        self,
        painter: QPainter,
        font: QFont,
        paragraph: Paragraph,
        rect: QRectF,
        top: float,
        width: int,
        cited: bool,
        theme: Theme,
    ) -> None:
        margin = self.document().documentMargin()
        # Not cited: muted, thin and dotted, but at full strength (4.5:1, the contrast test).
        colour = QColor(theme.accent if cited else theme.muted)
        font.setBold(cited or paragraph == self._current)
        painter.setFont(font)
        painter.setPen(colour)
        text_rect = QRectF(0, top + margin, width - 12, QFontMetricsF(font).height() * 1.4)
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(text_rect, int(align), paragraph.locator)
        pen = QPen(colour, 3 if cited else 1)
        if not cited:
            pen.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(pen)
        x = width - 5
        painter.drawLine(x, int(top + margin), x, int(top + margin + rect.height() - margin))

    # -- hover and click ------------------------------------------------------------------

    def show_citing(self, y: float, global_pos: QPoint) -> None:
        paragraph = self.paragraph_at_y(y)
        if paragraph is None or self._citations is None:
            QToolTip.hideText()
            return
        text = citing_text(paragraph, self._citations.citing(paragraph))
        QToolTip.showText(global_pos, safe_tooltip(text))

    def viewportEvent(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            self.show_citing(event.pos().y(), event.globalPos())
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        here = event.position().toPoint()
        # A click, not the end of a drag that selected words to copy.
        if self._press is not None and (here - self._press).manhattanLength() < 4:
            paragraph = self.paragraph_at_y(here.y())
            if paragraph is not None:
                self.paragraph_clicked.emit(paragraph)
        self._press = None

    def set_selection_actions(self, actions: list[QAction]) -> None:
        """Commands on the words selected (Add Selection as Quote), first in the context menu."""
        self._selection_actions = list(actions)

    def set_paragraph_actions(self, actions: list[QAction]) -> None:
        """Commands on the paragraph right-clicked (Article Starts Here), after the others;
        they read :attr:`context_paragraph`."""
        self._paragraph_actions = list(actions)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        shown = [a for a in self._selection_actions if a.isVisible()]
        if shown and menu.actions():
            first = menu.actions()[0]
            menu.insertActions(first, shown)
            menu.insertSeparator(first)
        self.context_paragraph = self.paragraph_at_y(event.pos().y())
        on_paragraph = [a for a in self._paragraph_actions if a.isVisible()]
        if on_paragraph and self.context_paragraph is not None:
            menu.addSeparator()
            menu.addActions(on_paragraph)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        """Refuse every resource: the text is plain, and stays so."""
        return None
