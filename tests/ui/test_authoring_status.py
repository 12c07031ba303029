"""The status bar's problem count agrees with the editor while a card is edited (N8)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.cards.problems import error
from reader.ui.editor import CardEditor
from reader.ui.reading.status_bar import StatusBar
from tests.ui.conftest import SANCTIONS, MakeWindow
from tests.ui.editor.test_card_editor import replace_text


def test_the_status_bar_counts_the_edited_text(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    window = make_window(card_set)
    problems = window.status.problems
    assert problems.text() == "No problems"
    window.session.open_card(SANCTIONS)
    window.commands.edit_card.trigger()
    editor = window.authoring.editor
    assert isinstance(editor, CardEditor)
    assert problems.text() == "Editing: no problems"
    replace_text(qtbot, editor, ("thesis",), "")
    qtbot.waitUntil(lambda: problems.text() == "Editing: 1 error")  # not yet saved
    assert editor.header.verdict.text().startswith("1 error")
    assert editor.save()
    qtbot.waitUntil(lambda: bool(window.session.catalog and window.session.catalog.problems))
    assert problems.text() == "Editing: 1 error"  # the file's too now: counted once
    window.authoring.close_editor()
    # The saved file's, from the set (the status bar hears of the new catalog after the
    # session: wait for what it shows, not for the session).
    qtbot.waitUntil(lambda: problems.text() == "1 error")


def test_other_files_problems_are_counted_apart(qtbot: QtBot) -> None:
    bar = StatusBar()
    qtbot.addWidget(bar)
    on_disk = [
        error("a.yaml", (1, 1), "x"),
        error("a.yaml", (2, 1), "y"),
        error("b.yaml", (1, 1), "z"),
    ]
    bar.show_problems(on_disk)
    assert bar.problems.text() == "3 errors"
    bar.show_editing("a.yaml", [])
    assert bar.problems.text() == "Editing: no problems · other files: 1 error"
    bar.show_editing(None)
    assert bar.problems.text() == "3 errors"
