"""The comparison views as HTML: the compare table, the topic matrix, the ledger, the timeline.

The window's compare and timeline views paint single cells with the ``*_cell_html`` functions;
the PDF export lays out whole pages with the ``*_html`` document functions. Both use the
card renderer's style sheet (:func:`reader.render.theme.stylesheet`) and the same stance
colours, so a badge means the same thing in the card view, the comparison and on paper.
Everything from a card is escaped: card files are untrusted.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.analysis.ledger import LedgerEntry
from reader.analysis.matrix import MatrixRow, TopicMatrix
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
from reader.analysis.timeline import EventKind, TimelineEntry
from reader.cards.dates import PartialDate
from reader.cards.model import Card, Perspective, Recommendation, Topic
from reader.cards.query import fold
from reader.render.card import tag_href
from reader.render.highlight import escape
from reader.render.theme import Theme

NOT_ADDRESSED = "Not addressed"
NO_RECOMMENDATION = "No recommendation to this addressee"
STANCES_DIFFER = "Stances differ"
#: A page (or screen) is "wide" above this many card columns: landscape in the PDF.
WIDE_COMPARE = 2
WIDE_MATRIX = 4
#: Card columns per matrix table on a landscape page; more cards continue in a next table.
MATRIX_COLUMNS_PER_TABLE = 10

_SHARING_LABELS = {
    Sharing.ALL: "Shared by all",
    Sharing.SOME: "Shared by some",
    Sharing.UNIQUE: "Only this source",
}


def _text(text: str) -> str:
    """Card text inside a block: escaped, the writer's line breaks kept."""
    return escape(text.strip()).replace("\n", "<br />")


def _date(date: PartialDate) -> str:
    """A date that never breaks across lines ("9 February" / "2023" reads as two facts)."""
    return escape(date.display()).replace(" ", "&nbsp;")


def _source(card: Card) -> str:
    """:func:`source_label` as HTML, its date unbreakable."""
    return f"{escape(card.source.publisher)}, {_date(card.source.published)}"


def _loc(where: str | None) -> str:
    return f'&#8194;<span class="loc">{escape(where)}</span>' if where else ""


def stance_badge(stance: str, theme: Theme) -> str:
    """The stance pill, in the card view's colours (see :meth:`Theme.stance`)."""
    swatch = theme.stance(stance)
    return (
        f'<span class="badge" style="background-color:{swatch.background}; '
        f'color:{swatch.text};">&nbsp;{escape(stance.strip())}&nbsp;</span>'
    )


def _chip(tag: str, theme: Theme, sharing: Sharing, links: bool) -> str:
    # Unique tags carry the accent so what sets a source apart stands out; tags every card
    # carries are quiet, since they distinguish nothing.
    if sharing is Sharing.ALL:
        style = f"color:{theme.muted};"
    elif sharing is Sharing.UNIQUE:
        style = f"background-color:{theme.thesis_background}; color:{theme.accent};"
    else:
        style = f"background-color:{theme.chip.background}; color:{theme.chip.text};"
    # A word joiner after each '/' and '-' keeps a chip on one line (as the card view does).
    unbroken = escape(tag.replace("/", "/\u2060").replace("-", "-\u2060"))
    pill = f'<span class="chip" style="{style}">&nbsp;{unbroken}&nbsp;</span>'
    return f'<a href="{escape(tag_href(tag))}">{pill}</a>' if links else pill


# --- Cells of the compare view ----------------------------------------------------------------


def source_cell_html(card: Card, silent_on: Sequence[str] | None = None) -> str:
    """Title, publisher, date and kind, and the topics the card leaves out.

    ``silent_on`` is None where topics do not apply (a set without them); empty, the cell
    says the card addresses every topic, which is as worth knowing as a silence.
    """
    src = card.source
    meta = [escape(src.publisher), _date(src.published)]
    if src.kind:
        meta.append(escape(src.kind.capitalize()))
    html = f'<p class="row"><b>{_text(card.title)}</b></p><p class="meta">{" · ".join(meta)}</p>'
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
    return f'<p class="row">{stance_badge(persp.stance, theme)}&nbsp; {_text(persp.view)}</p>'


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
        parts.append(f'<p class="row">• {_text(rec.action)}{_loc(rec.where)}</p>')
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
    n = len(cell.points)
    if not expanded:
        return f'<p class="empty">{n} point{"" if n == 1 else "s"} (collapsed)</p>'
    parts = []
    for i, point in enumerate(cell.points, start=1):
        loc = "" if point.support else _loc(point.where)
        parts.append(f'<p class="claim"><b>{i}.</b> {_text(point.claim)}{loc}</p>')
        if point.support:
            parts.append(f'<p class="support">{_text(point.support)}{_loc(point.where)}</p>')
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
        return f'<p class="row">{_text(cell.text)}</p>'
    if isinstance(cell, TopicCell):
        return topic_cell_html(cell, theme)
    if isinstance(cell, RecommendationsCell):
        return recommendations_cell_html(cell, row.label)
    if isinstance(cell, TagsCell):
        return tags_cell_html(cell, theme, links=links)
    return argument_cell_html(cell, expanded=argument_expanded)


# --- Whole documents, for the PDF export ------------------------------------------------------


def _document(title: str, body: str) -> str:
    return f"<html><head><title>{escape(title)}</title></head><body>{body}</body></html>"


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


def _table_open(theme: Theme) -> str:
    return (
        '<table width="100%" cellspacing="0" cellpadding="5" border="1" '
        f'style="border-collapse: collapse; border-color: {theme.quote_rule};">'
    )


def _silence(comparison: Comparison, column: int) -> tuple[str, ...] | None:
    return comparison.silent_on(column) if comparison.rows_of(RowKind.TOPIC) else None


def comparison_html(
    comparison: Comparison, theme: Theme, *, include_argument: bool = False, title: str = ""
) -> str:
    """A compare view as a page: cards as columns, one aligned row per question.

    Landscape suits more than :data:`WIDE_COMPARE` columns. The argument rows are long and
    left out unless asked for, as the window collapses them.
    """
    n = len(comparison.columns)
    label_width = 18 if n > 1 else 25
    col_width = (100 - label_width) // max(n, 1)
    head = "".join(
        f'<th width="{col_width}%" align="left" bgcolor="{theme.thesis_background}">'
        f"{source_cell_html(card, _silence(comparison, i))}</th>"
        for i, card in enumerate(comparison.columns)
    )
    rows = [f'<tr><th width="{label_width}%"></th>{head}</tr>']
    for row in comparison.rows:
        if row.kind is RowKind.SOURCE or (row.kind is RowKind.ARGUMENT and not include_argument):
            continue
        tint = f' bgcolor="{theme.thesis_background}"' if row.stances_differ else ""
        cells = "".join(
            f'<td valign="top">{cell_html(row, i, theme, argument_expanded=True, links=False)}</td>'
            for i in range(n)
        )
        rows.append(f'<tr><td valign="top"{tint}>{row_label_html(row, theme)}</td>{cells}</tr>')
    heading = f"<h2>{escape(title or 'Side-by-side comparison')}</h2>"
    return _document(
        title or "Comparison", heading + _table_open(theme) + "".join(rows) + "</table>"
    )


def _counts(addressed: int, total: int, stances: int) -> str:
    plural = "" if stances == 1 else "s"
    return f"{addressed:,} of {total:,} sources · {stances} stance{plural}"


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


def topic_matrix_html(
    matrix: TopicMatrix,
    theme: Theme,
    *,
    columns_per_table: int = MATRIX_COLUMNS_PER_TABLE,
    title: str = "Topic matrix",
) -> str:
    """Topics against cards, stance badges in the cells, "—" where a source is silent.

    Cards are numbered in date order; a key below the tables gives each number's source and
    the topics it is silent on. More cards than ``columns_per_table`` continue in further
    tables, each repeating the topic column, so no page squeezes fifty columns.
    """
    total = len(matrix.columns)
    parts = [f"<h2>{escape(title)}</h2>"]
    if not matrix.rows:
        parts.append('<p class="empty">This set defines no topics.</p>')
    for start in range(0, total, max(columns_per_table, 1)):
        chunk = range(start, min(start + columns_per_table, total))
        head = "".join(
            f'<th align="center"><p class="row"><b>{i + 1}</b></p>'
            f'<p class="loc">{_short_date(matrix.columns[i].source.published)}</p></th>'
            for i in chunk
        )
        last = start + columns_per_table >= total
        coverage = '<th align="left">Coverage</th>' if last else ""
        # The topic's label takes what the source columns do not need: with a few sources it
        # need not wrap into a narrow column of one word a line.
        label = _matrix_label_width(len(chunk))
        rows = [f'<tr><th align="left" width="{label}%">Topic</th>{head}{coverage}</tr>']
        for row in matrix.rows:
            cells = "".join(_matrix_cell(row.cells[i], theme) for i in chunk)
            counts = (
                f'<td><span class="loc">{_counts(row.addressed, total, len(row.stances))}'
                "</span></td>"
                if last
                else ""
            )
            rows.append(f"<tr><td><b>{escape(row.topic.label)}</b></td>{cells}{counts}</tr>")
        parts.append(_table_open(theme) + "".join(rows) + "</table><p></p>")
    key_rows = []
    for i, card in enumerate(matrix.columns):
        silent = matrix.blindspots(card.id)
        silent_text = ", ".join(escape(t.label) for t in silent) if silent else "—"
        key_rows.append(
            f'<tr><td valign="top"><b>{i + 1}</b></td>'
            f'<td valign="top">{_text(card.title)}<br /><span class="loc">'
            f"{_source(card)}</span></td>"
            f'<td valign="top"><span class="loc">{silent_text}</span></td></tr>'
        )
    parts.append(
        "<h3>Sources, and the topics each is silent on</h3>"
        + _table_open(theme)
        + '<tr><th width="5%">#</th><th align="left" width="55%">Source</th>'
        + '<th align="left">Silent on</th></tr>'
        + "".join(key_rows)
        + "</table>"
    )
    return _document(title, "".join(parts))


def ledger_sources_html(entry: LedgerEntry) -> str:
    """One addressee's recommendations, source by source, oldest first."""
    parts = []
    for source in entry.sources:
        parts.append(
            f'<h3>{_source(source.card)}</h3><p class="question">{_text(source.card.title)}</p>'
        )
        parts.append(_recommendation_list(source.recommendations, entry.addressee))
    return "".join(parts)


def _recommendation_list(recs: Sequence[Recommendation], addressee: str) -> str:
    """The actions as a list, under an "As “name”" line wherever the card named the
    addressee otherwise."""
    parts: list[str] = []
    current: str | None = None
    for rec in recs:
        name = " ".join(rec.to.split())
        if name != current:
            if current is not None:
                parts.append("</ul>")
            if fold(name) != fold(addressee):
                parts.append(f'<p class="question">As “{escape(name)}”:</p>')
            parts.append("<ul>")
            current = name
        parts.append(f"<li>{_text(rec.action)}{_loc(rec.where)}</li>")
    return "".join(parts) + ("</ul>" if parts else "")


def ledger_anchor(index: int) -> str:
    return f"addressee-{index}"


def ledger_html(
    entries: Sequence[LedgerEntry], theme: Theme, *, title: str = "Recommendations by addressee"
) -> str:
    """What each source says each addressee should do; named anchors per addressee."""
    parts = [f"<h2>{escape(title)}</h2>"]
    if not entries:
        parts.append('<p class="empty">None of these cards makes a recommendation.</p>')
    for i, entry in enumerate(entries):
        n = len(entry.sources)
        others = [name for name in entry.names if fold(name) != fold(entry.addressee)]
        meta = f"{n} source{'' if n == 1 else 's'}"
        if others:
            meta += " · also named " + "; ".join(f"“{escape(o)}”" for o in others)
        parts.append(
            f'<p class="label" style="margin-top: 14px;"><a name="{ledger_anchor(i)}"></a>'
            f"TO {escape(entry.addressee.upper())}</p>"
            f'<p class="meta">{meta}</p>'
            f'<table width="100%" cellspacing="0" cellpadding="0"><tr><td style="border-left: '
            f'3px solid {theme.quote_rule}; padding-left: 10px;">{ledger_sources_html(entry)}'
            "</td></tr></table>"
        )
    return _document(title, "".join(parts))


def timeline_event_html(entry: TimelineEntry, theme: Theme) -> str:
    """An event's text, with every other source's wording when several report it."""
    if entry.kind is EventKind.PUBLISHED:
        return f'<p class="row" style="color:{theme.accent};"><i>{_text(entry.text)}</i></p>'
    parts = [f'<p class="row">{_text(entry.text)}</p>']
    for report in entry.reports[1:]:
        if fold(report.text) != fold(entry.text):
            parts.append(
                f'<p class="support">{escape(report.card.source.publisher)}: '
                f"“{_text(report.text)}”</p>"
            )
    return "".join(parts)


def timeline_sources_html(entry: TimelineEntry) -> str:
    return "<br />".join(f'<span class="loc">{_source(c)}</span>' for c in entry.cards)


def timeline_html(
    entries: Sequence[TimelineEntry], theme: Theme, *, title: str = "Timeline"
) -> str:
    """One chronology for many sources; dates at the precision the cards give them."""
    rows = [
        '<tr><th align="left">Date</th><th align="left">Event</th>'
        '<th align="left" width="26%">Reported by</th></tr>'
    ]
    for entry in entries:
        rows.append(
            f'<tr><td valign="top"><p class="date">{_date(entry.date)}</p></td>'
            f'<td valign="top">{timeline_event_html(entry, theme)}</td>'
            f'<td valign="top">{timeline_sources_html(entry)}</td></tr>'
        )
    body = f"<h2>{escape(title)}</h2>" + _table_open(theme) + "".join(rows) + "</table>"
    return _document(title, body)


def matrix_detail_html(
    topic: Topic, card: Card, perspective: Perspective | None, theme: Theme
) -> str:
    """The detail pane under the matrix: what one source says on one topic."""
    head = (
        f'<p class="label">{escape(topic.label.upper())}</p>'
        f'<p class="question">{_text(topic.question)}</p>'
        f'<p class="row"><b>{_text(card.title)}</b></p>'
        f'<p class="meta">{_source(card)}</p>'
    )
    if perspective is None:
        return head + f'<p class="empty">{NOT_ADDRESSED}: this source is silent on the topic.</p>'
    return head + topic_cell_html(TopicCell(perspective), theme)
