"""The window's command line is told from a command's without building the argument parser
(reader/cli/window.py), and the window's start imports neither the parser nor the log file's
handlers before its list (#17 §4)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from reader.cli.parser import build_parser
from reader.cli.window import COMMANDS, window_path
from tests.conftest import SHIPPED_CARDS
from tests.support.child import run_python


def test_the_window_knows_every_command_of_the_parser_by_name() -> None:
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert tuple(commands.choices) == COMMANDS


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], ""),
        (["./cards"], "./cards"),
        (["~/cards"], "~/cards"),
        (["check"], None),
        (["tag"], None),
        (["chekc"], None),  # left to argparse: "invalid choice"
        (["--version"], None),
        (["a/b", "c"], None),
    ],
)
def test_a_lone_path_is_the_window_and_a_command_is_not(
    argv: list[str], expected: str | None
) -> None:
    assert window_path(argv) == expected


SCRIPT = r"""
import json, logging, sys
import reader.ui.app
def run_window(path, sources):
    logging.getLogger("reader.ui.app").info("window started")
    print(json.dumps(sorted(sys.modules)))
    return 0
reader.ui.app.run_window = run_window
from reader.cli import main
sys.exit(main([sys.argv[1]]))
"""

#: What the window's start up to the window does without: the parser is for commands, and
#: the log file's handler and the platform's name are made once the list is painted.
NOT_BEFORE_THE_WINDOW = (
    "reader.cli.parser",
    "logging.handlers",
    "reader.app.log_file",
    "platform",
    "signal",
)


def test_the_windows_start_leaves_the_parser_and_the_log_file_for_later(tmp_path: Path) -> None:
    """One fresh interpreter, no Qt: the window itself replaced by a stand-in that logs a line
    and notes the modules. At the program's end the held lines are in the log all the same."""
    state = tmp_path / "state"
    done = run_python("-c", SCRIPT, str(SHIPPED_CARDS), state=state)
    assert done.returncode == 0, done.stderr
    modules = set(json.loads(done.stdout))
    assert "reader.app.log" in modules  # the check sees what does load
    assert sorted(m for m in NOT_BEFORE_THE_WINDOW if m in modules) == []
    lines = (state / "briefing-reader.log").read_text(encoding="utf-8").splitlines()
    assert "reader.app.log: Briefing Reader" in lines[0]
    assert lines[1].endswith("INFO [MainThread] reader.ui.app: window started")
