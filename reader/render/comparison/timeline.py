"""The merged timeline as HTML: one chronology for many sources, each event with who reports it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reader.analysis.timeline import EventKind, TimelineEntry
from reader.cards.model import Card
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


def timeline_sources_html(entry: TimelineEntry, names: Mapping[str, str] | None = None) -> str:
    """Who reports ``entry``: each card's :func:`source_html`, or its name in ``names``."""
    return "<br />".join(
        f'<span class="loc">{(names or {}).get(c.id) or source_html(c)}</span>' for c in entry.cards
    )


def short_source_names(entries: Sequence[TimelineEntry]) -> dict[str, str]:
    """Each reporting card's source as publisher and year ("International Crisis Group,
    2023"), or with its full date where that leaves two alike: #35 of the second review, the
    full "International Crisis Group, 9 February 2023" on every one of forty rows."""
    cards = {c.id: c for entry in entries for c in entry.cards}
    short = {key: _publisher_year(card) for key, card in cards.items()}
    taken = list(short.values())
    return {
        k: name if taken.count(name) == 1 else source_html(cards[k]) for k, name in short.items()
    }


def _publisher_year(card: Card) -> str:
    return f"{escape(card.source.publisher)}, {card.source.published.year}"


def _sources_key(entries: Sequence[TimelineEntry], names: Mapping[str, str]) -> str:
    """Under the table, once: each name the rows use, with its source's title and full date."""
    cards = {c.id: c for entry in entries for c in entry.cards}
    items = [
        f"<b>{names[key]}</b>: {inline(card.title)}, {date_html(card.source.published)}"
        for key, card in sorted(cards.items(), key=lambda kv: names[kv[0]])
    ]
    return f'<p class="loc">Reported by — {"; ".join(items)}.</p>' if items else ""


def timeline_html(
    entries: Sequence[TimelineEntry],
    theme: Theme,
    *,
    title: str = TIMELINE_TITLE,
    for_print: bool = False,
) -> str:
    """One chronology for many sources; dates at the precision the cards give them.

    "Reported by" names each source by publisher and year (:func:`short_source_names`); a key
    above the table gives each one's title and full date.
    ``for_print`` adds what paper needs: :data:`TIMELINE_ANCHOR` at the title, the column
    heads repeated on every page the table continues on, and each date marked as its row's
    label, so that a row is never split (one too tall for a page goes on under its date).
    """
    mark = repeated if for_print else str
    head = (
        '<th align="left">Date</th><th align="left">Event</th>'
        '<th align="left" width="22%">Reported by</th>'
    )
    names = short_source_names(entries)
    rows = []
    for entry in entries:
        date = mark(f'<p class="date">{date_html(entry.date)}</p>')
        rows.append(
            f'<tr><td valign="top">{date}</td>'
            f'<td valign="top">{timeline_event_html(entry, theme)}</td>'
            f'<td valign="top">{timeline_sources_html(entry, names)}</td></tr>'
        )
    table = ruled_tables(theme, head, rows, for_print=for_print)
    key = _sources_key(entries, names)
    return document(title, view_title(title, TIMELINE_ANCHOR, for_print=for_print) + key + table)
