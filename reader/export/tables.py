"""A :class:`~reader.analysis.tables.Table` as CSV, TSV, JSON, Markdown or XLSX bytes.

Made for the programs people open them in:

- CSV and TSV are UTF-8, one header row, RFC 4180 quoting (a cell with the delimiter, a quote
  or a line break is quoted); ``bom`` puts a byte-order mark first, which Excel needs to read
  UTF-8 rather than the system's code page. A cell that starts with ``=``, ``+``, ``-``, ``@``
  (or a tab or carriage return) would be run as a formula by a spreadsheet program — card
  text comes from other people — so it gets a leading ``'`` (OWASP's advice for CSV
  injection), which spreadsheets show as text.
- XLSX (openpyxl, write-only mode: rows stream out, memory stays flat at any size) has every
  cell typed as text, so nothing is a formula and nothing needs the guard; a bold, frozen
  header row and column widths that fit the text (capped, long text wraps).
- JSON is a list of objects keyed by the header; Markdown a pipe table (``|`` escaped, line
  breaks made spaces, since a table row is one line).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from enum import Enum

from reader.analysis.tables import Table

#: Characters that make a spreadsheet program read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Widest XLSX column, in characters; longer text wraps.
MAX_WIDTH = 60


class TableFormat(Enum):
    CSV = "csv"
    TSV = "tsv"
    JSON = "json"
    MARKDOWN = "markdown"
    XLSX = "xlsx"

    @property
    def suffix(self) -> str:
        return ".md" if self is TableFormat.MARKDOWN else f".{self.value}"


_FORMULA_FIRST = frozenset(FORMULA_STARTS)


class _Escaped(dict[str, str]):
    """Each cell as it is written: the formula guard, then quoted when it holds the
    delimiter, a quote or a line break; worked out on first sight, looked up after."""

    def __init__(self, delimiter: str) -> None:
        super().__init__()
        self._special = re.compile(f'["\\r\\n{re.escape(delimiter)}]').search

    def __missing__(self, text: str) -> str:
        safe = f"'{text}" if text[:1] in _FORMULA_FIRST else text
        if self._special(safe):
            safe = '"' + safe.replace('"', '""') + '"'
        self[text] = safe
        return safe


def to_delimited(table: Table, delimiter: str = ",", *, bom: bool = False) -> bytes:
    """RFC 4180 with minimal quoting, as Python's ``csv`` writes it (and reads it back: tested),
    but twice as fast: a cell is quoted only when it holds the delimiter, a quote or a line
    break, and most cells of a table repeat (a card's columns on each of its rows), so each
    distinct cell is escaped once. The matrix of 10,000 cards is 80,000 rows, 16 MB."""
    escaped = _Escaped(delimiter)
    lines = [delimiter.join(map(escaped.__getitem__, row)) for row in (table.headers, *table.rows)]
    lines.append("")  # the last row ends with a line break too
    return ("\ufeff" if bom else "").encode() + "\r\n".join(lines).encode()


def to_json(table: Table) -> bytes:
    rows = [dict(zip(table.headers, row, strict=True)) for row in table.rows]
    return (json.dumps(rows, ensure_ascii=False, indent=1) + "\n").encode()


def _markdown_cell(cell: str) -> str:
    return " ".join(cell.replace("\\", "\\\\").replace("|", "\\|").split())


def to_markdown(table: Table) -> bytes:
    lines = [
        "| " + " | ".join(table.headers) + " |",
        "|" + "|".join("---" for _ in table.headers) + "|",
    ]
    lines += ["| " + " | ".join(_markdown_cell(c) for c in row) + " |" for row in table.rows]
    return ("\n".join(lines) + "\n").encode()


def to_xlsx(table: Table) -> bytes:
    # Imported here: only an XLSX export pays for loading openpyxl (a tenth of a second).
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import Cell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(table.name.capitalize())
    sheet.freeze_panes = "A2"
    for n, width in enumerate(_widths(table), start=1):
        sheet.column_dimensions[get_column_letter(n)].width = width
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")

    def cell(value: str, header: bool = False) -> Cell:
        made = WriteOnlyCell(sheet, value=value)
        made.data_type = "s"  # text, never a formula
        if header:
            made.font = bold
        elif len(value) > MAX_WIDTH:
            made.alignment = wrap
        return made

    sheet.append([cell(h, header=True) for h in table.headers])
    for row in table.rows:
        sheet.append([cell(value) for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _widths(table: Table) -> list[int]:
    """Each column as wide as its longest line (header included), within 8..MAX_WIDTH; only
    the first thousand rows are measured, which is plenty to find a column's character."""
    widths = [len(h) for h in table.headers]
    for row in table.rows[:1000]:
        for n, value in enumerate(row):
            widths[n] = max(widths[n], len(value))
    return [min(max(w + 2, 8), MAX_WIDTH) for w in widths]


def table_bytes(table: Table, fmt: TableFormat, *, bom: bool = False) -> bytes:
    """``table`` in ``fmt``; ``bom`` applies to CSV and TSV."""
    writers: dict[TableFormat, Callable[[Table], bytes]] = {
        TableFormat.CSV: lambda t: to_delimited(t, ",", bom=bom),
        TableFormat.TSV: lambda t: to_delimited(t, "\t", bom=bom),
        TableFormat.JSON: to_json,
        TableFormat.MARKDOWN: to_markdown,
        TableFormat.XLSX: to_xlsx,
    }
    return writers[fmt](table)
