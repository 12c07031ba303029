"""A squeezed sidebar keeps its tag names readable (review N10): at 1024 × 700 with the source
pane open, a name too long for the column wraps onto a second line instead of being cut, and
the rows are measured again as the sidebar narrows and widens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle
from pytestqt.qtbot import QtBot

from reader.ui.reading.sidebar import TagTreeView
from reader.ui.reading.tag_row import shown_lines
from reader.ui.reading.tag_tree_model import NAME
from tests.ui.conftest import SANCTIONS, MakeWindow


def names_fit(tree: TagTreeView) -> list[str]:
    """The names whose row is too short for them wrapped at their cell's width (at most
    :data:`NAME_LINES` lines), or a line taller than they need; empty when all fit."""
    model = tree.model()
    cramped: list[str] = []
    margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, NAME, parent)
            rect = tree.visualRect(index)
            text = str(index.data())
            font = index.data(Qt.ItemDataRole.FontRole) or tree.font()
            metrics = QFontMetrics(font)
            lines = shown_lines(text, font, rect.width() - 2 * margin)
            if rect.height() < lines * metrics.height():
                cramped.append(text)  # too short for its lines
            if rect.height() > (lines + 1) * metrics.height():
                cramped.append(text)  # a line taller than it needs
            if tree.isExpanded(index):
                walk(index)

    walk(QModelIndex())
    return cramped


def test_tag_names_wrap_in_a_squeezed_sidebar(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    window = make_window(card_set)
    window.resize(1024, 700)
    window.session.open_card(SANCTIONS)
    window.sources.set_open(True)
    tree = window.sidebar.tree
    qtbot.waitUntil(lambda: window.sources.pane.isVisible() and tree.width() < 200)
    qtbot.waitUntil(lambda: not names_fit(tree))
    model = tree.model()
    heights = {
        str(model.index(r, NAME, model.index(0, NAME)).data()): tree.visualRect(
            model.index(r, NAME, model.index(0, NAME))
        ).height()
        for r in range(model.rowCount(model.index(0, NAME)))
    }
    assert len(set(heights.values())) > 1  # some names took two lines, short ones one
    # Zoomed (a font whose line spacing is less than its height): still as tall as needed.
    window.commands.zoom_in.trigger()
    qtbot.waitUntil(lambda: not names_fit(tree))
    window.commands.zoom_reset.trigger()
    # Wide again: the rows are measured again, and every name fits one line.
    window.sources.set_open(False)
    window.resize(1400, 800)
    qtbot.waitUntil(lambda: tree.width() > 250)
    qtbot.waitUntil(lambda: not names_fit(tree))
