"""The compare view's column headers: a narrow column's publisher wraps rather than being cut
(N16, P9), and what still does not fit is elided with the whole in the tooltip."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QFont, QFontMetrics, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from reader.cards.catalog import MemoryCatalog
from reader.render.theme import LIGHT
from reader.ui.compare import CompareView
from reader.ui.compare.column_header import ClosableHeader, wrapped_lines
from tests.ui.compare.conftest import CRISIS_GROUP, LEVERAGE, SANCTIONS

Show = Callable[[CompareView], CompareView]


def _header(view: CompareView) -> ClosableHeader:
    header = view.table().horizontalHeader()
    assert isinstance(header, ClosableHeader)
    return header


@pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
def test_a_narrow_columns_publisher_wraps_and_the_header_grows(
    shipped: MemoryCatalog, show: Show, qtbot: QtBot
) -> None:
    view = show(CompareView(shipped, [LEVERAGE, CRISIS_GROUP, SANCTIONS], theme=LIGHT))
    header = _header(view)
    wide = header.height()
    view.resize(740, 800)
    # "International Crisis Group" on two lines, the date under it, nothing cut.
    qtbot.waitUntil(lambda: header.height() >= wide + header.fontMetrics().height())
    lines, cut = header._lines(1)
    assert lines == ["International Crisis", "Group", "9 February 2023"]
    assert not cut
    # Zoomed (133 %): the date under the ✕ has the section's whole width, and is whole.
    view.set_base_point_size(13.3)
    zoomed = ["International", "Crisis Group", "9 February 2023"]
    qtbot.waitUntil(lambda: header._lines(1) == (zoomed, False))
    # Zoomed far in a narrow window: words are cut, and the tooltip says them whole.
    view.set_base_point_size(16)
    qtbot.waitUntil(lambda: header._lines(1)[1])
    at = QPoint(header.sectionViewportPosition(1) + 4, header.height() // 2)
    event = QHelpEvent(QEvent.Type.ToolTip, at, header.viewport().mapToGlobal(at))
    QApplication.sendEvent(header.viewport(), event)
    assert "International Crisis Group<br />9 February 2023" in QToolTip.text()


def test_what_still_does_not_fit_is_elided_within_its_width(qapp: QApplication) -> None:
    metrics = QFontMetrics(QFont())
    whole = "Institut français des relations internationales\nMay 2022"
    lines, cut = wrapped_lines(whole, metrics, 90)
    assert cut
    assert len(lines) == 3
    assert lines[1].endswith("…")
    assert all(metrics.horizontalAdvance(shown) <= 90 for shown in lines)
