"""A focus frame you can see (#29): the current cell of every list, tree and table, in one place.

Fusion draws the keyboard focus of an item view as a faint rounded line at about 30% opacity,
and only after a Tab press; on the selection colour it all but vanishes. The application style
is wrapped once (:func:`install_focus_frames`) so that every view's focused item gets a solid
2-pixel frame in the palette's highlight colour, or its link colour where the highlight is
too close to the background (:func:`reader.ui.contrast.focus_colour`; the selection's text
colour on a selected item). Delegates that paint their items themselves (the comparison
tables) call :func:`paint_focus` with their option, so all views agree; text views
get a ring of their own (:mod:`reader.ui.focus_ring`).
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QWidget,
)

from reader.ui.contrast import focus_colour
from reader.ui.focus_ring import FocusRings

#: The frame's width in device-independent pixels.
WIDTH = 2


def paint_focus(painter: QPainter, option: QStyleOption, *, filled: bool = True) -> None:
    """The focus frame inside ``option.rect``, when the option says the item has focus.
    ``filled``: a selected item is painted in the selection colour (False for delegates that
    show a selection otherwise, on their own background)."""
    state = option.state
    if not state & QStyle.StateFlag.State_HasFocus:
        return
    selected = filled and bool(state & QStyle.StateFlag.State_Selected)
    palette: QPalette = option.palette
    colour = (
        palette.color(QPalette.ColorRole.HighlightedText) if selected else focus_colour(palette)
    )
    rect: QRect = option.rect
    painter.save()
    pen = QPen(colour, WIDTH)
    pen.setJoinStyle(pen.joinStyle().MiterJoin)
    painter.setPen(pen)
    painter.setBrush(painter.brush().style().NoBrush)
    painter.drawRect(rect.adjusted(1, 1, -WIDTH, -WIDTH))
    painter.restore()


class FocusFrameStyle(QProxyStyle):
    """The application's style, with item views' focus frames drawn by :func:`paint_focus`."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element is QStyle.PrimitiveElement.PE_FrameFocusRect and isinstance(
            widget, QAbstractItemView
        ):
            paint_focus(painter, option)
            return
        super().drawPrimitive(element, option, painter, widget)


def install_focus_frames(app: QApplication) -> None:
    """Wrap ``app``'s style once, and give text views their focus rings
    (:mod:`reader.ui.focus_ring`)."""
    if not isinstance(app.style(), FocusFrameStyle):
        app.setStyle(FocusFrameStyle(app.style().name()))
        app.focusChanged.connect(FocusRings(app).give_ring)
