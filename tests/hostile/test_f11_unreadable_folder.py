"""F11: a sub-folder that cannot be read is an error naming it, not a silent gap in the set.

``os.walk`` drops the ``PermissionError``: ``check`` once said "0 errors" with exit 0 while
the folder's cards were missing from the set, its exports and its comparisons.
"""

from __future__ import annotations

import errno
import functools
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.ui.main_window import MainWindow
from tests.hostile.conftest import CLI_TIMEOUT, assert_no_traceback, window_ids, write_cards

IDS = ("card-a", "card-b", "card-c")
MESSAGE = "the folder cannot be read (permission denied), so the cards in it are left out"
#: As root, folder permissions do not apply: run the command as root without the capabilities
#: that bypass them (so it can still reach this project and its Python under /root).
_WITHOUT_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


@functools.cache
def unprivileged() -> list[str]:
    """A prefix that runs a command unable to read a folder of mode 000 (skip when none)."""
    if os.geteuid() != 0:
        return []
    probe = [*_WITHOUT_OVERRIDE, sys.executable, "-c", "pass"]
    if shutil.which("setpriv") is None or subprocess.run(probe, check=False).returncode:
        pytest.skip("running as root and setpriv cannot drop the override capabilities")
    return _WITHOUT_OVERRIDE


@pytest.fixture
def locked_set(tmp_path: Path) -> Iterator[Path]:
    """Three readable cards, and a folder ``2019`` of mode 000 holding two more."""
    root = write_cards(tmp_path / "set", *IDS)
    locked = write_cards(root / "2019", "old-a", "old-b")
    locked.chmod(0)
    yield root
    locked.chmod(0o755)  # so that pytest can clean up


def run(*args: str | Path, cache: Path) -> subprocess.CompletedProcess[str]:
    """``briefing-reader ARGS…`` as a user who cannot read the locked folder."""
    return subprocess.run(
        [*unprivileged(), sys.executable, "-m", "reader", *map(str, args)],
        capture_output=True,
        text=True,
        errors="replace",
        check=False,
        env={**os.environ, "BRIEFING_READER_CACHE_DIR": str(cache)},
        stdin=subprocess.DEVNULL,
        timeout=CLI_TIMEOUT,
    )


def test_check_and_index_name_the_folder(locked_set: Path, tmp_path: Path) -> None:
    checked = run("check", locked_set, cache=tmp_path / "cache")
    assert f"2019:1:1: error: {MESSAGE}" in checked.stdout.splitlines()
    assert checked.stdout.splitlines()[-1].startswith("3 cards, 1 error, 0 warnings")
    assert checked.returncode == 1
    indexed = run("index", locked_set, cache=tmp_path / "cache")
    assert indexed.stdout.startswith("3 cards, 1 error, 0 warnings;"), indexed.stderr
    assert indexed.returncode == 1
    for result in (checked, indexed):
        assert_no_traceback(result)


def test_the_window_names_the_folder(
    indexed_window: Callable[[Path], MainWindow],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The window runs in this (root) process: the folder is made unreadable where the walk
    # lists it, with the error the system gives a user who may not read it.
    root = write_cards(tmp_path / "set", *IDS)
    locked = write_cards(root / "2019", "old-a")
    listing = os.scandir

    def scandir(path: str) -> Iterator[os.DirEntry[str]]:
        if Path(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return listing(path)

    monkeypatch.setattr(os, "scandir", scandir)
    window = indexed_window(root)
    assert window_ids(window) == set(IDS)
    catalog = window.session.catalog
    assert catalog is not None
    assert [(p.path, p.message) for p in catalog.problems] == [("2019", MESSAGE)]
