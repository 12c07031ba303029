"""F4: a file or folder name that is not UTF-8 is reported (shown with �), and only it.

``os.walk`` hands such names over with surrogate escapes, which SQLite, a UTF-8 terminal and
Qt all refuse: one such name once broke ``index``, ``search`` and the window for the whole
set, and ``check`` under a desktop locale.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from reader.ui.main_window import MainWindow
from tests.hostile.conftest import Cli, assert_no_traceback, card_text, window_ids, write_cards

IDS = ("card-a", "card-b", "card-c")
SHOWN_FILE = "bad\ufffd\ufffd.yaml"
SHOWN_FOLDER = "old\ufffd"


def undecodable_set(tmp_path: Path) -> Path:
    """Three good cards, a card whose name is not UTF-8, and a folder whose name is not."""
    root = write_cards(tmp_path / "set", *IDS)
    (root / os.fsdecode(b"bad\xff\xfe.yaml")).write_text(card_text("bad-name"), encoding="utf-8")
    write_cards(root / os.fsdecode(b"old\xe9"), "in-bad-folder")
    return root


def test_check_reports_each_name_once_with_replacement_characters(cli: Cli, tmp_path: Path) -> None:
    root = undecodable_set(tmp_path)
    # A strict UTF-8 stdout, as under en_US.UTF-8 (the container's C.UTF-8 would hide it).
    result = cli("check", root, "--format", "json", env={"PYTHONIOENCODING": "utf-8"})
    assert_no_traceback(result)
    assert result.returncode == 1
    problems = json.loads(result.stdout)
    assert [(p["path"], p["line"], p["column"]) for p in problems] == [
        (SHOWN_FILE, 1, 1),
        (SHOWN_FOLDER, 1, 1),
    ]
    assert "file name is not UTF-8" in problems[0]["message"]
    assert "folder name is not UTF-8" in problems[1]["message"]
    text = cli("check", root, env={"PYTHONIOENCODING": "utf-8"})
    assert text.stdout.splitlines()[-1].startswith("3 cards, 2 errors, 0 warnings")


def test_index_and_search_keep_the_rest_of_the_set(run_main: Cli, tmp_path: Path) -> None:
    root = undecodable_set(tmp_path)
    indexed = run_main("index", root)
    assert indexed.stdout.startswith("3 cards, 2 errors, 0 warnings;"), indexed.stderr
    found = run_main("search", root, "")
    assert set(found.stdout.split()) == set(IDS)
    again = run_main("index", root)  # the stored rows of the refused names read back
    assert again.stdout.startswith("3 cards, 2 errors, 0 warnings;"), again.stderr
    for result in (indexed, found, again):
        assert_no_traceback(result)


def test_the_window_shows_the_rest_of_the_set(
    indexed_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    window = indexed_window(undecodable_set(tmp_path))
    assert window_ids(window) == set(IDS)
    catalog = window.session.catalog
    assert catalog is not None
    assert sorted(p.path for p in catalog.problems) == [SHOWN_FILE, SHOWN_FOLDER]


def test_a_set_folder_whose_own_name_is_not_utf8_works(cli: Cli, tmp_path: Path) -> None:
    root = write_cards(tmp_path / os.fsdecode(b"set\xff"), *IDS)
    env = {"PYTHONIOENCODING": "utf-8"}
    checked = cli("check", root, env=env)
    assert checked.stdout.splitlines()[-1].startswith("3 cards, 0 errors, 0 warnings")
    indexed = cli("index", root, env=env)
    assert indexed.stdout.startswith("3 cards, 0 errors, 0 warnings;"), indexed.stderr
    found = cli("search", root, "", env=env)
    assert set(found.stdout.split()) == set(IDS)
    for result in (checked, indexed, found):
        assert_no_traceback(result)
