"""``briefing-reader [PATH]`` opens the window; without a display it says how to go headless."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import cli
from reader.ui import app
from tests.conftest import REPO


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
        check=False,
    )


def test_no_display_is_one_line_and_exit_1(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    if not sys.platform.startswith("linux"):
        pytest.skip("the display check only applies where X11 or Wayland provide the display")
    result = run(env=env)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "no display" in lines[0]
    assert "QT_QPA_PLATFORM=offscreen" in lines[0]
    assert "check" in lines[0]
    assert "Traceback" not in result.stderr


def test_display_problem_cases() -> None:
    assert app.display_problem({}, "linux") is not None
    assert app.display_problem({"DISPLAY": ":0"}, "linux") is None
    assert app.display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert app.display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert app.display_problem({}, "win32") is None
    assert app.display_problem({}, "darwin") is None


@pytest.mark.parametrize(
    ("argv", "expected"),
    [([], None), (["cards"], "cards"), (["./cards"], "./cards")],
)
def test_bare_command_and_path_open_the_window(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], expected: str | None
) -> None:
    opened: list[Path | None] = []
    monkeypatch.chdir(REPO)
    monkeypatch.setattr(app, "run_window", lambda path, sources=None: opened.append(path) or 0)
    assert cli.main(argv) == 0
    assert opened == [None if expected is None else Path(expected)]


def test_a_missing_folder_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["/nonexistent/cards"]) == 2
    assert "/nonexistent/cards does not exist" in capsys.readouterr().err


def test_help_and_check_still_work(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "briefing-reader [PATH]" in out
    assert "check" in out
    assert cli.main(["check", str(REPO / "cards")]) == 0


def test_start_folder_prefers_path_then_last_set_then_shipped(tmp_path: Path) -> None:
    assert app.start_folder(tmp_path, None) == tmp_path
    assert app.start_folder(None, tmp_path) == tmp_path
    assert app.start_folder(None, tmp_path / "gone").name == "cards"


def test_sources_opens_the_window_with_a_sources_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    opened: list[tuple[Path | None, Path | None]] = []
    monkeypatch.chdir(REPO)
    monkeypatch.setattr(
        app, "run_window", lambda path, sources=None: opened.append((path, sources)) or 0
    )
    assert cli.main(["cards", "--sources", str(tmp_path)]) == 0
    assert cli.main([f"--sources={tmp_path}"]) == 0
    assert opened == [(Path("cards"), tmp_path), (None, tmp_path)]


def test_sources_must_be_a_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert cli.main(["cards", "--sources", str(tmp_path / "gone")]) == 2
    assert f"--sources {tmp_path / 'gone'} is not a folder" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:  # no DIR: argparse's usage error
        cli.main(["--sources"])
    assert exit_info.value.code == 2
