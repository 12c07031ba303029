"""The persistent index agrees with a fresh load, keeps current, and shares a set safely
(a bad cache: test_index_cache.py)."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cards.catalog import Catalog, MemoryCatalog
from reader.cards.load import load_set
from reader.cards.model import SET_FILE
from reader.cards.query import Query
from reader.index import LEAVE_A_CORE, IndexCatalog, index_refreshes, index_snapshots, open_index
from reader.index import _build as builder
from reader.index import _parse as parsing
from reader.index import _state as indexstate
from reader.index import _store as indexdb
from reader.index import _sync as indexbuild
from reader.index._workers import WorkerPool
from tests.conftest import DATA, REPO, SHIPPED_CARDS
from tests.index.conftest import assert_agrees
from tests.support.synthetic import generate_card


def test_a_generated_set_indexes_like_a_fresh_load(cards: Path, cache: Path) -> None:
    catalog = open_index(cards, cache_dir=cache)
    assert len(catalog.summaries()) == 40
    assert catalog.note is None
    assert catalog.index_file is not None
    assert catalog.index_file.parent == cache
    assert_agrees(catalog, cards)


@pytest.mark.parametrize("root", [SHIPPED_CARDS, DATA / "good", DATA / "bad"])
def test_real_and_bad_sets_give_the_loaders_problems_and_cards(root: Path, cache: Path) -> None:
    """Duplicate ids, unreadable files, bad YAML, unused aliases: all as load_set has them."""
    assert_agrees(open_index(root, cache_dir=cache), root)
    assert_agrees(open_index(root, cache_dir=cache), root)  # warm: from the stored state


def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """From now on, the files the index parses (relative paths), in the order parsed."""
    parsed: list[str] = []
    original = parsing.parse_files

    def counting(stamps, topics):  # type: ignore[no-untyped-def]
        parsed.extend(s.rel for s in stamps)
        return original(stamps, topics)

    monkeypatch.setattr(parsing, "parse_files", counting)
    return parsed


def test_reopening_parses_only_what_changed(
    cards: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_index(cards, cache_dir=cache)
    parsed = count_parses(monkeypatch)
    old = sorted(cards.rglob("*.yaml"))[5]
    past = old.stat().st_mtime_ns - 10**10
    for path in cards.rglob("*.yaml"):  # old enough to be trusted on size and time alone
        os.utime(path, ns=(past, past))
    reopened = open_index(cards, cache_dir=cache)
    parsed.clear()
    again = open_index(cards, cache_dir=cache)
    assert parsed == []
    assert list(again.summaries()) == list(reopened.summaries())

    changed = sorted(p for p in cards.rglob("*.yaml") if p.name != SET_FILE)[3]
    changed.write_text(changed.read_text(encoding="utf-8").replace("title: ", "title: New "))
    catalog = open_index(cards, cache_dir=cache)
    assert parsed == [changed.relative_to(cards).as_posix()]
    assert_agrees(catalog, cards)


def test_a_same_size_same_time_edit_is_caught_by_its_content(cards: Path, cache: Path) -> None:
    """Two saves within one timestamp tick: size and mtime tie, the digest does not."""
    target = sorted(p for p in cards.rglob("*.yaml") if p.name != SET_FILE)[0]
    open_index(cards, cache_dir=cache)
    stat = target.stat()
    text = target.read_text(encoding="utf-8")
    at = text.index('title: "') + len('title: "')
    edited = text[:at] + ("Q" if text[at] != "Q" else "R") + text[at + 1 :]
    target.write_text(edited, encoding="utf-8")
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert_agrees(open_index(cards, cache_dir=cache), cards)


def test_refresh_of_one_changed_card(cards: Path, cache: Path) -> None:
    catalog = open_index(cards, cache_dir=cache)
    files = sorted(p for p in cards.rglob("*.yaml") if p.name != SET_FILE)
    files[0].write_text(generate_card(999, seed=4).text, encoding="utf-8")
    files[1].unlink()
    added = cards / "new" / "added.yaml"
    added.parent.mkdir()
    added.write_text(generate_card(1000, seed=4).text, encoding="utf-8")
    refreshed = catalog.refresh([files[0], files[1], added])
    assert refreshed is not catalog
    assert_agrees(refreshed, cards)
    assert_agrees(catalog.refresh(), cards)


def retitle(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^title: .*$", f'title: "{title}"', text, flags=re.M), "utf-8")


def titles(catalog: Catalog) -> set[str]:
    return {s.title for s in catalog.summaries()}


def test_a_live_reload_rechecks_only_the_paths_named(cards: Path, cache: Path) -> None:
    shown = open_index(cards, cache_dir=cache)
    first, second = sorted(p for p in cards.rglob("*.yaml") if p.name != SET_FILE)[:2]
    retitle(first, "Named")
    retitle(second, "Not named")
    (named,) = index_refreshes(cards, shown, [str(first)], cache_dir=cache)
    assert "Named" in titles(named)
    assert "Not named" not in titles(named)  # the watcher did not say: not looked at
    (everything,) = index_refreshes(cards, named, None, cache_dir=cache)
    assert {"Named", "Not named"} <= titles(everything)
    assert_agrees(everything, cards)


def test_a_live_reload_of_something_outside_the_set_checks_everything(
    cards: Path, cache: Path, tmp_path: Path
) -> None:
    shown = open_index(cards, cache_dir=cache)
    edited = sorted(p for p in cards.rglob("*.yaml") if p.name != SET_FILE)[0]
    retitle(edited, "Seen anyway")
    (refreshed,) = index_refreshes(cards, shown, [str(tmp_path / "elsewhere.yaml")])
    assert "Seen anyway" in titles(refreshed)


def test_a_live_reload_stores_the_state_for_the_next_open_after_handing_it_over(
    cards: Path, cache: Path
) -> None:
    shown = open_index(cards, cache_dir=cache)
    edited = sorted(p for p in cards.rglob("*.yaml") if p.name != SET_FILE)[0]
    retitle(edited, "Kept for the next open")
    digest = builder.set_file_digest(cards)
    assert shown.index_file is not None
    refreshes = index_refreshes(cards, shown, [str(edited)], cache_dir=cache)
    refreshed = next(refreshes)
    with sqlite3.connect(shown.index_file) as conn:
        assert indexstate.stored_state(conn, digest) is None  # not yet: the window is first
    assert list(refreshes) == []
    with sqlite3.connect(shown.index_file) as conn:
        stored = indexstate.stored_state(conn, digest)
    assert stored is not None
    assert list(stored[1].summaries) == list(refreshed.summaries())
    assert_agrees(refreshed, cards)


def test_a_changed_set_file_rechecks_the_topics_of_every_card(cards: Path, cache: Path) -> None:
    catalog = open_index(cards, cache_dir=cache)
    set_file = cards / SET_FILE
    set_file.write_text(
        set_file.read_text(encoding="utf-8").replace("- key: economy-aid", "- key: economy-aids"),
        encoding="utf-8",
    )
    refreshed = catalog.refresh([set_file])
    assert any("economy-aid" in p.message for p in refreshed.problems)
    assert_agrees(refreshed, cards)
    set_file.unlink()
    assert_agrees(open_index(cards, cache_dir=cache), cards)


def test_without_fts5_searches_scan_with_a_note(
    cards: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(indexdb, "fts5_available", lambda: False)
    catalog = open_index(cards, cache_dir=cache)
    assert catalog.note is not None
    assert "FTS5" in catalog.note
    assert_agrees(catalog, cards)
    assert sorted(catalog.search(Query(text="mil"))) == sorted(catalog.matching(Query(text="mil")))


def test_new_topics_reparse_only_cards_with_perspectives(
    cards: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = 1_600_000_000 * 10**9
    for path in cards.rglob("*.yaml"):
        os.utime(path, ns=(old, old))
    open_index(cards, cache_dir=cache)
    parsed = count_parses(monkeypatch)
    set_file = cards / SET_FILE
    set_file.write_text(
        set_file.read_text(encoding="utf-8").replace("- key: economy-aid", "- key: economy"),
        encoding="utf-8",
    )
    catalog = open_index(cards, cache_dir=cache)
    with_views = sorted(c.path for c in load_set(cards).cards if c.perspectives)
    with_views += sorted(p.path for p in catalog.problems if "economy-aid" in p.message)
    assert sorted(parsed) == sorted(set(with_views))
    assert 0 < len(parsed) < 40
    assert_agrees(catalog, cards)


def test_parallel_workers_give_the_same_index(
    cards: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(indexbuild, "PARALLEL_THRESHOLD", 1)
    monkeypatch.setattr(indexbuild, "CHUNK", 7)
    seen: list[tuple[int, int]] = []
    batches: list[int] = []
    catalog = open_index(
        cards,
        on_progress=lambda done, total: seen.append((done, total)),
        on_batch=lambda summaries: batches.append(len(summaries)),
        cache_dir=cache,
        workers=2,
    )
    assert seen[-1] == (40, 40)
    assert sum(batches) == 40
    assert_agrees(catalog, cards)


def test_snapshots_end_with_the_complete_catalog(cards: Path, cache: Path) -> None:
    snapshots = list(index_snapshots(cards, cache_dir=cache))
    assert snapshots
    final = snapshots[-1]
    assert isinstance(final, IndexCatalog)
    assert_agrees(final, cards)


def test_a_warm_open_shows_the_stored_catalog_first(cards: Path, cache: Path) -> None:
    before = open_index(cards, cache_dir=cache)
    unchanged = list(index_snapshots(cards, cache_dir=cache))
    assert len(unchanged) == 1
    assert list(unchanged[0].summaries()) == list(before.summaries())
    victim = sorted(p for p in cards.rglob("*.yaml") if p.name != SET_FILE)[0]
    victim.unlink()
    first, second = index_snapshots(cards, cache_dir=cache)
    assert list(first.summaries()) == list(before.summaries())  # as last stored, at once
    assert isinstance(second, IndexCatalog)
    assert_agrees(second, cards)
    assert len(second.summaries()) == len(first.summaries()) - 1


def test_two_processes_building_one_index_do_not_corrupt_it(cards: Path, cache: Path) -> None:
    script = (
        "import sys; from pathlib import Path; from reader.index import open_index; "
        "c = open_index(Path(sys.argv[1]), cache_dir=Path(sys.argv[2]), workers=1); "
        "print(len(c.summaries()))"
    )
    command = [sys.executable, "-c", script, str(cards), str(cache)]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, env=env) for _ in range(3)]
    outputs = [run.communicate(timeout=120)[0].decode().strip() for run in runs]
    assert outputs == ["40", "40", "40"]
    catalog = open_index(cards, cache_dir=cache)
    assert catalog.index_file is not None
    with sqlite3.connect(catalog.index_file) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO fulltext (fulltext) VALUES ('integrity-check')")
    assert_agrees(catalog, cards)


def test_two_instances_in_one_process_share_the_index(cards: Path, cache: Path) -> None:
    first = open_index(cards, cache_dir=cache)
    second = open_index(cards, cache_dir=cache)
    victim = sorted(p for p in cards.rglob("*.yaml") if p.name != SET_FILE)[2]
    victim.unlink()
    after_first = first.refresh([victim])
    after_second = second.refresh()
    assert list(after_first.summaries()) == list(after_second.summaries())
    assert_agrees(after_second, cards)


def test_a_card_is_read_from_its_file_whatever_the_index_holds(cards: Path, cache: Path) -> None:
    catalog = open_index(cards, cache_dir=cache)
    assert catalog.index_file is not None
    with sqlite3.connect(catalog.index_file) as conn:
        conn.execute("UPDATE files SET words = x'00ff', digest = x'00'")
    fresh = load_set(cards)
    for card in fresh.cards[:3]:
        assert catalog.card(card.id) == card
    assert catalog.matching(Query(text="the")) == MemoryCatalog(fresh).matching(Query(text="the"))


@pytest.mark.parametrize(
    ("cores", "processes", "in_process"), [(1, 1, True), (2, 1, False), (4, 3, False)]
)
def test_the_window_s_index_leaves_it_a_core(
    monkeypatch: pytest.MonkeyPatch, cores: int, processes: int, in_process: bool
) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    assert indexbuild.worker_count(LEAVE_A_CORE) == processes
    assert indexbuild.parses_in_process(LEAVE_A_CORE) is in_process
    assert indexbuild.parses_in_process(None) is (cores == 1)  # the command line: every core
    assert indexbuild.worker_count(None) == cores


def test_one_worker_process_beside_the_window_gives_the_same_index(
    cards: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(indexbuild, "PARALLEL_THRESHOLD", 1)
    monkeypatch.setattr(indexbuild, "CHUNK", 7)
    pools: list[int] = []

    def counted(size: int, *args: object) -> WorkerPool:
        pools.append(size)
        return WorkerPool(size, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(indexbuild, "WorkerPool", counted)
    monkeypatch.setattr(builder, "WorkerPool", counted)
    final = list(index_snapshots(cards, cache_dir=cache, workers=LEAVE_A_CORE))[-1]
    assert isinstance(final, IndexCatalog)
    assert pools  # worker processes, not this process
    assert set(pools) == {1}
    assert_agrees(final, cards)
