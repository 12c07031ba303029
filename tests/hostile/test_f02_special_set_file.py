"""F2: a set file (or card, or source) that is a FIFO or a device is reported, never read.

A plain read of a FIFO blocks until someone writes to it, and a link to ``/dev/zero`` never
ends: both once hung or exhausted ``index``, ``search`` and the window.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.cards.file_reading import UnreadableFileError, read_limited
from reader.ui.main_window import MainWindow
from tests.hostile.conftest import Cli, assert_no_traceback, window_ids, write_cards

IDS = ("card-a", "card-b", "card-c")
#: Each finishes in about a second; a read that blocks would run into this.
TIMEOUT = 30.0


def fifo(path: Path) -> None:
    os.mkfifo(path)


def zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


SPECIAL = [pytest.param(fifo, id="fifo"), pytest.param(zero, id="dev-zero")]


@pytest.mark.parametrize("make", SPECIAL)
def test_check_index_and_search_report_a_special_set_file(
    cli: Cli, tmp_path: Path, make: Callable[[Path], None]
) -> None:
    root = write_cards(tmp_path / "set", *IDS)
    make(root / "cardset.yaml")
    diagnostic = "cardset.yaml:1:1: error: this is not a regular file (a device or a pipe?)"

    checked = cli("check", root, timeout=TIMEOUT)
    assert diagnostic in checked.stdout.splitlines()
    assert checked.returncode == 1
    indexed = cli("index", root, timeout=TIMEOUT)
    assert indexed.stdout.startswith("3 cards, 1 error, 0 warnings;")
    assert indexed.returncode == 1
    found = cli("search", root, "", timeout=TIMEOUT)
    assert set(found.stdout.split()) == set(IDS)
    for result in (checked, indexed, found):
        assert_no_traceback(result)


@pytest.mark.parametrize("make", SPECIAL)
def test_the_window_opens_a_set_with_a_special_set_file(
    indexed_window: Callable[[Path], MainWindow], tmp_path: Path, make: Callable[[Path], None]
) -> None:
    root = write_cards(tmp_path / "set", *IDS)
    make(root / "cardset.yaml")
    window = indexed_window(root)
    assert window_ids(window) == set(IDS)
    catalog = window.session.catalog
    assert catalog is not None
    assert [(p.path, p.is_error) for p in catalog.problems] == [("cardset.yaml", True)]


def test_a_fifo_card_is_reported_without_blocking(cli: Cli, tmp_path: Path) -> None:
    root = write_cards(tmp_path / "set", *IDS)
    fifo(root / "pipe.yaml")
    indexed = cli("index", root, timeout=TIMEOUT)
    assert indexed.stdout.startswith("3 cards, 1 error, 0 warnings;")
    checked = cli("check", root, timeout=TIMEOUT)
    assert "pipe.yaml:1:1: error: this is not a regular file (a device or a pipe?)" in (
        checked.stdout.splitlines()
    )
    assert_no_traceback(indexed)
    assert_no_traceback(checked)


def test_read_limited_reads_at_most_one_byte_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "card.yaml"
    path.write_bytes(b"x" * 10)
    assert read_limited(path, limit=10) == b"x" * 10
    with pytest.raises(UnreadableFileError, match="the set file may be at most"):
        read_limited(path, limit=9, noun="the set file")
