"""Set-wide tag changes from the tag tree: a preview of the files, one undoable step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from reader.app.settings import PaletteMode
from reader.authoring.tags import plan_tag_rename
from reader.authoring.topics import plan_topic_remove
from reader.cards.filters import Filter, FilterKind
from reader.ui.main_window import MainWindow
from reader.ui.plan_preview import PlanPreview
from reader.ui.reading.tag_tree_model import FilterRole


def tag_row(window: MainWindow, slug: str) -> QModelIndex:
    model = window.sidebar.model
    pending = [QModelIndex()]
    while pending:
        parent = pending.pop()
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if index.data(FilterRole) == Filter(FilterKind.TAG, slug):
                return index
            pending.append(index)
    raise AssertionError(f"no row for {slug}")


def choose_from_context_menu(qtbot: QtBot, window: MainWindow, slug: str, entry: str) -> None:
    tree = window.sidebar.tree
    index = tag_row(window, slug)
    tree.scrollTo(index)
    chosen: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if a.text().replace("&", "") == entry)
        chosen.append(action.text())
        menu.close()
        action.trigger()

    QTimer.singleShot(0, choose)
    tree.customContextMenuRequested.emit(tree.visualRect(index).center())
    qtbot.waitUntil(lambda: bool(chosen))


@pytest.mark.qt_log_ignore("This plugin does not support")  # popups: raise(), grabbing
def test_rename_a_tag_from_the_tree_preview_apply_and_undo(
    qtbot: QtBot, window: MainWindow, card_set: Path
) -> None:
    before = {p.name: p.read_bytes() for p in card_set.glob("*.yaml")}
    choose_from_context_menu(qtbot, window, "actor", "Rename Tag…")
    ask = window.findChild(QInputDialog, "set-edit-input")
    assert ask is not None
    assert ask.textValue() == "actor"
    ask.setTextValue("org")
    ask.accept()
    qtbot.waitUntil(lambda: window.set_edits.preview is not None)
    preview = window.set_edits.preview
    assert isinstance(preview, PlanPreview)
    qtbot.waitUntil(preview.isVisible)
    rows = [preview.model.item(r, 0).text() for r in range(preview.model.rowCount())]
    assert rows == [
        "crisis-group-mali-isolation-2023.yaml",
        "mali-sanctions-2023.yaml",
        "mali-wagner-leverage-2021.yaml",
        "cardset.yaml",
    ]
    assert preview.model.item(1, 1).text() == "3"
    qtbot.mouseClick(preview.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: has_tag(window, "org/wagner"))  # written, and the reload shows it
    assert "  - org/wagner\n" in (card_set / "mali-sanctions-2023.yaml").read_text()
    undo = window.commands.undo
    assert undo.isEnabled()
    undo.trigger()
    qtbot.waitUntil(window.commands.redo.isEnabled)
    assert {p.name: p.read_bytes() for p in card_set.glob("*.yaml")} == before
    window.commands.redo.trigger()
    sanctions = card_set / "mali-sanctions-2023.yaml"
    qtbot.waitUntil(lambda: "  - org/wagner\n" in sanctions.read_text())
    qtbot.waitUntil(window.commands.undo.isEnabled)
    edited = sanctions.read_text().replace("notes:", "# edited by hand\nnotes:")
    sanctions.write_text(edited)  # a change on disk the undo must not overwrite
    window.commands.undo.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "set-edit-message") is not None)
    assert sanctions.read_text() == edited
    assert window.set_edits.stack.count() == 0  # the step is dropped, not left to fail again


def test_rename_a_topic_from_set_topics_updates_every_card(
    qtbot: QtBot, window: MainWindow, card_set: Path
) -> None:
    window.commands.set_topics.trigger()
    topics = window.set_edits.topics_dialog
    assert topics is not None
    qtbot.waitUntil(topics.isVisible)
    topics.table.selectRow(1)  # security-impact: every shipped card has a perspective on it
    qtbot.mouseClick(topics.buttons["rename"], Qt.MouseButton.LeftButton)
    ask = window.findChild(QInputDialog, "set-edit-input")
    assert ask is not None
    ask.setTextValue("security")
    ask.accept()
    qtbot.waitUntil(lambda: window.set_edits.preview is not None)
    preview = window.set_edits.preview
    assert preview is not None
    assert preview.model.rowCount() == 4
    preview.accept()
    qtbot.waitUntil(lambda: topics.model.item(1, 0).text() == "security")  # written, reloaded
    assert "  - topic: security\n" in (card_set / "mali-sanctions-2023.yaml").read_text()
    window.set_edits.undo()
    qtbot.waitUntil(lambda: topics.model.item(1, 0).text() == "security-impact")
    assert "  - topic: security-impact\n" in (card_set / "mali-sanctions-2023.yaml").read_text()


def has_tag(window: MainWindow, slug: str) -> bool:
    catalog = window.session.catalog
    return catalog is not None and any(slug in s.tags for s in catalog.summaries())


@pytest.mark.screenshots
@pytest.mark.parametrize("mode", [PaletteMode.LIGHT, PaletteMode.DARK])
def test_set_edit_screenshots(
    qtbot: QtBot, window: MainWindow, shots: Path, mode: PaletteMode
) -> None:
    window.appearance.set_palette_mode(mode)
    window.set_edits.propose(lambda root: plan_tag_rename(root, "actor", "org"))
    qtbot.waitUntil(lambda: window.set_edits.preview is not None)
    preview = window.set_edits.preview
    assert preview is not None
    assert preview.grab().save(str(shots / f"{mode.value}-set-edit-preview.png"))
    preview.reject()
    window.commands.set_topics.trigger()
    topics = window.set_edits.topics_dialog
    assert topics is not None
    topics.table.selectRow(1)
    qtbot.waitUntil(topics.isVisible)
    assert topics.grab().save(str(shots / f"{mode.value}-set-topics.png"))
    window.set_edits.propose(lambda root: plan_topic_remove(root, "security-impact"))
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "set-edit-message") is not None)
    box = window.findChild(QMessageBox, "set-edit-message")
    assert "mali-sanctions-2023.yaml" in box.text()
    assert box.grab().save(str(shots / f"{mode.value}-set-edit-refused.png"))
