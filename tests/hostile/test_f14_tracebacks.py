"""F14: no traceback for an over-long path, a worker that cannot start, or Ctrl+C during a
large ``index``: one line, and the documented exit code."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.index import _sync as indexbuild
from tests.hostile.conftest import CLI_TIMEOUT, Cli, assert_no_traceback, run_reader
from tests.support.synthetic import write_set

LONG_NAME = "a" * 300  # longer than any file system's 255
LONG_PATH = "ab/" * 1700  # 5,100 characters: longer than PATH_MAX

PATH_COMMANDS = {
    "check": ("check", "{}"),
    "index": ("index", "{}"),
    "search": ("search", "{}", "mali"),
    "window": ("{}",),
}


@pytest.mark.parametrize("command", list(PATH_COMMANDS))
@pytest.mark.parametrize("path", [LONG_NAME, LONG_PATH], ids=["300-char-name", "5000-char-path"])
def test_an_over_long_path_is_a_usage_error(
    cli: Cli, run_main: Cli, command: str, path: str
) -> None:
    # The window's case in a child: were the path let through, a window would open here.
    run = cli if command == "window" else run_main
    result = run(*(arg.format(path) for arg in PATH_COMMANDS[command]))
    assert_no_traceback(result)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "error: cannot use" in result.stderr
    assert "too long" in result.stderr


@pytest.mark.parametrize("output", [LONG_NAME + ".pdf", LONG_PATH + "book.pdf"])
def test_an_over_long_export_output_cannot_be_written(
    run_main: Cli, tmp_path: Path, output: str
) -> None:
    result = run_main("export", "-o", output)
    assert_no_traceback(result)
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1
    assert "cannot write" in result.stderr
    assert "nothing was written" in result.stderr


def test_workers_that_cannot_start_leave_the_parsing_to_the_app(tmp_path: Path) -> None:
    root = tmp_path / "set"
    write_set(root, indexbuild.PARALLEL_THRESHOLD + 50)
    # (ulimit -n 12; briefing-reader index set): enough for the app, not for a worker too.
    result = run_reader("index", root, cwd=tmp_path, cache=tmp_path / "cache", open_files=12)
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{indexbuild.PARALLEL_THRESHOLD + 50} cards, 0 errors")
    assert "note: an index worker could not start (Too many open files)" in result.stdout


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def wait_for(condition: Callable[[], object], what: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + CLI_TIMEOUT
    while not condition():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"never saw {what}: {process.communicate()}")
        time.sleep(0.01)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the workers in /proc")
@pytest.mark.skipif(indexbuild.worker_count(None) < 2, reason="workers start only on 2+ cores")
def test_ctrl_c_during_a_large_index_is_one_line_and_exit_130(tmp_path: Path) -> None:
    root, cache = tmp_path / "set", tmp_path / "cache"
    write_set(root, 600)
    env = {**os.environ, "BRIEFING_READER_CACHE_DIR": str(cache)}
    # A process group of its own, as a shell gives a job: Ctrl+C signals the whole group.
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "index", str(root)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    wait_for(lambda: children(process.pid), "the index workers", process)
    # Stopped while its workers exist, the index is still being built: the interrupt cannot
    # come too late, whatever the machine's speed.
    os.killpg(process.pid, signal.SIGSTOP)
    assert children(process.pid)
    os.killpg(process.pid, signal.SIGINT)
    os.killpg(process.pid, signal.SIGCONT)
    out, err = process.communicate(timeout=CLI_TIMEOUT)
    assert "Traceback" not in out + err, err
    assert process.returncode == 130
    assert err.strip() == "briefing-reader: interrupted (SIGINT)"
    assert out == ""
    # Nothing half-done: the next run finds a sound index and finishes it.
    again = subprocess.run(
        [sys.executable, "-m", "reader", "index", str(root)],
        capture_output=True,
        text=True,
        env=env,
        timeout=CLI_TIMEOUT,
        check=False,
    )
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("600 cards, 0 errors")
