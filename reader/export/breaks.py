"""Edits that move page breaks in a laid-out QTextDocument, and the cuts at the breaks.

An :class:`Edit` is plain data (what to do, at which character position), so that the
search for bad breaks (:mod:`reader.export.pagination`) runs once per section: a book too
large to keep its documents between laying out and painting replays the edits on a fresh
document in one go (:func:`replay`) instead of searching again.

The levers are the few Qt's layout offers:

- ``PageBreak_AlwaysBefore`` on a paragraph (:attr:`Move.PARAGRAPH`) or a table
  (:attr:`Move.TABLE`), without the margins a page top does not show (Qt would add them
  after the break);
- an empty paragraph of zero height (:attr:`Move.SPACER`) that grows a table row to the foot
  of its page: Qt then starts the next row on the next page, borders and all;
- a paragraph cut at a line start (:func:`cut`), whose second part then moves
  (:attr:`Move.TAIL`);
- a labelled table row split in two at the break (:attr:`Move.ROW`, see
  :mod:`reader.export.rows`): what is on the next page moves to a new row under a copy of
  the row's label, and the first part grows to the foot of its page as a spacer would.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

from reader.render import KEEP_WITH_NEXT
from reader.render.comparison import ROW_LABEL

#: Block state of the empty paragraph that grows a row to the foot of its page.
SPACER = KEEP_WITH_NEXT + 1
#: The word under a row label repeated on the next page.
CONTINUED = "continued"
ALWAYS_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
_LINE_SEPARATOR = "\u2028"  # what <br /> becomes inside a paragraph


class Move(Enum):
    PARAGRAPH = "paragraph"
    TABLE = "table"
    SPACER = "spacer"
    TAIL = "tail"
    ROW = "row"


@dataclass(frozen=True, slots=True)
class Edit:
    """One move of a page break, at a character position of the document as it then was.

    ``value``: for a spacer its height (the top margin, in 96-dpi pixels); for a tail the
    offset in its paragraph of the line that starts it; for a row split, the height of the
    spacer that ends its first part. ``cuts``: for a row split, per cell after the label,
    the offset in the cell of what moves to the new row (-1: nothing).
    """

    move: Move
    position: int
    value: float = 0.0
    cuts: tuple[int, ...] = ()


def line_pages(
    layout: QAbstractTextDocumentLayout, block: QTextBlock, page_height: float
) -> list[int]:
    """The page each line of ``block`` is on (Qt never lets a line straddle two)."""
    top = layout.blockBoundingRect(block).top()
    lines = block.layout()
    pages = []
    for i in range(lines.lineCount()):
        line = lines.lineAt(i)
        pages.append(int((top + line.y() + line.height() / 2) // page_height))
    return pages


def cell_of(block: QTextBlock) -> tuple[QTextTable, int, int] | None:
    """The table, row and column holding ``block``, or None outside tables."""
    table: QTextTable | None = QTextCursor(block).currentTable()  # None outside tables
    if table is None:
        return None
    cell = table.cellAt(block.position())
    return table, cell.row(), cell.column()


def flow_of(block: QTextBlock) -> tuple[int, int, int] | None:
    """What ``block`` is laid out in: None for the page, else a table cell (its table's
    position, row and column). Margins collapse only between blocks of one flow."""
    where = cell_of(block)
    return None if where is None else (where[0].firstPosition(), where[1], where[2])


def outermost(table: QTextTable) -> QTextTable:
    """The table on the page that holds ``table`` (itself, unless it is nested)."""
    while isinstance(parent := table.parentFrame(), QTextTable):
        table = parent
    return table


def cut(block: QTextBlock, offset: int) -> QTextBlock:
    """Split ``block`` before the character at ``offset`` (a line start); the second part.

    The parts lose the margins between them, a list item's second part leaves the list so
    that it gets no bullet of its own (keeping the list's indent), and a line break the cut
    falls on is dropped: it would end the first part with an empty line.
    """
    start = block.position()
    cursor = QTextCursor(block)
    cursor.setPosition(start + offset)
    if offset > 0 and block.text()[offset - 1] == _LINE_SEPARATOR:
        cursor.setPosition(start + offset - 1, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertBlock()
    head, tail = cursor.block().previous(), cursor.block()
    head_format = head.blockFormat()
    head_format.setBottomMargin(0)
    QTextCursor(head).setBlockFormat(head_format)
    in_list = tail.textList()
    if in_list is not None:
        in_list.remove(tail)
    tail_format = tail.blockFormat()
    tail_format.setTopMargin(0)
    tail_format.setTextIndent(0)
    cursor.setBlockFormat(tail_format)
    return cursor.block()


def _set_bottom_margin_zero(block: QTextBlock) -> None:
    fmt = block.blockFormat()
    fmt.setBottomMargin(0)
    QTextCursor(block).setBlockFormat(fmt)


def _push_paragraph(block: QTextBlock) -> None:
    fmt = block.blockFormat()
    fmt.setPageBreakPolicy(ALWAYS_BEFORE)
    fmt.setTopMargin(0)
    QTextCursor(block).setBlockFormat(fmt)
    previous = block.previous()
    if not previous.isValid():
        return
    # Margins collapse: the larger of the two would open the new page.
    if flow_of(previous) == flow_of(block):
        _set_bottom_margin_zero(previous)
    elif flow_of(block) is None and (where := cell_of(previous)) is not None:
        table = outermost(where[0])
        table_format = table.format()
        table_format.setBottomMargin(0)
        table.setFormat(table_format)


def _push_table(doc: QTextDocument, position: int) -> None:
    cursor = QTextCursor(doc)
    cursor.setPosition(position)
    table = cursor.currentTable()
    fmt = table.format()
    fmt.setPageBreakPolicy(ALWAYS_BEFORE)
    fmt.setTopMargin(0)
    table.setFormat(fmt)
    before = doc.findBlock(position - 1)
    if before.isValid() and flow_of(before) is None:
        _set_bottom_margin_zero(before)


def _add_spacer(last: QTextBlock, height: float) -> None:
    # The last paragraph's bottom margin would collapse with the spacer's top margin.
    _set_bottom_margin_zero(last)
    spacer = QTextBlockFormat()
    spacer.setTopMargin(height)
    spacer.setBottomMargin(0)
    spacer.setLineHeight(0, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    cursor = QTextCursor(last)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.insertBlock(spacer)
    cursor.block().setUserState(SPACER)


def apply(doc: QTextDocument, edit: Edit) -> None:
    """Make ``edit`` in one edit block (Qt lays the document out again once, at its end)."""
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    block = doc.findBlock(edit.position)
    if edit.move is Move.PARAGRAPH:
        _push_paragraph(block)
    elif edit.move is Move.TABLE:
        _push_table(doc, edit.position)
    elif edit.move is Move.SPACER:
        _add_spacer(block, edit.value)
    elif edit.move is Move.ROW:
        split_row(doc, edit)
    else:
        _push_paragraph(cut(block, int(edit.value)))
    cursor.endEditBlock()


def split_row(doc: QTextDocument, edit: Edit) -> None:
    """Split the row whose label cell starts at ``edit.position``: a new row under it gets a
    copy of the label's :data:`ROW_LABEL` paragraphs and, from each other cell, what
    ``edit.cuts`` says moves (cut at a line start when inside a paragraph)."""
    cursor = QTextCursor(doc)
    cursor.setPosition(edit.position)
    table = cursor.currentTable()
    r = table.cellAt(edit.position).row()
    table.insertRows(r + 1, 1)
    table.cellAt(r + 1, 0).setFormat(table.cellAt(r, 0).format())
    column = 1
    for offset in edit.cuts:
        span = table.cellAt(r, column).columnSpan()
        if span > 1:
            table.mergeCells(r + 1, column, 1, span)
        table.cellAt(r + 1, column).setFormat(table.cellAt(r, column).format())
        if offset >= 0:
            _move_tail(doc, table, r, column, offset)
        column += span
    label = table.cellAt(r, 0)
    last = label.firstCursorPosition().block()
    while last.next().isValid() and last.next().userState() == ROW_LABEL:
        last = last.next()
    copy = QTextCursor(doc)
    copy.setPosition(label.firstPosition())
    copy.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
    target = table.cellAt(r + 1, 0).firstCursorPosition()
    target.insertFragment(copy.selection())
    target.insertBlock(last.blockFormat(), _continued_format(last))
    target.insertText(CONTINUED)
    target.block().setUserState(0)
    _add_spacer(table.cellAt(r, 0).lastCursorPosition().block(), edit.value)


def _continued_format(label: QTextBlock) -> QTextCharFormat:
    fmt = QTextCursor(label).charFormat()
    fmt.setFontWeight(400)
    fmt.setFontItalic(True)
    return fmt


def _move_tail(doc: QTextDocument, table: QTextTable, r: int, column: int, offset: int) -> None:
    source = table.cellAt(r, column)
    start = source.firstPosition() + offset
    block = doc.findBlock(start)
    if start > block.position():
        start = cut(block, start - block.position()).position()
        source = table.cellAt(r, column)
    select = QTextCursor(doc)
    select.setPosition(start)
    select.setPosition(source.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
    moved = select.selection()
    first = doc.findBlock(start).blockFormat()
    target = table.cellAt(r + 1, column).firstCursorPosition()
    target.setBlockFormat(first)
    target.insertFragment(moved)
    if start > source.firstPosition():
        select.setPosition(start - 1)
        select.setPosition(source.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
    select.removeSelectedText()


def replay(doc: QTextDocument, edits: Iterable[Edit]) -> None:
    """Make ``edits`` in order, with the layout redone once at the end."""
    doc.setUndoRedoEnabled(False)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    for edit in edits:
        apply(doc, edit)
    cursor.endEditBlock()


def margins_above_tables(doc: QTextDocument) -> None:
    """Keep the bottom margin of a paragraph right above a table, which Qt drops.

    Qt collapses margins between paragraphs only: a heading right above a table sits on the
    table's top border. A paragraph of zero height between them takes the margin. It holds
    a space: Qt folds an empty paragraph before a table into the table's border, with the
    margin unscaled to the device (a twelfth of it at 1200 dpi). A top margin on the table
    would do too, but Qt repeats a table's top margin at the top of every page it runs on.
    """
    for frame in reversed(doc.rootFrame().childFrames()):
        if not isinstance(frame, QTextTable):
            continue
        before = doc.findBlock(frame.firstPosition() - 1)
        if not before.isValid() or flow_of(before) is not None or not before.text():
            continue
        if before.blockFormat().bottomMargin() > 0:
            spacer = QTextBlockFormat()
            spacer.setLineHeight(0, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
            cursor = QTextCursor(before)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertBlock(spacer)
            cursor.insertText(" ")


def page_offsets(doc: QTextDocument, page_height: float) -> tuple[float, ...]:
    """For each page, how far below its top the page's first paragraph starts, where margins
    that Qt placed at the foot of the previous page carried over the break (0 elsewhere).

    The painter starts such a page that much further down the document, so the gap goes to
    the foot of the page, where white space is expected, rather than open the page.
    """
    layout = doc.documentLayout()
    offsets = [0.0] * doc.pageCount()
    after = 0  # the last page seen; the first page always starts at its top
    block = doc.begin()
    while block.isValid():
        pages = line_pages(layout, block, page_height)
        if pages and block.text().strip():
            if pages[0] > after and flow_of(block) is None:
                line = block.layout().lineAt(0)
                top = layout.blockBoundingRect(block).top() + line.y() - pages[0] * page_height
                offsets[pages[0]] = top if top > line.height() / 20 else 0.0
            after = max(after, pages[-1])
        block = block.next()
    return tuple(offsets)


def _page_cuts(
    doc: QTextDocument, layout: QAbstractTextDocumentLayout, page_height: float
) -> list[tuple[QTextBlock, list[int]]]:
    """Blocks whose lines fall on more than one page, with the text offsets of each new page."""
    doc.pageCount()  # forces the whole layout; until then blocks have no lines
    found = []
    block = doc.begin()
    while block.isValid():
        lines = block.layout()
        pages = line_pages(layout, block, page_height)
        cuts = [
            lines.lineAt(i).textStart() for i in range(1, len(pages)) if pages[i] != pages[i - 1]
        ]
        if cuts:
            found.append((block, cuts))
        block = block.next()
    return found


def split_at_pages(doc: QTextDocument, page_height: float) -> None:
    """Cut every paragraph that runs over a page break into one block per page.

    Qt draws a paragraph whole whenever any of it is on the page being painted, relying on
    the clip to hide the rest (and ``QTextLayout::draw`` always draws one line above the
    clip). On paper that is invisible, but in a PDF the hidden lines are still text: search,
    copy and screen readers would meet them twice, in the margins. With each part on one
    page, the clip leaves them out. The cuts are at line starts (see :func:`cut`), so lines
    break as before.
    """
    doc.setUndoRedoEnabled(False)
    layout = doc.documentLayout()
    for _ in range(3):
        found = _page_cuts(doc, layout, page_height)
        if not found:
            return
        cursor = QTextCursor(doc)
        # One edit block: the layout is redone once per round, not once per cut.
        cursor.beginEditBlock()
        for block, cuts in reversed(found):
            start = block.position()
            for offset in reversed(cuts):
                cut(doc.findBlock(start), offset)
        cursor.endEditBlock()
