"""F6: content inside an intact index file that does not decode is repaired, never fatal.

SQLite keeps no page checksums, so bit rot or a torn write reads back as wrong values in a
well-formed file. Whatever a row or the stored state holds, ``index`` and ``search`` answer
from the cards (the index is rebuilt, with a note), and no card goes missing silently.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from tests.hostile.conftest import Cli, assert_no_traceback
from tests.support.synthetic import write_set

CARDS = 12
A_CARD_ROW = "(SELECT min(rowid) FROM files WHERE card_id IS NOT NULL)"
#: The review's damage (and a few more wrong types), each with the stored state dropped so
#: that the rows are read; the last one damages the stored state itself.
DAMAGE = {
    "problems-bad-json": f"UPDATE files SET problems = '{{bad json' WHERE rowid = {A_CARD_ROW}",
    "tags-not-a-list": f"UPDATE files SET tags = 'not-a-separator-list' WHERE rowid = {A_CARD_ROW}",
    "tags-bytes": f"UPDATE files SET tags = X'ff' WHERE rowid = {A_CARD_ROW}",
    "year-text": f"UPDATE files SET year = 'abc' WHERE rowid = {A_CARD_ROW}",
    "title-null": f"UPDATE files SET title = NULL WHERE rowid = {A_CARD_ROW}",
    "card-id-null": f"UPDATE files SET card_id = NULL WHERE rowid = {A_CARD_ROW}",
    "generation-text": "UPDATE meta SET value = 'many' WHERE key = 'generation'",
}


@pytest.fixture
def indexed(tmp_path: Path, run_main: Cli) -> tuple[Path, Path]:
    """A set of ``CARDS`` cards and its index file, built by ``index``."""
    root = tmp_path / "set"
    write_set(root, CARDS, seed=8)
    built = run_main("index", root)
    assert built.returncode == 0, built.stdout + built.stderr
    found = re.search(r"^index: (.+)$", built.stdout, re.MULTILINE)
    assert found is not None, built.stdout
    return root, Path(found.group(1))


def damage(index_file: Path, *statements: str) -> None:
    with sqlite3.connect(index_file) as conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()


def assert_whole_set(run: Cli, root: Path) -> None:
    """``search ""`` lists every card, with exit 0 and no traceback."""
    searched = run("search", root, "")
    assert_no_traceback(searched)
    assert searched.returncode == 0, searched.stderr
    assert len(searched.stdout.split()) == CARDS


@pytest.mark.parametrize("statement", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_row_is_repaired_with_a_note(
    indexed: tuple[Path, Path], run_main: Cli, statement: str
) -> None:
    root, index_file = indexed
    damage(index_file, statement, "DELETE FROM snapshot")
    reindexed = run_main("index", root)
    assert_no_traceback(reindexed)
    assert reindexed.returncode == 0, reindexed.stdout + reindexed.stderr
    assert reindexed.stdout.startswith(f"{CARDS} cards, 0 errors")
    assert "note: the index was damaged" in reindexed.stdout
    assert_whole_set(run_main, root)
    again = run_main("index", root)  # rebuilt for good: nothing to repair any more
    assert "note:" not in again.stdout
    assert "; 0 files parsed" in again.stdout


def test_damage_found_by_search_first_is_repaired_too(
    indexed: tuple[Path, Path], run_main: Cli
) -> None:
    root, index_file = indexed
    damage(index_file, DAMAGE["problems-bad-json"], "DELETE FROM snapshot")
    assert_whole_set(run_main, root)


@pytest.mark.parametrize("state", ["randomblob(64)", "'text'", "42"])
def test_a_damaged_stored_state_is_repaired(
    indexed: tuple[Path, Path], run_main: Cli, state: str
) -> None:
    root, index_file = indexed
    damage(index_file, f"UPDATE snapshot SET state = {state}")
    assert_whole_set(run_main, root)
    reindexed = run_main("index", root)
    assert_no_traceback(reindexed)
    assert reindexed.stdout.startswith(f"{CARDS} cards, 0 errors")


def test_a_stored_stat_of_the_wrong_type_only_reparses_the_file(
    indexed: tuple[Path, Path], run_main: Cli
) -> None:
    root, index_file = indexed
    damage(index_file, f"UPDATE files SET indexed_ns = 'soon' WHERE rowid = {A_CARD_ROW}")
    reindexed = run_main("index", root)
    assert_no_traceback(reindexed)
    assert reindexed.returncode == 0, reindexed.stdout + reindexed.stderr
    assert reindexed.stdout.startswith(f"{CARDS} cards, 0 errors, 0 warnings; 1 file parsed")
    assert_whole_set(run_main, root)
