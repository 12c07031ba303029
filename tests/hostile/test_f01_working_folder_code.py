"""F1: a card folder holding ``yaml.py`` (or ``json.py``, or a ``reader`` package) runs none of
it, from the command line or the window, and an index worker that fails is reported.

The index parses a set of 400 files or more in worker processes; started as ``python -m``,
they imported from the working folder first, which is often the card folder.
"""

from __future__ import annotations

import functools
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.app.loading import CatalogSources
from reader.index import _sync as indexbuild
from reader.index import _workers as indexworkers
from reader.index import index_refreshes, index_snapshots, open_index
from reader.ui.main_window import MainWindow, settings_at
from tests.hostile.conftest import assert_no_traceback, run_reader
from tests.support.synthetic import write_set

#: Enough cards for the index to start its workers (indexbuild.PARALLEL_THRESHOLD).
CARDS = 450
#: Modules a worker imports (or Python imports at start-up) that a shared folder could hold.
HOSTILE = ("yaml.py", "json.py", "reader/__init__.py", "sitecustomize.py", "selectors.py")

#: How long a cold load of the set may take on a busy machine.
LOAD_MS = 60_000

needs_workers = pytest.mark.skipif(
    indexbuild.worker_count(None) < 2, reason="the index starts workers only on 2+ cores"
)


def loaded(window: MainWindow) -> Callable[[], bool]:
    return lambda: window.session.catalog is not None and not window.sets.busy


def hostile_set(tmp_path: Path) -> tuple[Path, Path]:
    """A generated set that also holds modules writing a marker if they are ever imported;
    returns the set and the folder the markers would land in."""
    assert CARDS >= indexbuild.PARALLEL_THRESHOLD
    root, markers = tmp_path / "set", tmp_path / "markers"
    markers.mkdir()
    write_set(root, CARDS)
    for name in HOSTILE:
        module = root / name
        module.parent.mkdir(exist_ok=True)
        marker = markers / name.replace("/", "-")
        module.write_text(f"import pathlib\npathlib.Path({str(marker)!r}).write_text('ran')\n")
    return root, markers


@needs_workers
@pytest.mark.parametrize("command", [("index", "."), ("search", ".", "")])
def test_the_command_line_runs_no_code_from_the_card_folder(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    root, markers = hostile_set(tmp_path)
    result = run_reader(*command, cwd=root, cache=tmp_path / "cache")
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert sorted(os.listdir(markers)) == []
    assert "worker" not in result.stdout + result.stderr  # the workers did the parsing


def test_the_window_runs_no_code_from_the_card_folder(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, markers = hostile_set(tmp_path)
    monkeypatch.chdir(root)  # `cd set && briefing-reader .`
    opened = functools.partial(index_snapshots, cache_dir=tmp_path / "cache", workers=2)
    window = MainWindow(
        settings_at(tmp_path / "settings.ini"), CatalogSources(opened, index_refreshes)
    )
    qtbot.addWidget(window)
    window.show()
    window.open_set(root)
    qtbot.waitUntil(loaded(window), timeout=LOAD_MS)
    assert window.session.catalog is not None
    assert len(window.session.catalog.summaries()) == CARDS
    assert sorted(os.listdir(markers)) == []
    assert "worker" not in window.status.currentMessage()


# --- a worker that fails is reported, and its files are parsed anyway ------------------------

#: Worker programs that fail in each way a worker can: it exits before its first task, dies
#: in the middle of one, or answers with something that is not a result.
FAILING = {
    "exits-early": ("import sys; sys.exit(3)", "exit status 3"),
    "dies-mid-task": ("import os, sys; sys.stdin.buffer.read(1); os._exit(9)", "exit status 9"),
    "says-why": ("raise SystemExit('out of luck')", "out of luck"),
    "garbage": (
        "import sys; sys.stdin.buffer.read(1); sys.stdout.write('?'); sys.stdout.flush(); "
        "sys.stdin.read()",
        "it sent a reply that could not be read",
    ),
}


@pytest.mark.parametrize("name", list(FAILING))
def test_a_failing_worker_is_reported_and_costs_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    program, reason = FAILING[name]
    root = tmp_path / "set"
    write_set(root, 40)
    monkeypatch.setattr(indexbuild, "PARALLEL_THRESHOLD", 1)
    monkeypatch.setattr(indexbuild, "CHUNK", 7)
    monkeypatch.setattr(indexworkers, "BOOT", program)
    if name == "garbage":  # it never exits: the wait for its last words is all the wait
        monkeypatch.setattr(indexworkers, "REAP_SECONDS", 0.1)
    catalog = open_index(root, cache_dir=tmp_path / "cache", workers=2)
    assert len(catalog.summaries()) == 40
    assert catalog.note is not None
    assert reason in catalog.note
    assert "the app parsed its files itself" in catalog.note


def refuse_to_start(*_args: object, **_kwargs: object) -> subprocess.Popen[bytes]:
    raise OSError(24, "Too many open files")


def test_a_worker_that_cannot_start_shows_in_the_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "set"
    write_set(root, 40)
    monkeypatch.setattr(indexbuild, "PARALLEL_THRESHOLD", 1)
    monkeypatch.setattr(indexworkers.subprocess, "Popen", refuse_to_start)
    opened = functools.partial(index_snapshots, cache_dir=tmp_path / "cache", workers=2)
    window = MainWindow(
        settings_at(tmp_path / "settings.ini"), CatalogSources(opened, index_refreshes)
    )
    qtbot.addWidget(window)
    window.show()
    window.open_set(root)
    qtbot.waitUntil(loaded(window), timeout=LOAD_MS)
    assert window.session.catalog is not None
    assert len(window.session.catalog.summaries()) == 40
    message = window.status.currentMessage()
    assert "an index worker could not start (Too many open files)" in message
