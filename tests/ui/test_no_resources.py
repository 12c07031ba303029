"""The widgets that show untrusted HTML draw no picture it names: the card view, the ledger's
and matrix's detail pane, and the comparison tables' cells (clones of one document).

The HTML here bypasses the renderer (which emits no ``<img>``): this is the second line of
defence. tests/qt/test_document.py shows the same traps drawn red by a plain document.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QAccessible, QHelpEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from reader.cards.filters import Filter, FilterKind
from reader.render import LIGHT
from reader.ui.compare.browser import SafeBrowser
from reader.ui.compare.delegate import HtmlDelegate
from reader.ui.compare.roles import HtmlRole
from reader.ui.editor.object_list import ObjectListField
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


#: A picture named relative to the working directory, where a tooltip label's document looks.
IMG = "<img src='red.png' width=24 height=24>"
CARD = f"""\
format: briefing-card/1
id: tip-card
title: "A {IMG} title"
source:
  publisher: Press
  published: "2024-01"
thesis: A thesis.
summary: A summary.
argument:
  - claim: "A {IMG} claim."
    support: Support.
tags: [plain, "{IMG} tag"]
{IMG}: an unknown field, which the problems list names
"""


def tooltip_red(widget: QWidget, point: QPoint) -> int:
    """Hover ``point`` of ``widget``: the red pixels of the tooltip shown (which must say
    what it was given as text, not draw it)."""
    QApplication.sendEvent(
        widget, QHelpEvent(QEvent.Type.ToolTip, point, widget.mapToGlobal(point))
    )
    tips = [w for w in QApplication.topLevelWidgets() if w.inherits("QTipLabel")]
    assert QToolTip.isVisible()
    assert len(tips) == 1
    assert "&lt;img" in QToolTip.text()
    red = red_pixels(tips[0].grab().toImage())
    QToolTip.hideText()
    return red


@pytest.mark.qt_log_ignore(  # the offscreen platform, showing the tooltip
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
def test_tooltips_of_card_and_set_text_draw_no_picture(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qt reads a tooltip that looks like markup as rich text, and a tooltip label's document
    loads files by itself: card titles, tags, problems and the set's description are escaped."""
    monkeypatch.chdir(tmp_path)
    red_png(tmp_path / "red.png")
    root = tmp_path / "set"
    root.mkdir()
    (root / "tip.yaml").write_text(CARD, encoding="utf-8")
    (root / "cardset.yaml").write_text(
        f'format: briefing-set/1\ntitle: Tips\ndescription: "{IMG} about"\n', encoding="utf-8"
    )
    window = make_window(root)
    assert window.list_pane.visible_ids() == ["tip-card"], window.problems.model.problems()
    window.filtering.follow_tag(f"{IMG} tag")
    [chip] = window.list_pane.filter_bar.chips()
    filters = window.status.filters
    problems = window.problems.table
    problems.scrollTo(problems.model().index(0, 0))
    cards = window.list_pane.view
    row = cards.visualRect(cards.model().index(0, 0)).center()
    tree = window.sidebar.tree
    tag = window.sidebar.model.index_of(Filter(FilterKind.TAG, f"{IMG} tag"))
    tree.scrollTo(tag)
    title = window.sidebar.title
    hovered = {
        "card list": tooltip_red(cards.viewport(), row),
        "tag tree": tooltip_red(tree.viewport(), tree.visualRect(tag).center()),
        "set title": tooltip_red(title, title.rect().center()),
        "filter chip": tooltip_red(chip, chip.rect().center()),
        "status bar": tooltip_red(filters, filters.rect().center()),
        "problem": tooltip_red(
            problems.viewport(), problems.visualRect(problems.model().index(0, 0)).center()
        ),
    }
    assert hovered == dict.fromkeys(hovered, 0)
    for widget in (title, chip, filters):  # a screen reader is told the text, not the markup
        said = QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Description)
        assert IMG in said
        assert "&lt;" not in said

    # The card editor's list of argument points names each by its claim.
    window.session.open_card("tip-card")
    window.commands.edit_card.trigger()
    assert window.authoring.editor is not None
    listed = window.authoring.editor.form.field_at(("argument",))
    assert isinstance(listed, ObjectListField)
    point = listed.view.visualRect(listed.model.index(0, 0)).center()
    assert tooltip_red(listed.view.viewport(), point) == 0
