"""The topic matrix on the shipped set and on fifty generated cards."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QStyleOptionViewItem, QWidget
from pytestqt.qtbot import QtBot

from reader.analysis.compare_rules import NO_TOPICS_HINT
from reader.cards.catalog import MemoryCatalog
from reader.render.theme import DARK
from reader.ui.compare import TopicMatrixView
from reader.ui.compare.matrix import CARD_COLUMN_WIDTH, LABEL_WIDTH
from reader.ui.compare.roles import HtmlRole, PerspectiveRole
from tests.ui.compare.conftest import CRISIS_GROUP, DATE_ORDER, SANCTIONS, bare_set, two_cards
from tests.ui.compare.helpers import double_click

Show = Callable[[TopicMatrixView], TopicMatrixView]


def _row(view: TopicMatrixView, key: str) -> int:
    return next(i for i, r in enumerate(view.matrix.rows) if r.topic.key == key)


@pytest.fixture
def view(shipped: MemoryCatalog, show: Show) -> TopicMatrixView:
    return show(TopicMatrixView(shipped, list(reversed(DATE_ORDER))))


def test_the_shipped_matrix_shows_stances_and_blindspots(
    view: TopicMatrixView,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    model = view.model()
    qtmodeltester.check(model, force_py=True)
    assert [c.id for c in view.matrix.columns] == DATE_ORDER
    assert model.columnCount() == 3  # the cards; the counts are in the topic labels
    why = _row(view, "why-russia")
    assert model.index(why, 0).data() == "skeptical"
    assert model.index(why, 1).data() == "mixed"
    assert model.index(why, 2).data() == "Not addressed"
    assert model.index(why, 2).data(PerspectiveRole) is None
    tip = str(model.index(why, 2).data(Qt.ItemDataRole.ToolTipRole))
    assert "Responsible Statecraft, July 2023" in tip
    assert "blindspot" in tip
    label = str(model.headerData(why, Qt.Orientation.Vertical, HtmlRole))
    assert "Why Mali turned to Russia" in label
    assert "2 of 3 sources · 2 stances" in label
    framing = _row(view, "great-power-framing")
    assert "3 of 3 sources · 1 stance" in str(
        model.headerData(framing, Qt.Orientation.Vertical, HtmlRole)
    )
    # The column heads give the date in full, as everywhere else.
    assert "9 February 2023" in str(model.headerData(1, Qt.Orientation.Horizontal, HtmlRole))


def test_clicking_a_cell_shows_the_view_in_the_detail_pane(
    view: TopicMatrixView, qtbot: QtBot
) -> None:
    table = view.table()
    why = _row(view, "why-russia")
    rect = table.visualRect(view.model().index(why, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    text = view.detail().toPlainText()
    assert "Mali: Avoiding The Trap Of Isolation" in text
    assert "Explains the turn as partly genuine" in text
    rect = table.visualRect(view.model().index(why, 2))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert "silent on the topic" in view.detail().toPlainText()


def test_a_legend_explains_the_hatching_and_the_detail_pane_waits_for_a_cell(
    view: TopicMatrixView, qtbot: QtBot
) -> None:
    """P14: a line under the matrix says what a hatched cell means; #33: no pane of
    "Select a cell…" takes the table's room until a cell is chosen."""
    legend = view.findChild(QWidget, "matrixLegend")
    assert legend is not None
    assert legend.isVisible()
    texts = [label.text() for label in legend.findChildren(QLabel)]
    assert any(t.startswith("Not addressed: the source is silent") for t in texts)
    swatch = legend.findChildren(QLabel)[0].pixmap()
    assert not swatch.isNull()
    # One line: not the old 90-pixel pane.
    assert legend.height() <= 3 * legend.fontMetrics().height()
    assert not view.detail().isVisible()
    table = view.table()
    tall = table.height()
    why = _row(view, "why-russia")
    rect = table.visualRect(view.model().index(why, 2))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(view.detail().isVisible)
    assert view.detail().height() >= 80
    assert table.height() < tall
    tip = str(view.model().index(why, 2).data(Qt.ItemDataRole.ToolTipRole))
    assert "Not addressed (hatched)" in tip


def test_headers_open_cards_and_cells_their_perspectives(
    view: TopicMatrixView, qtbot: QtBot
) -> None:
    header = view.table().horizontalHeader()
    point = QPoint(header.sectionViewportPosition(2) + 20, header.height() // 2)
    with qtbot.waitSignal(view.open_card) as opened:
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened.args == [SANCTIONS]
    table = view.table()
    western = _row(view, "western-response")
    rect = table.visualRect(view.model().index(western, 1))
    with qtbot.waitSignal(view.item_activated) as opened:
        double_click(table.viewport(), rect.center())
    # The Crisis Group card's perspective on the topic: the third of its perspectives.
    assert opened.args == [CRISIS_GROUP, "perspectives", 2]
    why = _row(view, "why-russia")
    table.setCurrentIndex(view.model().index(why, 2))  # a blindspot: the card itself
    with qtbot.waitSignal(view.item_activated) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [SANCTIONS, "header", -1]


def test_fifty_cards_scroll_sideways_under_sticky_topic_labels(
    fifty: tuple[MemoryCatalog, list[str]], show: Show, qtbot: QtBot
) -> None:
    catalog, ids = fifty
    view = show(TopicMatrixView(catalog, ids))
    table = view.table()
    model = view.model()
    assert model.columnCount() == 50
    keys = [c.source.published.sort_key for c in view.matrix.columns]
    assert keys == sorted(keys)
    # Not a fifty-column squeeze: every card column keeps its width, and the table scrolls.
    assert all(table.columnWidth(c) >= CARD_COLUMN_WIDTH for c in range(50))
    bar = table.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 40 * CARD_COLUMN_WIDTH)
    labels = table.verticalHeader()
    x_before = labels.mapTo(view, QPoint(0, 0)).x()
    bar.setValue(bar.maximum())
    assert table.columnViewportPosition(49) < table.viewport().width()  # the last cards show
    assert table.columnViewportPosition(0) < 0  # the first scrolled away...
    assert labels.isVisible()  # ...under topic labels that stay where they were
    assert labels.mapTo(view, QPoint(0, 0)).x() == x_before
    assert labels.width() == LABEL_WIDTH
    for row in range(model.rowCount()):
        counts = str(model.headerData(row, Qt.Orientation.Vertical, HtmlRole))
        assert "of 50 sources" in counts


def test_a_set_without_topics_hides_the_matrix_behind_a_hint(show: Show) -> None:
    view = show(TopicMatrixView(bare_set(two_cards()), ["a", "b"]))
    hint = view.findChild(QLabel, "matrixHint")
    assert hint is not None
    assert hint.isVisible()
    assert hint.text() == NO_TOPICS_HINT
    assert view.model().rowCount() == 0
    assert not view.table().isVisible()


def test_the_matrix_exports_as_a_page(view: TopicMatrixView) -> None:
    html = view.document_html()
    assert "Topic matrix" in html
    assert "Why Mali turned to Russia, Regional relations and ECOWAS" in html  # the silent list


def test_three_columns_share_the_width_and_zoom_re_measures_everything(
    view: TopicMatrixView, qtbot: QtBot
) -> None:
    table = view.table()
    columns = table.horizontalHeader()
    labels = table.verticalHeader()
    qtbot.waitUntil(  # no blank band right of three card columns
        lambda: labels.width() + sum(table.columnWidth(c) for c in range(3)) >= table.width() - 40
    )
    why = _row(view, "why-russia")
    delegate = table.itemDelegate()
    option = QStyleOptionViewItem()
    badge = delegate.sizeHint(option, view.model().index(why, 0)).height()
    row, label, head = table.rowHeight(why), labels.width(), columns.height()
    view.set_base_point_size(view.font().pointSizeF() * 1.6)
    qtbot.waitUntil(lambda: table.rowHeight(why) > row * 1.3)
    assert labels.width() > label * 1.3  # the topic labels are wider, not clipped
    assert columns.height() > head * 1.2  # the column heads taller
    assert delegate.sizeHint(option, view.model().index(why, 0)).height() > badge * 1.3
    # The badges are painted in the table's (zoomed) font.
    assert table.font().pointSizeF() == view.font().pointSizeF() * 1.6


def test_the_corner_above_the_topic_labels_is_dark_in_dark_mode(
    shipped: MemoryCatalog, show: Show
) -> None:
    view = show(TopicMatrixView(shipped, DATE_ORDER, theme=DARK))
    table = view.table()
    image = table.grab().toImage()
    corner = image.pixelColor(table.verticalHeader().width() // 2, 4)
    assert corner.name() == DARK.chip.background  # not the style's light bevel
