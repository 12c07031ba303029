"""Where a labelled table row splits across pages: between paragraphs, its label repeated.

A compare page is one table: a label column (the topic, the addressee) beside a column per
card. Qt splits a tall row between lines wherever the page ends and leaves the label on the
page before, so the reader of the next page sees text beside an empty label cell. Here a
row whose label paragraphs carry :data:`~reader.render.comparison.ROW_LABEL` (the renderer
marks them on paper) is instead split into two rows (:attr:`~reader.export.breaks.Move.ROW`):
in each cell, the paragraph the page break falls in moves whole to the new row, unless it is
long enough to be cut between lines with two or more on each side; the new row repeats the
label under "continued". A row up to :data:`KEEP_LABELLED_LINES` lines, or one that would
leave fewer than :data:`MIN_LINES_LEFT` lines behind, moves whole instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtGui import QAbstractTextDocumentLayout, QTextBlock, QTextTable, QTextTableCell

from reader.export.breaks import Edit, Move, line_pages
from reader.render import KEEP_WITH_NEXT
from reader.render.comparison import ROW_LABEL

#: Labelled rows up to this many lines (their tallest cell's) never split; longer ones do.
KEEP_LABELLED_LINES = 8
#: A split leaves at least this many lines of the row on the first page, or the row moves.
MIN_LINES_LEFT = 3
#: A paragraph is cut between lines only with at least this many lines on the first page
#: and :data:`MIN_LINES_MOVED` on the next; a shorter one moves whole.
MIN_LINES_TO_CUT = 4
MIN_LINES_MOVED = 3
#: What a split carries over is at least this many lines where paragraphs allow: a lone
#: bullet under a repeated label reads as a fragment.
MIN_TAIL_LINES = 5

#: What :func:`split_edit` returns when the row should move whole rather than split.
MOVE_WHOLE = Edit(Move.ROW, -1)


def is_labelled(table: QTextTable, row: int) -> bool:
    """Whether ``row``'s label (its first cell) is marked to repeat when the row splits."""
    return table.cellAt(row, 0).firstCursorPosition().block().userState() == ROW_LABEL


def flow_end(layout: QAbstractTextDocumentLayout, block: QTextBlock, scale: float) -> float:
    """Where the flow goes on after ``block``'s lines: below its last line by the line's
    advance, which a proportional line height makes taller than the line itself."""
    top = layout.blockBoundingRect(block).top()
    lines = block.layout()
    if lines.lineCount() == 0:
        return top
    line = lines.lineAt(lines.lineCount() - 1)
    natural = math.ceil(line.ascent() + line.descent() + line.leading())
    return top + line.y() + block.blockFormat().lineHeight(natural, scale)


def foot_spacer(
    layout: QAbstractTextDocumentLayout,
    table: QTextTable,
    cell: QTextTableCell,
    page: int,
    height: float,
    scale: float,
) -> float | None:
    """The height (96-dpi pixels) of an empty paragraph that ends ``cell`` at the foot of
    ``page``, so that the next row starts on the next page; None when it already does.

    The paragraph may not pass the page's last usable line (Qt would carry it over, and the
    row with it), which lies above the page's edge by the table's bottom margin, spacing,
    border and the cell's padding; a quarter line more is left as slack.
    """
    fmt = table.format()
    last = cell.lastCursorPosition().block()
    bottom = flow_end(layout, last, scale)
    padding = cell.format().toTableCellFormat().bottomPadding() or fmt.cellPadding()
    reserve = scale * (
        fmt.bottomMargin() + fmt.padding() + fmt.cellSpacing() + 2 * fmt.border() + padding
    )
    lines = last.layout()
    line = lines.lineAt(lines.lineCount() - 1).height() if lines.lineCount() else 0.0
    target = (page + 1) * height - reserve - max(line / 4, scale)
    return (target - bottom) / scale if target > bottom else None


@dataclass(frozen=True, slots=True)
class _Paragraph:
    """A paragraph of a cell: where it (or the paragraphs introducing it) starts, and the
    page of each of its lines."""

    start: int
    block: QTextBlock
    pages: list[int]


def _paragraphs(
    layout: QAbstractTextDocumentLayout, cell: QTextTableCell, height: float
) -> list[_Paragraph]:
    """The cell's paragraphs with text; one that introduces the next (an alias's "As …:")
    gives that one its start, so that they move together."""
    found: list[_Paragraph] = []
    block = cell.firstCursorPosition().block()
    end = cell.lastCursorPosition().block().blockNumber()
    leading: QTextBlock | None = None
    while block.isValid() and block.blockNumber() <= end:
        pages = line_pages(layout, block, height)
        if pages and block.text().strip():
            found.append(_Paragraph((leading or block).position(), block, pages))
            if block.userState() != KEEP_WITH_NEXT:
                leading = None
            elif leading is None:
                leading = block
        block = block.next()
    return found


def _cut(
    layout: QAbstractTextDocumentLayout, cell: QTextTableCell, page: int, height: float
) -> tuple[int, int]:
    """Where ``cell`` splits after ``page``: (offset in the cell of what moves, or -1 when
    nothing does; the lines that stay). Fewer than :data:`MIN_TAIL_LINES` lines are not
    carried over alone: the paragraph before goes with them, if enough stays."""
    paragraphs = _paragraphs(layout, cell, height)
    total = sum(len(p.pages) for p in paragraphs)
    staying = 0
    for i, para in enumerate(paragraphs):
        on = sum(p <= page for p in para.pages)
        if on == len(para.pages):
            staying += on
            continue
        later = len(para.pages) - on
        if later < MIN_LINES_MOVED:  # lines before a widow go with it
            on, later = on - (MIN_LINES_MOVED - later), MIN_LINES_MOVED
        if on >= MIN_LINES_TO_CUT:
            start = para.block.position() + para.block.layout().lineAt(on).textStart()
            return start - cell.firstPosition(), staying + on
        while i > 0 and total - staying < MIN_TAIL_LINES:
            before = len(paragraphs[i - 1].pages)
            if staying - before < MIN_LINES_LEFT:
                break
            i, staying = i - 1, staying - before
        return paragraphs[i].start - cell.firstPosition(), staying
    return -1, staying


def split_edit(
    layout: QAbstractTextDocumentLayout,
    table: QTextTable,
    row: int,
    page: int,
    height: float,
    scale: float,
) -> Edit | None:
    """The split of labelled ``row`` after ``page`` (where it starts), :data:`MOVE_WHOLE`
    when too little of it would stay, or None when it cannot split (its label runs over)."""
    label = table.cellAt(row, 0)
    block = label.firstCursorPosition().block()
    end = label.lastCursorPosition().block().blockNumber()
    while block.isValid() and block.blockNumber() <= end:
        if any(p > page for p in line_pages(layout, block, height)):
            return None
        block = block.next()
    cuts: list[int] = []
    staying = 0
    column = 1
    while column < table.columns():
        cell = table.cellAt(row, column)
        offset, lines = _cut(layout, cell, page, height)
        cuts.append(offset)
        staying = max(staying, lines)
        column += cell.columnSpan()
    if staying < MIN_LINES_LEFT or all(c == 0 for c in cuts):
        return MOVE_WHOLE
    spacer = foot_spacer(layout, table, label, page, height, scale) or 0.0
    return Edit(Move.ROW, label.firstPosition(), spacer, tuple(cuts))
