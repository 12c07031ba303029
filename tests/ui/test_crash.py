"""A bug while the window runs: logged with its traceback, told once in a readable box, and the
window keeps going. pytest-qt catches exceptions in slots itself; these tests put the product's
hooks in front of it for their duration."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from reader.app.log import LOG_NAME, setup_logging
from reader.ui.crash import TITLE, CrashNotice, install_crash_notice
from tests.conftest import REPO


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("BRIEFING_READER_STATE_DIR", str(tmp_path / "state"))
    yield setup_logging(logging.INFO)
    setup_logging()


@pytest.fixture
def notice(qtbot: QtBot, log_file: Path) -> Iterator[CrashNotice]:
    owner = QObject()
    notice, restore = install_crash_notice(owner)
    yield notice
    restore()
    if notice.message is not None:
        notice.message.close()
        notice.message.deleteLater()


def boxes() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible() and w.windowTitle() == TITLE
    ]


def fail(text: str) -> None:
    raise RuntimeError(text)


def test_an_exception_in_a_slot_is_logged_and_shown_once(
    qtbot: QtBot, notice: CrashNotice, log_file: Path
) -> None:
    QTimer.singleShot(0, lambda: fail("first <b>bug</b>"))
    qtbot.waitUntil(lambda: len(boxes()) == 1)
    box = boxes()[0]
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text().startswith("Briefing Reader hit an unexpected problem")
    assert "RuntimeError: first <b>bug</b>" in box.text()
    assert box.text().endswith(f"The details were saved to {log_file}.")
    assert log_file == log_file.parent / LOG_NAME
    text = log_file.read_text(encoding="utf-8")
    assert "Uncaught exception in thread MainThread" in text
    assert "Traceback (most recent call last):" in text
    assert "RuntimeError: first <b>bug</b>" in text

    QTimer.singleShot(0, lambda: fail("second bug"))
    qtbot.waitUntil(lambda: "RuntimeError: second bug" in log_file.read_text(encoding="utf-8"))
    assert boxes() == [box]  # logged, not shown again

    ran: list[bool] = []
    QTimer.singleShot(0, lambda: ran.append(True))
    qtbot.waitUntil(lambda: ran == [True])  # the event loop carries on


def test_a_worker_thread_exception_is_shown_on_the_ui_thread(
    qtbot: QtBot, notice: CrashNotice, log_file: Path
) -> None:
    shown_on: list[threading.Thread] = []
    notice._reported.connect(lambda _text: shown_on.append(threading.current_thread()))
    worker = threading.Thread(target=fail, args=("in a worker",), name="loader")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(boxes()) == 1)
    assert shown_on == [threading.main_thread()]
    assert "RuntimeError: in a worker" in boxes()[0].text()
    text = log_file.read_text(encoding="utf-8")
    assert "ERROR [loader] reader.app.log: Uncaught exception in thread loader" in text
    assert "RuntimeError: in a worker" in text


def test_a_window_that_cannot_start_is_logged_and_ends_with_its_traceback(tmp_path: Path) -> None:
    """Before the event loop runs there is no window to tell it in: the traceback ends the
    program on stderr, as without the hooks, and is in the log too."""
    script = (
        "import sys, reader.ui.main_window as mw\n"
        "class Broken:\n"
        "    def __init__(self, *args):\n"
        "        raise RuntimeError('window broke')\n"
        "mw.MainWindow = Broken\n"
        "from reader.cli import main\n"
        "sys.exit(main([]))\n"
    )
    env = {
        **os.environ,
        "BRIEFING_READER_STATE_DIR": str(tmp_path / "state"),
        "HOME": str(tmp_path),  # QSettings writes under it
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "RuntimeError: window broke" in result.stderr.splitlines()[-1]
    text = (tmp_path / "state" / LOG_NAME).read_text(encoding="utf-8")
    assert "ERROR [MainThread] reader.ui.app: the window could not start" in text
    assert "RuntimeError: window broke" in text
