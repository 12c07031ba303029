"""``briefing-reader export``'s progress line: on a terminal it tells where the export is,
into a pipe or a file it says nothing; and the draft Qt paints into never stays behind."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from pypdf import PdfReader
from pypdf.generic import Destination

from reader.cli import export as export_cli
from tests.export.conftest import SANCTIONS, Run

Export = Callable[..., Run]


def test_no_progress_goes_into_a_pipe(export: Export, tmp_path: Path) -> None:
    run = export("-o", tmp_path / "book.pdf", "--card", SANCTIONS)
    assert run.code == 0
    assert run.err == ""
    assert [p.name for p in tmp_path.iterdir()] == ["book.pdf"]  # no draft left


def test_a_terminal_sees_cards_laid_out_then_pages_painted(
    export: Export, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setattr(export_cli, "STATUS_SECONDS", 0.0)  # every step, not every 0.2 s
    run = export("-o", tmp_path / "book.pdf", "--card", SANCTIONS)
    assert run.code == 0
    assert run.err.endswith("\n")  # the progress line ends before anything else is said
    lines = [re.sub(r" \(\d+%\)$", "", line.strip()) for line in run.err.split("\r")]
    assert "exporting: 1 of 1 card laid out…" in lines
    painted = [int(m[1]) for line in lines if (m := re.search(r"(\d+) of \d+ pages painted", line))]
    assert painted == sorted(painted)
    assert painted[-1] > 1
    assert run.err.split("\r")[-1].strip() == "exporting: PDF finished (100%)"
    assert [p.name for p in tmp_path.iterdir()] == ["book.pdf"]


def test_a_book_whose_named_places_exceed_pypdf_s_array_limit_is_finished(
    export: Export, tmp_path: Path
) -> None:
    """From some five thousand cards Qt's list of named places is longer than the 100,000
    elements pypdf reads in one array; here the limit is lowered to meet a single card's."""
    with pypdf.apply_configuration(array_maximum_element_count=20):
        run = export("-o", tmp_path / "book.pdf", "--card", SANCTIONS, "--no-tag-index")
    assert run.code == 0, run.err
    first = PdfReader(tmp_path / "book.pdf").outline[0]
    assert isinstance(first, Destination)
    assert first.title == "Cover"
