"""A bad cache is never fatal (corrupt, truncated, stale, locked, full, unwritable), and the
index lives where it should: never inside the card folder."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from reader.index import _build as builder
from reader.index import _store as indexdb
from reader.index import _sync as indexbuild
from reader.index import open_index
from tests.index.conftest import assert_agrees


def test_a_corrupt_index_is_rebuilt_silently(cards: Path, cache: Path) -> None:
    first = open_index(cards, cache_dir=cache)
    path = first.index_file
    assert path is not None
    first.close()
    path.write_bytes(b"this is not a database" * 1000)
    for companion in ("-wal", "-shm"):
        Path(str(path) + companion).unlink(missing_ok=True)
    catalog = open_index(cards, cache_dir=cache)
    assert catalog.note is None
    assert_agrees(catalog, cards)


def test_a_truncated_index_is_rebuilt_silently(cards: Path, cache: Path) -> None:
    first = open_index(cards, cache_dir=cache)
    path = first.index_file
    assert path is not None
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    first.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    catalog = open_index(cards, cache_dir=cache)
    assert_agrees(catalog, cards)


def test_an_index_of_another_version_is_rebuilt(cards: Path, cache: Path) -> None:
    path = open_index(cards, cache_dir=cache).index_file
    assert path is not None
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = 'an older program' WHERE key = 'fingerprint'")
        conn.execute("UPDATE files SET title = 'stale' ")
    catalog = open_index(cards, cache_dir=cache)
    assert all(s.title != "stale" for s in catalog.summaries())
    with sqlite3.connect(path) as conn:
        stamp = conn.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()[0]
    assert stamp == indexdb.fingerprint()
    assert_agrees(catalog, cards)


def test_a_locked_index_gives_a_temporary_one(
    cards: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = open_index(cards, cache_dir=cache).index_file
    assert path is not None
    monkeypatch.setattr(indexdb, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("UPDATE meta SET value = 'in another program' WHERE key = 'fingerprint'")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        catalog = open_index(cards, cache_dir=cache)
        assert catalog.index_file is None
        assert catalog.note is not None
        assert "locked" in catalog.note
        assert_agrees(catalog, cards)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_failing_index_file_falls_back_to_a_temporary_index(
    cards: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk that fills up (or any error writing the file) is never fatal."""
    original = indexbuild.write
    failures: list[str] = []

    def failing_on_files(conn, rows, deleted, now):  # type: ignore[no-untyped-def]
        if conn.execute("PRAGMA database_list").fetchone()[2]:  # a file, not memory
            failures.append("full")
            raise sqlite3.OperationalError("database or disk is full")
        return original(conn, rows, deleted, now)

    monkeypatch.setattr(builder, "write", failing_on_files)
    catalog = open_index(cards, cache_dir=cache)
    assert failures == ["full", "full"]  # the file, then a fresh file, then memory
    assert catalog.index_file is None
    assert catalog.note is not None
    assert "disk is full" in catalog.note
    assert_agrees(catalog, cards)


def test_an_unusable_cache_folder_gives_a_temporary_index(cards: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    catalog = open_index(cards, cache_dir=blocker / "cache")
    assert catalog.index_file is None
    assert catalog.note is not None
    assert "cache folder" in catalog.note
    assert_agrees(catalog, cards)


def test_the_index_is_never_written_inside_the_card_folder(
    cards: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(cards / ".cache"))
    monkeypatch.delenv(indexdb.CACHE_ENV, raising=False)
    before = sorted(p.relative_to(cards) for p in cards.rglob("*"))
    catalog = open_index(cards)
    assert catalog.index_file is None
    assert sorted(p.relative_to(cards) for p in cards.rglob("*")) == before
    assert_agrees(catalog, cards)


def test_the_cache_location_follows_the_environment(
    cards: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(indexdb.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert indexdb.index_path(cards).parent == tmp_path / "xdg" / "briefing-reader"
    monkeypatch.setenv(indexdb.CACHE_ENV, str(tmp_path / "mine"))
    catalog = open_index(cards)
    assert catalog.index_file is not None
    assert catalog.index_file.parent == tmp_path / "mine"
    other = tmp_path / "other-set"
    shutil.copytree(cards, other)
    assert indexdb.index_path(other) != catalog.index_file


def test_a_read_only_card_folder_indexes(cards: Path, cache: Path) -> None:
    modes = {p: p.stat().st_mode for p in [cards, *cards.rglob("*")]}
    for path in sorted(modes, key=lambda p: -len(p.parts)):
        path.chmod(modes[path] & ~0o222)
    try:
        assert_agrees(open_index(cards, cache_dir=cache), cards)
        assert_agrees(open_index(cards, cache_dir=cache), cards)
    finally:
        for path, mode in modes.items():
            path.chmod(mode)
