"""The start-up probe ends the process only when a benchmark asks it to."""

from __future__ import annotations

import os
import subprocess
import sys

from reader.ui.startup_probe import EXIT_WHEN_LISTED, card_list_shown

SCRIPT = (
    "from reader.ui.startup_probe import card_list_shown; "
    "card_list_shown(5); card_list_shown(12); print('still running')"
)


def run(value: str | None) -> subprocess.CompletedProcess[str]:
    env = {} if value is None else {EXIT_WHEN_LISTED: value}
    return subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
        check=False,
    )


def test_without_the_variable_nothing_happens() -> None:
    card_list_shown(10_000, environ={})
    done = run(None)
    assert done.returncode == 0
    assert done.stdout == "still running\n"


def test_the_process_ends_once_enough_rows_are_listed() -> None:
    done = run("10")
    assert done.returncode == 0
    assert done.stdout == "briefing-reader: listed 12 cards\n"


def test_any_other_value_means_the_first_list() -> None:
    assert run("yes").stdout == "briefing-reader: listed 5 cards\n"
