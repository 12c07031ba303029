"""Zoom of the whole window, the card's outline, the set overview on demand with its questions
linked to the Topic Matrix, Print Card…, and the last card reopened at the next launch."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from reader.render.card import anchor_name
from reader.render.overview import topic_href
from reader.ui.compare.matrix import TopicMatrixView
from reader.ui.compare.workspace import ViewKind
from reader.ui.main_window import MainWindow
from tests.ui.conftest import CRISIS_GROUP, SANCTIONS, MakeWindow, anchor_point, laid_out


def _size(widget: object) -> float:
    return widget.font().pointSizeF()  # type: ignore[attr-defined,no-any-return]


def test_zoom_scales_the_whole_window_shows_its_level_and_ctrl_0_resets(
    qtbot: QtBot, window: MainWindow
) -> None:
    tree, cards, status = window.sidebar.tree, window.list_pane.view, window.status
    title = window.sidebar.title
    before = {w: _size(w) for w in (tree, cards, status.shown, title)}
    row = cards.sizeHintForRow(0)
    indicator = window.aids.zoom.indicator
    assert indicator.text() == "100 %"

    window.commands.zoom_in.trigger()
    window.commands.zoom_in.trigger()
    assert indicator.text() == "121 %"
    for widget, size in before.items():
        assert _size(widget) == pytest.approx(size * 1.21, abs=0.02), widget.objectName()
    qtbot.waitUntil(lambda: cards.sizeHintForRow(0) > row)  # the rows measured again

    qtbot.keyClick(window.card_view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert indicator.text() == "100 %"
    assert all(_size(w) == pytest.approx(s) for w, s in before.items())

    window.commands.zoom_out.trigger()
    assert indicator.text() == "91 %"
    qtbot.mouseClick(indicator, Qt.MouseButton.LeftButton)  # the indicator resets too
    assert window.appearance.zoom == 0
    assert indicator.text() == "100 %"


def test_the_outline_lists_the_cards_sections_and_jumps_to_each(
    qtbot: QtBot, window: MainWindow
) -> None:
    outline = window.aids.outline
    assert outline.isHidden()  # the overview has no sections
    window.session.open_card(CRISIS_GROUP)
    qtbot.waitUntil(lambda: laid_out(window))
    assert outline.isVisible()
    names = [b.text() for b in outline.buttons()]
    assert names[:4] == ["Top", "Thesis", "Summary", "Argument"]
    assert "Recommendations" in names
    assert "Tags" in names
    view, bar = window.card_view, window.card_view.verticalScrollBar()

    def heading_top(key: str) -> int:
        position = view.anchor_position(anchor_name(CRISIS_GROUP, key))
        assert position is not None
        cursor = view.textCursor()
        cursor.setPosition(position)
        return view.cursorRect(cursor).top()

    button = next(b for b in outline.buttons() if b.text() == "Recommendations")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: 0 <= heading_top("recommendations") < 60)
    assert bar.value() > 0
    assert button.isChecked()

    # The Go menu, by keyboard: Ctrl+3 is the Argument.
    qtbot.keyClick(view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: 0 <= heading_top("argument") < 60)
    assert window.commands.section_argument.shortcut() == QKeySequence("Ctrl+3")
    # The strip sits above the text, which starts below it.
    assert view.viewport().geometry().top() >= outline.geometry().bottom()


def test_a_section_the_card_lacks_is_disabled_and_says_why(window: MainWindow) -> None:
    window.session.open_card(SANCTIONS)
    missing = [k for k in ("summary", "actors", "perspectives") if not _has(window, k)]
    for key in missing:
        action = getattr(window.commands, f"section_{key}")
        assert not action.isEnabled()
        assert "This card has no" in action.toolTip()
    assert window.commands.section_thesis.isEnabled()


def _has(window: MainWindow, key: str) -> bool:
    return any(s.key == key for s in window.aids.outline.sections)


def test_set_overview_on_demand_and_back_to_the_card(qtbot: QtBot, window: MainWindow) -> None:
    window.session.open_card(SANCTIONS)
    assert window.card_view.card_id == SANCTIONS
    window.commands.set_overview.trigger()
    assert window.card_view.card_id is None
    assert "Questions the cards answer" in window.card_view.toPlainText()
    window.session.back()
    assert window.card_view.card_id == SANCTIONS
    # A click on the set's title does the same.
    qtbot.mouseClick(window.sidebar.title, Qt.MouseButton.LeftButton)
    assert window.card_view.card_id is None


def test_a_question_on_the_overview_opens_its_row_of_the_topic_matrix(
    qtbot: QtBot, window: MainWindow
) -> None:
    catalog = window.session.catalog
    assert catalog is not None
    assert len(catalog.info.topics) > 2
    topic = catalog.info.topics[2]
    view = window.card_view
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=anchor_point(view, topic_href(topic.key))
    )
    assert window.comparisons.comparing
    matrix = window.workspace.view(ViewKind.MATRIX)
    assert isinstance(matrix, TopicMatrixView)
    qtbot.waitUntil(lambda: matrix.table().currentIndex().isValid())
    assert matrix.matrix.rows[matrix.table().currentIndex().row()].topic.key == topic.key


def test_print_card_previews_the_open_card_alone(qtbot: QtBot, window: MainWindow) -> None:
    assert not window.commands.print_card.isEnabled()  # no card open
    window.session.open_card(SANCTIONS)
    assert window.commands.print_card.isEnabled()
    window.commands.print_card.trigger()
    preview = window.aids.preview
    assert preview is not None
    assert preview.isVisible()
    assert "Russia" in preview.windowTitle() or preview.windowTitle().startswith("Print")
    preview.reject()


def test_the_last_card_is_reopened_at_the_next_launch(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    first = make_window(card_set)
    first.session.open_card(CRISIS_GROUP)
    first.close()
    second = make_window(card_set)
    qtbot.waitUntil(lambda: second.session.current_id == CRISIS_GROUP)
    assert second.card_view.card_id == CRISIS_GROUP
    second.commands.set_overview.trigger()  # left on the overview: the overview next time
    second.close()
    third = make_window(card_set)
    assert third.session.current_id is None


def test_the_outline_is_one_tab_stop_between_the_list_and_the_card(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.session.open_card(CRISIS_GROUP)
    qtbot.waitUntil(lambda: laid_out(window))
    outline = window.aids.outline
    first = outline.buttons()[0]  # "Top": the section being read
    assert first.isChecked()
    assert window.list_pane.tab_chain()[-1].nextInFocusChain() is not None
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Right)
    thesis = outline.buttons()[1]
    assert thesis.hasFocus()
    qtbot.keyClick(thesis, Qt.Key.Key_Space)  # a section chosen by keyboard
    qtbot.waitUntil(thesis.isChecked)
    tab_stops = [b for b in outline.buttons() if b.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert tab_stops == [thesis]
