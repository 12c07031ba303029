"""The compare view as HTML: its cells for the window, the whole table as a page for paper."""

from __future__ import annotations

from collections.abc import Sequence

from reader.analysis.compare_rules import MIN_COMPARE
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
from reader.render.comparison.common import (
    NOT_ADDRESSED,
    date_html,
    repeated,
    ruled_table,
    source_html,
)
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
#: Type size of the compare page's cells (the body's is 10 pt on paper).
COMPARE_POINT_SIZE = 9
#: Where the compare page's title is, on paper (card ids cannot start with "_").
COMPARE_ANCHOR = "_compare-view"

#: The page's cells: type a size below the body's, so that three or four columns fit a
#: landscape page at a comfortable measure; the smaller parts shrink with it. (Qt takes a
#: cell's size from a style sheet only, not from the table's or a cell's own style.)
_STYLE = (
    f"<style>td, th {{ font-size: {COMPARE_POINT_SIZE}pt; }} "
    f"td p.meta, th p.meta {{ font-size: {COMPARE_POINT_SIZE * 0.95:.2f}pt; }} "
    f"td p.question {{ font-size: {COMPARE_POINT_SIZE * 0.88:.2f}pt; }} "
    f"td p.label {{ font-size: {COMPARE_POINT_SIZE * 0.78:.2f}pt; }} "
    "td p.chips { line-height: 165%; }</style>"
)

_SHARING_LABELS = {
    Sharing.ALL: "Shared by all",
    Sharing.SOME: "Shared by some",
    Sharing.UNIQUE: "Only this source",
}


def _chip(tag: MarkedTag, theme: Theme, sharing: Sharing, links: bool) -> str:
    # Unique tags carry the accent so what sets a source apart stands out; tags every card
    # carries are quiet, since they distinguish nothing.
    if sharing is Sharing.ALL:
        style = f"color:{theme.muted};"
    elif sharing is Sharing.UNIQUE:
        style = swatch_style(Swatch(theme.thesis_background, theme.accent))
    else:
        style = swatch_style(theme.chip)
    return tag_chip(tag.tag, style, link=links, label=tag.label)


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
    """A card's recommendations to one addressee, grouped by the wording the card used for it
    (each wording once, in the order the card first uses it; none for the row's own name)."""
    if not cell.recommendations:
        return f'<p class="empty">{NO_RECOMMENDATION}</p>'
    groups: dict[str, list[str]] = {}
    for rec in cell.recommendations:
        name = " ".join(rec.to.split())
        key = "" if fold(name) == fold(addressee) else name
        groups.setdefault(key, []).append(f"{inline(rec.action)}{locator(rec.where)}")
    parts: list[str] = []
    for name, actions in groups.items():
        if name:
            parts.append(f'<p class="question">As “{escape(name)}”:</p>')
        parts += [f'<p class="row">• {action}</p>' for action in actions]
    return "".join(parts)


def tags_cell_html(cell: TagsCell, theme: Theme, *, links: bool = True, shared: bool = True) -> str:
    """A card's tags, what only it carries first; ``shared=False`` leaves out the tags every
    card carries (the page lists them once, across the columns)."""
    groups: dict[Sharing, list[MarkedTag]] = {}
    for marked in cell.tags:
        groups.setdefault(marked.sharing, []).append(marked)
    parts = []
    for sharing in (Sharing.UNIQUE, Sharing.SOME, Sharing.ALL)[: 3 if shared else 2]:
        if sharing in groups:
            chips = "&nbsp; ".join(_chip(m, theme, sharing, links) for m in groups[sharing])
            parts.append(
                f'<p class="label">{_SHARING_LABELS[sharing].upper()}</p>'
                f'<p class="chips">{chips}</p>'
            )
    if parts or shared or not cell.tags:
        return "".join(parts) or '<p class="empty">No tags</p>'
    return f'<p class="empty">Only tags {_SHARING_LABELS[Sharing.ALL].lower()}</p>'


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


def row_label_html(
    row: CompareRow, theme: Theme, *, notes: bool = True, for_print: bool = False
) -> str:
    """A row's label: the topic and a mark when stances differ, or the addressee.

    ``notes`` adds the topic's question or the addressee's other names; the window leaves
    them to a tooltip, where they do not make every row taller. ``for_print`` marks the
    paragraphs a page repeats above a row's continuation (:data:`ROW_LABEL`).
    """
    mark = repeated if for_print else str
    parts = [mark(f'<p class="row"><b>{escape(row.label)}</b></p>')]
    if row.kind is RowKind.TOPIC and row.stances_differ:
        parts.append(
            f'<p class="label" style="color:{theme.thesis_border};">≠ {STANCES_DIFFER.upper()}</p>'
        )
    if row.kind is RowKind.RECOMMENDATIONS:
        parts.insert(0, mark('<p class="label">RECOMMENDATIONS TO</p>'))
        if row.note and notes:
            parts.append(f'<p class="question">Also: {escape(row.note)}</p>')
    elif row.note and notes:
        parts.append(f'<p class="question">{escape(row.note)}</p>')
    return "".join(parts)


def _silence(comparison: Comparison, column: int) -> tuple[str, ...] | None:
    return comparison.silent_on(column) if comparison.rows_of(RowKind.TOPIC) else None


def label_width(columns: int) -> int:
    """The label column's share of the page (percent): wide enough that a topic's label and
    question set a few words a line, never one, beside 2–4 card columns."""
    return {1: 25, 2: 24, 3: 22}.get(columns, 19)


def column_head_html(card: Card) -> str:
    """A card column's head on the page, repeated on every page the table runs over: only
    who and when (two short lines); the title and kind are in the Source row below it."""
    return (
        f'<p class="row"><b>{escape(card.source.publisher)}</b></p>'
        f'<p class="meta">{date_html(card.source.published)}</p>'
    )


def _one_sided(row: CompareRow) -> int | None:
    """The only column with recommendations in a recommendations row, if just one has any."""
    if row.kind is not RowKind.RECOMMENDATIONS or len(row.cells) < MIN_COMPARE:
        return None
    given = [
        i
        for i, cell in enumerate(row.cells)
        if isinstance(cell, RecommendationsCell) and cell.recommendations
    ]
    return given[0] if len(given) == 1 else None


def _only_html(row: CompareRow, column: int, comparison: Comparison, theme: Theme) -> str:
    """A one-sided row across every card column: a third as tall as in its own column, and a
    page of "No recommendation to this addressee" beside one tall cell says nothing more."""
    card = comparison.columns[column]
    others = "the other source" if len(comparison.columns) == 2 else "the other sources"
    lead = (
        f'<p class="question"><i>Only</i> <b>{source_html(card)}</b>; {others}: '
        f"{NO_RECOMMENDATION.lower()}.</p>"
    )
    return lead + cell_html(row, column, theme, links=False)


def _tags_rows(row: CompareRow, theme: Theme) -> str:
    """The tags row of a page: each card's own and partly shared tags in its column, then the
    tags every card carries once across the columns, not once per column."""
    n = len(row.cells)
    cells = [c for c in row.cells if isinstance(c, TagsCell)]
    own = "".join(
        f'<td valign="top">{tags_cell_html(c, theme, links=False, shared=False)}</td>'
        for c in cells
    )
    label = repeated('<p class="row"><b>Tags</b></p>')
    html = f'<tr><td valign="top">{label}</td>{own}</tr>'
    common = [m for m in cells[0].tags if m.sharing is Sharing.ALL] if cells else []
    if common:
        chips = "&nbsp; ".join(_chip(tag, theme, Sharing.ALL, False) for tag in common)
        label = repeated(f'<p class="row"><b>{_SHARING_LABELS[Sharing.ALL]}</b></p>')
        html += (
            f'<tr><td valign="top">{label}</td>'
            f'<td valign="top" colspan="{n}"><p class="chips">{chips}</p></td></tr>'
        )
    return html


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
    left out unless asked for, as the window collapses them. The column heads are short (who
    and when), since paper repeats them on every page (``for_print``, which also puts
    :data:`COMPARE_ANCHOR` at the title); the titles, kinds and silences are the first row.
    A recommendations row only one card fills runs across the card columns.
    """
    n = len(comparison.columns)
    label = label_width(n)
    col_width = (100 - label) // max(n, 1)
    head = "".join(
        f'<th width="{col_width}%" align="left" bgcolor="{theme.thesis_background}">'
        f"{column_head_html(card)}</th>"
        for card in comparison.columns
    )
    rows = [head_row(f'<th width="{label}%"></th>{head}', for_print=for_print)]
    sources = "".join(
        f'<td valign="top">{source_cell_html(card, _silence(comparison, i))}</td>'
        for i, card in enumerate(comparison.columns)
    )
    source = repeated('<p class="row"><b>Source</b></p>')
    rows.append(f'<tr><td valign="top">{source}</td>{sources}</tr>')
    for row in comparison.rows:
        if row.kind is RowKind.SOURCE or (row.kind is RowKind.ARGUMENT and not include_argument):
            continue
        tint = f' bgcolor="{theme.thesis_background}"' if row.stances_differ else ""
        only = _one_sided(row)
        if row.kind is RowKind.TAGS:
            rows.append(_tags_rows(row, theme))
            continue
        if only is not None:
            cells = (
                f'<td valign="top" colspan="{n}">{_only_html(row, only, comparison, theme)}</td>'
            )
        else:
            cells = "".join(
                f'<td valign="top">'
                f"{cell_html(row, i, theme, argument_expanded=True, links=False)}</td>"
                for i in range(n)
            )
        # An addressee's other names head their groups in the cells ("As …:"); on the
        # page, listed again under the label they only make the label outgrow its row.
        notes = row.kind is not RowKind.RECOMMENDATIONS
        label_html = row_label_html(row, theme, notes=notes, for_print=True)
        rows.append(f'<tr><td valign="top"{tint}>{label_html}</td>{cells}</tr>')
    heading = view_title(title or "Side-by-side comparison", COMPARE_ANCHOR, for_print=for_print)
    body = heading + ruled_table(theme) + "".join(rows) + "</table>"
    return document(title or "Comparison", body).replace("</title>", f"</title>{_STYLE}", 1)
