"""F10: ``source.file`` is read under the same rules as a card, and a name no file can have
(a NUL, a link loop, a name too long) is a diagnostic on the card.

``check`` once read any source whole (an 8 GiB sparse file: ``MemoryError``) and crashed
with a traceback on ``"a\\0b.txt"``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.hostile.conftest import Cli, assert_no_traceback, card_text, write_cards

IDS = ("card-a", "card-b", "card-c")
#: ``file:`` is the seventh line of the card below; its value starts in column 9.
FILE_AT = (7, 9)


def set_with_source(tmp_path: Path, name: str) -> Path:
    """Three plain cards and one whose ``source.file`` is ``name`` (a YAML-quoted text)."""
    root = write_cards(tmp_path / "set", *IDS)
    card = card_text("sourced").replace("  kind: report\n", f"  file: {name}\n  kind: report\n")
    (root / "sourced.yaml").write_text(card, encoding="utf-8")
    return root


def only_problem(cli: Cli, root: Path) -> dict[str, object]:
    result = cli("check", root, "--format", "json", timeout=30)
    assert_no_traceback(result)
    assert result.returncode == 1
    (problem,) = json.loads(result.stdout)
    assert (problem["path"], problem["line"], problem["column"]) == ("sourced.yaml", *FILE_AT)
    assert problem["severity"] == "error"
    return problem


def test_a_source_over_16_mib_is_refused_unread(run_main: Cli, tmp_path: Path) -> None:
    root = set_with_source(tmp_path, "source.txt")
    with (root / "source.txt").open("wb") as sparse:
        sparse.truncate(17 * 1024**2)  # sparse: no disk used
    problem = only_problem(run_main, root)
    assert problem["message"] == (
        f"cannot read {root.resolve() / 'source.txt'}: the file is 17.0 MiB; "
        "a source text may be at most 16 MiB"
    )


def test_a_source_that_is_a_pipe_is_refused_unread(cli: Cli, tmp_path: Path) -> None:
    root = set_with_source(tmp_path, "source.txt")
    os.mkfifo(root / "source.txt")
    problem = only_problem(cli, root)
    assert str(problem["message"]).endswith("this is not a regular file (a device or a pipe?)")


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        pytest.param('"a\\0b.txt"', "it holds a NUL character, which no file name can", id="nul"),
        pytest.param("loop.txt", "the name cannot be looked up (Symlink loop", id="loop"),
        pytest.param(
            "a" * 300 + ".txt", "the name cannot be looked up (File name too long)", id="long"
        ),
    ],
)
def test_a_name_no_file_can_have_is_a_diagnostic(
    run_main: Cli, tmp_path: Path, name: str, reason: str
) -> None:
    root = set_with_source(tmp_path, name)
    (root / "loop.txt").symlink_to("loop.txt")
    problem = only_problem(run_main, root)
    assert str(problem["message"]).startswith(f"`file` cannot name a source text: {reason}")
