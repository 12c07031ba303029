"""F15: an edit that keeps a card's size and modification time is still seen, and
``index --rebuild`` starts the index again from nothing.

``cp -p``, ``rsync -a``, ``tar x`` and some editors put the old times back on a rewritten file.
The change time (and, for a copy put in place, the inode) still differ, as git checks.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from pathlib import Path

from reader.index import open_index
from tests.hostile.conftest import Cli, assert_no_traceback, card_text
from tests.support.synthetic import write_set

OLD_TITLE, NEW_TITLE = "Responsible Statecraft", "Irresponsible Statecra"  # the same length
PAST = time.time_ns() - 3600 * 10**9


def old_set(root: Path) -> Path:
    """Two cards, written long before they are indexed (so trusted on their stat data)."""
    root.mkdir()
    card = root / "statecraft.yaml"
    card.write_text(card_text("statecraft", OLD_TITLE), encoding="utf-8")
    (root / "other.yaml").write_text(card_text("other"), encoding="utf-8")
    for path in root.iterdir():
        os.utime(path, ns=(PAST, PAST))
    return card


def edit_keeping_size_and_times(card: Path) -> None:
    edited = card.read_text(encoding="utf-8").replace(OLD_TITLE, NEW_TITLE)
    card.write_text(edited, encoding="utf-8")
    os.utime(card, ns=(PAST, PAST))
    assert card.stat().st_size == len(edited.encode())


def test_an_edit_with_size_and_times_put_back_is_re_read(tmp_path: Path, run_main: Cli) -> None:
    root = tmp_path / "set"
    card = old_set(root)
    assert run_main("index", root).returncode == 0
    edit_keeping_size_and_times(card)
    indexed = run_main("index", root)
    assert_no_traceback(indexed)
    assert "; 1 file parsed" in indexed.stdout
    assert run_main("search", root, "irresponsible").stdout.split() == ["statecraft"]
    assert run_main("search", root, "responsible").returncode == 1


def test_the_windows_reload_sees_it_too(tmp_path: Path) -> None:
    """The window re-checks the path its watcher names (IndexCatalog.refresh)."""
    root = tmp_path / "set"
    card = old_set(root)
    shown = open_index(root, cache_dir=tmp_path / "cache")
    edit_keeping_size_and_times(card)
    reloaded = shown.refresh([card])
    assert [s.title for s in reloaded.summaries() if s.id == "statecraft"] == [NEW_TITLE]
    again = reloaded.card("statecraft")
    assert again is not None
    assert again.title == NEW_TITLE


def test_index_rebuild_deletes_the_index_and_parses_every_card(
    tmp_path: Path, run_main: Cli
) -> None:
    root = tmp_path / "set"
    write_set(root, 5, seed=3)
    built = run_main("index", root)
    found = re.search(r"^index: (.+)$", built.stdout, re.MULTILINE)
    assert found is not None, built.stdout
    # Wrong in a way no check can see (well-typed values, stat data unchanged):
    with sqlite3.connect(found.group(1)) as conn:
        conn.execute("UPDATE files SET title = 'stale' WHERE card_id IS NOT NULL")
        conn.execute("DELETE FROM snapshot")
    conn.close()
    listed = run_main("search", root, "", "--format", "json")
    assert {card["title"] for card in json.loads(listed.stdout)} == {"stale"}

    rebuilt = run_main("index", root, "--rebuild")
    assert_no_traceback(rebuilt)
    assert rebuilt.returncode == 0, rebuilt.stderr
    lines = rebuilt.stdout.splitlines()
    assert lines[0].startswith("5 cards, 0 errors, 0 warnings; 5 files parsed (")
    assert lines[1] == f"index: {found.group(1)} (rebuilt)"
    listed = run_main("search", root, "", "--format", "json")
    assert "stale" not in {card["title"] for card in json.loads(listed.stdout)}


def test_index_rebuild_is_documented_in_the_help(run_main: Cli) -> None:
    helped = run_main("index", "--help")
    assert helped.returncode == 0
    assert "--rebuild" in helped.stdout
