"""The widgets that show untrusted HTML draw no picture it names: the card view, the ledger's
and matrix's detail pane, and the comparison tables' cells (clones of one document).

The HTML here bypasses the renderer (which emits no ``<img>``): this is the second line of
defence. tests/qt/test_document.py shows the same traps drawn red by a plain document.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QHelpEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QLabel, QTableView, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from reader.render import LIGHT
from reader.ui.compare.browser import SafeBrowser
from reader.ui.compare.delegate import HtmlDelegate
from reader.ui.compare.roles import HtmlRole
from reader.ui.reading.card_view import CardView
from tests.qt.resources import red_pixels, red_png, traps
from tests.ui.conftest import MakeWindow


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


CARD = """\
format: briefing-card/1
id: tip-card
title: "{title}"
source:
  publisher: Press
  published: "2024-01"
thesis: A thesis.
summary: A summary.
argument:
  - claim: A claim.
    support: Support.
tags: [plain]
"""


@pytest.mark.qt_log_ignore(  # the offscreen platform, showing the tooltip
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
def test_a_card_list_tooltip_draws_no_picture(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    """Hovering a card whose title holds an ``<img>``: Qt reads a tooltip that looks like
    markup as rich text (and a tooltip label's document reads files), so it is escaped."""
    red = red_png(tmp_path / "red.png")
    title = f"A <img src='{QUrl.fromLocalFile(str(red)).toString()}' width=24 height=24> title"
    root = tmp_path / "set"
    root.mkdir()
    (root / "tip.yaml").write_text(CARD.format(title=title), encoding="utf-8")
    window = make_window(root)
    assert window.list_pane.visible_ids() == ["tip-card"], window.problems.model.problems()
    view = window.list_pane.view
    point = view.visualRect(view.model().index(0, 0)).center()
    viewport = view.viewport()
    QApplication.sendEvent(
        viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    )
    tips = [w for w in QApplication.topLevelWidgets() if w.inherits("QTipLabel")]
    assert QToolTip.isVisible()
    assert len(tips) == 1
    assert isinstance(tips[0], QLabel)
    assert red_pixels(tips[0].grab().toImage()) == 0
    assert "&lt;img" in QToolTip.text()  # the title as written
    QToolTip.hideText()
