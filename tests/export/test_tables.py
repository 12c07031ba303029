"""The table writers' own text: what a spreadsheet program or a CSV reader gets back."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from reader.analysis.tables import Table
from reader.export.tables import FORMULA_STARTS, to_delimited

#: Cells with the characters that need quoting, formula starts and repeats among them.
cells = st.text(alphabet=st.sampled_from("ab ,;\t\"\r\n=+-@'é"), max_size=8)
rows = st.lists(st.lists(cells, min_size=3, max_size=3).map(tuple), max_size=6).map(tuple)


def read_back(data: bytes, delimiter: str) -> list[list[str]]:
    text = data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def guarded(cell: str) -> str:
    return f"'{cell}" if cell[:1] in FORMULA_STARTS else cell


@given(rows=rows, delimiter=st.sampled_from([",", "\t"]), bom=st.booleans())
def test_a_csv_reader_reads_back_every_cell_formulas_shown_as_text(
    rows: tuple[tuple[str, ...], ...], delimiter: str, bom: bool
) -> None:
    table = Table("t", ("one", "two", "three"), rows)
    data = to_delimited(table, delimiter, bom=bom)
    assert data.startswith("\ufeff".encode()) is bom
    assert read_back(data, delimiter) == [
        ["one", "two", "three"],
        *([guarded(c) for c in row] for row in rows),
    ]


@given(rows=rows, delimiter=st.sampled_from([",", "\t"]))
def test_the_text_is_what_pythons_csv_writer_writes(
    rows: tuple[tuple[str, ...], ...], delimiter: str
) -> None:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([("one", "two", "three"), *([guarded(c) for c in row] for row in rows)])
    table = Table("t", ("one", "two", "three"), rows)
    assert to_delimited(table, delimiter) == out.getvalue().encode()
