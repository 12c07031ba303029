"""Opening and switching views hands the keyboard focus straight to the view, and back to the
list: it never passes through the tag sidebar, which repaints itself whole when it gets or
loses it; nor is the sidebar shown again (and repainted) while it is on screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.ui.main_window import MainWindow
from tests.support.events import EventCount


def test_the_views_take_the_focus_from_the_list_and_each_other_directly(
    qtbot: QtBot, window: MainWindow
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window.list_pane.view.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(window.list_pane.view.hasFocus)
    focused: list[QWidget] = []
    app.focusChanged.connect(lambda _old, new: focused.append(new))
    commands = window.commands
    for command in (commands.topic_matrix, commands.recommendations, commands.timeline):
        command.trigger()
    tree = window.sidebar.tree
    assert not [w for w in focused if w is not None and tree.isAncestorOf(w)]
    timeline = window.workspace.tabs.currentWidget()
    assert timeline is not None
    assert timeline.isAncestorOf(QApplication.focusWidget())
    window.comparisons.show_reading()
    assert window.list_pane.view.hasFocus()
    assert not [w for w in focused if w is not None and tree.isAncestorOf(w)]


def test_opening_the_views_leaves_the_tag_sidebar_unpainted(
    qtbot: QtBot, window: MainWindow
) -> None:
    viewport = window.sidebar.tree.viewport()
    qtbot.waitUntil(lambda: not viewport.visibleRegion().isEmpty())
    QApplication.processEvents()
    paints = EventCount(viewport, QEvent.Type.Paint)
    commands = window.commands
    for command in (commands.topic_matrix, commands.recommendations, commands.timeline):
        command.trigger()
        QApplication.processEvents()
    paints.stop()
    assert window.workspace.current_kind() is not None
    assert paints.count == 0
