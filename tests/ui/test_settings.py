"""Preferences survive closing the window; tests keep theirs in a temporary ini file."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow
from pytestqt.qtbot import QtBot

from reader.app.settings import PaletteMode
from reader.render import DARK
from reader.render.tooltips import safe_tooltip
from reader.ui.commands import Actions
from reader.ui.main_window import MainWindow
from reader.ui.menus import build_menus, fill_recent
from reader.ui.recent_sets import shown_path
from tests.conftest import SHIPPED_CARDS
from tests.ui.conftest import MakeWindow


def test_reopening_restores_geometry_splitter_zoom_palette_sort_and_sets(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path, tmp_path: Path
) -> None:
    first = make_window(card_set)
    # The offscreen screen is 800×600 and restoreGeometry keeps a window on its screen.
    first.resize(780, 560)
    first.splitter.setSizes([200, 250, 330])
    sizes = first.splitter.sizes()
    first.commands.zoom_in.trigger()
    first.commands.zoom_in.trigger()
    first.commands.palette_modes[PaletteMode.DARK].trigger()
    first.list_pane.sort.setCurrentIndex(first.list_pane.sort.findData("title"))
    other = tmp_path / "other"
    other.mkdir()
    first.open_set(other)
    qtbot.waitUntil(lambda: first.session.catalog is not None and first.session.total() == 0)
    first.close()

    QApplication.instance().setPalette(QPalette())  # type: ignore[union-attr]
    second = make_window()
    assert (second.width(), second.height()) == (780, 560)
    assert second.splitter.sizes() == sizes
    assert second.appearance.zoom == 2
    assert second.commands.palette_modes[PaletteMode.DARK].isChecked()
    assert QGuiApplication.palette().color(QPalette.ColorRole.Base).name() == DARK.background
    assert second.list_pane.sort_key() == "title"
    assert second.settings.last_set == other.resolve()
    assert second.settings.recent_sets[:2] == [other.resolve(), card_set.resolve()]


def test_dark_palette_renders_the_card_dark(make_window: MakeWindow, card_set: Path) -> None:
    window = make_window(card_set)
    window.commands.palette_modes[PaletteMode.DARK].trigger()
    window.session.open_card("mali-sanctions-2023")
    assert window.card_view.palette().color(QPalette.ColorRole.Base).name() == DARK.background
    assert DARK.text in window.card_view.document().defaultStyleSheet()
    window.commands.palette_modes[PaletteMode.SYSTEM].trigger()
    assert DARK.text not in window.card_view.document().defaultStyleSheet()


def test_open_recent_lists_sets_and_opens_them(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path, tmp_path: Path
) -> None:
    window = make_window(card_set)
    gone = tmp_path / "gone"
    gone.mkdir()
    window.open_set(gone)
    qtbot.waitUntil(lambda: window.session.total() == 0)
    gone.rmdir()
    menu = window.menus.recent
    fill_recent(menu, window.settings.recent_sets, window.open_set, window.commands.clear_recent)
    tips = (safe_tooltip(str(gone)), safe_tooltip(str(card_set.resolve())))  # escaped paths
    entries = [a for a in menu.actions() if a.toolTip() in tips]
    assert [a.isEnabled() for a in entries] == [False, True]
    # By title, with the path beside it: two copies of a set differ (review #25).
    title, where = entries[1].text().split("\t")
    assert title.endswith("  Mali, Russia and the West")
    assert where == shown_path(card_set.resolve())
    assert entries[0].text().split("\t")[0].endswith("  gone")  # no title to read
    entries[1].trigger()
    qtbot.waitUntil(lambda: window.session.total() == 3)
    window.commands.clear_recent.trigger()
    assert window.settings.recent_sets == []


def test_open_set_uses_the_folder_dialog(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *args: str(card_set))
    )
    window.commands.open_set.trigger()
    qtbot.waitUntil(lambda: window.session.total() == 3)
    assert window.sets.root == card_set.resolve()


def drag_enter(mime: QMimeData, pos: QPoint) -> QDragEnterEvent:
    # PySide6 6.12 offers only the QPoint constructor, which Qt marks deprecated.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return QDragEnterEvent(
            pos,
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )


def test_dropping_a_folder_opens_it(qtbot: QtBot, make_window: MakeWindow, card_set: Path) -> None:
    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(card_set))])
    enter = drag_enter(mime, QPoint(100, 100))
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(100, 100),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    qtbot.waitUntil(lambda: window.session.total() == 3)


def test_dropping_a_file_is_refused(make_window: MakeWindow) -> None:
    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SHIPPED_CARDS / "cardset.yaml"))])
    enter = drag_enter(mime, QPoint(10, 10))
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_slot_actions_stay_hidden_until_a_feature_offers_them(qtbot: QtBot) -> None:
    bare = QMainWindow()
    qtbot.addWidget(bare)
    c = Actions(bare)
    menus = build_menus(bare, c)
    assert not menus.compare.menuAction().isVisible()
    assert not c.export_pdf.isVisible()
    c.compare.triggered.connect(lambda: None)
    c.offer(c.compare)
    assert menus.compare.menuAction().isVisible()
    assert c.compare.shortcut().toString() == "Ctrl+D"


def test_the_window_offers_comparison_export_and_print(window: MainWindow) -> None:
    c = window.commands
    assert window.menus.compare.menuAction().isVisible()
    for action in (c.compare, c.topic_matrix, c.recommendations, c.timeline, c.export_pdf):
        assert action.isVisible()
    assert c.export_pdf.shortcut().toString() == "Ctrl+Shift+E"
    assert c.print.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Print)
    # One key, one command: no shortcut is claimed twice.
    keys = [k.toString() for a in window.actions() for k in a.shortcuts()]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
