"""Zoom of the whole window, the card's outline, the set overview on demand with its questions
linked to the Topic Matrix, and the last card reopened at the next launch."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from reader.render.overview import topic_href
from reader.render.sections import anchor_name
from reader.ui.compare.matrix import TopicMatrixView
from reader.ui.compare.workspace import ViewKind
from reader.ui.contrast import focus_colour
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

    # One Tab stop for the strip (the section being read); Left/Right move, Space jumps.
    argument = next(b for b in outline.buttons() if b.text() == "Argument")
    assert [b for b in outline.buttons() if b.focusPolicy() & Qt.FocusPolicy.TabFocus] == [argument]
    argument.setFocus()
    qtbot.keyClick(argument, Qt.Key.Key_Left)
    summary = next(b for b in outline.buttons() if b.text() == "Summary")
    assert summary.hasFocus()
    frame = focus_colour(summary.palette()).rgb()
    assert _pixels(summary, frame) > summary.width()  # the focus frame is drawn (#29)
    argument.setFocus()
    assert _pixels(summary, frame) == 0
    summary.setFocus()
    qtbot.keyClick(summary, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: 0 <= heading_top("summary") < 60)
    assert summary.isChecked()
    # Scrolled by the reader, the strip marks the section being read.
    bar.setValue(bar.maximum())
    assert outline.buttons()[-1].isChecked()  # the Tags, last


def _pixels(widget: QWidget, rgb: int) -> int:
    """How many pixels of ``widget`` are the colour ``rgb``."""
    image = widget.grab().toImage()
    return sum(
        image.pixel(x, y) == rgb for x in range(image.width()) for y in range(image.height())
    )


def test_a_section_command_says_why_it_cannot_run(window: MainWindow) -> None:
    action = window.commands.section_timeline
    assert not action.isEnabled()  # the overview
    assert action.toolTip() == "Open a card first."
    window.session.open_card(SANCTIONS)
    assert action.isEnabled()
    # A card without a timeline (the shipped cards all have one): the strip and the command.
    outline = window.aids.outline
    outline.show_sections([s for s in outline.sections if s.key != "timeline"])
    window.commands.refresh()
    assert "Timeline" not in [b.text() for b in outline.buttons()]
    assert not action.isEnabled()
    assert action.toolTip() == "This card has no Timeline section."


def test_set_overview_on_demand_and_its_questions_open_the_matrix(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.session.open_card(SANCTIONS)
    assert window.card_view.card_id == SANCTIONS
    window.commands.set_overview.trigger()
    assert window.card_view.card_id is None
    assert "Questions the cards answer" in window.card_view.toPlainText()
    window.session.back()
    assert window.card_view.card_id == SANCTIONS
    # A click on the set's title does the same.
    window.session.back()
    qtbot.mouseClick(window.sidebar.title, Qt.MouseButton.LeftButton)
    assert window.card_view.card_id is None

    # Its questions open their rows of the Topic Matrix.
    catalog = window.session.catalog
    assert catalog is not None
    assert len(catalog.info.topics) > 2
    topic = catalog.info.topics[2]
    view = window.card_view
    link = anchor_point(view, topic_href(topic.key))
    qtbot.mouseMove(view.viewport(), link)
    qtbot.waitUntil(lambda: "Topic Matrix" in window.status.currentMessage())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=link)
    assert window.comparisons.comparing
    matrix = window.workspace.view(ViewKind.MATRIX)
    assert isinstance(matrix, TopicMatrixView)
    qtbot.waitUntil(lambda: matrix.table().currentIndex().isValid())
    assert matrix.matrix.rows[matrix.table().currentIndex().row()].topic.key == topic.key


def test_the_last_card_is_reopened_at_the_next_launch_where_it_was_read(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    first = make_window(card_set)
    first.session.open_card(CRISIS_GROUP)
    first.commands.section_recommendations.trigger()
    first.close()
    second = make_window(card_set)
    qtbot.waitUntil(lambda: second.session.current_id == CRISIS_GROUP)
    assert second.card_view.card_id == CRISIS_GROUP
    reading = [b.text() for b in second.aids.outline.buttons() if b.isChecked()]
    assert reading == ["Recommendations"]
    assert second.card_view.verticalScrollBar().value() > 0
    second.commands.set_overview.trigger()  # left on the overview: the overview next time
    assert second.settings.last_card(card_set) is None
