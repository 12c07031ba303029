"""The log: where it lives, what reaches it (a worker's traceback included), --debug, and that a
state folder which cannot be written changes nothing else."""

from __future__ import annotations

import logging
import platform
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.app.log import (
    LOG_NAME,
    default_state_dir,
    install_excepthooks,
    log_saved,
    open_held_log,
    problem_message,
    setup_logging,
)
from tests.conftest import SHIPPED_CARDS
from tests.support.child import run_python


@pytest.fixture
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private state folder; afterwards the log is set up as any command leaves it."""
    folder = tmp_path / "state"
    monkeypatch.setenv("BRIEFING_READER_STATE_DIR", str(folder))
    yield folder
    setup_logging()


def raise_in_thread(name: str) -> None:
    def fail() -> None:
        raise ValueError(f"boom in {name}")

    thread = threading.Thread(target=fail, name=name)
    thread.start()
    thread.join()


def run_cli(*args: str, state: Path) -> subprocess.CompletedProcess[str]:
    return run_python("-m", "reader", *args, state=state)


def test_the_state_folder_follows_xdg_and_the_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRIEFING_READER_STATE_DIR")
    monkeypatch.delenv("XDG_STATE_HOME", raising=False)
    monkeypatch.setenv("HOME", "/home/u")
    assert default_state_dir() == Path("/home/u/.local/state/briefing-reader")
    monkeypatch.setenv("XDG_STATE_HOME", "/xdg/state")
    assert default_state_dir() == Path("/xdg/state/briefing-reader")
    monkeypatch.setenv("BRIEFING_READER_STATE_DIR", "/tmp/elsewhere")
    assert default_state_dir() == Path("/tmp/elsewhere")


def test_a_thread_exception_is_logged_with_its_traceback_and_reported(state: Path) -> None:
    path = setup_logging(logging.INFO)
    assert path == state / LOG_NAME
    messages: list[str] = []
    restore = install_excepthooks(messages.append)
    try:
        raise_in_thread("worker-7")
    finally:
        restore()
    text = path.read_text(encoding="utf-8")
    assert "ERROR [worker-7] reader.app.log: Uncaught exception in thread worker-7" in text
    assert "Traceback (most recent call last):" in text
    assert "ValueError: boom in worker-7" in text
    assert messages == [
        "Briefing Reader hit an unexpected problem (ValueError: boom in worker-7). It keeps "
        "running, but what you were doing may not have finished. The details were saved to "
        f"{path}."
    ]


def test_a_worker_that_logs_its_failure_leaves_the_traceback_in_the_file(state: Path) -> None:
    """What the job runner does with a failed job: logger.exception on its thread."""

    def job() -> None:
        try:
            raise KeyError("missing")
        except KeyError:
            logging.getLogger("reader.app.jobs").exception("job failed")

    path = setup_logging()  # a command's level: problems only
    thread = threading.Thread(target=job, name="job-thread")
    thread.start()
    thread.join()
    text = path.read_text(encoding="utf-8")
    assert "ERROR [job-thread] reader.app.jobs: job failed" in text
    assert "Traceback (most recent call last):" in text
    assert "KeyError: 'missing'" in text


def test_a_windows_first_records_wait_for_the_list_and_none_is_lost(state: Path) -> None:
    path = setup_logging(logging.INFO, held=True)
    logging.getLogger("reader.ui.app").info("window started")
    assert not path.exists()  # held until the window has painted its list
    open_held_log()
    first, second = path.read_text(encoding="utf-8").splitlines()
    assert "INFO [MainThread] reader.app.log: Briefing Reader " in first
    version, system = platform.python_version(), platform.platform()
    assert first.endswith(f", Python {version} on {system}; log file {path}")
    assert second.endswith("INFO [MainThread] reader.ui.app: window started")
    logging.getLogger("reader.ui.app").info("later")  # straight to the file now
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    assert lines[2].endswith("INFO [MainThread] reader.ui.app: later")
    assert log_saved() == path


def test_a_warning_while_held_writes_the_file_at_once_in_order(state: Path) -> None:
    path = setup_logging(logging.INFO, held=True)
    logging.getLogger("reader.app.loading").info("loading")
    thread = threading.Thread(
        target=lambda: logging.getLogger("reader.index").warning("odd"), name="loader"
    )
    thread.start()
    thread.join()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [line.split("] ", 1)[1] for line in lines[1:]] == [
        "reader.app.loading: loading",
        "reader.index: odd",
    ]
    assert "WARNING [loader]" in lines[2]
    open_held_log()  # the list painted later: nothing is written twice
    assert path.read_text(encoding="utf-8").splitlines() == lines


def test_commands_log_problems_only_and_print_nothing(
    state: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    path = setup_logging()
    logging.getLogger("reader.cards.load").info("routine")
    assert not path.exists()  # nothing to say: the disk is not touched
    logging.getLogger("reader.cards.load").warning("odd")
    assert "WARNING" in path.read_text(encoding="utf-8")
    assert capfd.readouterr() == ("", "")


def test_debug_logs_everything_to_stderr_too(
    state: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = setup_logging(debug=True)
    logging.getLogger("reader.index").debug("parsed %d cards", 3)
    err = capsys.readouterr().err
    assert "DEBUG [MainThread] reader.index: parsed 3 cards" in err
    assert "DEBUG [MainThread] reader.index: parsed 3 cards" in path.read_text(encoding="utf-8")


def test_the_log_rotates_at_one_mebibyte_keeping_three(state: Path) -> None:
    path = setup_logging()
    for n in range(5000):
        logging.getLogger("reader.test").warning("%d %s", n, "x" * 1000)
    names = sorted(p.name for p in state.iterdir())
    assert names == [LOG_NAME, f"{LOG_NAME}.1", f"{LOG_NAME}.2", f"{LOG_NAME}.3"]
    assert all(p.stat().st_size <= 1 << 20 for p in state.iterdir())
    assert "4999" in path.read_text(encoding="utf-8")


def test_an_unwritable_state_folder_is_not_fatal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("BRIEFING_READER_STATE_DIR", str(blocker / "state"))
    try:
        setup_logging(logging.INFO)
        logging.getLogger("reader.test").error("nowhere to go")
        messages: list[str] = []
        restore = install_excepthooks(messages.append)
        try:
            raise_in_thread("worker-8")
        finally:
            restore()
        assert log_saved() is None
        assert capfd.readouterr() == ("", "")  # no "--- Logging error ---" either
        assert "ValueError: boom in worker-8" in messages[0]
        assert "could not be saved to a log file" in messages[0]
        assert "--debug" in messages[0]
    finally:
        monkeypatch.undo()
        setup_logging()


def test_the_message_stays_short() -> None:
    message = problem_message(RuntimeError("y" * 5000), Path("/s/briefing-reader.log"))
    assert len(message) < 400
    assert message.endswith("The details were saved to /s/briefing-reader.log.")
    assert "(RuntimeError)" in problem_message(RuntimeError(), None)


def test_debug_before_a_command_logs_to_stderr_and_changes_nothing_else(tmp_path: Path) -> None:
    plain = run_cli("check", str(SHIPPED_CARDS), state=tmp_path / "state")
    debug = run_cli("--debug", "check", str(SHIPPED_CARDS), state=tmp_path / "state")
    assert plain.returncode == debug.returncode == 0
    assert plain.stderr == ""
    assert debug.stdout.splitlines()[:-1] == plain.stdout.splitlines()[:-1]  # (the time differs)
    assert "INFO [MainThread] reader.app.log: Briefing Reader" in debug.stderr
    assert str(tmp_path / "state" / LOG_NAME) in debug.stderr


def test_debug_without_a_command_is_the_window(tmp_path: Path) -> None:
    result = run_cli("--debug", "/nonexistent/cards", state=tmp_path / "state")
    assert result.returncode == 2
    assert "briefing-reader: error: /nonexistent/cards does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unwritable_state_folder_does_not_stop_a_command(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = run_cli("--debug", "check", str(SHIPPED_CARDS), state=blocker / "state")
    assert result.returncode == 0
    assert "Logging error" not in result.stderr
    assert "Traceback" not in result.stderr
