"""Reading through a comparison (review #6, #13, #14): the wheel moves a few lines, a tall
row's label stays in view, one-sided rows collapse, each wording heads its recommendations
once, and a ✕ on a column header removes that card."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.analysis.side_by_side import RowKind
from reader.cards.catalog import MemoryCatalog
from reader.render.theme import LIGHT
from reader.ui.compare import CompareView
from reader.ui.compare.column_header import ClosableHeader
from reader.ui.compare.compare_rows import RowsButton
from reader.ui.compare.header import HtmlHeader
from reader.ui.compare.roles import HtmlRole
from tests.ui.compare.conftest import CRISIS_GROUP, DATE_ORDER, LEVERAGE, SANCTIONS

Show = Callable[[CompareView], CompareView]
AUTHORITIES = "to:malian authorities"


@pytest.fixture
def view(shipped: MemoryCatalog, show: Show, qtbot: QtBot) -> CompareView:
    shown = show(CompareView(shipped, DATE_ORDER, theme=LIGHT))
    table, model = shown.table(), shown.model()
    qtbot.waitUntil(lambda: table.rowHeight(model.row_of("thesis")) > 100)
    return shown


def _wheel(view: CompareView, notches: int) -> None:
    viewport = view.table().viewport()
    centre = QPointF(viewport.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(viewport.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)


def test_a_wheel_notch_scrolls_a_few_lines_not_rows(view: CompareView) -> None:
    bar = view.table().verticalScrollBar()
    assert bar.maximum() > 1000  # rows far taller than a notch
    line = QFontMetrics(view.table().font()).lineSpacing()
    _wheel(view, 1)
    assert 0 < bar.value() <= 3 * line + 2


def _ink(header: HtmlHeader, top: int, height: int) -> int:
    """Pixels of the header's band [top, top + height) that are not its background."""
    image = header.viewport().grab().toImage()
    background = QColor(LIGHT.chip.background).rgb()
    return sum(
        image.pixel(x, y) != background
        for y in range(max(top, 0), min(top + height, image.height()))
        for x in range(4, min(image.width() - 4, 180))
    )


def test_a_tall_rows_label_stays_in_view_while_the_row_scrolls(
    view: CompareView, qtbot: QtBot
) -> None:
    table, model = view.table(), view.model()
    view.set_collapse_one_sided(False)
    view.resize(900, 500)  # the one-sided row spans the columns: shorter than in one
    row = model.row_of(AUTHORITIES)
    qtbot.waitUntil(lambda: table.rowHeight(row) > table.viewport().height() + 200)
    labels = table.verticalHeader()
    assert isinstance(labels, HtmlHeader)
    bar = table.verticalScrollBar()
    # Scroll so that the row began 120 pixels above the top and goes on below it.
    bar.setValue(bar.value() + table.rowViewportPosition(row) + 120)
    assert labels.sectionViewportPosition(row) < 0
    label = labels.label_rect(row)
    assert label.top() == 0  # at the top of the view, not scrolled away with its row
    qtbot.waitUntil(lambda: _ink(labels, 0, 30) > 40)  # and painted there: its words show
    # Near the row's end the label leaves with it, never past the row.
    end = labels.sectionViewportPosition(row) + labels.sectionSize(row)
    bar.setValue(bar.value() + end - 10)
    label = labels.label_rect(row)
    assert label.bottom() <= labels.sectionViewportPosition(row) + labels.sectionSize(row)


def test_one_sided_rows_start_collapsed_and_open_from_their_label(
    view: CompareView, qtbot: QtBot
) -> None:
    table, model = view.table(), view.model()
    row = model.row_of(AUTHORITIES)
    assert model.collapsed(row)
    filled = [c for c in range(3) if model.index(row, c).data(HtmlRole)]
    assert len(filled) == 1  # the other cards' cells stay empty, not "No recommendation"
    html = str(model.index(row, filled[0]).data(HtmlRole))
    assert re.search(r"… \d+ more recommendations: click the row label", html)
    assert "▸ Show all" in str(model.headerData(row, Qt.Orientation.Vertical, HtmlRole))
    collapsed = table.rowHeight(row)
    labels = table.verticalHeader()
    table.scrollTo(model.index(row, 0))
    point = QPoint(20, labels.sectionViewportPosition(row) + 10)
    qtbot.mouseClick(labels.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert not model.collapsed(row)
    qtbot.waitUntil(lambda: table.rowHeight(row) > 2 * collapsed)
    assert "more recommendations" not in str(model.index(row, filled[0]).data(HtmlRole))
    # The Rows menu collapses (or opens) them all.
    view.set_collapse_one_sided(False)
    assert not model.collapsed(row)
    assert not any(model.collapsed(r) for r in range(model.rowCount()))


def test_each_wording_of_an_addressee_heads_its_recommendations_once(view: CompareView) -> None:
    model = view.model()
    rows = [r for r in range(model.rowCount()) if model.row_at(r).kind is RowKind.RECOMMENDATIONS]
    view.set_collapse_one_sided(False)
    seen_headings = 0
    for row in rows:
        for column in range(model.columnCount()):
            headings = re.findall(r"As “([^”]+)”", str(model.index(row, column).data(HtmlRole)))
            assert len(headings) == len(set(headings)), (model.row_at(row).label, headings)
            seen_headings += len(headings)
    assert seen_headings >= 3  # the shipped Crisis Group card names Bamako three ways


def test_the_x_on_a_column_header_removes_that_card(view: CompareView, qtbot: QtBot) -> None:
    header = view.table().horizontalHeader()
    assert isinstance(header, ClosableHeader)
    box = header.close_rect(1)
    assert box.right() < header.sectionViewportPosition(1) + header.sectionSize(1)
    with qtbot.assertNotEmitted(view.open_card):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    assert view.card_ids() == [LEVERAGE, SANCTIONS]
    # Elsewhere on the header a click still opens the card.
    with qtbot.waitSignal(view.open_card) as opened:
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, 10))
    assert opened.args == [LEVERAGE]


def test_remove_column_waits_for_a_chosen_cell(view: CompareView) -> None:
    remove = view.commands.remove_column
    assert not remove.isEnabled()  # no cell is chosen: which column would go is invisible
    assert "click ✕ on its header" in remove.toolTip()
    model = view.model()
    view.table().setCurrentIndex(model.index(model.row_of("thesis"), 1))
    assert remove.isEnabled()
    remove.trigger()
    assert CRISIS_GROUP not in view.card_ids()


def test_the_rows_shown_survive_into_the_next_view(
    view: CompareView, shipped: MemoryCatalog, show: Show
) -> None:
    view.set_argument_expanded(True)
    view.set_rows_shown(RowKind.TAGS, False)
    view.set_collapse_one_sided(False)
    later = show(CompareView(shipped, DATE_ORDER, theme=LIGHT))
    later.set_layout_state(view.layout_state())
    assert later.argument_expanded()
    assert later.table().isRowHidden(later.model().row_of("tags"))
    assert not later.model().collapsed(later.model().row_of(AUTHORITIES))
    rows_button = later.findChild(RowsButton, "compareRows")
    assert isinstance(rows_button, RowsButton)  # its menu shows the state it was given
    assert not rows_button.groups[RowKind.TAGS].isChecked()
    assert not rows_button.one_sided.isChecked()
