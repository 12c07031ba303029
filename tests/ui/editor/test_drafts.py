"""Drafts: unsaved edits written to the data folder as they change, offered back later."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.ui.editor import CardEditor, pending_drafts
from reader.ui.editor.drafts import drafts_dir
from tests.ui.editor.conftest import CARD, MakeEditor
from tests.ui.editor.test_card_editor import field, replace_text


def test_a_draft_is_written_found_and_restored_in_a_new_editor(
    qtbot: QtBot, make_editor: MakeEditor, data_dir: Path, card_set: Path
) -> None:
    editor = make_editor(draft_ms=10)
    replace_text(qtbot, editor, ("title",), "Kept through a crash")
    qtbot.waitUntil(lambda: len(pending_drafts(data_dir)) == 1)
    (draft,) = pending_drafts(data_dir)
    assert draft.card_path == (card_set / CARD).absolute()
    assert draft.data["title"] == "Kept through a crash"
    assert draft.matches((card_set / CARD).read_text(encoding="utf-8"))

    editor.deleteLater()  # as if killed: nothing saved, the draft left behind
    restored = make_editor(card_set / "mali-wagner-leverage-2021.yaml")
    restored.restore_draft(draft)
    assert restored.path() == (card_set / CARD).absolute()
    assert field(restored, "title").value() == "Kept through a crash"
    assert restored.is_modified()
    assert not restored.conflict.isVisible()
    assert restored.save()
    assert 'title: "Kept through a crash"' in (card_set / CARD).read_text(encoding="utf-8")
    assert pending_drafts(data_dir) == []


def test_a_draft_of_a_file_changed_since_shows_the_conflict_bar(
    qtbot: QtBot, make_editor: MakeEditor, data_dir: Path, card_set: Path
) -> None:
    editor = make_editor(draft_ms=10)
    replace_text(qtbot, editor, ("title",), "Mine")
    qtbot.waitUntil(lambda: len(pending_drafts(data_dir)) == 1)
    editor.deleteLater()
    path = card_set / CARD
    path.write_text(path.read_text(encoding="utf-8") + "# theirs\n", encoding="utf-8")
    restored = make_editor()
    restored.restore_draft(pending_drafts(data_dir)[0])
    assert restored.conflict.isVisible()
    assert not restored.save()  # not over their change until a choice is made
    assert path.read_text(encoding="utf-8").endswith("# theirs\n")


def test_revert_drops_the_draft_and_junk_is_skipped(
    qtbot: QtBot, editor: CardEditor, data_dir: Path
) -> None:
    (drafts_dir(data_dir)).mkdir(parents=True)
    (drafts_dir(data_dir) / "junk.json").write_text("{not json", encoding="utf-8")
    replace_text(qtbot, editor, ("title",), "Gone soon")
    editor.write_draft()
    assert len(pending_drafts(data_dir)) == 1
    editor.revert()
    assert pending_drafts(data_dir) == []


def test_a_draft_of_a_deleted_card_is_saved_back_into_its_file(
    qtbot: QtBot, make_editor: MakeEditor, data_dir: Path, card_set: Path
) -> None:
    editor = make_editor()
    replace_text(qtbot, editor, ("title",), "Saved again")
    editor.write_draft()
    editor.deleteLater()
    (card_set / CARD).unlink()
    restored = make_editor(card_set / "mali-wagner-leverage-2021.yaml")
    restored.restore_draft(pending_drafts(data_dir)[0])
    assert restored.conflict.isVisible()  # the file is not what the edits started from
    restored.keep_mine()
    assert restored.save()
    assert 'title: "Saved again"' in (card_set / CARD).read_text(encoding="utf-8")


def test_undoing_back_to_the_file_drops_the_draft(
    qtbot: QtBot, editor: CardEditor, data_dir: Path
) -> None:
    replace_text(qtbot, editor, ("title",), "For a moment")
    editor.write_draft()
    assert len(pending_drafts(data_dir)) == 1
    editor.undo_stack.undo()
    assert not editor.is_modified()
    assert pending_drafts(data_dir) == []
