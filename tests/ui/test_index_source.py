"""The window as `briefing-reader` runs it: fed by the persistent index, reloads included."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.core.index import IndexCatalog, index_snapshots
from reader.core.query import Query
from reader.ui.loading import CatalogSources
from tests.ui.conftest import CRISIS_GROUP, MakeWindow, list_titles
from tests.ui.test_live_reload import CRISIS_FILE, RELOAD_MS, retitle

INDEX_SOURCES = CatalogSources(index_snapshots, partial(index_snapshots, stored_first=False))


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
