"""Sets load off the UI thread, and a source may deliver a set in several snapshots."""

from __future__ import annotations

import builtins
import gc
import os
import threading
from collections.abc import Callable, Iterator
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
from reader.index import index_refreshes, index_snapshots
from tests.app.test_watcher import inotify_instances
from tests.support.synthetic import write_set
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
        (card_set / "notes.txt").write_text("not a card", encoding="utf-8")
        qtbot.wait(150)  # its event, if any (Qt's folder watch), has been debounced
        card = card_set / "mali-sanctions-2023.yaml"
        with qtbot.waitSignal(sets.ready), card.open("a", encoding="utf-8") as handle:
            handle.write("# edited\n")
        assert seen == [frozenset({str(card)})]
    finally:
        sets.shutdown()


#: How long a test's source waits for the test to let it go on (a hang guard, not a timing).
WAIT = 10


def test_a_newer_load_stops_the_one_under_way_and_closes_its_source(
    qtbot: QtBot, card_set: Path, tmp_path: Path
) -> None:
    slow = tmp_path / "slow"
    slow.mkdir()
    waiting, go_on, closed = threading.Event(), threading.Event(), threading.Event()
    yielded: list[Catalog] = []

    def source(root: Path) -> Iterator[Catalog]:
        catalog = MemoryCatalog(load_set(root))
        if root != slow:
            yield catalog
            return
        try:
            for _ in range(1000):  # a long load, in many steps
                yielded.append(catalog)
                yield catalog
                waiting.set()
                go_on.wait(WAIT)
        finally:
            closed.set()

    loader = CatalogLoader(CatalogSources.same(source))
    got: list[tuple[Path, bool]] = []
    loader.delivered.connect(lambda snap: got.append((snap.root, snap.final)))
    try:
        loader.load(slow)
        qtbot.waitUntil(waiting.is_set)
        loader.load(card_set)  # does not wait for the slow load's next step
        qtbot.waitUntil(lambda: (card_set, True) in got)
        go_on.set()
        qtbot.waitUntil(closed.is_set)
        assert len(yielded) == 2  # the step under way when the newer load came, no more
        assert [snap for snap in got if snap[0] == slow] in ([], [(slow, False)])
        assert not loader.busy
    finally:
        go_on.set()
        loader.shutdown()


def index_workers() -> list[int]:
    """This process's index worker processes still running (Linux: read from /proc)."""
    mine = str(os.getpid())
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except (OSError, ValueError):
            continue
        if stat.rsplit(")", 1)[1].split()[1] == mine and b"run_worker" in command:
            found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_a_newer_load_stops_the_index_build_at_its_next_chunk(
    qtbot: QtBot, card_set: Path, tmp_path: Path
) -> None:
    big = tmp_path / "big"
    write_set(big, 600, seed=4)  # enough for worker processes (reader.index._sync)
    asked, go_on, ended = threading.Event(), threading.Event(), threading.Event()
    answers: list[bool] = []

    def opening(root: Path, *, should_stop: Callable[[], bool]) -> Iterator[Catalog]:
        def first_chunk_waits() -> bool:
            if not asked.is_set():
                asked.set()
                go_on.wait(WAIT)
            answers.append(should_stop())
            return answers[-1]

        if root != big:
            yield from index_snapshots(root, should_stop=should_stop)
            return
        try:
            yield from index_snapshots(root, workers=2, should_stop=first_chunk_waits)
        finally:
            ended.set()

    loader = CatalogLoader(CatalogSources(opening, index_refreshes, stoppable=True))
    finals: list[Path] = []
    loader.delivered.connect(lambda snap: finals.append(snap.root) if snap.final else None)
    try:
        loader.load(big)
        qtbot.waitUntil(asked.is_set)  # one chunk of files parsed, the build asks
        assert len(index_workers()) == 2
        loader.load(card_set)
        go_on.set()
        qtbot.waitUntil(ended.is_set)
        assert answers == [True]  # it stopped at the first chunk after the newer load
        assert index_workers() == []  # and its worker processes ended with it
        qtbot.waitUntil(lambda: not loader.busy)
        assert finals == [card_set]
    finally:
        go_on.set()
        loader.shutdown()


def test_closing_the_window_during_a_load_does_not_wait_for_it(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    started, go_on, ended = threading.Event(), threading.Event(), threading.Event()

    def stuck(root: Path) -> Iterator[Catalog]:
        try:
            started.set()
            go_on.wait(WAIT)  # a long step with no checkpoint in it
            yield MemoryCatalog(load_set(root))
        finally:
            ended.set()

    window = make_window(source=stuck)
    try:
        window.open_set(card_set)
        qtbot.waitUntil(started.is_set)
        window.close()
        assert not ended.is_set()  # close() returned while the load was still under way
        go_on.set()
        qtbot.waitUntil(ended.is_set)  # the load ends at its next checkpoint
        assert window.session.catalog is None  # and delivers nothing
    finally:
        go_on.set()


def test_a_load_goes_on_only_once_its_first_catalog_is_taken(qtbot: QtBot, card_set: Path) -> None:
    # The index's check of every file follows the stored catalog: it waits while the window
    # fills its list from that catalog, instead of holding the interpreter half that time.
    resumed = threading.Event()
    went_on_while_shown: list[bool] = []

    def source(root: Path) -> Iterator[Catalog]:
        yield MemoryCatalog(load_set(root))
        resumed.set()
        yield MemoryCatalog(load_set(root))  # later catalogs are not waited for

    def show(snapshot: Snapshot) -> None:
        if not went_on_while_shown:  # the first: give the load time to go on, if it would
            went_on_while_shown.append(resumed.wait(0.3))

    loader = CatalogLoader(CatalogSources.same(source))
    finals: list[bool] = []
    loader.delivered.connect(show)
    loader.delivered.connect(lambda snapshot: finals.append(snapshot.final))
    try:
        loader.load(card_set)
        qtbot.waitUntil(lambda: not loader.busy)
        assert went_on_while_shown == [False]
        assert finals == [False, False, True]
    finally:
        loader.shutdown()


def test_every_catalog_is_made_without_garbage_collections(qtbot: QtBot, card_set: Path) -> None:
    # Making a large set's first catalog set off hundreds of collections (0.2 s at 100,000
    # cards), and a cold index's later ones collections of up to 125 ms on the loader's
    # thread, each holding the window; the program collects as ever after.
    collecting: list[bool] = []

    def source(root: Path) -> Iterator[Catalog]:
        collecting.append(gc.isenabled())
        yield MemoryCatalog(load_set(root))
        collecting.append(gc.isenabled())
        yield MemoryCatalog(load_set(root))

    loader = CatalogLoader(CatalogSources.same(source))
    try:
        assert gc.isenabled()
        loader.load(card_set)
        qtbot.waitUntil(lambda: not loader.busy)
        assert collecting == [False, False]
        assert gc.isenabled()
    finally:
        loader.shutdown()


def test_closing_the_window_returns_its_inotify_instance(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    window = make_window(card_set)
    qtbot.waitUntil(lambda: bool(window.sets.watcher.watched()))
    before = inotify_instances()
    window.close()
    assert inotify_instances() == before - 1
