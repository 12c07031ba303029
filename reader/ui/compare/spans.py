"""One-sided rows of the compare view set across the card columns, as the PDF sets them.

A recommendations row that only one card fills was a narrow column of text beside columns
saying only "No recommendation to this addressee" (review #6). Such a row spans the card
columns: its first cell shows the one card's recommendations under a line naming that card
and the sources that are silent; the cells under the span show nothing.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

from reader.analysis.columns import source_label
from reader.analysis.side_by_side import CompareRow, Comparison, RecommendationsCell, RowKind
from reader.render.highlight import escape


def spanned_column(row: CompareRow) -> int | None:
    """The only column with recommendations in a recommendations row of two or more cards."""
    if row.kind is not RowKind.RECOMMENDATIONS or len(row.cells) < 2:
        return None
    given = [
        i
        for i, cell in enumerate(row.cells)
        if isinstance(cell, RecommendationsCell) and cell.recommendations
    ]
    return given[0] if len(given) == 1 else None


def shown_column(row: CompareRow, column: int) -> int | None:
    """Whose cell the table's cell in ``column`` shows: a spanned row's first cell shows the
    filled column's; the cells under its span show none (None)."""
    filled = spanned_column(row)
    if filled is None:
        return column
    return filled if column == 0 else None


def only_lead_html(comparison: Comparison, column: int) -> str:
    """The line over a spanned row: who speaks to the addressee, and who is silent."""
    cards = comparison.columns
    silent = " · ".join(escape(source_label(c)) for i, c in enumerate(cards) if i != column)
    return (
        f'<p class="question"><i>Only</i> <b>{escape(source_label(cards[column]))}</b>; '
        f"silent: {silent}</p>"
    )


def apply_spans(table: QTableView, comparison: Comparison) -> None:
    """Span every one-sided row across the card columns (after each change of the rows)."""
    table.clearSpans()
    for i, row in enumerate(comparison.rows):
        if spanned_column(row) is not None:
            table.setSpan(i, 0, 1, len(row.cells))
