"""The command line as a user meets it: exit codes, output, and never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import DATA


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
    )


def test_check_with_no_path_checks_the_shipped_set(tmp_path: Path) -> None:
    result = run("check", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("3 cards, 0 errors, 0 warnings")
    assert result.stderr == ""


def test_check_reports_problems_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(DATA / "bad")]) == 1
    out = capsys.readouterr().out.splitlines()
    expected = (DATA / "bad" / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert out[:-1] == expected
    assert out[-1].startswith("2 cards, 29 errors, 1 warning (")


def test_warnings_alone_exit_0(
    write_set: Callable[[dict[str, str]], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    card = (DATA / "bad" / "unknown-field.yaml").read_text(encoding="utf-8")
    root = write_set({"a.yaml": card})
    assert main(["check", str(root)]) == 0
    assert "1 card, 0 errors, 1 warning" in capsys.readouterr().out


def test_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(DATA / "bad"), "--format", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)
    assert problems[0] == {
        "path": "bad-date.yaml",
        "line": 6,
        "column": 14,
        "severity": "error",
        "message": "`published` must be a date like 2023, 2023-02 or 2023-02-09, not 'Feb 2023'",
    }
    assert {p["severity"] for p in problems} == {"error", "warning"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "/nonexistent/set"], "/nonexistent/set does not exist"),
        (["check", str(DATA / "good" / "full.yaml")], "is not a folder of cards"),
        (["check", "--format", "xml"], "briefing-reader check: error: argument --format"),
        (["check", str(DATA / "good"), "--sources", "/nonexistent"], "is not a folder"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
    ],
)
def test_usage_errors_exit_2(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # In this process (five child interpreters cost ~0.6 s of CPU; the other tests here keep
    # one each): argparse's errors end in SystemExit(2), the others return 2.
    try:
        code = main(args)
    except SystemExit as exc:
        code = exc.code
    assert code == 2
    assert message in capsys.readouterr().err


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "check" in result.stdout


def test_sources_option_verifies_quotes(
    write_set: Callable[[dict[str, str]], Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    card = (DATA / "good" / "full.yaml").read_text(encoding="utf-8")
    card = card.replace("solve its security problems", "solve all its problems")
    root = write_set(
        {"full.yaml": card, "cardset.yaml": (DATA / "good" / "cardset.yaml").read_text()}
    )
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "source.txt").write_bytes((DATA / "good" / "source.txt").read_bytes())
    assert main(["check", str(root), "--sources", str(sources)]) == 1
    out = capsys.readouterr().out
    assert (
        "full.yaml:44:11: error: quote 1 is not in the source text word for word; the closest "
        "passage is: “Russia alone will not be able to solve its security problems,”"
    ) in out


def test_bad_input_never_shows_a_traceback(tmp_path: Path) -> None:
    root = tmp_path / "set"
    root.mkdir()
    (root / "a.yaml").write_bytes(b"\xff\xfe\x00garbage: [")
    (root / "b.yaml").write_text("[" * 30_000)
    (root / "c.yaml").mkdir()
    result = run("check", str(root))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "0 cards, 3 errors, 0 warnings" in result.stdout
