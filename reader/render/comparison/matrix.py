"""The topic matrix as HTML: its headers and detail pane for the window, its tables for paper."""

from __future__ import annotations

from reader.analysis.matrix import MatrixRow, TopicMatrix
from reader.analysis.side_by_side import TopicCell
from reader.cards.dates import PartialDate
from reader.cards.model import Card, Perspective, Topic
from reader.cards.wording import plural
from reader.render.comparison.common import (
    NOT_ADDRESSED,
    PART,
    ruled_table,
    ruled_tables,
    source_html,
)
from reader.render.comparison.side_by_side import topic_cell_html
from reader.render.html import document, escape, head_row, inline, stance_badge, view_title
from reader.render.theme import Theme

#: A matrix of more cards than this is "wide": landscape in the PDF.
WIDE_MATRIX = 4
#: Card columns per matrix table on a landscape page; more cards continue in a next table.
MATRIX_COLUMNS_PER_TABLE = 10
MATRIX_TITLE = "Topic matrix"
#: Where the matrix's title is, on paper (card ids cannot start with "_").
MATRIX_ANCHOR = "_compare-matrix"


def _counts(addressed: int, total: int, stances: int) -> str:
    return f"{addressed:,} of {total:,} sources · {plural(stances, 'stance')}"


def matrix_row_label_html(row: MatrixRow, total: int) -> str:
    """A matrix row's label with its counts, for the header that stays in view."""
    return (
        f'<p class="row"><b>{escape(row.topic.label)}</b></p>'
        f'<p class="loc">{_counts(row.addressed, total, len(row.stances))}</p>'
    )


def _short_date(date: PartialDate) -> str:
    """ "14 Nov 2016", "Sep 2021", "2021": a date that fits a narrow column on one line."""
    parts = date.display().split(" ")
    if date.month is not None:
        month = -2  # the month name is always just before the year
        parts[month] = parts[month][:3]
    return "&nbsp;".join(escape(p) for p in parts)


def _full_date(date: PartialDate) -> str:
    """ "9 February 2023": day and month kept together, the year may wrap below them."""
    *day_month, year = date.display().split(" ")
    return " ".join(["&nbsp;".join(escape(p) for p in day_month), escape(year)]).lstrip()


def matrix_column_html(card: Card) -> str:
    """A matrix column's heading: who and when, wrapped to the narrow column."""
    return (
        f'<p class="row"><b>{escape(card.source.publisher)}</b></p>'
        f'<p class="loc">{_short_date(card.source.published)}</p>'
    )


def _matrix_cell(persp: Perspective | None, theme: Theme) -> str:
    if persp is None:
        return f'<td align="center" bgcolor="{theme.background}"><span class="loc">—</span></td>'
    return f'<td align="center">{stance_badge(persp.stance, theme)}</td>'


def _matrix_label_width(sources: int) -> int:
    """Percent of the page width for a matrix table's topic column beside ``sources`` ones."""
    return 34 if sources <= 4 else 28 if sources <= 8 else 22


def _key(matrix: TopicMatrix, theme: Theme, for_print: bool) -> str:
    """The table under the matrix: each number's source and the topics it is silent on."""
    rows = []
    for i, card in enumerate(matrix.columns):
        silent = matrix.blindspots(card.id)
        silent_text = ", ".join(escape(t.label) for t in silent) if silent else "—"
        rows.append(
            f'<tr><td valign="top"><b>{i + 1}</b></td>'
            f'<td valign="top">{inline(card.title)}<br /><span class="loc">'
            f"{source_html(card)}</span></td>"
            f'<td valign="top"><span class="loc">{silent_text}</span></td></tr>'
        )
    head = (
        '<th width="5%">#</th><th align="left" width="55%">Source</th>'
        '<th align="left">Silent on</th>'
    )
    title = "<h3>Sources, and the topics each is silent on</h3>"
    return title + ruled_tables(theme, head, rows, for_print=for_print)


def topic_matrix_html(
    matrix: TopicMatrix,
    theme: Theme,
    *,
    columns_per_table: int = MATRIX_COLUMNS_PER_TABLE,
    title: str = MATRIX_TITLE,
    for_print: bool = False,
) -> str:
    """Topics against cards, stance badges in the cells, "—" where a source is silent.

    Cards are numbered in date order; a key below the tables gives each number's source and
    the topics it is silent on; each topic's counts are under its label. More cards than
    ``columns_per_table`` continue in further tables, each repeating the topic column, so no
    page squeezes fifty columns.
    ``for_print`` adds what paper needs: :data:`MATRIX_ANCHOR` at the title, every table's
    column heads repeated on each page it continues on, and a :data:`PART` mark after each
    table, where a long matrix may go on as a document of its own.
    """
    total = len(matrix.columns)
    parts = [view_title(title, MATRIX_ANCHOR, for_print=for_print)]
    if not matrix.rows:
        parts.append('<p class="empty">This set defines no topics.</p>')
    # The counts under each label, as the window's row header has them (#33: no Coverage
    # column taking a source column's room); worked out once, not once per table: each counts
    # over every card (10,000 cards make 1,000 tables).
    counts = [_counts(row.addressed, total, len(row.stances)) for row in matrix.rows]
    for start in range(0, total, max(columns_per_table, 1)):
        chunk = range(start, min(start + columns_per_table, total))
        # A few columns have room for dates in full ("9 February 2023", not "9 Feb 2023").
        when = _full_date if len(chunk) <= WIDE_MATRIX else _short_date
        head = "".join(
            f'<th align="center"><p class="row"><b>{i + 1}</b></p>'
            f'<p class="loc">{when(matrix.columns[i].source.published)}</p></th>'
            for i in chunk
        )
        # The topic's label takes what the source columns do not need: with a few sources it
        # need not wrap into a narrow column of one word a line.
        label = _matrix_label_width(len(chunk))
        heads = f'<th align="left" width="{label}%">Topic</th>{head}'
        rows = [head_row(heads, for_print=for_print)]
        for row, row_counts in zip(matrix.rows, counts, strict=True):
            cells = "".join(_matrix_cell(row.cells[i], theme) for i in chunk)
            rows.append(
                f"<tr><td><b>{escape(row.topic.label)}</b><br />"
                f'<span class="loc">{row_counts}</span></td>{cells}</tr>'
            )
        parts.append(ruled_table(theme) + "".join(rows) + "</table><p></p>")
        if for_print:
            parts.append(PART)
    parts.append(_key(matrix, theme, for_print))
    return document(title, "".join(parts))


def matrix_detail_html(
    topic: Topic, card: Card, perspective: Perspective | None, theme: Theme
) -> str:
    """The detail pane under the matrix: what one source says on one topic."""
    head = (
        f'<p class="label">{escape(topic.label.upper())}</p>'
        f'<p class="question">{inline(topic.question)}</p>'
        f'<p class="row"><b>{inline(card.title)}</b></p>'
        f'<p class="meta">{source_html(card)}</p>'
    )
    if perspective is None:
        return head + f'<p class="empty">{NOT_ADDRESSED}: this source is silent on the topic.</p>'
    return head + topic_cell_html(TopicCell(perspective), theme)
