"""What a break does to a paragraph or a table row, from the page each of its lines is on.

:mod:`reader.export.pagination` reads the laid-out document and moves the breaks; the rules
here judge one paragraph or one row at a time: the orphan and widow of a paragraph, the short
last paragraph of a section (a card's tags), a row split with too little of it on a page.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QTextBlock, QTextTable

#: Rows up to this many lines in their tallest cell never split across pages; longer ones do,
#: between lines, as a long card's rows must.
ROW_KEEP_LINES = 4
#: A section's last paragraph up to this many lines (a card's tags) splits only with at least
#: :data:`MIN_LAST_LINES` lines on each side.
KEEP_LAST_LINES = 12
MIN_LAST_LINES = 3
#: A long row that splits leaves at least this many lines of it on the page it starts on.
MIN_ROW_LINES_LEFT = 2


@dataclass(frozen=True, slots=True)
class Placed:
    """A paragraph with the page each of its lines is on."""

    block: QTextBlock
    pages: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class RowPlace:
    """A table row with the pages it runs over and what comes before it."""

    table: QTextTable
    row: int
    first_page: int
    last_page: int
    #: Lines of the row's tallest cell.
    lines: int
    #: Page of the last line before the row (-1 when nothing comes before it).
    after: int
    #: Whether a cell's text starts on a later page than the row's (a number left alone).
    late_cell: bool = False
    #: Lines of the row's tallest cell on its first page.
    lines_on_first: int = 0

    @property
    def at_top(self) -> bool:
        return self.after < self.first_page

    @property
    def splits(self) -> bool:
        return self.first_page < self.last_page

    @property
    def short_and_split(self) -> bool:
        return self.splits and self.lines <= ROW_KEEP_LINES

    @property
    def barely_begun(self) -> bool:
        """Whether the row splits with too little of it on its first page: a cell (a point's
        text beside its number) not begun there, or fewer than :data:`MIN_ROW_LINES_LEFT`
        lines of it."""
        return self.splits and (self.late_cell or self.lines_on_first < MIN_ROW_LINES_LEFT)


def mending(pages: list[int], after: int) -> int | None:
    """How a paragraph on ``pages`` (a page per line) avoids an orphan or a widow.

    0: it moves whole to the next page (its first line would be alone at the foot of a page,
    or its two lines split one and one); ``n``: its lines from the n-th move (the line before a
    widow goes with it); None: it is fine as it is, or already opens its page.
    """
    if pages[0] == pages[-1]:
        return None
    head, tail = pages.count(pages[0]), pages.count(pages[-1])
    if head == 1 or (tail == 1 and head == 2 and len(set(pages)) == 2):
        return None if after < pages[0] else 0
    return len(pages) - 2 if tail == 1 else None


def closing_mend(pages: list[int]) -> int | None:
    """How a section's short last paragraph on ``pages`` (two) breaks: as it is with at least
    :data:`MIN_LAST_LINES` lines on each page; with lines taken along so that the next page
    gets that many, when the first keeps as many; else whole to the next page (then fewer
    than twice that many lines, or under it on the first page: the page it leaves loses
    little). Moving it whole always would leave most of a page blank above a block of chips
    alone on the next (#9 of the second review)."""
    head = pages.count(pages[0])
    tail = len(pages) - head
    if head >= MIN_LAST_LINES and tail >= MIN_LAST_LINES:
        return None
    if head >= MIN_LAST_LINES and head - (MIN_LAST_LINES - tail) >= MIN_LAST_LINES:
        return len(pages) - MIN_LAST_LINES
    return 0
