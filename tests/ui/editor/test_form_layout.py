"""The form scrolls, not the boxes in it; the Summary is not shown twice at first (P11)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.ui.editor import CardEditor
from reader.ui.editor.text_fields import ProseField
from tests.ui.editor.test_card_editor import field, points


def test_boxes_grow_to_their_text_and_the_preview_is_folded(
    qtbot: QtBot, editor: CardEditor
) -> None:
    editor.resize(570, 740)  # beside the card list in a 1280-pixel window
    QApplication.processEvents()
    summary = field(editor, "summary")
    assert isinstance(summary, ProseField)
    assert summary.preview is not None
    assert not summary.preview_toggle.isChecked()
    assert not summary.preview.isVisible()  # the text once, in the box that edits it
    box = summary.edit  # a 2,000-character summary: in view whole (8 lines and a scroll bar)
    assert box.verticalScrollBar().maximum() == 0
    assert box.height() > 15 * box.fontMetrics().lineSpacing()
    thesis = field(editor, "thesis").control()
    assert thesis.verticalScrollBar().maximum() == 0  # a shorter text: whole, no scroll box
    argument = points(editor)
    assert len(argument.model.items) == 10
    view = argument.view
    assert view.verticalScrollBar().maximum() == 0  # all ten points in view
    summary.preview_toggle.click()
    preview = summary.preview
    qtbot.waitUntil(lambda: preview.isVisible() and preview.verticalScrollBar().maximum() == 0)
    assert preview.height() > 8 * preview.fontMetrics().lineSpacing()
