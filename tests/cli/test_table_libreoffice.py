"""``briefing-reader table`` files opened by LibreOffice Calc, as a reader would open them.

LibreOffice is not part of the development setup (hundreds of MB, seconds per start), so these
run only with ``-m office`` where ``soffice`` is installed (``apt-get install
libreoffice-calc-nogui``): Calc reads our XLSX and CSV and writes what it read as CSV, which
is compared with the rows the window shows. A cell a spreadsheet would run as a formula must
come back as text.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from reader.cli import main
from tests.cli.test_table import expected_rows
from tests.conftest import SHIPPED_CARDS

SOFFICE = shutil.which("soffice")
pytestmark = [
    pytest.mark.office,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed"),
]
#: Calc's CSV filter: comma, double quote, UTF-8 (76), from the first line.
CSV_FILTER = "44,34,76,1"
FORMULA = '=HYPERLINK("http://x")'


def calc_reads(source: Path, out: Path, *, infilter: str | None = None) -> list[list[str]]:
    """The cells Calc reads from ``source``, written back out by Calc as CSV."""
    command = [str(SOFFICE), "--headless", f"-env:UserInstallation={(out / 'profile').as_uri()}"]
    if infilter is not None:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", f"csv:Text - txt - csv (StarCalc):{CSV_FILTER}"]
    command += ["--outdir", str(out), str(source)]
    subprocess.run(command, check=True, capture_output=True, timeout=120, env=dict(os.environ))
    text = (out / f"{source.stem}.csv").read_text(encoding="utf-8")
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.fixture
def hostile_set(tmp_path: Path) -> Path:
    """The shipped cards, one recommendation's action a formula."""
    root = tmp_path / "set"
    shutil.copytree(SHIPPED_CARDS, root)
    card = root / "mali-sanctions-2023.yaml"
    text = card.read_text(encoding="utf-8")
    first = text.index("action: ") + len("action: ")
    card.write_text(
        text[:first] + '"=HYPERLINK(\\"http://x\\")"\n' + text[text.index("\n", first) + 1 :]
    )
    return root


def test_calc_reads_the_xlsx_with_the_windows_rows_and_a_formula_as_text(
    hostile_set: Path, tmp_path: Path
) -> None:
    target = tmp_path / "ledger.xlsx"
    assert main(["table", "ledger", str(hostile_set), "--format", "xlsx", "-o", str(target)]) == 0
    read = calc_reads(target, tmp_path / "calc")
    assert read == expected_rows(hostile_set, "ledger")
    assert FORMULA in [row[2] for row in read]  # the text itself: not run, not a link's label


def test_calc_reads_the_csv_with_a_bom_as_utf8_with_the_windows_rows(
    hostile_set: Path, tmp_path: Path
) -> None:
    target = tmp_path / "timeline.csv"
    assert main(["table", "timeline", str(hostile_set), "--bom", "-o", str(target)]) == 0
    read = calc_reads(target, tmp_path / "calc", infilter=f"CSV:{CSV_FILTER}")
    assert read == expected_rows(hostile_set, "timeline")
    assert any("é" in cell or "–" in cell for row in read for cell in row)  # not mojibake
    ledger = tmp_path / "ledger.csv"
    assert main(["table", "ledger", str(hostile_set), "-o", str(ledger)]) == 0
    read = calc_reads(ledger, tmp_path / "calc2", infilter=f"CSV:{CSV_FILTER}")
    # Calc runs a cell "=1+1" of a CSV file (it reads 2); the guard's quote keeps it text.
    assert f"'{FORMULA}" in [row[2] for row in read]
