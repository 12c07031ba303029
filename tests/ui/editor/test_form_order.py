"""The form leads with what a reader fills in (P12): the format and id on one compact line, the
title in view; perspectives and the topic picker name topics by the set's labels."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from reader.render.tooltips import safe_tooltip
from reader.ui.editor import CardEditor
from reader.ui.editor.factory import TopicField
from reader.ui.editor.text_fields import ChoiceField
from tests.ui.editor.test_card_editor import field, points


def test_format_and_id_share_a_line_and_the_title_is_in_view(editor: CardEditor) -> None:
    """A wrong format is offered as a choice to pick right, the right one only shown."""
    editor.resize(570, 740)
    QApplication.processEvents()
    form = editor.form
    fmt = form.field_at(("format",))
    assert isinstance(fmt, ChoiceField)
    assert fmt.fixed.isVisible()  # read, not picked, while it is right
    assert fmt.fixed.text() == "briefing-card/1"
    assert not fmt.combo.isVisible()
    card_id = field(editor, "id")
    assert fmt.geometry().top() == card_id.geometry().top()  # one line
    title = field(editor, "title")
    viewport = form.viewport()
    bottom = title.mapTo(viewport, title.rect().bottomLeft()).y()
    assert bottom < 3 * card_id.height()  # the second line of the form (was the third)
    fmt.set_value("briefing-card/0")
    assert fmt.combo.isVisibleTo(fmt)
    assert not fmt.fixed.isVisibleTo(fmt)


def test_perspectives_and_the_topic_picker_show_topic_labels(
    qtbot: QtBot, editor: CardEditor
) -> None:
    listed = points(editor, "perspectives")
    line = listed.model.index(0).data()
    topic = listed.model.items[0]["topic"]
    assert topic not in line  # the set's label instead of the slug
    label = editor.form.context.topic_label(topic)
    assert label is not None
    assert label.split("\n", 1)[0] in line
    editor.form.focus_path(("perspectives", 0, "topic"))
    picker = editor.form.field_at(("perspectives", 0, "topic"))
    assert isinstance(picker, TopicField)
    completer = picker.edit.completer()
    assert completer is not None
    popup = completer.popup()
    assert popup is not None
    model = popup.model()
    completer.setCompletionPrefix("")
    index: QModelIndex = model.index(0, 0)
    option = QStyleOptionViewItem()
    popup.itemDelegate().initStyleOption(option, index)  # type: ignore[union-attr]
    assert option.text.endswith(f"({index.data()})")  # type: ignore[attr-defined]
    assert len(option.text) > len(index.data()) + 4  # type: ignore[attr-defined]
    # The set file's text is shown as written: the tooltip is escaped, never read as markup.
    text = editor.form.context.topic_label(index.data())
    assert text is not None
    assert index.data(Qt.ItemDataRole.ToolTipRole) == safe_tooltip(text)
