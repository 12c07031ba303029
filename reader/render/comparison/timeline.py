"""The merged timeline as HTML: one chronology for many sources, each event with who reports it."""

from __future__ import annotations

from collections.abc import Sequence

from reader.analysis.timeline import EventKind, TimelineEntry
from reader.cards.query import fold
from reader.render.comparison.common import date_html, repeated, ruled_tables, source_html
from reader.render.html import document, escape, inline, view_title
from reader.render.theme import Theme

TIMELINE_TITLE = "Timeline"
#: Where the timeline's title is, on paper (card ids cannot start with "_").
TIMELINE_ANCHOR = "_compare-timeline"


def timeline_event_html(entry: TimelineEntry, theme: Theme) -> str:
    """An event's text, with every other source's wording when several report it."""
    if entry.kind is EventKind.PUBLISHED:
        return f'<p class="row" style="color:{theme.accent};"><i>{inline(entry.text)}</i></p>'
    parts = [f'<p class="row">{inline(entry.text)}</p>']
    for report in entry.reports[1:]:
        if fold(report.text) != fold(entry.text):
            parts.append(
                f'<p class="support">{escape(report.card.source.publisher)}: '
                f"“{inline(report.text)}”</p>"
            )
    return "".join(parts)


def timeline_sources_html(entry: TimelineEntry) -> str:
    return "<br />".join(f'<span class="loc">{source_html(c)}</span>' for c in entry.cards)


def timeline_html(
    entries: Sequence[TimelineEntry],
    theme: Theme,
    *,
    title: str = TIMELINE_TITLE,
    for_print: bool = False,
) -> str:
    """One chronology for many sources; dates at the precision the cards give them.

    ``for_print`` adds what paper needs: :data:`TIMELINE_ANCHOR` at the title, the column
    heads repeated on every page the table continues on, and each date marked as its row's
    label, so that a row is never split (one too tall for a page goes on under its date).
    """
    mark = repeated if for_print else str
    head = (
        '<th align="left">Date</th><th align="left">Event</th>'
        '<th align="left" width="26%">Reported by</th>'
    )
    rows = []
    for entry in entries:
        date = mark(f'<p class="date">{date_html(entry.date)}</p>')
        rows.append(
            f'<tr><td valign="top">{date}</td>'
            f'<td valign="top">{timeline_event_html(entry, theme)}</td>'
            f'<td valign="top">{timeline_sources_html(entry)}</td></tr>'
        )
    table = ruled_tables(theme, head, rows, for_print=for_print)
    return document(title, view_title(title, TIMELINE_ANCHOR, for_print=for_print) + table)
