"""One load path: ``check``, ``export`` and the window all read a set through the persistent
index, so what the tests drive is what ships.

Seen from outside: each leaves the set's index file in the cache, up to date (``index`` then
parses nothing), and the window's catalog is the index's.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.cli import main
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


Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], qapp: object) -> Run:
    """``briefing-reader ARGS…`` with ``cache`` as its index cache, in this process: which
    path the commands load by is the case, not the process (a child cost 0.15-0.5 s of CPU).
    ``qapp``: the export finds the session's QApplication (see tests/export/conftest.py)."""

    def run(cache: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
        argv = [str(arg) for arg in args]
        capsys.readouterr()
        with monkeypatch.context() as patch:
            patch.setenv(CACHE_ENV, str(cache))
            code = main(argv)
        captured = capsys.readouterr()
        return subprocess.CompletedProcess(argv, code, captured.out, captured.err)

    return run


def assert_left_an_up_to_date_index(run: Run, root: Path, cache: Path) -> None:
    assert index_path(root, cache).is_file()
    indexed = run(cache, "index", root)
    assert indexed.returncode == 0, indexed.stdout + indexed.stderr
    assert "; 0 files parsed (" in indexed.stdout


def test_check_reads_through_the_index(run: Run, root: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    checked = run(cache, "check", root)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.startswith("2 cards, 0 errors, 0 warnings (")
    assert_left_an_up_to_date_index(run, root, cache)


def test_export_reads_through_the_index(run: Run, root: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    exported = run(cache, "export", root, "-o", tmp_path / "book.pdf", "--no-tag-index")
    assert exported.returncode == 0, exported.stdout + exported.stderr
    assert "(2 cards) written to" in exported.stdout
    assert_left_an_up_to_date_index(run, root, cache)


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
