"""``briefing-reader table``: the window's set-wide views as rows a spreadsheet opens."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from reader.analysis.tables import TABLES
from reader.cards.catalog import MemoryCatalog
from reader.cards.load import load_set
from reader.cli import main
from tests.cli.test_cli import run
from tests.conftest import SHIPPED_CARDS


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    root = tmp_path / "set"
    shutil.copytree(SHIPPED_CARDS, root)
    return root


def expected_rows(root: Path, view: str) -> list[list[str]]:
    """The view's rows as the analysis computes them from the parsed cards."""
    catalog = MemoryCatalog(load_set(root))
    ids = [s.id for s in catalog.summaries()]
    table = TABLES[view](catalog.analysed(ids), catalog.info)
    return [list(table.headers), *(list(row) for row in table.rows)]


@pytest.mark.parametrize("view", ["matrix", "ledger", "timeline"])
def test_each_view_as_csv_has_the_views_rows(
    view: str, shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["table", view, str(shipped)]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows == expected_rows(shipped, view)
    assert rows[0][-4:] == ["card_id", "title", "publisher", "published"]


def test_the_matrix_has_a_row_per_topic_and_card(
    shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["table", "matrix", str(shipped), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    info = load_set(shipped).info
    assert len(rows) == len(info.topics) * 3
    silent = [r for r in rows if not r["stance"]]
    assert all(r["view"] == "" for r in silent)  # a blindspot is a row, with no stance


def test_xlsx_opens_with_the_same_rows_a_bold_frozen_header_and_widths(
    shipped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "ledger.xlsx"
    assert main(["table", "ledger", str(shipped), "--format", "xlsx", "-o", str(target)]) == 0
    assert "written to" in capsys.readouterr().out
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    values = [[cell.value or "" for cell in row] for row in sheet.iter_rows()]
    assert values == expected_rows(shipped, "ledger")
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["D"].width


def test_a_cell_a_spreadsheet_would_run_stays_text(
    shipped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    card = shipped / "mali-sanctions-2023.yaml"
    text = card.read_text(encoding="utf-8")
    first = text.index("action: ") + len("action: ")
    card.write_text(
        text[:first] + '"=HYPERLINK(\\"http://x\\")"\n' + text[text.index("\n", first) + 1 :]
    )
    assert main(["table", "ledger", str(shipped), "--bom"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert '\'=HYPERLINK("http://x")' in [row[2] for row in rows]
    target = tmp_path / "t.xlsx"
    assert main(["table", "ledger", str(shipped), "--format", "xlsx", "-o", str(target)]) == 0
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    cells = [c for row in sheet.iter_rows() for c in row if c.value == '=HYPERLINK("http://x")']
    assert [c.data_type for c in cells] == ["s"]  # text, not a formula


def test_markdown_escapes_the_cell_separator(
    shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    card = shipped / "mali-sanctions-2023.yaml"
    text = card.read_text(encoding="utf-8")
    first = text.index("action: ") + len("action: ")
    card.write_text(text[:first] + '"Pay | then\\nwait"\n' + text[text.index("\n", first) + 1 :])
    assert main(["table", "ledger", str(shipped), "--format", "markdown"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("|---|")
    assert any("Pay \\| then wait" in line for line in lines)
    assert {line.count(" | ") for line in (lines[0], *lines[2:])} == {7}  # 8 columns each


def test_filters_narrow_the_rows_and_no_match_fails(
    shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["table", "matrix", str(shipped), "--tag", "country/cote-divoire"]) == 0
    ids = {row[4] for row in list(csv.reader(io.StringIO(capsys.readouterr().out)))[1:]}
    assert ids == {"crisis-group-mali-isolation-2023"}
    assert main(["table", "matrix", str(shipped), "--search", "zzzzqq"]) == 1
    assert "no card matches" in capsys.readouterr().err


def test_a_file_of_the_set_is_never_the_target(
    shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    card = shipped / "mali-sanctions-2023.yaml"
    before = card.read_bytes()
    assert main(["table", "ledger", str(shipped), "-o", str(card)]) == 1
    assert "it is a card of the set" in capsys.readouterr().err
    assert card.read_bytes() == before


def test_a_pipe_gets_the_bytes() -> None:
    result = run("table", "timeline", "--format", "tsv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout), delimiter="\t"))
    assert rows == expected_rows(SHIPPED_CARDS, "timeline")
