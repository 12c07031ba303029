"""The PDF appears complete or not at all, and an existing file survives any failure."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

import reader.export.atomic as atomic
from reader.cards.catalog import MemoryCatalog
from reader.cards.load import load_set
from reader.cards.query import Query
from reader.export.book import select
from reader.export.pdf import export_pdf
from reader.export.progress import ExportCancelledError, Progress
from tests.conftest import REPO, SHIPPED_CARDS
from tests.export.conftest import EPOCH, SANCTIONS, Run

Export = Callable[..., Run]
OLD = b"%PDF-1.4 an earlier export that must survive\n"


def _blocks_writes(folder: Path) -> bool:
    try:
        fd, name = tempfile.mkstemp(dir=folder)
    except OSError:
        return True
    os.close(fd)
    os.unlink(name)
    return False


@pytest.fixture
def unwritable_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder this process cannot create files in.

    Permissions stop an ordinary user; root ignores them, so as root the test uses /sys,
    which refuses new files to everyone.
    """
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if _blocks_writes(folder):
            yield folder
        elif _blocks_writes(Path("/sys")):
            yield Path("/sys")
        else:
            pytest.skip("no folder refuses writes to this user")
    finally:
        folder.chmod(0o755)


def test_unwritable_folder_exits_1_and_writes_nothing(
    export: Export, unwritable_folder: Path
) -> None:
    before = sorted(os.listdir(unwritable_folder))
    target = unwritable_folder / "briefing-test-book.pdf"
    run = export("-o", target)
    assert run.code == 1
    assert f"cannot write {target}" in run.err
    assert "nothing was written" in run.err
    assert "Traceback" not in run.err
    assert sorted(os.listdir(unwritable_folder)) == before


def _run_with_file_size_limit(limit: int, *args: str) -> subprocess.CompletedProcess[str]:
    """The real command in a child process whose files may not grow past ``limit`` bytes,
    which is what a full disk does to a write (EFBIG instead of ENOSPC).

    ``-B``: the limit applies to every file the child writes, and Python writes a module's
    bytecode cache without checking for a short write, so a child compiling a changed module
    left a cut-off ``.pyc`` in the tree that broke every later import of it."""
    code = (
        "import resource, signal, sys\n"
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "from reader.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-B", "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
        check=False,
    )


def test_disk_full_midway_keeps_the_existing_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "book.pdf"
    target.write_bytes(OLD)
    result = _run_with_file_size_limit(20_000, "export", str(SHIPPED_CARDS), "-o", str(target))
    assert result.returncode == 1, result.stderr
    assert f"cannot write {target}: File too large; nothing was written" in result.stderr
    assert "Traceback" not in result.stderr
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.pdf"]


def test_short_writes_are_continued_until_every_byte_is_written(
    export: Export, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reference = tmp_path / "reference.pdf"
    assert export("-o", reference, "--card", SANCTIONS).code == 0
    real_write = os.write
    calls = []

    def short_write(fd: int, data: bytes | memoryview) -> int:
        calls.append(len(data))
        return real_write(fd, data[: max(1, len(data) // 3)])

    monkeypatch.setattr(atomic.os, "write", short_write)
    target = tmp_path / "book.pdf"
    assert export("-o", target, "--card", SANCTIONS).code == 0
    assert len(calls) > 5
    assert target.read_bytes() == reference.read_bytes()


def test_a_write_that_makes_no_progress_fails_cleanly(
    export: Export, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "book.pdf"
    target.write_bytes(OLD)
    monkeypatch.setattr(atomic.os, "write", lambda fd, data: 0)
    run = export("-o", target, "--card", SANCTIONS)
    assert run.code == 1
    assert "0 bytes written" in run.err
    assert target.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["book.pdf"]


def test_a_failure_while_rendering_keeps_the_existing_file(
    export: Export, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "book.pdf"
    target.write_bytes(OLD)

    def broken(*args: object) -> bytes:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("reader.export.pdf.finish", broken)
    run = export("-o", target)
    assert run.code == 1
    assert "No space left on device" in run.err
    assert target.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["book.pdf"]


def test_cancel_leaves_nothing_and_keeps_the_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "book.pdf"
    target.write_bytes(OLD)
    request = select(
        MemoryCatalog(load_set(SHIPPED_CARDS)), Query(), exported=datetime(2024, 1, 1, tzinfo=UTC)
    )
    seen: list[Progress] = []

    def cancel_halfway(progress: Progress) -> None:
        seen.append(progress)
        if progress.done * 2 >= progress.total:
            raise ExportCancelledError

    with pytest.raises(ExportCancelledError):
        export_pdf(request, target, cancel_halfway)
    assert seen[0].done == 1
    assert all(p.total == seen[0].total for p in seen)
    assert target.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["book.pdf"]


def test_a_successful_export_replaces_the_file_and_keeps_its_permissions(
    export: Export, tmp_path: Path
) -> None:
    target = tmp_path / "book.pdf"
    target.write_bytes(OLD)
    target.chmod(0o640)
    assert export("-o", target, "--card", SANCTIONS).code == 0
    assert target.read_bytes().startswith(b"%PDF-")
    assert len(PdfReader(target).pages) >= 4
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["book.pdf"]


def test_a_new_file_gets_the_usual_permissions(export: Export, tmp_path: Path) -> None:
    target = tmp_path / "new.pdf"
    assert export("-o", target, "--card", SANCTIONS).code == 0
    umask = os.umask(0o022)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
