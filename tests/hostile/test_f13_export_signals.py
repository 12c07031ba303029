"""F13: SIGTERM and SIGHUP during an export leave no temporary file (and the existing PDF as it
was), and the next export into a folder sweeps the temporary files a killed export left.

Before, both signals ended the process at once (exit -15, -1) and left ``.book.pdf.XXXX.part``.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SHIPPED_CARDS
from tests.hostile.conftest import CLI_TIMEOUT, Cli, assert_no_traceback
from tests.support.synthetic import write_set

OLD = b"%PDF-1.4 an earlier export that must survive\n"


def temporary_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_stopped_export_removes_its_temporary_file(tmp_path: Path, signum: int) -> None:
    root, out = tmp_path / "set", tmp_path / "out"
    write_set(root, 300)
    out.mkdir()
    (out / "book.pdf").write_bytes(OLD)
    export = subprocess.Popen(
        [sys.executable, "-m", "reader", "export", str(root), "-o", str(out / "book.pdf")],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "BRIEFING_READER_CACHE_DIR": str(tmp_path / "cache")},
    )
    deadline = time.monotonic() + CLI_TIMEOUT
    while not temporary_files(out):  # the export is under way once its temporary file exists
        if export.poll() is not None or time.monotonic() > deadline:
            export.kill()
            pytest.fail(f"no temporary file seen: {export.communicate()}")
        time.sleep(0.01)
    export.send_signal(signum)
    stdout, stderr = export.communicate(timeout=CLI_TIMEOUT)
    assert "Traceback" not in stdout + stderr, stderr
    assert export.returncode == 128 + signum
    assert stderr.strip() == f"briefing-reader: interrupted ({signal.Signals(signum).name})"
    assert temporary_files(out) == []
    assert (out / "book.pdf").read_bytes() == OLD


def dead_pid() -> int:
    """The number of a process that has ended."""
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    return ended.pid


def test_the_next_export_sweeps_stale_temporary_files(cli: Cli, tmp_path: Path) -> None:
    root, out = tmp_path / "set", tmp_path / "out"
    root.mkdir()
    for name in ("cardset.yaml", "mali-sanctions-2023.yaml"):  # one card: quick to export
        shutil.copy(SHIPPED_CARDS / name, root / name)
    out.mkdir()
    stale = [
        f".book.pdf.{dead_pid()}-k2j4h5l6.part",  # its export was killed
        f".other.pdf.{os.getpid()}-abcd_123.part",  # a live process, but a day and more old
    ]
    kept = [
        f".book.pdf.{os.getpid()}-zzzzzzzz.part",  # a live export (this process)
        ".book.pdf.part",  # not our naming
        f".notes.{dead_pid()}-abcdefgh.part.bak",  # not our naming
        "book.pdf",
    ]
    for name in stale + kept:
        (out / name).write_bytes(b"")
    if os.geteuid() == 0:  # another user's file is never touched, whatever its process
        theirs = f".book.pdf.{dead_pid()}-nobody00.part"
        (out / theirs).write_bytes(b"")
        os.chown(out / theirs, 65534, 65534)
        kept.append(theirs)
    old = time.time() - 2 * 24 * 3600
    os.utime(out / stale[1], (old, old))
    result = cli("export", root, "-o", out / "book.pdf")
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert sorted(os.listdir(out)) == sorted(kept)
    assert (out / "book.pdf").read_bytes().startswith(b"%PDF-")
