"""Article Starts Here / Ends Here in the source pane beside the editor: ``source.lines`` set
from a paragraph, the source read again within it, and locators captured from then on counted
within it (reader.ui.article_range)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from reader.cards.load import load_set
from reader.ui.main_window import MainWindow
from reader.verify.health import item_checks
from reader.verify.source_text import SourceText
from tests.ui.conftest import MakeWindow
from tests.ui.evidence_support import copy_evidence, open_checked
from tests.ui.test_source_pane import paragraph, paragraph_point

ORCHARD = "orchard-article-right"
#: The article's first paragraph (line 3 of sources/article.txt; line 1 is its headline).
FIRST_WORDS = "Young people are leaving the orchard towns"


#: The waits of this test go through a source re-check job each: generous under a loaded
#: machine (the suite on two busy cores), yet far below the test's own 60 s limit.
WAIT_MS = 15_000


def choose_in_menu(qtbot: QtBot, window: MainWindow, locator: str, entry: str) -> list[str]:
    """Right-click the paragraph at ``locator`` in the source pane and choose ``entry``; the
    entries the menu offered."""
    view = window.sources.pane.view
    point = paragraph_point(window, locator)
    offered: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        offered.extend(a.text() for a in menu.actions())
        chosen = next((a for a in menu.actions() if a.text() == entry), None)
        menu.close()
        if chosen is not None:
            chosen.trigger()

    QTimer.singleShot(0, choose)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=WAIT_MS)
    return offered


@pytest.mark.qt_log_ignore("This plugin does not support")  # popups: raise(), grabbing
def test_article_starts_here_sets_the_lines_and_counts_locators_within_them(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_evidence(tmp_path / "evidence")
    card_file = root / f"{ORCHARD}.yaml"  # as New Card makes it: no range
    card_file.write_text(card_file.read_text("utf-8").replace('  lines: "3-11"\n', ""), "utf-8")
    window = make_window(root)
    open_checked(qtbot, window, ORCHARD)
    window.commands.show_source.trigger()
    pane = window.sources.pane
    qtbot.waitUntil(
        lambda: pane.evidence is not None and pane.evidence.source is not None, timeout=WAIT_MS
    )
    assert "Article Starts Here" not in choose_in_menu(qtbot, window, "¶2", "")  # reading only
    window.commands.edit_card.trigger()
    editor = window.authoring.editor
    assert editor is not None
    monkeypatch.setattr(editor, "ask_unsaved", lambda: QMessageBox.StandardButton.Discard)
    qtbot.waitUntil(
        lambda: pane.evidence is not None and pane.evidence.source is not None, timeout=WAIT_MS
    )
    assert paragraph(window, "¶2").text.startswith(FIRST_WORDS)  # the headline was ¶1

    offered = choose_in_menu(qtbot, window, "¶2", "Article Starts Here")
    assert "Article Ends Here" in offered
    assert editor.form.value()["source"]["lines"] == "3-11"
    qtbot.waitUntil(
        lambda: (
            pane.evidence is not None
            and pane.evidence.card.source.lines == (3, 11)
            and pane.evidence.source is not None
        ),
        timeout=WAIT_MS,
    )
    assert paragraph(window, "¶1").text.startswith(FIRST_WORDS)
    assert "counted from line 3" in pane.footer.text()
    assert "captured before" in pane.footer.text()  # the card's ¶ locators were made before
    editor.undo_stack.undo()  # one undoable change, and the pane follows it
    assert "lines" not in editor.form.value()["source"]
    qtbot.waitUntil(
        lambda: (
            pane.evidence is not None
            and pane.evidence.source is not None
            and paragraph(window, "¶2").text.startswith(FIRST_WORDS)
        ),
        timeout=WAIT_MS,
    )
    editor.undo_stack.redo()
    qtbot.waitUntil(
        lambda: (
            pane.evidence is not None
            and pane.evidence.source is not None
            and paragraph(window, "¶1").text.startswith(FIRST_WORDS)
        ),
        timeout=WAIT_MS,
    )

    # The article ends at its fourth paragraph (line 9): the fifth is left out.
    choose_in_menu(qtbot, window, "¶4", "Article Ends Here")
    assert editor.form.value()["source"]["lines"] == "3-9"
    qtbot.waitUntil(
        lambda: (
            pane.evidence is not None
            and pane.evidence.source is not None
            and len(pane.evidence.source.paragraphs) == 4
        ),
        timeout=WAIT_MS,
    )

    # A paragraph clicked into a locator field counts within the range, and passes the check.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    assert editor.form.focus_path(("argument", 1, "where")) is not None
    qtbot.waitUntil(editor.wants_locator, timeout=WAIT_MS)
    view = pane.view.viewport()
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=paragraph_point(window, "¶3"))
    assert editor.form.value()["argument"][1]["where"] == "¶3"
    assert editor.save()
    saved = load_set(root).card(ORCHARD)
    assert saved is not None
    assert saved.source.lines == (3, 9)
    text = (root / "sources" / "article.txt").read_text("utf-8")
    checks = item_checks(saved, SourceText.parse(text, saved.source.lines))
    assert [c for c in checks if (c.field, c.index) == ("argument", 1)] == []
