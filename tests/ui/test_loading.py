"""Sets load off the UI thread, and a source may deliver a set in several snapshots."""

from __future__ import annotations

import builtins
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from reader.app.loading import CatalogLoader, CatalogSources, Reload, Snapshot
from reader.app.set_controller import SetController
from reader.app.watcher import Changes
from reader.cards.catalog import Catalog, MemoryCatalog
from reader.cards.load import load_set
from reader.cards.model import CardSet
from reader.cards.query import Query
from tests.ui.conftest import CRISIS_GROUP, MakeWindow


def test_the_loader_works_on_another_thread(qtbot: QtBot, card_set: Path) -> None:
    threads: list[threading.Thread] = []

    def source(root: Path) -> Iterator[Catalog]:
        threads.append(threading.current_thread())
        yield MemoryCatalog(load_set(root))

    loader = CatalogLoader(CatalogSources.same(source))
    try:
        snapshots: list[Snapshot] = []
        loader.delivered.connect(snapshots.append)
        loader.load(card_set)
        qtbot.waitUntil(lambda: not loader.busy)
        assert [s.final for s in snapshots] == [False, True]
        assert snapshots[0].catalog is snapshots[1].catalog
        snapshot = snapshots[-1]
        assert len(snapshot.catalog.summaries()) == 3
        assert threads
        assert threads[0] is not threading.main_thread()
        assert snapshot.watch is not None
        assert str(card_set) in snapshot.watch.folders
    finally:
        loader.shutdown()


def test_only_the_newest_request_is_delivered(qtbot: QtBot, card_set: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    loader = CatalogLoader()
    got: list[Path] = []
    loader.delivered.connect(lambda snap: got.append(snap.root) if snap.final else None)
    try:
        loader.load(card_set)
        loader.load(empty)
        qtbot.waitUntil(lambda: not loader.busy)
        assert got == [empty]
    finally:
        loader.shutdown()


def test_a_failing_source_is_reported_not_fatal(qtbot: QtBot, card_set: Path) -> None:
    def source(root: Path) -> Iterator[Catalog]:
        raise OSError("the index is locked")
        yield  # pragma: no cover

    loader = CatalogLoader(CatalogSources.same(source))
    try:
        with qtbot.waitSignal(loader.failed) as failed:
            loader.load(card_set)
        assert "the index is locked" in failed.args[0]
        assert not loader.busy
    finally:
        loader.shutdown()


def test_a_set_delivered_in_batches_keeps_filters_and_card_between_them(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    gate = threading.Event()

    def batches(root: Path) -> Iterator[Catalog]:
        full = load_set(root)
        first = [c for c in full.cards if c.id == CRISIS_GROUP]
        yield MemoryCatalog(CardSet(full.root, full.info, tuple(first), ()))
        gate.wait(5)
        yield MemoryCatalog(full)

    window = make_window(source=batches)
    window.open_set(card_set)
    qtbot.waitUntil(lambda: window.session.total() == 1)
    assert window.sets.busy
    window.session.set_query(Query(include_tags=("country/mali",)))
    window.session.open_card(CRISIS_GROUP)
    gate.set()
    qtbot.waitUntil(lambda: window.session.total() == 3)
    assert window.session.query.include_tags == ("country/mali",)
    assert window.card_view.card_id == CRISIS_GROUP
    assert len(window.list_pane.visible_ids()) == 3


def test_loading_imports_nothing_on_the_worker_thread(
    qtbot: QtBot, card_set: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Under PySide6 6.12 an import on the loader thread crashed the process (see
    # CatalogSource). Every module the load needs is imported up front.
    original = builtins.__import__
    on_workers: list[str] = []

    def recording(name: str, *args: Any, **kwargs: Any) -> Any:
        if threading.current_thread() is not threading.main_thread():
            on_workers.append(name)
        return original(name, *args, **kwargs)

    (card_set / "broken.yaml").write_text("format: briefing-card/1\nid: [\n", encoding="utf-8")
    (card_set / "invalid.yaml").write_text("format: briefing-card/1\nid: x\n", encoding="utf-8")
    loader = CatalogLoader()
    try:
        monkeypatch.setattr(builtins, "__import__", recording)
        loader.load(card_set)
        qtbot.waitUntil(lambda: not loader.busy)
    finally:
        monkeypatch.undo()
        loader.shutdown()
    assert on_workers == []


def test_a_reload_is_given_the_catalog_shown_and_what_changed(qtbot: QtBot, card_set: Path) -> None:
    reloads: list[tuple[Catalog | None, Changes]] = []

    def reload(root: Path, shown: Catalog | None, changed: Changes) -> Iterator[Catalog]:
        reloads.append((shown, changed))
        yield MemoryCatalog(load_set(root))

    def open_set(root: Path) -> Iterator[Catalog]:
        yield MemoryCatalog(load_set(root))

    loader = CatalogLoader(CatalogSources(open_set, reload))
    snapshots: list[Snapshot] = []
    loader.delivered.connect(snapshots.append)
    try:
        loader.load(card_set)
        qtbot.waitUntil(lambda: not loader.busy)
        changed = frozenset({str(card_set / "a.yaml")})
        loader.load(card_set, reload=Reload(changed))
        qtbot.waitUntil(lambda: not loader.busy)
        assert reloads == [(snapshots[0].catalog, changed)]
        loader.load(card_set, reload=Reload())
        qtbot.waitUntil(lambda: not loader.busy)
        assert reloads[-1] == (snapshots[3].catalog, None)  # the first reload's
    finally:
        loader.shutdown()


def test_the_watcher_s_changes_reach_the_reload_and_non_cards_do_not_reload(
    qtbot: QtBot, card_set: Path
) -> None:
    seen: list[Changes] = []

    def reload(root: Path, _shown: Catalog | None, changed: Changes) -> Iterator[Catalog]:
        seen.append(changed)
        yield MemoryCatalog(load_set(root))

    def open_set(root: Path) -> Iterator[Catalog]:
        yield MemoryCatalog(load_set(root))

    sets = SetController(CatalogSources(open_set, reload), debounce_ms=50)
    try:
        sets.open(card_set)
        qtbot.waitUntil(lambda: not sets.busy and bool(sets.watcher.watched()))
        with qtbot.waitSignal(sets.watcher.changed):
            (card_set / "notes.txt").write_text("not a card", encoding="utf-8")
        card = card_set / "mali-sanctions-2023.yaml"
        with qtbot.waitSignal(sets.ready), card.open("a", encoding="utf-8") as handle:
            handle.write("# edited\n")
        assert seen == [frozenset({str(card)})]
    finally:
        sets.shutdown()
