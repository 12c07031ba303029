"""The widgets that show untrusted HTML draw no picture it names: the card view, the ledger's
and matrix's detail pane, and the comparison tables' cells (clones of one document).

The HTML here bypasses the renderer (which emits no ``<img>``): this is the second line of
defence. tests/qt/test_document.py shows the same traps drawn red by a plain document.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView, QWidget
from pytestqt.qtbot import QtBot

from reader.render import LIGHT
from reader.ui.compare.browser import SafeBrowser
from reader.ui.compare.delegate import HtmlDelegate
from reader.ui.compare.roles import HtmlRole
from reader.ui.reading.card_view import CardView
from tests.qt.resources import red_pixels, traps


@pytest.fixture
def cases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.chdir(tmp_path)
    return traps(tmp_path)


def shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(420, 360)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_card_view_draws_no_picture(qtbot: QtBot, cases: dict[str, str]) -> None:
    view = shown(qtbot, CardView())
    assert isinstance(view, CardView)
    drawn = {}
    for name, html in cases.items():
        view.show_page(html, LIGHT)
        drawn[name] = red_pixels(view.grab().toImage())
    assert drawn == dict.fromkeys(cases, 0)
    assert "words words" in view.toPlainText()  # the page itself was shown


def test_the_detail_pane_draws_no_picture(qtbot: QtBot, cases: dict[str, str]) -> None:
    pane = shown(qtbot, SafeBrowser())
    assert isinstance(pane, SafeBrowser)
    drawn = {}
    for name, html in cases.items():
        pane.show_html(html, LIGHT, 11.0)
        drawn[name] = red_pixels(pane.grab().toImage())
    assert drawn == dict.fromkeys(cases, 0)


def test_comparison_cells_draw_no_picture(qtbot: QtBot, cases: dict[str, str]) -> None:
    """Each cell's document is a clone of the delegate's prototype, laid out as it is drawn."""
    model = QStandardItemModel()
    for html in cases.values():
        item = QStandardItem()
        item.setData(html, HtmlRole)
        model.appendRow(item)
    table = QTableView()
    table.setModel(model)
    table.setItemDelegate(HtmlDelegate(table))
    table.horizontalHeader().setStretchLastSection(True)
    shown(qtbot, table)
    table.resize(420, 900)
    table.resizeRowsToContents()
    assert table.rowHeight(0) >= 24  # the cells were laid out with their HTML
    assert red_pixels(table.grab().toImage()) == 0
