"""The topic matrix as its view shows it, worked out off the UI thread, its first columns first.

Reading every card's perspectives takes about 2 s at 100,000 cards. The columns are the cards
in date order, and that order comes from the catalog's summaries, held in memory
(:func:`~reader.analysis.columns.ids_in_date_order`): so :func:`matrix_result` reads the first
:data:`FIRST_COLUMNS` cards' perspectives first and hands them over as a first part, whose
topic labels say the counts are being made; the whole matrix follows, and the model adds its
other columns to the part's without a reset (:meth:`ShownMatrix.continues`).

Pure Python (no widget): :meth:`reader.ui.compare.matrix.TopicMatrixView.compute` runs it on a
view job's thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reader.analysis.columns import CardProgress, ids_in_date_order
from reader.analysis.matrix import MatrixRow, TopicMatrix, topic_matrix
from reader.cards.catalog import Catalog
from reader.cards.model import Card, Parts, Topic
from reader.render.comparison import matrix_row_label_html
from reader.render.highlight import escape
from reader.render.tooltips import safe_tooltip
from reader.ui.compare.timeline_rows import PAINT_WAIT

#: Columns in a first part: more than a screenful at any window size (a column is at least
#: :data:`reader.ui.compare.matrix_cells.CARD_COLUMN_WIDTH` pixels wide).
FIRST_COLUMNS = 60


def heading_html(publisher: str, date: str) -> str:
    """A card column's heading: who, and when."""
    return f'<p class="row"><b>{escape(publisher)}</b></p><p class="loc">{escape(date)}</p>'


def tallest_headings(columns: Sequence[Card]) -> tuple[str, ...]:
    """Headings as tall as any column's can be: each publisher's with the longest date.

    The column header's height is the tallest heading's; Qt measured two hundred of 10,000
    to find it (a document each: 40 ms of the window's time). A set has a few dozen publishers.
    """
    longest = max((c.source.published.display() for c in columns), key=len, default="")
    return tuple(heading_html(p, longest) for p in sorted({c.source.publisher for c in columns}))


def row_tooltip(row: MatrixRow) -> str:
    """A topic label's tooltip: the question, and the stances the cards take on it."""
    stances = ", ".join(row.stances) or "none"
    return safe_tooltip(row.topic.question, f"Stances: {stances}")


#: Stands for a digit still to be counted: a figure dash is as wide as a digit.
_DIGIT_TO_COME = "\u2012"


def counting_label_html(topic: Topic, total: int) -> str:
    """A topic's label while its counts over ``total`` cards are being made: worded as the
    label with its counts (:func:`matrix_row_label_html`), a figure dash for each digit still
    to come (as many as the largest count can have: ``total``'s, and two for the stances), so
    it wraps as the counted label does and the rows do not grow when the counts come."""
    sources = "".join(_DIGIT_TO_COME if ch.isdigit() else ch for ch in f"{total:,}")
    return (
        f'<p class="row"><b>{escape(topic.label)}</b></p>'
        f'<p class="loc">{sources} of {total:,} sources · {_DIGIT_TO_COME * 2} stances</p>'
    )


@dataclass(frozen=True, slots=True)
class ShownMatrix:
    """The matrix as the view shows it, made off the UI thread (:func:`matrix_result`).

    A topic's label counts its sources and stances over every card: 10,000 cards make that
    milliseconds a label, and the header asked for each label again whenever it measured or
    painted it (half a second of frozen window per matrix). Made once here, with the tooltips.

    Not ``complete``: the first columns of a matrix whose other cards are still being read.
    """

    matrix: TopicMatrix
    #: Each row's label (HTML) and tooltip, in the rows' order.
    labels: tuple[str, ...]
    tooltips: tuple[str, ...]
    #: What the column header measures for its height (:func:`tallest_headings`).
    headings: tuple[str, ...]
    complete: bool = True
    #: A first part's: set once the view has painted it; the rest waits for that (up to
    #: :data:`PAINT_WAIT`), as the timeline's does (see ``TimelineRows.shown``).
    shown: threading.Event | None = field(default=None, compare=False)

    @classmethod
    def of(cls, matrix: TopicMatrix) -> ShownMatrix:
        total = len(matrix.columns)
        labels = tuple(matrix_row_label_html(row, total) for row in matrix.rows)
        tooltips = tuple(row_tooltip(row) for row in matrix.rows)
        return cls(matrix, labels, tooltips, tallest_headings(matrix.columns))

    @classmethod
    def part(cls, matrix: TopicMatrix, total: int) -> ShownMatrix:
        """The first columns of a matrix of ``total`` cards: its labels say the counts are
        being made, its tooltips give the questions only."""
        labels = tuple(counting_label_html(row.topic, total) for row in matrix.rows)
        tooltips = tuple(safe_tooltip(row.topic.question) for row in matrix.rows)
        headings = tallest_headings(matrix.columns)
        return cls(matrix, labels, tooltips, headings, False, threading.Event())

    def continues(self, part: ShownMatrix) -> bool:
        """Whether this matrix is ``part``'s, and more: the same topics, and ``part``'s
        columns first, so the cells shown of ``part`` stay as they are."""
        head = part.matrix.columns
        mine = self.matrix
        return (
            not part.complete
            and len(mine.columns) >= len(head) > 0
            and [r.topic for r in mine.rows] == [r.topic for r in part.matrix.rows]
            and all(a.id == b.id for a, b in zip(mine.columns, head, strict=False))
        )


def matrix_result(
    catalog: Catalog,
    card_ids: Sequence[str],
    progress: CardProgress | None = None,
    first_part: Callable[[Any], None] | None = None,
) -> ShownMatrix:
    """The matrix of ``card_ids``; ``first_part`` is given its first :data:`FIRST_COLUMNS`
    columns (:meth:`ShownMatrix.part`) before the other cards are read, and the rest waits
    until they are painted."""
    info = catalog.info
    ordered = ids_in_date_order(catalog, card_ids)
    if first_part is not None and info.topics and len(ordered) > FIRST_COLUMNS:
        head = catalog.analysed(ordered[:FIRST_COLUMNS], None, Parts.PERSPECTIVES)
        part = ShownMatrix.part(topic_matrix(head, info, ordered=True), len(ordered))
        first_part(part)
        assert part.shown is not None
        part.shown.wait(PAINT_WAIT)
    cards = catalog.analysed(ordered, progress, Parts.PERSPECTIVES)
    return ShownMatrix.of(topic_matrix(cards, info, ordered=True))
