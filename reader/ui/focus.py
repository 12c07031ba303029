"""A focus frame you can see (#29): the current cell of every list, tree and table, in one place.

Fusion draws the keyboard focus of an item view as a faint rounded line at about 30% opacity,
and only after a Tab press; on the selection colour it all but vanishes. Every view's focused
item gets a solid 2-pixel frame in the palette's highlight colour, or its link colour where the
highlight is too close to the background (:func:`reader.ui.contrast.focus_colour`; the
selection's text colour on a selected item), drawn by :func:`paint_focus`:

* the delegates that paint their items themselves (the card list, the comparison tables) call
  it with their option, so all views agree;
* the views that keep Qt's own item painting (dialogs' tables, the timeline's whole-row focus)
  are given :class:`FocusFrameStyle` by :func:`frame_focus`.

The style is not the application's: a style written in Python is entered, for every primitive
every widget draws, in Python, and each entry can wait for the interpreter's lock beside a
background job (a repaint of the 10,000-card tag tree entered it 379 times). Text views get a
ring of their own (:mod:`reader.ui.focus_ring`).
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


def frame_focus(view: QAbstractItemView) -> None:
    """Give ``view``, whose items Qt paints, the window's focus frame (its own style: a view's
    style is not its children's, so its scroll bars and header stay in C++)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        style = FocusFrameStyle(app.style().name())
        style.setParent(view)  # a widget does not own the style it is given
        view.setStyle(style)
