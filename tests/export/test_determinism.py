"""With SOURCE_DATE_EPOCH set, the same cards give the same bytes, in any process or zone."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import REPO
from tests.export.conftest import EPOCH, ISOLATION, LEVERAGE, SANCTIONS, Run

Export = Callable[..., Run]
ARGS = ("--compare", f"{SANCTIONS},{LEVERAGE},{ISOLATION}")


def test_same_input_same_bytes_across_processes_and_time_zones(
    export: Export, tmp_path: Path
) -> None:
    here = tmp_path / "here.pdf"
    assert export("-o", here, *ARGS).code == 0
    # Another process has another QHash seed, another time zone another local time.
    there = tmp_path / "there.pdf"
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "TZ": "Asia/Kolkata"}
    result = subprocess.run(
        [sys.executable, "-m", "reader", "export", "-o", str(there), *ARGS],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert here.read_bytes() == there.read_bytes()
    again = tmp_path / "again.pdf"
    assert export("-o", again, *ARGS).code == 0
    assert again.read_bytes() == here.read_bytes()


def test_the_id_and_dates_follow_the_epoch(
    export: Export, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = tmp_path / "first.pdf"
    assert export("-o", first, "--card", SANCTIONS).code == 0
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(EPOCH) + 86400))
    second = tmp_path / "second.pdf"
    assert export("-o", second, "--card", SANCTIONS).code == 0
    a, b = PdfReader(first), PdfReader(second)
    assert a.trailer["/ID"] != b.trailer["/ID"]
    assert b.metadata is not None
    assert b.metadata.creation_date == datetime(2023, 11, 15, 22, 13, 20, tzinfo=UTC)


def test_without_an_epoch_the_book_is_dated_now(
    export: Export, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    out = tmp_path / "now.pdf"
    before = datetime.now(UTC).replace(microsecond=0)
    assert export("-o", out, "--card", SANCTIONS).code == 0
    meta = PdfReader(out).metadata
    assert meta is not None
    assert meta.creation_date is not None
    assert before <= meta.creation_date <= datetime.now(UTC)
