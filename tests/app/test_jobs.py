"""The one background job runner: newest wins, cancel stops at a checkpoint, progress,
results, failures with their traceback, and nothing ever waited for."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from reader.app.jobs import JobCancelledError, JobContext, JobFailure, JobRunner
from tests.conftest import REPO

#: How long a test job may wait for the test to let it go on (a hang guard, not a timing).
WAIT = 10


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[JobRunner]:
    jobs = JobRunner("test")
    yield jobs
    jobs.shutdown()


def test_a_job_runs_on_its_own_thread_reports_progress_and_returns(
    qtbot: QtBot, runner: JobRunner
) -> None:
    threads: list[threading.Thread] = []

    def job(context: JobContext) -> str:
        threads.append(threading.current_thread())
        for done in range(1, 4):
            context.progress(done, 3, f"step {done}")
        context.deliver("halfway")
        return "done"

    progress: list[tuple[object, int, int, str]] = []
    delivered: list[tuple[object, object]] = []
    runner.progressed.connect(lambda *args: progress.append(args))
    runner.delivered.connect(lambda *args: delivered.append(args))
    with qtbot.waitSignal(runner.finished) as finished:
        runner.start("job", job)
        assert runner.running == "job"
    assert finished.args == ["job", "done"]
    assert progress == [("job", d, 3, f"step {d}") for d in (1, 2, 3)]
    assert delivered == [("job", "halfway")]
    assert threads[0] is not threading.main_thread()
    assert runner.running is None


def test_a_newer_job_cancels_the_running_one_which_reports_nothing_more(
    qtbot: QtBot, runner: JobRunner
) -> None:
    started, go_on, stopped_at = threading.Event(), threading.Event(), threading.Event()

    def slow(context: JobContext) -> str:
        started.set()
        go_on.wait(WAIT)
        try:
            context.checkpoint()
        except JobCancelledError:
            stopped_at.set()
            raise
        context.progress(1, 2)  # never reached
        return "slow"

    progress: list[object] = []
    finished: list[object] = []
    runner.progressed.connect(lambda key, *_: progress.append(key))
    runner.finished.connect(lambda *args: finished.append(args))
    runner.start("slow", slow)
    qtbot.waitUntil(started.is_set)
    runner.start("quick", lambda _context: "quick")
    assert runner.running == "quick"
    qtbot.waitUntil(lambda: finished == [("quick", "quick")])
    with qtbot.waitSignal(runner.stopped) as stopped:
        go_on.set()
    assert stopped.args == ["slow"]
    assert stopped_at.is_set()
    assert progress == []
    assert finished == [("quick", "quick")]


def test_cancel_stops_the_job_at_its_next_checkpoint(qtbot: QtBot, runner: JobRunner) -> None:
    started, go_on = threading.Event(), threading.Event()
    reached: list[str] = []

    def job(context: JobContext) -> None:
        started.set()
        go_on.wait(WAIT)
        reached.append("before the checkpoint")
        context.checkpoint()
        reached.append("after the checkpoint")

    finished: list[object] = []
    runner.finished.connect(lambda *args: finished.append(args))
    runner.start("job", job)
    qtbot.waitUntil(started.is_set)
    runner.cancel()
    assert runner.running is None
    with qtbot.waitSignal(runner.stopped):
        go_on.set()
    assert reached == ["before the checkpoint"]
    assert finished == []


def test_a_result_that_comes_after_a_cancel_is_dropped(qtbot: QtBot, runner: JobRunner) -> None:
    started, go_on = threading.Event(), threading.Event()

    def job(context: JobContext) -> str:  # no checkpoint at all
        started.set()
        go_on.wait(WAIT)
        return "stale"

    finished: list[object] = []
    runner.finished.connect(lambda *args: finished.append(args))
    runner.start("job", job)
    qtbot.waitUntil(started.is_set)
    runner.cancel()
    with qtbot.waitSignal(runner.stopped):
        go_on.set()
    assert finished == []


def test_a_failure_is_reported_and_logged_with_its_traceback(
    qtbot: QtBot, runner: JobRunner, caplog: pytest.LogCaptureFixture
) -> None:
    def no_such_topic(_context: JobContext) -> None:
        raise ValueError("no such topic")

    with qtbot.waitSignal(runner.failed) as failed, caplog.at_level(logging.ERROR):
        runner.start("broken", no_such_topic)
    key, failure = failed.args
    assert key == "broken"
    assert isinstance(failure, JobFailure)
    assert failure.message == "ValueError: no such topic"
    assert "in no_such_topic" in failure.traceback
    (record,) = [r for r in caplog.records if r.name == "reader.app.jobs"]
    assert record.exc_info is not None
    assert record.exc_info[1] is failure.error
    assert "ValueError: no such topic" in caplog.text
    assert "in no_such_topic" in caplog.text  # the traceback, not just the message
    assert runner.running is None


def test_shutdown_never_waits_for_a_job_that_ignores_it(qtbot: QtBot) -> None:
    runner = JobRunner("stubborn")
    started, go_on, ended = threading.Event(), threading.Event(), threading.Event()

    def stubborn(_context: JobContext) -> None:
        started.set()
        go_on.wait(WAIT)
        ended.set()

    runner.start("stubborn", stubborn)
    qtbot.waitUntil(started.is_set)
    (thread,) = [t for t in threading.enumerate() if t.name == "stubborn-1"]
    reports: list[object] = []
    runner.stopped.connect(reports.append)
    runner.finished.connect(reports.append)
    runner.shutdown()  # returns although the job goes on
    assert not ended.is_set()
    runner.start("after", lambda _context: reports.append("ran"))  # nothing starts any more
    go_on.set()
    thread.join(WAIT)
    assert ended.is_set()
    QCoreApplication.processEvents()  # what the job posted before it ended is delivered now
    assert reports == []


EXITS = r"""
import sys, threading
from PySide6.QtCore import QCoreApplication, QTimer
from reader.app.jobs import JobRunner

app = QCoreApplication([])
runner = JobRunner("stubborn")
started = threading.Event()

def forever(context):
    started.set()
    threading.Event().wait()  # ignores the cancel: never reaches a checkpoint

def quit_when_started():
    if started.is_set():
        runner.shutdown()
        app.quit()

timer = QTimer()
timer.timeout.connect(quit_when_started)
timer.start(1)
runner.start("forever", forever)
app.exec()
print("quit", flush=True)
"""


def test_a_job_that_never_stops_does_not_keep_the_process_alive() -> None:
    done = subprocess.run(
        [sys.executable, "-c", EXITS],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "quit"
