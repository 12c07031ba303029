"""F8 (and F4's output side): nothing a command prints can drive the terminal, or fail to print.

A card's values and file names are quoted back in diagnostics, listed by ``search`` and named
by ``export``; raw, they could clear the screen, set the window title or write the clipboard
(OSC 52). Every command's output now shows control characters as ``\\u001b``-style escapes
(JSON's own, so ``--format json`` stays valid) and names that are not UTF-8 with U+FFFD.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import SHIPPED_CARDS
from tests.hostile.conftest import Cli, assert_no_traceback, card_text

#: Clear the screen, write the clipboard (OSC 52), ring the bell, a C1 CSI, a bidi override.
HOSTILE_VALUE = "\x1b[2J\x1b]52;c;ZWNobyBwd25lZA==\x07\u009b31m\u202eFAKE: 0 errors"
#: As YAML writes it in a double-quoted string.
HOSTILE_YAML = r"\e[2J\e]52;c;ZWNobyBwd25lZA==\a\x9b31m\u202eFAKE: 0 errors"
HOSTILE_NAME = "title\x1b]0;owned\x07"
#: What must never reach a terminal raw (tab and line feed aside).
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def assert_terminal_safe(text: str) -> None:
    assert RAW.search(text) is None, ascii(text)


def hostile_set(tmp_path: Path, folder: str = "set") -> Path:
    """A valid card with a hostile title, one whose date is a hostile value (an error that
    quotes it back) under a hostile file name."""
    root = tmp_path / folder
    root.mkdir()
    good = card_text("hostile-title").replace('title: "hostile-title"', f'title: "{HOSTILE_YAML}"')
    (root / "good.yaml").write_text(good, encoding="utf-8")
    bad = card_text("bad-date").replace('"2023-02-09"', f'"{HOSTILE_YAML}"')
    (root / f"{HOSTILE_NAME}.yaml").write_text(bad, encoding="utf-8")
    return root


def test_check_escapes_card_values_and_file_names(run_main: Cli, tmp_path: Path) -> None:
    result = run_main("check", hostile_set(tmp_path))
    assert_no_traceback(result)
    assert result.returncode == 1
    assert_terminal_safe(result.stdout + result.stderr)
    (diagnostic, summary) = result.stdout.splitlines()
    assert diagnostic.startswith("title\\u001b]0;owned\\u0007.yaml:6:")
    assert "not '\\u001b[2J\\u001b]52;c;ZWNobyBwd25lZA==\\u0007\\u009b31m\\u202eFAKE" in diagnostic
    assert summary.startswith("1 card, 1 error, 0 warnings")


def test_json_output_stays_valid_and_exact(run_main: Cli, tmp_path: Path) -> None:
    root = hostile_set(tmp_path)
    checked = run_main("check", root, "--format", "json")
    found = run_main("search", root, "", "--format", "json")
    for result in (checked, found):
        assert_no_traceback(result)
        assert_terminal_safe(result.stdout + result.stderr)
    (problem,) = json.loads(checked.stdout)
    assert problem["path"] == f"{HOSTILE_NAME}.yaml"
    assert HOSTILE_VALUE in problem["message"]
    (card,) = json.loads(found.stdout)
    assert card["title"] == HOSTILE_VALUE


def test_index_escapes_the_folder_it_names(run_main: Cli, tmp_path: Path) -> None:
    result = run_main("index", hostile_set(tmp_path, folder="set\x1b[2J"))
    assert_no_traceback(result)
    assert result.returncode == 1
    assert_terminal_safe(result.stdout + result.stderr)
    assert "see the problems with: briefing-reader check " in result.stdout
    assert "set\\u001b[2J" in result.stdout


def test_usage_errors_escape_the_path(run_main: Cli) -> None:
    result = run_main("check", "missing\x1b]0;owned\x07")
    assert result.returncode == 2
    assert_terminal_safe(result.stderr)
    assert "missing\\u001b]0;owned\\u0007 does not exist" in result.stderr


@pytest.fixture
def export_set(tmp_path: Path) -> Path:
    """One shipped card (fast to export) plus a card with errors under a hostile name."""
    root = tmp_path / "set"
    root.mkdir()
    for name in ("cardset.yaml", "mali-sanctions-2023.yaml"):
        shutil.copy(SHIPPED_CARDS / name, root / name)
    (root / f"{HOSTILE_NAME}.yaml").write_text("format: briefing-card/1\nid: [\n", "utf-8")
    return root


def test_export_escapes_the_names_it_reports(
    run_main: Cli, tmp_path: Path, export_set: Path
) -> None:
    output = tmp_path / "book\x1b[2J.pdf"
    result = run_main("export", export_set, "-o", output)
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert_terminal_safe(result.stdout + result.stderr)
    assert "title\\u001b]0;owned\\u0007.yaml" in result.stderr  # left out, with errors
    assert "written to " + str(tmp_path / "book\\u001b[2J.pdf") in result.stdout
    assert output.read_bytes().startswith(b"%PDF-")


# --- F4's output side: names that are not UTF-8, under a strict UTF-8 stdout ------------------

STRICT_UTF8 = {"PYTHONIOENCODING": "utf-8"}  # as en_US.UTF-8 (C.UTF-8 would be lenient)


def test_export_names_an_output_that_is_not_utf8(
    cli: Cli, tmp_path: Path, export_set: Path
) -> None:
    output = tmp_path / os.fsdecode(b"book-\xff.pdf")
    result = cli("export", export_set, "-o", output, env=STRICT_UTF8)
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert "book-\ufffd.pdf" in result.stdout
    assert output.read_bytes().startswith(b"%PDF-")


def test_a_path_that_is_not_utf8_is_named_with_replacement_characters(cli: Cli) -> None:
    result = cli("check", os.fsdecode(b"missing-\xe9"), env=STRICT_UTF8)
    assert_no_traceback(result)
    assert result.returncode == 2
    assert result.stderr.strip().endswith("missing-\ufffd does not exist")
