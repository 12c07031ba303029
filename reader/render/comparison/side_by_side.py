"""The compare view as HTML: its cells for the window, the whole table as a page for paper."""

from __future__ import annotations

from collections.abc import Sequence

from reader.analysis.side_by_side import (
    ArgumentCell,
    Cell,
    CompareRow,
    Comparison,
    MarkedTag,
    RecommendationsCell,
    RowKind,
    Sharing,
    SourceCell,
    TagsCell,
    TextCell,
    TopicCell,
)
from reader.cards.model import Card
from reader.cards.query import fold
from reader.cards.wording import plural
from reader.render.comparison.common import NOT_ADDRESSED, date_html, ruled_table
from reader.render.html import (
    document,
    escape,
    head_row,
    inline,
    locator,
    stance_badge,
    swatch_style,
    tag_chip,
    view_title,
)
from reader.render.theme import Swatch, Theme

NO_RECOMMENDATION = "No recommendation to this addressee"
STANCES_DIFFER = "Stances differ"
#: A page (or screen) is "wide" above this many card columns: landscape in the PDF.
WIDE_COMPARE = 2
#: Where the compare page's title is, on paper (card ids cannot start with "_").
COMPARE_ANCHOR = "_compare-view"

_SHARING_LABELS = {
    Sharing.ALL: "Shared by all",
    Sharing.SOME: "Shared by some",
    Sharing.UNIQUE: "Only this source",
}


def _chip(tag: str, theme: Theme, sharing: Sharing, links: bool) -> str:
    # Unique tags carry the accent so what sets a source apart stands out; tags every card
    # carries are quiet, since they distinguish nothing.
    if sharing is Sharing.ALL:
        style = f"color:{theme.muted};"
    elif sharing is Sharing.UNIQUE:
        style = swatch_style(Swatch(theme.thesis_background, theme.accent))
    else:
        style = swatch_style(theme.chip)
    return tag_chip(tag, style, link=links)


def source_cell_html(card: Card, silent_on: Sequence[str] | None = None) -> str:
    """Title, publisher, date and kind, and the topics the card leaves out.

    ``silent_on`` is None where topics do not apply (a set without them); empty, the cell
    says the card addresses every topic, which is as worth knowing as a silence.
    """
    src = card.source
    meta = [escape(src.publisher), date_html(src.published)]
    if src.kind:
        meta.append(escape(src.kind.capitalize()))
    html = f'<p class="row"><b>{inline(card.title)}</b></p><p class="meta">{" · ".join(meta)}</p>'
    if silent_on:
        topics = "; ".join(escape(label) for label in silent_on)
        html += f'<p class="question"><i>Silent on:</i> {topics}</p>'
    elif silent_on is not None:
        html += '<p class="question"><i>Addresses every topic</i></p>'
    return html


def topic_cell_html(cell: TopicCell, theme: Theme) -> str:
    if cell.perspective is None:
        return f'<p class="empty">{NOT_ADDRESSED}</p>'
    persp = cell.perspective
    return f'<p class="row">{stance_badge(persp.stance, theme)}&nbsp; {inline(persp.view)}</p>'


def recommendations_cell_html(cell: RecommendationsCell, addressee: str) -> str:
    if not cell.recommendations:
        return f'<p class="empty">{NO_RECOMMENDATION}</p>'
    parts: list[str] = []
    current: str | None = None
    for rec in cell.recommendations:
        name = " ".join(rec.to.split())
        if name != current and fold(name) != fold(addressee):
            parts.append(f'<p class="question">As “{escape(name)}”:</p>')
        current = name
        parts.append(f'<p class="row">• {inline(rec.action)}{locator(rec.where)}</p>')
    return "".join(parts)


def tags_cell_html(cell: TagsCell, theme: Theme, *, links: bool = True) -> str:
    groups: dict[Sharing, list[MarkedTag]] = {}
    for marked in cell.tags:
        groups.setdefault(marked.sharing, []).append(marked)
    parts = []
    for sharing in (Sharing.UNIQUE, Sharing.SOME, Sharing.ALL):
        if sharing in groups:
            chips = "&nbsp; ".join(_chip(m.tag, theme, sharing, links) for m in groups[sharing])
            parts.append(
                f'<p class="label">{_SHARING_LABELS[sharing].upper()}</p>'
                f'<p class="chips">{chips}</p>'
            )
    return "".join(parts) or '<p class="empty">No tags</p>'


def argument_cell_html(cell: ArgumentCell, *, expanded: bool) -> str:
    if not expanded:
        return f'<p class="empty">{plural(len(cell.points), "point")} (collapsed)</p>'
    parts = []
    for i, point in enumerate(cell.points, start=1):
        loc = "" if point.support else locator(point.where)
        parts.append(f'<p class="claim"><b>{i}.</b> {inline(point.claim)}{loc}</p>')
        if point.support:
            parts.append(f'<p class="support">{inline(point.support)}{locator(point.where)}</p>')
    return "".join(parts)


def cell_html(
    row: CompareRow,
    column: int,
    theme: Theme,
    *,
    argument_expanded: bool = False,
    links: bool = True,
    silent_on: Sequence[str] | None = None,
) -> str:
    """One cell of the compare view, as the view's delegate paints it.

    ``silent_on`` is for the source row: the labels of the topics that card does not address.
    """
    cell: Cell = row.cells[column]
    if isinstance(cell, SourceCell):
        return source_cell_html(cell.card, silent_on)
    if isinstance(cell, TextCell):
        return f'<p class="row">{inline(cell.text)}</p>'
    if isinstance(cell, TopicCell):
        return topic_cell_html(cell, theme)
    if isinstance(cell, RecommendationsCell):
        return recommendations_cell_html(cell, row.label)
    if isinstance(cell, TagsCell):
        return tags_cell_html(cell, theme, links=links)
    return argument_cell_html(cell, expanded=argument_expanded)


def row_label_html(row: CompareRow, theme: Theme, *, notes: bool = True) -> str:
    """A row's label: the topic and a mark when stances differ, or the addressee.

    ``notes`` adds the topic's question or the addressee's other names; the window leaves
    them to a tooltip, where they do not make every row taller.
    """
    parts = [f'<p class="row"><b>{escape(row.label)}</b></p>']
    if row.kind is RowKind.TOPIC and row.stances_differ:
        parts.append(
            f'<p class="label" style="color:{theme.thesis_border};">≠ {STANCES_DIFFER.upper()}</p>'
        )
    if row.kind is RowKind.RECOMMENDATIONS:
        parts.insert(0, '<p class="label">RECOMMENDATIONS TO</p>')
        if row.note and notes:
            parts.append(f'<p class="question">Also: {escape(row.note)}</p>')
    elif row.note and notes:
        parts.append(f'<p class="question">{escape(row.note)}</p>')
    return "".join(parts)


def _silence(comparison: Comparison, column: int) -> tuple[str, ...] | None:
    return comparison.silent_on(column) if comparison.rows_of(RowKind.TOPIC) else None


def comparison_html(
    comparison: Comparison,
    theme: Theme,
    *,
    include_argument: bool = False,
    title: str = "",
    for_print: bool = False,
) -> str:
    """A compare view as a page: cards as columns, one aligned row per question.

    Landscape suits more than :data:`WIDE_COMPARE` columns. The argument rows are long and
    left out unless asked for, as the window collapses them. ``for_print`` adds what paper
    needs: :data:`COMPARE_ANCHOR` at the title, the cards' row repeated on every page.
    """
    n = len(comparison.columns)
    label_width = 18 if n > 1 else 25
    col_width = (100 - label_width) // max(n, 1)
    head = "".join(
        f'<th width="{col_width}%" align="left" bgcolor="{theme.thesis_background}">'
        f"{source_cell_html(card, _silence(comparison, i))}</th>"
        for i, card in enumerate(comparison.columns)
    )
    rows = [head_row(f'<th width="{label_width}%"></th>{head}', for_print=for_print)]
    for row in comparison.rows:
        if row.kind is RowKind.SOURCE or (row.kind is RowKind.ARGUMENT and not include_argument):
            continue
        tint = f' bgcolor="{theme.thesis_background}"' if row.stances_differ else ""
        cells = "".join(
            f'<td valign="top">{cell_html(row, i, theme, argument_expanded=True, links=False)}</td>'
            for i in range(n)
        )
        rows.append(f'<tr><td valign="top"{tint}>{row_label_html(row, theme)}</td>{cells}</tr>')
    heading = view_title(title or "Side-by-side comparison", COMPARE_ANCHOR, for_print=for_print)
    return document(
        title or "Comparison", heading + ruled_table(theme) + "".join(rows) + "</table>"
    )
