"""A card typeset as a briefing, in the HTML subset QTextDocument renders.

One function serves the reader window and the PDF export so that a card looks the same on
screen and on paper. Qt's rich text has no flexbox and no block borders, so boxes and rules are
one-cell tables and hanging numbers are two-column tables; type sizes and spacing come from
:func:`reader.render.theme.stylesheet`, which must be the document's default style sheet.

Every section opens with ``<a name="{card id}--{section}">`` on its first visible text (Qt drops
an anchor that has no text after it), so the export can link to and outline each section.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from urllib.parse import quote

from reader.cards.catalog import CardSummary
from reader.cards.model import Card, Perspective, Recommendation, SetInfo
from reader.cards.query import SearchTerm
from reader.render.highlight import Marker, escape
from reader.render.markdown import is_safe_url, markdown_to_html
from reader.render.theme import Swatch, Theme

SECTIONS = (
    "header",
    "thesis",
    "summary",
    "argument",
    "recommendations",
    "perspectives",
    "actors",
    "timeline",
    "quotes",
    "notes",
    "tags",
)
NO_RECOMMENDATIONS = "The source makes no recommendations."
#: A key column (argument numbers, dates) as wide as its keys, the values' column taking the
#: rest (``width="100%"``). Two columns of no set width split what short values leave over
#: evenly, so "1" sat mid-page; and next to a 100% column Qt shrinks a wrapping one to a
#: letter, hence no wrapping in the keys.
_KEY_NOWRAP = ' style="white-space: nowrap;"'

Mark = Callable[[str], str]


def anchor_name(card_id: str, section: str) -> str:
    return f"{card_id}--{section}"


def tag_href(tag: str) -> str:
    return "tag:" + quote(tag, safe="")


def card_href(card_id: str) -> str:
    return "card:" + quote(card_id, safe="")


def _anchor(card: Card, section: str) -> str:
    return f'<a name="{escape(anchor_name(card.id, section))}"></a>'


def _heading(card: Card, section: str, label: str) -> str:
    return f"<h2>{_anchor(card, section)}{escape(label)}</h2>"


def _inline(mark: Mark, text: str) -> str:
    """Plain card text for use inside a block; the writer's line breaks survive."""
    return mark(text.strip()).replace("\n", "<br />")


def _unbroken(text: str) -> str:
    """Non-breaking spaces keep a short label such as a stance badge in one piece."""
    return text.replace(" ", "\u00a0")


def _loc(mark: Mark, where: str | None) -> str:
    """A locator in small type, an em space after the text it belongs to."""
    return f'&#8195;<span class="loc">{mark(where)}</span>' if where else ""


def _pill(swatch: Swatch, inner: str, css: str) -> str:
    # Non-breaking spaces pad the coloured run: Qt draws inline backgrounds tight to glyphs.
    return (
        f'<span class="{css}" style="background-color:{swatch.background}; '
        f'color:{swatch.text};">&nbsp;{inner}&nbsp;</span>'
    )


def _header(card: Card, mark: Mark) -> str:
    src = card.source
    meta = [mark(src.publisher), mark(src.published.display())]
    if src.kind:
        meta.append(mark(src.kind.capitalize()))
    parts = [
        f"<h1>{_anchor(card, 'header')}{_inline(mark, card.title)}</h1>",
        f'<p class="meta">{" · ".join(meta)}</p>',
    ]
    if src.authors:
        names = [mark(a) for a in src.authors]
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        parts.append(f'<p class="meta">By {joined}</p>')
    extra = []
    if src.title and src.title.strip() != card.title.strip():
        extra.append(f"Source: <i>{_inline(mark, src.title)}</i>")
    if src.url and is_safe_url(src.url):
        extra.append(f'<a href="{escape(src.url)}">{mark(src.url)}</a>')
    if extra:
        parts.append(f'<p class="meta">{" · ".join(extra)}</p>')
    return "".join(parts)


def _thesis(card: Card, theme: Theme, mark: Mark) -> str:
    border = f"border-left: 4px solid {theme.thesis_border};"
    return (
        '<table class="thesis" width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td class="thesis" bgcolor="{theme.thesis_background}" style="{border}">'
        f'<p class="label">{_anchor(card, "thesis")}THESIS</p>'
        f'<p class="thesis">{_inline(mark, card.thesis)}</p>'
        "</td></tr></table>"
    )


def _argument(card: Card, mark: Mark) -> str:
    rows = []
    for n, point in enumerate(card.argument, start=1):
        claim = _inline(mark, point.claim)
        if point.support:
            support = _inline(mark, point.support) + _loc(mark, point.where)
            text = f'<p class="claim">{claim}</p><p class="support">{support}</p>'
        else:
            text = f'<p class="lone">{claim}{_loc(mark, point.where)}</p>'
        rows.append(
            f'<tr><td class="num" align="right"{_KEY_NOWRAP}><p class="num">{n}</p></td>'
            f'<td width="100%">{text}</td></tr>'
        )
    return (
        _heading(card, "argument", "Argument")
        + '<table width="100%" cellspacing="0" cellpadding="0">'
        + "".join(rows)
        + "</table>"
    )


def _recommendations(card: Card, mark: Mark) -> str:
    head = _heading(card, "recommendations", "Recommendations")
    if not card.recommendations:
        return head + f'<p class="empty">{escape(NO_RECOMMENDATIONS)}</p>'
    groups: dict[str, list[Recommendation]] = {}
    for rec in card.recommendations:
        groups.setdefault(rec.to.strip(), []).append(rec)
    parts = [head]
    for to, recs in groups.items():
        parts.append(f"<h3>To {_inline(mark, to)}</h3><ul>")
        parts.extend(f"<li>{_inline(mark, r.action)}{_loc(mark, r.where)}</li>" for r in recs)
        parts.append("</ul>")
    return "".join(parts)


def _perspectives(card: Card, info: SetInfo, theme: Theme, mark: Mark) -> str:
    order = {t.key: i for i, t in enumerate(info.topics)}
    groups: dict[str, list[Perspective]] = {}
    for persp in card.perspectives:
        groups.setdefault(persp.topic, []).append(persp)
    keys = sorted(groups, key=lambda k: order.get(k, len(order)))
    parts = [_heading(card, "perspectives", "Perspectives")]
    for key in keys:
        topic = info.topic(key)
        parts.append(f"<h3>{_inline(mark, topic.label if topic else key)}</h3>")
        if topic and topic.question.strip():
            parts.append(f'<p class="question">{_inline(mark, topic.question)}</p>')
        for persp in groups[key]:
            label = _unbroken(persp.stance.strip())
            badge = _pill(theme.stance(persp.stance), mark(label), "badge")
            parts.append(f'<p class="view">{badge}&nbsp;&nbsp; {_inline(mark, persp.view)}</p>')
    return "".join(parts)


def _two_columns(rows: Sequence[tuple[str, str]], key_width: str | None) -> str:
    """A borderless key/value table; without ``key_width`` the keys' column fits its content."""
    width = f' width="{key_width}"' if key_width else _KEY_NOWRAP
    fill = "" if key_width else ' width="100%"'
    body = "".join(
        f'<tr><td class="key"{width}>{key}</td><td class="value"{fill}>{value}</td></tr>'
        for key, value in rows
    )
    return f'<table width="100%" cellspacing="0" cellpadding="0">{body}</table>'


def _actors(card: Card, mark: Mark) -> str:
    rows = [
        (
            f'<p class="row"><b>{_inline(mark, a.name)}</b></p>',
            f'<p class="row">{_inline(mark, a.role) if a.role else "&nbsp;"}</p>',
        )
        for a in card.actors
    ]
    return _heading(card, "actors", "Actors") + _two_columns(rows, "30%")


def _timeline(card: Card, mark: Mark) -> str:
    events = sorted(card.timeline, key=lambda e: e.date.sort_key)
    rows = [
        (
            f'<p class="date">{mark(e.date.display())}</p>',
            f'<p class="row">{_inline(mark, e.event)}</p>',
        )
        for e in events
    ]
    return _heading(card, "timeline", "Timeline") + _two_columns(rows, None)


def _quotes(card: Card, theme: Theme, mark: Mark) -> str:
    rule = f"border-left: 3px solid {theme.quote_rule};"
    parts = [_heading(card, "quotes", "Quotes")]
    for q in card.quotes:
        where = f'<p class="support">{mark(q.where)}</p>' if q.where else ""
        parts.append(
            '<table class="quote" width="100%" cellspacing="0" cellpadding="0"><tr>'
            f'<td class="quote" style="{rule}">'
            f'<p class="quote">“{_inline(mark, q.text)}”</p>{where}</td></tr></table>'
        )
    return "".join(parts)


def _tags(card: Card, theme: Theme, mark: Mark, for_print: bool) -> str:
    chips = []
    for tag in card.tags:
        # A word joiner after each '/' and '-' keeps a chip on one line: Qt would break there.
        unbroken = tag.replace("/", "/\u2060").replace("-", "-\u2060")
        pill = _pill(theme.chip, mark(unbroken), "chip")
        # On paper a tag: link goes nowhere, so the chip is plain there.
        chips.append(pill if for_print else f'<a href="{escape(tag_href(tag))}">{pill}</a>')
    return _heading(card, "tags", "Tags") + f'<p class="chips">{"&nbsp; ".join(chips)}</p>'


def _related(card: Card, related: Sequence[tuple[CardSummary, int]], mark: Mark) -> str:
    parts = ["<h2>Related cards</h2>"]
    for summary, shared in related:
        meta = [mark(summary.publisher), mark(summary.published.display())]
        meta.append(f"{shared} shared tag{'' if shared == 1 else 's'}")
        parts.append(
            f'<p class="related"><a href="{escape(card_href(summary.id))}">'
            f"{_inline(mark, summary.title)}</a><br />"
            f'<span class="loc">{" · ".join(meta)}</span></p>'
        )
    return "".join(parts)


def render_card(
    card: Card,
    info: SetInfo,
    *,
    theme: Theme,
    terms: Sequence[SearchTerm] = (),
    related: Sequence[tuple[CardSummary, int]] = (),
    for_print: bool = False,
) -> str:
    """The card as a complete HTML document, with search matches highlighted.

    ``related`` is shown as a footer on screen only; ``for_print`` also drops the ``tag:``
    links, which mean nothing on paper. The caller sets :func:`stylesheet` as the document's
    default style sheet and loads the result into a :class:`SafeTextDocument`.
    """
    mark = Marker(tuple(terms), theme.highlight.background, theme.highlight.text)
    body = [_header(card, mark), _thesis(card, theme, mark)]
    if card.summary.strip():
        summary = markdown_to_html(card.summary, mark=mark)
        body.append(_heading(card, "summary", "Summary") + summary)
    if card.argument:
        body.append(_argument(card, mark))
    body.append(_recommendations(card, mark))
    if card.perspectives:
        body.append(_perspectives(card, info, theme, mark))
    if card.actors:
        body.append(_actors(card, mark))
    if card.timeline:
        body.append(_timeline(card, mark))
    if card.quotes:
        body.append(_quotes(card, theme, mark))
    if card.notes and card.notes.strip():
        # Writers reach for `code` and *emphasis* in their caveats too; the same safe subset.
        notes = markdown_to_html(card.notes, mark=mark)
        body.append(_heading(card, "notes", "Notes") + f'<div class="notes">{notes}</div>')
    if card.tags:
        body.append(_tags(card, theme, mark, for_print))
    if related and not for_print:
        body.append(_related(card, related, mark))
    return (
        f"<html><head><title>{escape(card.title)}</title></head><body>"
        + "\n".join(body)
        + "</body></html>"
    )
