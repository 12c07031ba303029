"""Authoring in the window: the card's file from its menus, problems opened at their line, the
editor beside the source, quotes and locators captured from the source, drafts offered back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from reader.app.settings import Settings
from reader.authoring.skeleton import source_title
from reader.cards.load import load_set
from reader.cards.safe_yaml import read_yaml
from reader.ui import new_files
from reader.ui.editor.drafts import drafts_dir, write_draft
from reader.ui.main_window import MainWindow
from reader.ui.preferences_dialog import PreferencesDialog
from reader.ui.reading.file_actions import EDIT_HERE, field_at
from reader.verify.health import item_checks
from tests.ui.conftest import CRISIS_GROUP, MakeWindow
from tests.ui.evidence_support import DAM, copy_evidence, open_checked
from tests.ui.test_source_pane import paragraph, paragraph_point

CARD_FILE = ["Edit Card", "Open in External Editor", "Reveal in Folder", "Copy File Path"]


def menu_entries(qtbot: QtBot, open_menu: Callable[[], object]) -> list[str]:
    """The entries of the context menu ``open_menu`` shows (closed again at once)."""
    offered: list[str] = []

    def read() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        offered.extend(a.text().replace("&", "").split("\t")[0] for a in menu.actions())
        menu.close()

    QTimer.singleShot(0, read)
    open_menu()
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    return offered


@pytest.mark.qt_log_ignore("This plugin does not support")  # popups: raise(), grabbing
def test_the_card_file_from_the_list_and_the_card_and_a_new_set(
    qtbot: QtBot,
    window: MainWindow,
    opened_urls: list[QUrl],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.session.open_card(CRISIS_GROUP)
    view = window.list_pane.view
    row = view.visualRect(view.currentIndex()).center()
    viewport = window.card_view.viewport()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, QPoint(20, 20), viewport.mapToGlobal(QPoint(20, 20))
    )
    for entries in (
        menu_entries(qtbot, lambda: view.customContextMenuRequested.emit(row)),
        menu_entries(qtbot, lambda: QApplication.sendEvent(viewport, event)),
    ):
        assert all(entry in entries for entry in CARD_FILE), entries
    window.activateWindow()  # the offscreen platform leaves none active after a popup

    path = window.authoring.card_path()
    assert path is not None
    assert path.name == "crisis-group-mali-isolation-2023.yaml"
    window.commands.copy_path.trigger()
    assert QGuiApplication.clipboard().text() == str(path)
    assert str(path) in window.status.currentMessage()
    window.commands.reveal_file.trigger()
    assert opened_urls == [QUrl.fromLocalFile(str(path.parent))]

    # A problem reported at a line is fixed in the field written there.
    assert window.session.catalog is not None
    card = window.session.catalog.card(CRISIS_GROUP)
    assert card is not None
    line, _ = card.position("argument", 1, "where")
    assert field_at(card, line) == ("argument", 1, "where")

    # File › New Set…: a folder's set file, and the set opened.
    folder = tmp_path / "new set"
    monkeypatch.setattr(new_files, "ask_set_folder", lambda _parent, _start: folder)
    window.commands.new_set.trigger()
    assert (folder / "cardset.yaml").is_file()
    qtbot.waitUntil(lambda: window.sets.root == folder.resolve() and not window.sets.busy)
    assert window.session.catalog is not None
    assert window.session.catalog.info.title == "new set"


def broken(card_set: Path) -> Path:
    path = card_set / "broken.yaml"
    path.write_text("format: briefing-card/1\nid: broken\ntitle: [unclosed\n", "utf-8")
    return path


def activate_first_problem(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.problems.model.rowCount() > 0)
    table = window.problems.table
    table.activated.emit(table.model().index(0, 0))


def test_a_problem_opens_an_editor_or_says_why_it_cannot(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    path = broken(card_set)
    window = make_window(card_set)
    activate_first_problem(qtbot, window)  # by default: the built-in editor
    editor = window.authoring.editor
    assert editor is not None
    assert window.authoring.editing()
    assert editor.path() == path.absolute()
    assert not editor.form.isEnabled()  # a file that is not YAML: its reason in the header
    window.commands.clear_search.trigger()  # Escape: back to the card
    assert not window.authoring.editing()

    window.settings.problems_open_externally = True
    window.settings.external_editor = "no-such-editor-anywhere --line {line} {file}"
    activate_first_problem(qtbot, window)
    box = window.authoring.files.failure
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert "no-such-editor-anywhere" in box.text()
    assert not window.authoring.editing()
    edit = next(b for b in box.buttons() if b.text() == EDIT_HERE)
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    assert window.authoring.editing()
    assert editor.path() == path.absolute()


def test_a_quote_and_a_locator_captured_from_the_source_pass_the_health_check(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    root = copy_evidence(tmp_path / "evidence")
    window = make_window(root)
    open_checked(qtbot, window, DAM)
    window.commands.edit_card.trigger()
    editor = window.authoring.editor
    assert editor is not None
    assert window.content.currentWidget() is editor
    assert editor.path() == (root / "dam-report.yaml").absolute()
    pane = window.sources.pane
    assert pane.isVisible()  # beside it: the card's source
    qtbot.waitUntil(lambda: pane.evidence is not None and pane.evidence.source is not None)
    assert pane.evidence is not None
    source = pane.evidence.source
    assert source is not None
    assert not window.commands.add_quote.isEnabled()  # nothing selected yet

    # Words selected across two paragraphs of the source, as a reader drags over them.
    first, second = paragraph(window, "§I ¶2"), paragraph(window, "§I ¶3")
    layout = pane.view.source_layout
    assert layout is not None
    start = layout.document.findBlockByNumber(layout.block_of[first])
    end = layout.document.findBlockByNumber(layout.block_of[second])
    cursor = pane.view.textCursor()
    cursor.setPosition(start.position() + start.length() - 30)
    cursor.setPosition(end.position() + 25, cursor.MoveMode.KeepAnchor)
    pane.view.setTextCursor(cursor)
    assert window.commands.add_quote.isEnabled()
    window.commands.add_quote.trigger()
    quotes = editor.form.value()["quotes"]
    added = quotes[-1]
    assert added["where"] == "§I ¶2–3"

    # A locator field in focus, then a paragraph clicked: its locator; shift-click: a range.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    where = editor.form.focus_path(("argument", 0, "where"))
    assert where is not None
    qtbot.waitUntil(lambda: editor.wants_locator())
    view = pane.view.viewport()
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=paragraph_point(window, "§II ¶1"))
    qtbot.mouseClick(
        view,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        paragraph_point(window, "§II ¶3"),
    )
    assert editor.form.value()["argument"][0]["where"] == "§II ¶1–3"

    assert editor.save()
    saved = load_set(root).card(DAM)
    assert saved is not None
    checks = item_checks(saved, source)  # the check the Problems panel and `check` run
    index = len(quotes) - 1
    assert [c for c in checks if (c.field, c.index) == ("quotes", index)] == []
    assert [c for c in checks if (c.field, c.index) == ("argument", 0) and c.is_error] == []
    window.commands.clear_search.trigger()  # Escape: back to the card
    assert window.content.currentWidget() is window.card_view


def offered_draft(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path, card: Path, data: Any
) -> tuple[MainWindow, QMessageBox]:
    """A window opened on ``card_set`` with a draft of ``card`` (as ``data``) left behind,
    and the box that offers it back."""
    write_draft(drafts_dir(), card, card.read_text("utf-8"), data)
    window = make_window(card_set)
    qtbot.waitUntil(lambda: window.authoring.drafts.box is not None)
    box = window.authoring.drafts.box
    assert box is not None
    return window, box


def test_a_file_name_like_markup_is_shown_as_written(
    qtbot: QtBot,
    make_window: MakeWindow,
    card_set: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BRIEFING_READER_DATA_DIR", str(tmp_path / "data"))
    card = card_set / "crisis-group-mali-isolation-2023.yaml"
    named = card.rename(card_set / "x<img src=red.png><b>bold.yaml")
    text = named.read_text("utf-8")
    _, box = offered_draft(qtbot, make_window, card_set, named, read_yaml(text).data)
    labels = [label for label in box.findChildren(QLabel) if named.name in label.text()]
    assert labels
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


def test_a_draft_left_behind_is_offered_at_start(
    qtbot: QtBot,
    make_window: MakeWindow,
    card_set: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BRIEFING_READER_DATA_DIR", str(tmp_path / "data"))
    card = card_set / "crisis-group-mali-isolation-2023.yaml"
    text = card.read_text("utf-8")
    draft_data = read_yaml(text).data
    draft_data["title"] = "A title typed before the crash"
    window, box = offered_draft(qtbot, make_window, card_set, card, draft_data)
    assert card.name in box.text()
    restore = next(b for b in box.buttons() if b.text() == "Restore")
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    editor = window.authoring.editor
    assert editor is not None
    assert window.authoring.editing()
    assert editor.form.value()["title"] == "A title typed before the crash"
    assert editor.is_modified()

    # Closing the window asks; Cancel keeps it open with the edits.
    monkeypatch.setattr(editor, "ask_unsaved", lambda: QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible()
    monkeypatch.setattr(editor, "ask_unsaved", lambda: QMessageBox.StandardButton.Discard)


def test_new_card_from_the_source_shown_opens_in_the_editor(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_evidence(tmp_path / "evidence")
    window = make_window(root)
    open_checked(qtbot, window, DAM)
    window.commands.show_source.trigger()
    pane = window.sources.pane
    qtbot.waitUntil(lambda: pane.evidence is not None and pane.evidence.source is not None)
    offered: list[Path | None] = []

    def choose(_parent: object, shown: Path | None, _folder: Path) -> Path | None:
        offered.append(shown)
        return shown

    monkeypatch.setattr(new_files, "ask_card_source", choose)
    monkeypatch.setattr(new_files, "ask_card_title", lambda _parent, text: source_title(text))
    window.commands.new_card.trigger()
    assert offered == [(root / "sources" / "report.txt").resolve()]
    made = root / "the-lonvar-dam-dispute-water-power-and-borders.yaml"
    assert made.is_file()
    assert "sources/report.txt" in made.read_text("utf-8")
    editor = window.authoring.editor
    assert editor is not None
    assert window.authoring.editing()
    assert editor.path() == made.absolute()
    assert editor.form.value()["title"] == "The Lonvar Dam Dispute: Water, Power and Borders"

    # Not in the list (its TODOs keep it out), it still has its source beside it to quote from.
    qtbot.waitUntil(lambda: pane.evidence is not None and pane.evidence.card.id != DAM)
    assert pane.evidence is not None
    assert pane.evidence.card.source.file == "sources/report.txt"
    qtbot.waitUntil(lambda: pane.evidence is not None and pane.evidence.source is not None)
    layout = pane.view.source_layout
    assert layout is not None
    block = layout.document.findBlockByNumber(layout.block_of[paragraph(window, "§I ¶2")])
    cursor = pane.view.textCursor()
    cursor.setPosition(block.position() + 10)
    cursor.setPosition(block.position() + 60, cursor.MoveMode.KeepAnchor)
    pane.view.setTextCursor(cursor)
    window.commands.add_quote.trigger()
    assert editor.form.value()["quotes"][-1]["where"] == "§I ¶2"
    assert editor.save()


def test_preferences_refuse_a_command_that_cannot_run(qtbot: QtBot, settings: Settings) -> None:
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    dialog.command.setText("kate --line {line} '{file}")  # an unclosed quote
    assert not ok.isEnabled()
    assert dialog.problem.text()
    dialog.command.setText("kate --line {line} {file}")
    dialog.problems_external.setChecked(True)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert settings.external_editor == "kate --line {line} {file}"
    assert settings.problems_open_externally
