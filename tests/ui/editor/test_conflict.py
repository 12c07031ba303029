"""The file changes on disk while the editor holds changes: the bar and its three choices."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.ui.editor import CardEditor
from reader.ui.editor.conflict import CompareDialog
from tests.ui.editor.conftest import CARD
from tests.ui.editor.test_card_editor import field, replace_text

ORIGINAL_TITLE = "Will crackdown on Mali over Wagner mercenaries actually do anything?"


def write_theirs(path: Path, title: str) -> None:
    """Replace the file as editors and git do: a new file renamed over the old one."""
    text = path.read_text(encoding="utf-8").replace(ORIGINAL_TITLE, title)
    temporary = path.with_name(".theirs.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


@pytest.fixture
def conflicted(qtbot: QtBot, editor: CardEditor, card_set: Path) -> CardEditor:
    replace_text(qtbot, editor, ("thesis",), "My thesis.")
    write_theirs(card_set / CARD, "Their title")
    qtbot.waitUntil(editor.conflict.isVisible)
    assert sorted(editor.conflict.buttons) == ["Compare", "Keep Mine", "Take Theirs"]
    return editor


def test_without_local_changes_the_file_is_just_reloaded(
    qtbot: QtBot, editor: CardEditor, card_set: Path
) -> None:
    write_theirs(card_set / CARD, "Their title")
    qtbot.waitUntil(lambda: field(editor, "title").value() == "Their title")
    assert not editor.conflict.isVisible()
    assert not editor.is_modified()


def test_save_refuses_until_a_choice_then_keep_mine_overwrites(
    qtbot: QtBot, conflicted: CardEditor, card_set: Path
) -> None:
    path = card_set / CARD
    assert not conflicted.save()
    assert "Their title" in path.read_text(encoding="utf-8")
    qtbot.mouseClick(conflicted.conflict.buttons["Keep Mine"], Qt.MouseButton.LeftButton)
    assert not conflicted.conflict.isVisible()
    assert conflicted.save()
    text = path.read_text(encoding="utf-8")
    assert 'thesis: "My thesis."' in text
    assert ORIGINAL_TITLE in text  # mine: their title is replaced, knowingly


def test_take_theirs_drops_my_edits(qtbot: QtBot, conflicted: CardEditor, card_set: Path) -> None:
    before = (card_set / CARD).read_bytes()
    qtbot.mouseClick(conflicted.conflict.buttons["Take Theirs"], Qt.MouseButton.LeftButton)
    assert field(conflicted, "title").value() == "Their title"
    assert field(conflicted, "thesis").value() != "My thesis."
    assert not conflicted.is_modified()
    assert not conflicted.conflict.isVisible()
    assert (card_set / CARD).read_bytes() == before


@pytest.mark.parametrize("choice", [CompareDialog.KEEP_MINE, CompareDialog.TAKE_THEIRS])
def test_compare_shows_both_and_carries_out_the_choice(
    qtbot: QtBot, conflicted: CardEditor, monkeypatch: pytest.MonkeyPatch, choice: int
) -> None:
    shown: list[CompareDialog] = []

    def answer(dialog: CompareDialog) -> int:
        shown.append(dialog)
        return choice

    monkeypatch.setattr(conflicted, "run_compare", answer)
    qtbot.mouseClick(conflicted.conflict.buttons["Compare"], Qt.MouseButton.LeftButton)
    (dialog,) = shown
    assert 'thesis: "My thesis."' in dialog.mine.toPlainText()
    assert ORIGINAL_TITLE in dialog.mine.toPlainText()
    assert 'title: "Their title"' in dialog.theirs.toPlainText()
    assert not conflicted.conflict.isVisible()
    kept = field(conflicted, "thesis").value() == "My thesis."
    assert kept is (choice == CompareDialog.KEEP_MINE)
