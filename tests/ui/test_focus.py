"""A focus frame you can see on the current item of the views (#29), light and dark."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView
from pytestqt.qtbot import QtBot

from reader.app.settings import PaletteMode
from reader.ui.contrast import focus_colour
from reader.ui.focus import FocusFrameStyle, frame_focus
from reader.ui.focus_ring import FocusRing, link_rects
from reader.ui.main_window import MainWindow
from reader.ui.palette import apply_palette
from tests.ui.conftest import MakeWindow


def _frame_pixel(view: QAbstractItemView, row: int) -> QColor:
    """The colour just inside the left edge of ``row``'s first cell, where the frame goes."""
    rect = view.visualRect(view.model().index(row, 0))
    image: QImage = view.viewport().grab().toImage()
    return image.pixelColor(QPoint(rect.left() + 1, rect.center().y()))


def _focus(qtbot: QtBot, window: MainWindow, view: QAbstractItemView) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.hasFocus)


@pytest.mark.parametrize("mode", [PaletteMode.LIGHT, PaletteMode.DARK])
def test_the_focused_item_of_the_list_and_the_tree_is_framed(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path, mode: PaletteMode
) -> None:
    window = make_window(card_set)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # No style written in Python for the whole application: it would be entered for every
    # primitive every widget draws (reader/ui/focus.py).
    assert not isinstance(app.style(), FocusFrameStyle)
    apply_palette(app, mode)
    palette = app.palette()

    cards = window.list_pane.view
    _focus(qtbot, window, cards)
    cards.setCurrentIndex(cards.model().index(0, 0))
    framed = _frame_pixel(cards, 0)  # selected: the selection's text colour on its fill
    assert framed == palette.color(QPalette.ColorRole.HighlightedText)
    window.search.setFocus()
    qtbot.waitUntil(lambda: not cards.hasFocus())
    assert _frame_pixel(cards, 0) != framed  # the frame goes with the focus

    tree = window.sidebar.tree
    tree.setCurrentIndex(tree.model().index(0, 0))
    unfocused = _frame_pixel(tree, 0)
    _focus(qtbot, window, tree)
    assert _frame_pixel(tree, 0) != unfocused


def test_the_card_and_the_link_the_focus_is_on_are_framed(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    window = make_window(card_set)
    view = window.card_view
    _focus(qtbot, window, view)
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # to the card's first link
    [ring] = view.findChildren(FocusRing)
    [first, *_] = link_rects(view)
    highlight = focus_colour(view.palette()).name()
    origin = view.viewport().geometry().topLeft()

    def edge_pixels() -> tuple[str, str]:
        image = view.grab().toImage()
        link = first.translated(origin)
        return (
            image.pixelColor(QPoint(link.left(), link.center().y())).name(),
            image.pixelColor(QPoint(1, view.height() // 2)).name(),
        )

    assert edge_pixels() == (highlight, highlight)
    window.search.setFocus()
    qtbot.waitUntil(lambda: not view.hasFocus())
    assert highlight not in edge_pixels()
    assert ring.isVisible()  # it stays, and draws only while the view has the focus


@pytest.mark.parametrize("framed", [True, False])
def test_a_view_qt_paints_gets_the_frame_from_its_own_style(qtbot: QtBot, framed: bool) -> None:
    model = QStandardItemModel(3, 2)
    for row in range(3):
        for column in range(2):
            model.setItem(row, column, QStandardItem(f"cell {row} {column}"))
    view = QTableView()
    view.setModel(model)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    if framed:
        frame_focus(view)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.hasFocus)
    view.setCurrentIndex(model.index(1, 0))
    colour = focus_colour(view.palette()).name()
    assert (_frame_pixel(view, 1).name() == colour) is framed
    assert _frame_pixel(view, 0).name() != colour  # only the current item
    assert not isinstance(view.horizontalScrollBar().style(), FocusFrameStyle)
