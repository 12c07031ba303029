"""One load path: ``check``, ``export`` and the window all read a set through the persistent
index, so what the tests drive is what ships.

Seen from outside: each leaves the set's index file in the cache, up to date (``index`` then
parses nothing), and the window's catalog is the index's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.index import IndexCatalog
from reader.index._store import CACHE_ENV, index_path
from reader.ui.main_window import MainWindow, settings_at
from tests.conftest import DATA


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A private copy of a small valid set (its index is new to every cache)."""
    copy = tmp_path / "set"
    shutil.copytree(DATA / "good", copy)
    return copy


def run(cache: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """``briefing-reader ARGS…`` in a child process, with ``cache`` as its index cache."""
    return subprocess.run(
        [sys.executable, "-m", "reader", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, CACHE_ENV: str(cache)},
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


def assert_left_an_up_to_date_index(root: Path, cache: Path) -> None:
    assert index_path(root, cache).is_file()
    indexed = run(cache, "index", root)
    assert indexed.returncode == 0, indexed.stdout + indexed.stderr
    assert "; 0 files parsed (" in indexed.stdout


def test_check_reads_through_the_index(root: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    checked = run(cache, "check", root)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.startswith("2 cards, 0 errors, 0 warnings (")
    assert_left_an_up_to_date_index(root, cache)


def test_export_reads_through_the_index(root: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    exported = run(cache, "export", root, "-o", tmp_path / "book.pdf", "--no-tag-index")
    assert exported.returncode == 0, exported.stdout + exported.stderr
    assert "(2 cards) written to" in exported.stdout
    assert_left_an_up_to_date_index(root, cache)


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_window_reads_through_the_index_by_default(
    qtbot: QtBot, root: Path, tmp_path: Path
) -> None:
    window = MainWindow(settings_at(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.open_set(root)
    qtbot.waitUntil(lambda: window.session.catalog is not None and not window.sets.busy)
    assert isinstance(window.session.catalog, IndexCatalog)
    assert index_path(root).is_file()  # in the test session's cache (tests/conftest.py)
    assert window.session.total() == 2
