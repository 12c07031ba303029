"""The compare view's column headers, each with a ✕ that takes its card out of the comparison.

"Remove Column" acted on the current cell, which a reader cannot see is chosen: a click on a
header's ✕ says which card goes. A click elsewhere on the header opens the card, a drag moves
the column (Qt's own header behaviour, left alone).

A narrow column's publisher wraps to a second line rather than being cut ("Responsible St…"
hid which of two columns was which), then the date; only what still does not fit is elided,
and the header's tooltip then gives it whole.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import QHeaderView, QMenu, QStyle, QStyleOptionHeader, QToolTip, QWidget

from reader.render.theme import LIGHT, Theme
from reader.render.tooltips import safe_tooltip
from reader.ui.compare.turns import DrawsRows

if TYPE_CHECKING:
    from reader.ui.compare.compare_view import CompareView

CLOSE_MARGIN = 6
CLOSE_GLYPH = "✕"
#: The most lines a publisher wraps to (the date has one more).
PUBLISHER_LINES = 2


def wrapped_lines(
    text: str, metrics: QFontMetrics, width: int, rest: int | None = None
) -> tuple[list[str], bool]:
    """``text``'s lines (publisher, date) as drawn, and whether any is cut: the first in
    ``width`` pixels (beside the ✕), the others in ``rest`` (under it; default ``width``).

    The first line wraps at spaces to :data:`PUBLISHER_LINES` lines; the rest of each line is
    elided. Not QTextLayout: a header is two short lines, and this says what was elided.
    """
    lines = text.split("\n")
    shown: list[str] = []
    cut = False
    for n, line in enumerate(lines):
        room = PUBLISHER_LINES if n == 0 else 1
        words = line.split(" ")
        while words and room:
            width = width if not shown else rest or width
            taken = 1
            while taken < len(words) and (
                metrics.horizontalAdvance(" ".join(words[: taken + 1])) <= width
            ):
                taken += 1
            room -= 1
            part = " ".join(words if not room else words[:taken])
            elided = metrics.elidedText(part, Qt.TextElideMode.ElideRight, width)
            cut = cut or elided != part
            shown.append(elided)
            words = words[taken:] if room else []
    return shown, cut


class ClosableHeader(DrawsRows, QHeaderView):
    #: The ✕ of this (logical) section was clicked.
    close_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._theme = LIGHT
        self._pressed: int | None = None
        self._hovered: int | None = None
        self.setMouseTracking(True)
        self.sectionResized.connect(self._on_resized)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.viewport().update()

    def close_rect(self, logical: int) -> QRect:
        """The ✕ of section ``logical``, in viewport coordinates."""
        line = self.fontMetrics().height()
        side = line + 6
        right = self.sectionViewportPosition(logical) + self.sectionSize(logical)
        # Beside the first line: the lines under it have the section's whole width.
        return QRect(right - side - CLOSE_MARGIN, CLOSE_MARGIN + (line - side) // 2, side, side)

    def _close_at(self, pos: QPoint) -> int | None:
        logical = self.logicalIndexAt(pos)
        if logical >= 0 and self.close_rect(logical).contains(pos):
            return logical
        return None

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        self.drawing()  # a view job stands aside (.turns)
        if not rect.isValid():
            return
        # The section as the style draws it, but its lines elided short of the ✕ rather than
        # running under it ("Responsible Statecra✕" in a narrow, zoomed window).
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        self.initStyleOptionForIndex(option, logical)
        option.rect = rect
        option.text = ""  # drawn below, wrapped (see _lines)
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        metrics = self.fontMetrics()
        lines, _cut = self._lines(logical)
        top = rect.top() + CLOSE_MARGIN
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        for n, line in enumerate(lines):
            width = self._text_width(logical) if n == 0 else rect.width() - 2 * CLOSE_MARGIN
            painter.drawText(
                QRect(
                    rect.left() + CLOSE_MARGIN, top + n * metrics.height(), width, metrics.height()
                ),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                line,
            )
        painter.restore()
        box = self.close_rect(logical)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if logical == self._hovered:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self._theme.rule))
            painter.drawRoundedRect(box, 3, 3)
        colour = self._theme.text if logical == self._hovered else self._theme.muted
        painter.setPen(QColor(colour))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, CLOSE_GLYPH)
        painter.restore()

    def _text_width(self, logical: int) -> int:
        """The width the section's lines have, short of its ✕."""
        return self.sectionSize(logical) - self.fontMetrics().height() - 6 - 3 * CLOSE_MARGIN

    def _lines(self, logical: int) -> tuple[list[str], bool]:
        text = self.model().headerData(logical, self.orientation()) if self.model() else None
        if not isinstance(text, str):
            return [], False
        full = self.sectionSize(logical) - 2 * CLOSE_MARGIN
        return wrapped_lines(text, self.fontMetrics(), self._text_width(logical), full)

    def sizeHint(self) -> QSize:
        """As tall as the most wrapped section needs (Qt's measures the unwrapped text)."""
        size = super().sizeHint()
        if self.model() is None or not self.count():
            return size
        metrics = self.fontMetrics()
        most = max(len(self._lines(logical)[0]) for logical in range(self.count()))
        size.setHeight(max(size.height(), most * metrics.height() + 2 * CLOSE_MARGIN))
        return size

    def _on_resized(self, _logical: int, _old: int, _new: int) -> None:
        self.updateGeometry()

    def sectionSizeFromContents(self, logical: int) -> QSize:
        size = super().sectionSizeFromContents(logical)
        size.setWidth(size.width() + self.fontMetrics().height() + 2 * CLOSE_MARGIN)
        return size

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed = self._close_at(event.position().toPoint())
            if self._pressed is not None:
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pressed, self._pressed = self._pressed, None
        if pressed is None:
            super().mouseReleaseEvent(event)
            return
        event.accept()
        if self._close_at(event.position().toPoint()) == pressed:
            self.close_requested.emit(pressed)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hovered = self._close_at(event.position().toPoint())
        if hovered != self._hovered:
            self._hovered = hovered
            self.viewport().update()
        if self._pressed is None:
            super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hovered = None
        self.viewport().update()
        super().leaveEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            logical = self._close_at(event.pos())
            if logical is not None:
                QToolTip.showText(event.globalPos(), "Remove this card from the comparison", self)
                return True
            logical = self.logicalIndexAt(event.pos())
            if logical >= 0 and self._lines(logical)[1]:
                # Cut short: the tooltip says it whole, above the title.
                whole = self.model().headerData(logical, self.orientation())
                title = self.model().headerData(
                    logical, self.orientation(), Qt.ItemDataRole.ToolTipRole
                )
                QToolTip.showText(event.globalPos(), whole_tooltip(str(whole), title), self)
                return True
        return super().viewportEvent(event)


def whole_tooltip(whole: str, title: object) -> str:
    """A cut header's tooltip: its lines whole, then the model's (already safe) tooltip."""
    lines = safe_tooltip(*whole.split("\n"))
    return lines + title if isinstance(title, str) else lines


def column_menu(view: CompareView, logical: int, card_id: str, count: int) -> QMenu:
    """A column header's context menu: open, move, remove its card (the keyboard's way too)."""
    menu = QMenu(view)
    menu.addAction("Open Card", lambda: view.open_card.emit(card_id))
    left = menu.addAction("Move Left", lambda: view.move_card(logical, logical - 1))
    left.setEnabled(logical > 0)
    right = menu.addAction("Move Right", lambda: view.move_card(logical, logical + 1))
    right.setEnabled(logical < count - 1)
    menu.addSeparator()
    menu.addAction("Remove from Comparison", lambda: view.remove_card(card_id))
    return menu
