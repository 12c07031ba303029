"""Where the pages of a laid-out section break: the rules of a printed page that Qt lacks.

QTextDocument paginates line by line: a line that does not fit goes to the next page, and
that is all. Left alone it ends a page with a heading whose text is on the next one, leaves
the first line of a paragraph alone at the foot of a page (an orphan) or its last line alone
at the top of the next (a widow), and cuts a two-line table row in half. :func:`keep_together`
finds such breaks from the top and moves them one at a time with the edits of
:mod:`reader.export.breaks` (each moves everything after it, so a later break is judged only
once the earlier ones are settled):

- paragraphs that introduce what follows keep with it: headings, and paragraphs whose block
  state is :data:`reader.render.KEEP_WITH_NEXT` (labels, a topic's question, a source line,
  an index entry's tag). Stranded at the foot of a page, they move to the next;
- an orphan moves its paragraph to the next page; a widow takes the line before it along;
- a table row of up to :data:`~reader.export.mending.ROW_KEEP_LINES` lines moves whole rather
  than split, a longer one whole when too little of it would stay; a row (or a table) moves
  when its first paragraph must;
- a section's short last paragraph (a card's tags) keeps three lines on each side of a break.

The rules that judge one paragraph or row are in :mod:`reader.export.mending`.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextDocument, QTextTable

from reader.export.breaks import (
    ALWAYS_BEFORE,
    SPACER,
    Edit,
    Move,
    apply,
    cell_of,
    line_pages,
    outermost,
)
from reader.export.mending import (
    KEEP_LAST_LINES,
    Placed,
    RowPlace,
    closing_mend,
    mending,
)
from reader.export.rows import (
    KEEP_LABELLED_LINES,
    MOVE_WHOLE,
    foot_spacer,
    is_labelled,
    split_edit,
)
from reader.render import KEEP_WITH_NEXT

#: Tables running over more pages than this keep Qt's own breaks (see ``_is_long``).
LONG_TABLE_PAGES = 30


def _keeps(block: QTextBlock) -> bool:
    return block.blockFormat().headingLevel() > 0 or block.userState() == KEEP_WITH_NEXT


def _opens_cell(block: QTextBlock, table: QTextTable) -> bool:
    first = table.cellAt(block.position()).firstCursorPosition().block()
    return first.blockNumber() == block.blockNumber()


class _Paginator:
    """Finds the first break that reads badly in a laid-out document and moves it."""

    def __init__(self, doc: QTextDocument, page_height: float) -> None:
        self._doc = doc
        self._height = page_height
        self._layout = doc.documentLayout()
        device = self._layout.paintDevice()
        #: Device units per 96-dpi pixel, the unit of margins and paddings in formats.
        self._scale = (device.logicalDpiY() if device is not None else 96) / 96
        #: Whether each table on the page is long (see ``_is_long``), by position; positions
        #: move with every edit, so this is cleared before each search.
        self._long: dict[int, bool] = {}

    def first_move(self, start: int, after: int) -> tuple[Edit, int, int] | None:
        """The first bad break at or after the block at ``start`` (``after``: the page of the
        last line before it): how to move it, and where to read on once it has moved, with
        the page before that place. Nothing before what a move changes moves, so reading on
        from there finds the next bad break as reading from the top would."""
        self._doc.pageCount()  # lays the document out to its end (see ``keep_together``)
        block = self._doc.findBlock(start)
        self._long.clear()
        chain: list[Placed] = []  # paragraphs that keep with the next one
        chain_after = -1  # page of the last line before the chain
        rows: dict[tuple[int, int], RowPlace] = {}

        def lead(move: Edit | None) -> Edit | None:
            """``move``, unless paragraphs introduce what it moves: they go, it follows."""
            if not chain:
                return move
            if chain_after < chain[0].pages[0]:
                return None  # they open their page: nothing to gain
            return self._push(chain[0].block, rows)

        def found(
            move: Edit | None, at: QTextBlock, before: int, row_above: bool = False
        ) -> tuple[Edit, int, int] | None:
            """The move, with the paragraph (or table row) it changes first: ``at``'s, or
            the row above ``at``'s when ``row_above`` (a row moves by growing that one)."""
            if move is None:
                return None
            if chain:
                at, before = chain[0].block, chain_after
            elif move.move is Move.PARAGRAPH and move.position < at.position():
                at = self._doc.findBlock(move.position)  # a heading taken along with its table
                return move, at.position(), self._page_before(at)
            where = cell_of(at)
            if where is None:
                return move, at.position(), before
            table, r = where[0], where[1]
            if row_above and r > table.format().headerRowCount():
                r -= 1
            row = rows.get((table.firstPosition(), r))
            if row is None:
                first = self._doc.findBlock(table.firstPosition())
                return move, first.position(), self._page_before(first)
            start = table.cellAt(r, 0).firstCursorPosition().position()
            return move, start, row.after

        while block.isValid():
            row = None
            where = cell_of(block)
            if where is not None and self._is_long(outer := outermost(where[0])):
                first, last = self._table_pages(outer)
                stranded = bool(chain) and chain[0].pages[0] < first
                if stranded and (result := found(lead(None), block, after)):
                    return result
                chain = []
                after = max(after, last)
                block = self._doc.findBlock(outer.lastPosition() + 1)
                continue
            if where is not None:
                key = (where[0].firstPosition(), where[1])
                if key not in rows:
                    rows[key] = row = self._row(where[0], where[1], after)
                    if row.short_and_split:
                        move = None if row.at_top else self._push_row(row)
                        led = lead(move)
                        if result := found(led, block, after, led is move):
                            return result
                    elif row.splits and is_labelled(row.table, row.row):
                        move = self._labelled_split(row)
                        pushed = move is not None and move.move is not Move.ROW
                        led = lead(move) if pushed else move
                        if result := found(led, block, after, pushed and led is move):
                            return result
                    elif row.barely_begun and not row.at_top:
                        move = self._push_row(row)
                        led = lead(move)
                        if result := found(led, block, after, led is move):
                            return result
                row = rows[key]
            pages = line_pages(self._layout, block, self._height)
            if not pages or not block.text().strip():
                block = block.next()
                continue
            if _keeps(block):
                if not chain:
                    chain_after = after
                chain.append(Placed(block, tuple(pages)))
            else:
                move = None
                if chain and chain[0].pages[0] < pages[0]:
                    move = lead(None)
                elif row is None or not row.short_and_split:
                    mend = mending(pages, after)
                    if self._closing(block, pages, chain_after if chain else after):
                        mend = closing_mend(pages)
                    if mend == 0:
                        move = lead(self._push(block, rows))
                    elif mend is not None:
                        move = self._take_along(block, mend)
                if result := found(move, block, after):
                    return result
                chain = []
            after = max(after, pages[-1])
            block = block.next()
        return None

    def _closing(self, block: QTextBlock, pages: list[int], after: int) -> bool:
        """Whether ``block`` is a short last paragraph run over a break (a card's tags), which
        :func:`_closing_mend` keeps from leaving a line or two of it alone on either page."""
        if pages[0] == pages[-1] or len(pages) > KEEP_LAST_LINES or after < pages[0]:
            return False
        if cell_of(block) is not None:
            return False
        following = block.next()
        while following.isValid():
            if following.text().strip():
                return False
            following = following.next()
        return True

    def _page_before(self, block: QTextBlock) -> int:
        """The page of the last line before ``block`` (a table's, if a table precedes it)."""
        previous = block.previous()
        while previous.isValid():
            where = cell_of(previous)
            if where is not None:
                return self._table_pages(outermost(where[0]))[1]
            pages = line_pages(self._layout, previous, self._height)
            if pages and previous.text().strip():
                return pages[-1]
            previous = previous.previous()
        return -1

    def _is_long(self, table: QTextTable) -> bool:
        """Whether ``table`` (on the page) runs over more than :data:`LONG_TABLE_PAGES`.

        Qt lays a table out whole after any change inside it, so each move inside a table
        costs as much as the table: in a long one (a thousand cards' merged timeline) the
        moves would cost more than the rest of the book. Such a table keeps Qt's breaks,
        rows split between lines; what comes before it still moves.
        """
        key = table.firstPosition()
        if key not in self._long:
            first, last = self._table_pages(table)
            self._long[key] = last - first > LONG_TABLE_PAGES
        return self._long[key]

    def _table_pages(self, table: QTextTable) -> tuple[int, int]:
        """The pages a table starts and ends on, from the paragraphs around it."""
        first = self._doc.findBlock(table.firstPosition())
        following = self._doc.findBlock(table.lastPosition() + 1)
        top = self._layout.blockBoundingRect(first).top()
        bottom = self._layout.blockBoundingRect(following).top()
        return int(top // self._height), int(max(bottom - 1, top) // self._height)

    def _row(self, table: QTextTable, r: int, after: int) -> RowPlace:
        top, bottom = self._table_pages(table)
        if top == bottom:  # the whole table on one page: no row of it is split
            return RowPlace(table, r, top, top, 0, after)
        first, last, most = 1 << 30, -1, 0
        cells: list[list[int]] = []  # the page of each line of each cell with text
        for column in range(table.columns()):
            cell = table.cellAt(r, column)
            if cell.row() != r or cell.column() != column:
                continue  # spanned from another row or column
            block = cell.firstCursorPosition().block()
            end = cell.lastCursorPosition().block().blockNumber()
            count, lines = 0, []
            while block.isValid() and block.blockNumber() <= end:
                pages = line_pages(self._layout, block, self._height)
                if pages and block.text().strip():
                    first, last = min(first, pages[0]), max(last, pages[-1])
                    lines += pages
                count += len(pages)
                block = block.next()
            most = max(most, count)
            if lines:
                cells.append(lines)
        late = any(lines[0] > first for lines in cells)
        on_first = max((lines.count(first) for lines in cells), default=0)
        return RowPlace(table, r, first, max(last, first), most, after, late, on_first)

    def _take_along(self, block: QTextBlock, line: int) -> Edit:
        return Edit(Move.TAIL, block.position(), block.layout().lineAt(line).textStart())

    def _push(self, block: QTextBlock, rows: dict[tuple[int, int], RowPlace]) -> Edit | None:
        """The move that starts ``block`` on the next page, if there is one."""
        if block.blockFormat().pageBreakPolicy() & ALWAYS_BEFORE:
            return None
        where = cell_of(block)
        if where is not None and _opens_cell(block, where[0]):
            row = rows[(where[0].firstPosition(), where[1])]
            return None if row.at_top else self._push_row(row)
        return Edit(Move.PARAGRAPH, block.position())

    def _push_row(self, row: RowPlace) -> Edit | None:
        table = row.table
        if row.row <= table.format().headerRowCount():
            return self._push_table(table)
        return self._grow_row_above(row)

    def _push_table(self, table: QTextTable) -> Edit | None:
        fmt = table.format()
        if fmt.pageBreakPolicy() & ALWAYS_BEFORE or table.parentFrame() != self._doc.rootFrame():
            return None
        heading = self._heading_of(table)
        if heading is not None:
            return Edit(Move.PARAGRAPH, heading.position())
        return Edit(Move.TABLE, table.firstPosition())

    def _heading_of(self, table: QTextTable) -> QTextBlock | None:
        """The first of the keep-with-next paragraphs right above ``table``, when a table moved
        to the next page must take them along: they are on the page it leaves and do not open
        that page. (The chain that leads other moves ends at the table's first cell, which
        keeps with its heading on the page, so a move of the whole table is led from here.)"""
        block = self._doc.findBlock(table.firstPosition()).previous()
        heading = None
        while block.isValid() and cell_of(block) is None:
            if block.text().strip():
                if not _keeps(block):
                    break
                heading = block
            block = block.previous()
        if heading is None or heading.blockFormat().pageBreakPolicy() & ALWAYS_BEFORE:
            return None
        pages = line_pages(self._layout, heading, self._height)
        if not pages or self._page_before(heading) < pages[0]:
            return None  # it opens its page: moving it gains nothing
        return heading

    def _grow_row_above(self, row: RowPlace) -> Edit | None:
        """An empty, zero-height paragraph ends a cell of the row above at the foot of the page
        (:func:`~reader.export.rows.foot_spacer`)."""
        table = row.table
        above = table.cellAt(row.row - 1, 0)
        last = above.lastCursorPosition().block()
        if last.userState() == SPACER:
            return None
        height = foot_spacer(self._layout, table, above, row.first_page, self._height, self._scale)
        return None if height is None else Edit(Move.SPACER, last.position(), height)

    def _labelled_split(self, row: RowPlace) -> Edit | None:
        """How a split labelled row reads well: moved whole when short or when too little of
        it would stay, else split between paragraphs with its label repeated."""
        edit = None
        if row.lines > KEEP_LABELLED_LINES or row.at_top:
            page = row.first_page
            edit = split_edit(self._layout, row.table, row.row, page, self._height, self._scale)
        if edit is None or edit is MOVE_WHOLE:
            return None if row.at_top else self._push_row(row)
        return edit


def keep_together(doc: QTextDocument, page_height: float) -> tuple[Edit, ...]:
    """Move page breaks of ``doc`` to where they read well; the edits, to :func:`replay`.

    Each move is found by reading on from the last one, and each is laid out again from
    where it changed the document to its end. That layout is whole: Qt's lazy layout (only as
    far as is read) would be cheaper, but an edit made while it is under way leaves the
    paragraphs between the edit and where it had got to without lines.
    """
    doc.setUndoRedoEnabled(False)
    paginator = _Paginator(doc, page_height)
    edits: list[Edit] = []
    start, after = 0, -1
    while len(edits) < doc.blockCount():
        found = paginator.first_move(start, after)
        if found is None:
            break
        edit, start, after = found
        apply(doc, edit)
        edits.append(edit)
    return tuple(edits)
