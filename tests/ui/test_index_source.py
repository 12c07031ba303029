"""The window as `briefing-reader` runs it: fed by the persistent index, reloads included."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.app.loading import CatalogSources
from reader.app.watcher import Changes
from reader.cards.catalog import Catalog, MemoryCatalog
from reader.cards.load import load_set
from reader.cards.query import Query
from reader.index import IndexCatalog, index_refreshes, index_snapshots, open_index
from reader.ui.main_window import MainWindow
from tests.ui.conftest import CRISIS_GROUP, MakeWindow, list_titles
from tests.ui.test_live_reload import CRISIS_FILE, RELOAD_MS, retitle

INDEX_SOURCES = CatalogSources(index_snapshots, index_refreshes)


def test_the_window_reads_the_set_through_the_index(
    make_window: MakeWindow, card_set: Path
) -> None:
    window = make_window(card_set, source=INDEX_SOURCES)
    assert isinstance(window.session.catalog, IndexCatalog)
    assert len(list_titles(window)) == 3
    window.session.set_query(Query(text="ecowas"))
    assert CRISIS_GROUP in window.list_pane.visible_ids()


def test_a_reopen_then_an_edit_on_disk_reach_the_window(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    make_window(card_set, source=INDEX_SOURCES).close()  # builds the stored index
    window = make_window(card_set, source=INDEX_SOURCES)
    assert len(list_titles(window)) == 3
    window.session.open_card(CRISIS_GROUP)
    path = card_set / CRISIS_FILE
    path.write_text(retitle(path, "Mali: Avoiding Isolation (indexed)"), encoding="utf-8")
    qtbot.waitUntil(
        lambda: "Mali: Avoiding Isolation (indexed)" in list_titles(window), timeout=RELOAD_MS
    )
    assert window.card_view.card_id == CRISIS_GROUP


def edit_in_place(root: Path) -> None:
    path = root / CRISIS_FILE
    path.write_text(retitle(path, "Edited in place"), encoding="utf-8")


def save_by_rename(root: Path) -> None:
    path, temp = root / CRISIS_FILE, root / f".{CRISIS_FILE}.swp"
    temp.write_text(path.read_text(encoding="utf-8").replace("Edited in place", "Renamed"), "utf-8")
    os.replace(temp, path)


def add_a_card(root: Path) -> None:
    text = (root / CRISIS_FILE).read_text(encoding="utf-8")
    (root / "added.yaml").write_text(text.replace(f"id: {CRISIS_GROUP}", "id: added"), "utf-8")


def add_a_folder_with_a_card(root: Path) -> None:
    (root / "archive").mkdir()
    (root / "added.yaml").rename(root / "archive" / "added.yaml")


def move_a_card_between_folders(root: Path) -> None:
    (root / CRISIS_FILE).rename(root / "archive" / CRISIS_FILE)


def break_a_card(root: Path) -> None:
    (root / "archive" / "added.yaml").write_text("format: briefing-card/1\nid: [\n", "utf-8")


def delete_a_card(root: Path) -> None:
    (root / "archive" / "added.yaml").unlink()


def agrees_with_a_fresh_load(window: MainWindow, root: Path) -> bool:
    shown, fresh = window.session.catalog, MemoryCatalog(load_set(root))
    return (
        shown is not None
        and not window.sets.busy
        and list(shown.summaries()) == list(fresh.summaries())
        and list(shown.problems) == list(fresh.problems)
        and window.list_pane.model.rowCount() == len(fresh.summaries())
    )


def test_every_kind_of_change_on_disk_reaches_the_indexed_window(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    named: list[Changes] = []

    def reload(root: Path, shown: Catalog | None, changed: Changes) -> Iterator[Catalog]:
        named.append(changed)
        return index_refreshes(root, shown, changed)

    window = make_window(card_set, source=CatalogSources(index_snapshots, reload))
    crisis, added = str(card_set / CRISIS_FILE), str(card_set / "added.yaml")
    archived = str(card_set / "archive" / "added.yaml")
    for change, expected in (
        (edit_in_place, {crisis}),
        (save_by_rename, {crisis}),
        (add_a_card, {added}),
        (add_a_folder_with_a_card, None),  # a new folder: everything is checked
        (move_a_card_between_folders, {crisis, str(card_set / "archive" / CRISIS_FILE)}),
        (break_a_card, {archived}),
        (delete_a_card, {archived}),
    ):
        before = window.session.catalog
        named.clear()
        change(card_set)
        qtbot.waitUntil(
            lambda before=before: (
                window.session.catalog is not before and agrees_with_a_fresh_load(window, card_set)
            ),
            timeout=RELOAD_MS,
        )
        assert named[0] == (None if expected is None else frozenset(expected)), change.__name__


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE snapshot SET state = randomblob(64)",
        "UPDATE files SET problems = '{bad json' WHERE rowid = (SELECT min(rowid) FROM files);"
        "DELETE FROM snapshot",
        "UPDATE files SET card_id = NULL WHERE rowid = (SELECT min(rowid) FROM files);"
        "DELETE FROM snapshot",
    ],
    ids=["stored-state", "row-json", "row-card-id"],
)
def test_a_damaged_index_still_opens_the_whole_set(
    make_window: MakeWindow, card_set: Path, damage: str
) -> None:
    """Content of the index that does not decode is repaired, not "Could not load the set" (F6)."""
    built = open_index(card_set)  # in the cache the window uses
    assert built.index_file is not None
    built.close()
    with sqlite3.connect(built.index_file) as conn:
        conn.executescript(damage)
    conn.close()
    window = make_window(card_set, source=INDEX_SOURCES)
    assert isinstance(window.session.catalog, IndexCatalog)
    assert len(list_titles(window)) == 3
