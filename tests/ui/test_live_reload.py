"""Cards edited, added, removed or broken on disk show up without the reader doing anything."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.cards.query import Query
from reader.ui.main_window import MainWindow
from reader.ui.reading.problems_dock import LOCATION, MESSAGE
from tests.ui.conftest import (
    CRISIS_GROUP,
    LEVERAGE,
    SANCTIONS,
    MakeWindow,
    laid_out,
    list_titles,
)

RELOAD_MS = 5000
CRISIS_FILE = "crisis-group-mali-isolation-2023.yaml"
SANCTIONS_FILE = "mali-sanctions-2023.yaml"
OLD_TITLE = 'title: "Mali: Avoiding The Trap Of Isolation"'


def retitle(path: Path, title: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert OLD_TITLE in text
    return text.replace(OLD_TITLE, f'title: "{title}"')


def test_an_edited_card_reloads_keeping_card_filter_and_scroll(
    qtbot: QtBot, window: MainWindow, card_set: Path
) -> None:
    window.session.set_query(Query(include_tags=("country/france",)))
    window.session.open_card(CRISIS_GROUP)
    view = window.card_view
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: laid_out(window))
    bar.setValue(bar.maximum() - 40)  # near the end: where a premature restore would clamp
    scrolled = bar.value()
    assert scrolled > 0

    path = card_set / CRISIS_FILE
    path.write_text(retitle(path, "Mali: Avoiding Isolation (revised)"), encoding="utf-8")

    qtbot.waitUntil(
        lambda: "Mali: Avoiding Isolation (revised)" in list_titles(window), timeout=RELOAD_MS
    )
    assert window.card_view.card_id == CRISIS_GROUP
    assert "Mali: Avoiding Isolation (revised)" in window.card_view.toPlainText()
    assert window.session.query.include_tags == ("country/france",)
    qtbot.waitUntil(lambda: laid_out(window))
    assert abs(bar.value() - scrolled) <= 2


def test_an_editor_that_saves_by_rename_is_followed_every_time(
    qtbot: QtBot, window: MainWindow, card_set: Path
) -> None:
    path = card_set / CRISIS_FILE
    for n in (1, 2):
        temp = card_set / f".{CRISIS_FILE}.swp"
        temp.write_text(retitle(path, f"Saved by rename {n}"), encoding="utf-8")
        os.replace(temp, path)
        qtbot.waitUntil(
            lambda n=n: f"Saved by rename {n}" in list_titles(window), timeout=RELOAD_MS
        )
        path.write_text(
            path.read_text(encoding="utf-8").replace(
                f"Saved by rename {n}", "Mali: Avoiding The Trap Of Isolation"
            ),
            encoding="utf-8",
        )
        qtbot.waitUntil(
            lambda: "Mali: Avoiding The Trap Of Isolation" in list_titles(window), timeout=RELOAD_MS
        )


def test_added_and_removed_cards_appear_and_disappear(
    qtbot: QtBot, window: MainWindow, card_set: Path
) -> None:
    source = (card_set / CRISIS_FILE).read_text(encoding="utf-8")
    copy = source.replace(f"id: {CRISIS_GROUP}", "id: crisis-group-copy").replace(
        OLD_TITLE, 'title: "A copy in a new folder"'
    )
    (card_set / "more").mkdir()
    (card_set / "more" / "copy.yaml").write_text(copy, encoding="utf-8")
    qtbot.waitUntil(lambda: "A copy in a new folder" in list_titles(window), timeout=RELOAD_MS)
    assert window.list_pane.count.text() == "4 cards"

    window.session.open_card(SANCTIONS)
    (card_set / SANCTIONS_FILE).unlink()
    qtbot.waitUntil(lambda: SANCTIONS not in window.list_pane.visible_ids(), timeout=RELOAD_MS)
    assert window.card_view.card_id is None  # its card is gone: back to the overview
    assert "4 cards" not in window.list_pane.count.text()


def test_a_broken_card_goes_to_the_problems_panel_and_the_rest_still_works(
    qtbot: QtBot, window: MainWindow, card_set: Path
) -> None:
    assert window.problems.isHidden()
    window.session.open_card(LEVERAGE)
    path = card_set / CRISIS_FILE
    path.write_text(
        path.read_text(encoding="utf-8").replace("thesis:", "thesis: [", 1), encoding="utf-8"
    )

    qtbot.waitUntil(lambda: CRISIS_GROUP not in window.list_pane.visible_ids(), timeout=RELOAD_MS)
    qtbot.waitUntil(window.problems.isVisible)
    table = window.problems.table
    model = table.model()
    assert model.rowCount() >= 1
    assert model.index(0, LOCATION).data().startswith(f"{CRISIS_FILE}:")
    assert model.index(0, MESSAGE).data()
    assert "error" in window.status.problems.text()
    assert window.card_view.card_id == LEVERAGE
    assert set(window.list_pane.visible_ids()) == {LEVERAGE, SANCTIONS}

    rect = table.visualRect(model.index(0, MESSAGE))
    # A real double-click starts with a press; Qt's item views ignore a lone DblClick event.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = window.authoring.editor  # the built-in editor, at the file (tests/ui/test_authoring)
    assert editor is not None
    assert editor.path() == (card_set / CRISIS_FILE).absolute()


def test_a_set_with_errors_opens_with_the_panel_shown(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    (card_set / "broken.yaml").write_text("format: briefing-card/1\nid: [\n", encoding="utf-8")
    window = make_window(card_set)
    qtbot.waitUntil(window.problems.isVisible)
    assert len(window.list_pane.visible_ids()) == 3
    assert "1 error" in window.status.problems.text()


def test_reload_action_rereads_the_files(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    window = make_window(card_set)
    window.sets.watcher.stop()  # only the explicit reload may notice the change
    path = card_set / CRISIS_FILE
    path.write_text(retitle(path, "Reloaded by hand"), encoding="utf-8")
    window.commands.reload.trigger()
    qtbot.waitUntil(lambda: "Reloaded by hand" in list_titles(window), timeout=RELOAD_MS)
