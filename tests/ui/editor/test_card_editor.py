"""The card editor driven as a person would: typing, keys, buttons; the file checked after."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QPlainTextEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from reader.cards.safe_yaml import read_yaml
from reader.ui.editor import CardEditor
from reader.ui.editor.list_fields import StringsField
from reader.ui.editor.object_list import ObjectListField
from reader.ui.editor.text_fields import ProseField, TextField
from tests.ui.editor.conftest import CARD, MakeEditor


def field(editor: CardEditor, *path: str | int) -> TextField:
    found = editor.form.field_at(path)
    assert isinstance(found, TextField), path
    return found


def replace_text(qtbot: QtBot, editor: CardEditor, path: tuple[str | int, ...], text: str) -> None:
    """Click into the field, select all and type ``text`` (or delete, for "")."""
    control = field(editor, *path).control()
    assert isinstance(control, QLineEdit | QPlainTextEdit)
    editor.form.focus_path(path)
    qtbot.keyClick(control, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        qtbot.keyClicks(control, text)
    else:
        qtbot.keyClick(control, Qt.Key.Key_Delete)


def changed_lines(before: bytes, after: bytes) -> list[tuple[str, str]]:
    old, new = before.decode().splitlines(), after.decode().splitlines()
    assert len(old) == len(new)
    return [(a, b) for a, b in zip(old, new, strict=True) if a != b]


def test_open_and_save_unchanged_is_byte_identical(editor: CardEditor, card_set: Path) -> None:
    path = card_set / CARD
    before = path.read_bytes()
    assert not editor.is_modified()
    assert editor.verdict.problems == ()
    assert editor.save()
    assert path.read_bytes() == before


def test_a_typed_claim_changes_only_its_line(
    qtbot: QtBot, editor: CardEditor, card_set: Path
) -> None:
    path = card_set / CARD
    before = path.read_bytes()
    replace_text(qtbot, editor, ("argument", 1, "claim"), "Wagner made things worse.")
    assert editor.is_modified()
    assert editor.header.name.text().endswith("*")
    with qtbot.waitSignal(editor.saved):
        qtbot.keyClick(
            field(editor, "argument", 1, "claim").control(),
            Qt.Key.Key_S,
            Qt.KeyboardModifier.ControlModifier,
        )
    ((old, new),) = changed_lines(before, path.read_bytes())
    assert old.startswith("  - claim: ")
    assert new == '  - claim: "Wagner made things worse."'
    assert not editor.is_modified()
    assert editor.header.status.text() == "Saved."
    claim = field(editor, "argument", 1, "claim")
    qtbot.keyClick(claim.control(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert claim.value() == old.removeprefix("  - claim: ").strip('"').replace('\\"', '"')
    assert editor.is_modified()  # undone past the save


def test_typing_is_one_undo_step_and_ctrl_z_undoes_it(qtbot: QtBot, editor: CardEditor) -> None:
    title = field(editor, "title")
    original = title.value()
    replace_text(qtbot, editor, ("title",), "Sanctions")
    assert editor.undo_stack.count() == 1
    qtbot.keyClick(title.control(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert title.value() == original
    assert not editor.is_modified()
    editor.undo_stack.redo()
    assert title.value() == "Sanctions"


def points(editor: CardEditor, key: str = "argument") -> ObjectListField:
    found = editor.form.field_at((key,))
    assert isinstance(found, ObjectListField)
    return found


def test_points_reorder_by_keyboard_with_undo_and_redo(
    qtbot: QtBot, editor: CardEditor, card_set: Path
) -> None:
    first, second = (editor.form.value()["argument"][i] for i in (0, 1))
    claim = field(editor, "argument", 0, "claim").control()
    editor.form.focus_path(("argument", 0, "claim"))
    qtbot.keyClick(claim, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert editor.form.value()["argument"][:2] == [second, first]
    assert claim.hasFocus()  # the moved point keeps the focus: Alt+Down again moves it on
    listed = points(editor)
    assert listed.view.currentIndex().row() == 1
    assert listed.detail_title.text() == "Argument point 2 of 10"
    assert listed.model.summary(0) == second["claim"]
    editor.undo_stack.undo()
    assert editor.form.value()["argument"][:2] == [first, second]
    editor.undo_stack.redo()
    assert editor.save()
    saved = read_yaml((card_set / CARD).read_text(encoding="utf-8")).data
    assert saved["argument"][:2] == [second, first]


def test_a_drop_in_the_list_is_one_undoable_move(editor: CardEditor) -> None:
    before = editor.form.value()["argument"]
    listed = points(editor)
    # What QListView does for an item dropped above the fourth line.
    assert listed.model.moveRow(QModelIndex(), 0, QModelIndex(), 3)
    assert editor.form.value()["argument"][:3] == [before[1], before[2], before[0]]
    assert editor.undo_stack.count() == 1
    editor.undo_stack.undo()
    assert editor.form.value()["argument"] == before


def test_the_item_model_passes_qt_checks(editor: CardEditor, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(points(editor).model, force_py=True)


def test_items_are_added_and_removed_as_steps(qtbot: QtBot, editor: CardEditor) -> None:
    actors = points(editor, "actors")
    count = actors.model.rowCount()
    qtbot.mouseClick(actors.add_button, Qt.MouseButton.LeftButton)
    assert actors.model.rowCount() == count + 1
    qtbot.keyClicks(field(editor, "actors", count, "name").control(), "Adama Bagayoko")
    assert editor.form.value()["actors"][-1] == {"name": "Adama Bagayoko"}
    assert actors.model.summary(count) == "Adama Bagayoko"
    qtbot.mouseClick(actors.tool_buttons["Remove"], Qt.MouseButton.LeftButton)
    assert actors.model.rowCount() == count
    editor.undo_stack.undo()  # the removal
    assert editor.form.value()["actors"][-1] == {"name": "Adama Bagayoko"}
    editor.undo_stack.undo()  # the name
    editor.undo_stack.undo()  # the new actor
    assert actors.model.rowCount() == count
    assert editor.undo_stack.isClean()


def test_clearing_a_required_field_shows_the_loaders_error_there(
    qtbot: QtBot, editor: CardEditor
) -> None:
    thesis = field(editor, "thesis")
    replace_text(qtbot, editor, ("thesis",), "")
    qtbot.waitUntil(thesis.message.isVisible)
    assert thesis.message.text() == "`thesis` must not be blank"
    assert editor.header.verdict.text().startswith("1 error")
    replace_text(qtbot, editor, ("thesis",), "Back.")
    qtbot.waitUntil(lambda: not thesis.message.isVisible())
    replace_text(qtbot, editor, ("thesis",), "")
    qtbot.waitUntil(thesis.message.isVisible)
    assert editor.save()  # a card with errors is saved, and the header says what it means
    assert editor.header.status.text() == (
        "Saved with 1 error; the card stays out of the list until it is fixed: "
        "`thesis` must not be blank"
    )


def test_a_new_tag_is_flagged_and_a_stance_completed(qtbot: QtBot, editor: CardEditor) -> None:
    tags = editor.form.field_at(("tags",))
    assert isinstance(tags, StringsField)
    assert not tags.hint.isVisible()
    tags.edit.setText(tags.edit.text() + ", theme/brand-new")
    assert tags.hint.isVisible()
    assert "theme/brand-new" in tags.hint.text()
    assert editor.form.value()["tags"][-1] == "theme/brand-new"
    stance = field(editor, "perspectives", 0, "stance").control()
    assert isinstance(stance, QLineEdit)
    assert stance.completer() is not None
    assert "skeptical" in stance.completer().model().stringList()  # type: ignore[attr-defined]
    topic = field(editor, "perspectives", 0, "topic")
    assert topic.hint.text() == "Does the Russian partnership bring security?"


def test_open_at_a_field_focuses_it(make_editor: MakeEditor, card_set: Path) -> None:
    editor = make_editor()
    editor.open_file(card_set / CARD, field=("argument", 2, "where"))
    assert field(editor, "argument", 2, "where").control().hasFocus()


def test_quote_capture_and_locator_fill(qtbot: QtBot, editor: CardEditor) -> None:
    quotes = len(editor.form.value().get("quotes") or [])
    editor.add_quote("the words, verbatim", "¶4")
    assert editor.form.value()["quotes"][-1] == {"text": "the words, verbatim", "where": "¶4"}
    editor.form.focus_path(("argument", 0, "where"))
    assert editor.wants_locator()
    editor.header.save_button.setFocus()  # focus elsewhere in the editor: no locator wanted
    assert not editor.wants_locator()
    editor.form.focus_path(("argument", 0, "where"))
    editor.fill_locator("¶2–3")
    assert editor.form.value()["argument"][0]["where"] == "¶2–3"
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert len(editor.form.value().get("quotes") or []) == quotes


@pytest.mark.parametrize(
    ("answer", "may_close", "saved"),
    [
        (QMessageBox.StandardButton.Cancel, False, False),
        (QMessageBox.StandardButton.Discard, True, False),
        (QMessageBox.StandardButton.Save, True, True),
    ],
)
def test_close_asks_about_unsaved_changes(
    qtbot: QtBot,
    editor: CardEditor,
    card_set: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: QMessageBox.StandardButton,
    may_close: bool,
    saved: bool,
) -> None:
    before = (card_set / CARD).read_bytes()
    replace_text(qtbot, editor, ("title",), "Changed")
    monkeypatch.setattr(editor, "ask_unsaved", lambda: answer)
    assert editor.maybe_close() is may_close
    assert ((card_set / CARD).read_bytes() != before) is saved
    assert editor.is_modified() is (answer == QMessageBox.StandardButton.Cancel)


def test_revert_brings_back_the_file(qtbot: QtBot, editor: CardEditor) -> None:
    original = field(editor, "title").value()
    replace_text(qtbot, editor, ("title",), "Changed")
    qtbot.mouseClick(editor.header.revert_button, Qt.MouseButton.LeftButton)
    assert field(editor, "title").value() == original
    assert not editor.is_modified()
    assert editor.undo_stack.count() == 0


def test_a_file_that_is_not_yaml_opens_disabled_with_the_reason(
    make_editor: MakeEditor, card_set: Path
) -> None:
    broken = card_set / "broken.yaml"
    broken.write_text("id: [unclosed\n", encoding="utf-8")
    editor = make_editor(broken)
    assert not editor.form.isEnabled()
    assert "line 2" in editor.header.verdict.text() or "line 1" in editor.header.verdict.text()
    assert not editor.save()
    assert broken.read_text(encoding="utf-8") == "id: [unclosed\n"


def test_an_id_another_card_uses_is_an_error_at_the_id(qtbot: QtBot, editor: CardEditor) -> None:
    replace_text(qtbot, editor, ("id",), "mali-wagner-leverage-2021")
    card_id = field(editor, "id")
    qtbot.waitUntil(card_id.message.isVisible)
    assert card_id.message.text().startswith("duplicate id 'mali-wagner-leverage-2021': ")


def test_a_wrong_format_line_can_be_picked_right(make_editor: MakeEditor, card_set: Path) -> None:
    path = card_set / CARD
    path.write_text(
        path.read_text(encoding="utf-8").replace("briefing-card/1", "briefing-card/2", 1), "utf-8"
    )
    editor = make_editor()
    combo = field(editor, "format").control()
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "briefing-card/2"
    assert editor.verdict.errors
    combo.setCurrentText("briefing-card/1")
    editor.validate()
    assert editor.verdict.problems == ()
    assert editor.undo_stack.count() == 1


HOSTILE = """\
format: briefing-card/1
id: odd-shapes
title: [a, list]
source: just text
thesis: "<b>bold</b> & <img src='x'>"
summary: ok
argument:
  - a bare string
  - claim: fine
tags: one-tag
extra: kept  # not a field of the format
"""


def test_values_of_the_wrong_shape_are_kept_and_shown_disabled(
    make_editor: MakeEditor, card_set: Path
) -> None:
    path = card_set / "odd.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    editor = make_editor(path)
    assert not field(editor, "title").control().isEnabled()
    assert field(editor, "thesis").value() == "<b>bold</b> & <img src='x'>"
    assert points(editor).model.summary(0) == "a bare string"
    editor.form.focus_path(("argument", 0))
    assert not field(editor, "argument", 0, "claim").isEnabled()
    assert editor.verdict.errors  # the loader's own words, at their fields
    assert editor.save()
    assert path.read_text(encoding="utf-8") == HOSTILE


def test_the_summary_preview_renders_markdown_as_the_card_does(
    qtbot: QtBot, make_editor: MakeEditor
) -> None:
    editor = make_editor()
    summary = field(editor, "summary")
    assert isinstance(summary, ProseField)
    assert summary.preview is not None
    assert not summary.preview_toggle.isChecked()  # folded at first: the box shows the text
    summary.preview_toggle.click()
    replace_text(qtbot, editor, ("summary",), "Some **bold** words and <b>markup</b>")
    preview = summary.preview
    qtbot.waitUntil(lambda: preview.toPlainText().strip() == "Some bold words and <b>markup</b>")
    assert preview.isVisible()
    assert preview.document().find("bold").charFormat().fontWeight() > 400
    again = field(make_editor(), "summary")  # open as it was left
    assert isinstance(again, ProseField)
    assert again.preview_toggle.isChecked()
    summary.preview_toggle.click()
    assert not preview.isVisible()


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing|propagateSizeHints)")
def test_the_topic_picker_lists_the_sets_topics(qtbot: QtBot, editor: CardEditor) -> None:
    topic = field(editor, "perspectives", 0, "topic")
    edit = topic.control()
    assert isinstance(edit, QLineEdit)
    (offer,) = [a for a in edit.actions() if a.objectName() == "offer-all"]
    offer.trigger()
    completer = edit.completer()
    assert completer is not None
    assert completer.popup().isVisible()
    assert completer.completionCount() == 8  # the shipped set's topics
    popup = completer.popup()
    row = next(
        i
        for i in range(completer.completionCount())
        if popup.model().index(i, 0).data() == "why-russia"
    )
    place = popup.visualRect(popup.model().index(row, 0)).center()
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=place)
    assert edit.text() == "why-russia"
    assert topic.hint.text() == "Why Mali turned to Russia"
    assert editor.undo_stack.count() == 1


def test_the_list_itself_answers_alt_arrows_and_delete(qtbot: QtBot, editor: CardEditor) -> None:
    before = editor.form.value()["timeline"]
    listed = points(editor, "timeline")
    editor.form.focus_path(("timeline", 2))
    assert listed.view.hasFocus()
    qtbot.keyClick(listed.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert editor.form.value()["timeline"][1] == before[2]
    assert listed.view.currentIndex().row() == 1
    qtbot.keyClick(listed.view, Qt.Key.Key_Delete)
    assert editor.form.value()["timeline"] == [before[0], before[1], *before[3:]]
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert editor.form.value()["timeline"] == before
