"""A card typeset as a briefing, in the HTML subset QTextDocument renders.

One function serves the reader window and the PDF export so that a card looks the same on
screen and on paper. Qt's rich text has no flexbox and no block borders, so boxes and rules are
one-cell tables and hanging numbers are two-column tables; type sizes and spacing come from
:func:`reader.render.theme.stylesheet`, which must be the document's default style sheet.

Which sections a card has, in order, with their headings, is
:func:`reader.render.sections.card_sections`: the one list the card is rendered from and the
export outlines it with. Every section opens with
``<a name="{card id}--{section}">`` on its first visible text (Qt drops an anchor that has no
text after it), so the export can link to and bookmark each section. On screen each argument
point, recommendation and quote opens with ``<a name="item-{field}-{index}">`` too, and with a
:class:`reader.render.screen_evidence.ScreenEvidence` the card shows its source's status and each
item's locator link and health mark.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.cards.catalog import CardSummary
from reader.cards.model import Actor, Card, Perspective, Recommendation, SetInfo
from reader.cards.query import SearchTerm
from reader.cards.tag_labels import TagNames
from reader.cards.wording import plural
from reader.render.highlight import Marker
from reader.render.html import (
    Mark,
    anchor,
    document,
    escape,
    inline,
    locator,
    stance_badge,
    swatch_style,
    tag_chip,
)

# The window builds its links with these, and knows them from here.
from reader.render.html import card_href as card_href
from reader.render.html import tag_href as tag_href
from reader.render.located import item_anchor
from reader.render.markdown import is_safe_url, markdown_to_html
from reader.render.sections import CardSection, card_sections
from reader.render.theme import Theme

if TYPE_CHECKING:
    from reader.render.screen_evidence import ScreenEvidence

NO_RECOMMENDATIONS = "The source makes no recommendations."
#: A key column (argument numbers, dates) as wide as its keys, the values' column taking the
#: rest (``width="100%"``). Two columns of no set width split what short values leave over
#: evenly, so "1" sat mid-page; and next to a 100% column Qt shrinks a wrapping one to a
#: letter, hence no wrapping in the keys.
_KEY_NOWRAP = ' style="white-space: nowrap;"'


@dataclass(frozen=True, slots=True)
class _Page:
    """What every section's markup is made from."""

    card: Card
    info: SetInfo
    theme: Theme
    mark: Mark
    for_print: bool
    #: On paper, locator → the anchor of the passage it cites in the book's evidence appendix.
    evidence: Mapping[str, str] = field(default_factory=dict)
    #: On screen, the source's status and the items' marks (reader.render.screen_evidence).
    screen: ScreenEvidence | None = None

    def locator(self, where: str | None) -> str:
        """A locator after its text; on paper, a link to its evidence when the book has it."""
        if where is None or where not in self.evidence:
            return locator(where, self.mark)
        href = escape("#" + self.evidence[where])
        return f'&#8195;<span class="loc"><a href="{href}">{self.mark(where)}</a></span>'

    def item(self, field: str, index: int) -> str:
        """On screen, the anchor an item opens with (the window scrolls to it)."""
        return "" if self.for_print else anchor(item_anchor(field, index))

    def located(self, field: str, index: int, where: str | None) -> str:
        """An item's locator; on screen with evidence, a link to its passage and its mark."""
        if self.screen is None or self.for_print:
            return self.locator(where)
        return self.screen.locator(field, index, where, self.mark)


def _heading(section: CardSection) -> str:
    return f"<h2>{anchor(section.anchor)}{escape(section.label)}</h2>"


def _header(page: _Page, section: CardSection) -> str:
    card, mark = page.card, page.mark
    src = card.source
    meta = [mark(src.publisher), mark(src.published.display())]
    if src.kind:
        meta.append(mark(src.kind.capitalize()))
    parts = [
        f"<h1>{anchor(section.anchor)}{inline(card.title, mark)}</h1>",
        f'<p class="meta">{" · ".join(meta)}</p>',
    ]
    if src.authors:
        names = [mark(a) for a in src.authors]
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        parts.append(f'<p class="meta">By {joined}</p>')
    extra = []
    if src.title and src.title.strip() != card.title.strip():
        extra.append(f"Source: <i>{inline(src.title, mark)}</i>")
    if src.url and is_safe_url(src.url):
        extra.append(f'<a href="{escape(src.url)}">{mark(src.url)}</a>')
    if extra:
        parts.append(f'<p class="meta">{" · ".join(extra)}</p>')
    if page.screen is not None and not page.for_print:
        parts.append(page.screen.source_line())
    return "".join(parts)


def _thesis(page: _Page, section: CardSection) -> str:
    theme = page.theme
    border = f"border-left: 4px solid {theme.thesis_border};"
    return (
        '<table class="thesis" width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td class="thesis" bgcolor="{theme.thesis_background}" style="{border}">'
        f'<p class="label">{anchor(section.anchor)}{escape(section.label.upper())}</p>'
        f'<p class="thesis">{inline(page.card.thesis, page.mark)}</p>'
        "</td></tr></table>"
    )


def _summary(page: _Page, section: CardSection) -> str:
    return _heading(section) + markdown_to_html(page.card.summary, mark=page.mark)


def _argument(page: _Page, section: CardSection) -> str:
    mark = page.mark
    rows = []
    for n, point in enumerate(page.card.argument, start=1):
        claim = page.item("argument", n - 1) + inline(point.claim, mark)
        where = page.located("argument", n - 1, point.where)
        if point.support:
            support = inline(point.support, mark) + where
            text = f'<p class="claim">{claim}</p><p class="evidence">{support}</p>'
        else:
            text = f'<p class="lone">{claim}{where}</p>'
        rows.append(
            f'<tr><td class="num" align="right"{_KEY_NOWRAP}><p class="num">{n}</p></td>'
            f'<td class="point" width="100%">{text}</td></tr>'
        )
    return (
        _heading(section)
        + '<table width="100%" cellspacing="0" cellpadding="0">'
        + "".join(rows)
        + "</table>"
    )


def _recommendations(page: _Page, section: CardSection) -> str:
    card, mark = page.card, page.mark
    head = _heading(section)
    if not card.recommendations:
        return head + f'<p class="empty">{escape(NO_RECOMMENDATIONS)}</p>'
    groups: dict[str, list[tuple[int, Recommendation]]] = {}
    for index, rec in enumerate(card.recommendations):
        groups.setdefault(rec.to.strip(), []).append((index, rec))
    parts = [head]
    for to, recs in groups.items():
        parts.append(f"<h3>To {inline(to, mark)}</h3><ul>")
        parts.extend(
            f"<li>{page.item('recommendations', i)}{inline(r.action, mark)}"
            f"{page.located('recommendations', i, r.where)}</li>"
            for i, r in recs
        )
        parts.append("</ul>")
    return "".join(parts)


def _perspectives(page: _Page, section: CardSection) -> str:
    info, mark = page.info, page.mark
    order = {t.key: i for i, t in enumerate(info.topics)}
    groups: dict[str, list[tuple[int, Perspective]]] = {}
    for index, persp in enumerate(page.card.perspectives):
        groups.setdefault(persp.topic, []).append((index, persp))
    keys = sorted(groups, key=lambda k: order.get(k, len(order)))
    parts = [_heading(section)]
    for key in keys:
        topic = info.topic(key)
        parts.append(f"<h3>{inline(topic.label if topic else key, mark)}</h3>")
        if topic and topic.question.strip():
            parts.append(f'<p class="question">{inline(topic.question, mark)}</p>')
        for index, persp in groups[key]:
            badge = page.item("perspectives", index) + stance_badge(persp.stance, page.theme, mark)
            parts.append(f'<p class="view">{badge}&nbsp;&nbsp; {inline(persp.view, mark)}</p>')
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


def _actors(page: _Page, section: CardSection) -> str:
    mark = page.mark
    rows = [
        (
            f'<p class="row"><b>{inline(a.name, mark)}</b></p>',
            f'<p class="row">{inline(a.role, mark) if a.role else "&nbsp;"}</p>',
        )
        for a in page.card.actors
    ]
    return _heading(section) + _two_columns(rows, f"{_name_share(page.card.actors)}%")


def _name_share(actors: Sequence[Actor]) -> int:
    """The Actors table's name column, in percent of the width: as wide as its longest name
    wants up to 40 %, at least 25 %. A fixed 30 % broke "Independent Election Management
    Authority" over four lines (review P5); a column fitting its names would starve the roles
    beside a long one, and Qt's rich text knows no minimum width."""
    longest = max((len(a.name) for a in actors), default=0)
    return max(25, min(40, longest - 2))


def _timeline(page: _Page, section: CardSection) -> str:
    mark = page.mark
    events = sorted(enumerate(page.card.timeline), key=lambda ie: ie[1].date.sort_key)
    rows = [
        (
            f'<p class="date">{mark(e.date.display())}</p>',
            f'<p class="row">{page.item("timeline", i)}{inline(e.event, mark)}</p>',
        )
        for i, e in events
    ]
    return _heading(section) + _two_columns(rows, None)


def _quotes(page: _Page, section: CardSection) -> str:
    mark = page.mark
    rule = f"border-left: 3px solid {page.theme.quote_rule};"
    parts = [_heading(section)]
    for i, q in enumerate(page.card.quotes):
        where = f'<p class="qloc">{_quote_locator(page, q.where)}</p>' if q.where else ""
        if page.screen is not None and not page.for_print:
            where = f'<p class="qloc">{page.screen.locator("quotes", i, q.where, mark)}</p>'
        parts.append(
            '<table class="quote" width="100%" cellspacing="0" cellpadding="0"><tr>'
            f'<td class="quote" style="{rule}">'
            f'<p class="quote">{page.item("quotes", i)}“{inline(q.text, mark)}”</p>{where}'
            "</td></tr></table>"
        )
    return "".join(parts)


def _quote_locator(page: _Page, where: str) -> str:
    """A quote's locator, on its own line under the quote: linked as :meth:`_Page.locator`."""
    if where not in page.evidence:
        return page.mark(where)
    return f'<a href="{escape("#" + page.evidence[where])}">{page.mark(where)}</a>'


def _notes(page: _Page, section: CardSection) -> str:
    # Writers reach for `code` and *emphasis* in their caveats too; the same safe subset.
    notes = markdown_to_html(page.card.notes or "", mark=page.mark)
    return _heading(section) + f'<div class="notes">{notes}</div>'


def _tags(page: _Page, section: CardSection) -> str:
    style = swatch_style(page.theme.chip)
    names = TagNames.of(page.info)
    # On paper a tag: link goes nowhere, so the chip is plain there.
    chips = [
        tag_chip(tag, style, link=not page.for_print, mark=page.mark, label=names(tag))
        for tag in page.card.tags
    ]
    return _heading(section) + f'<p class="chips">{"&nbsp; ".join(chips)}</p>'


#: Each section's markup, by key, in the order of :data:`reader.render.sections.SECTIONS`.
_HTML: dict[str, Callable[[_Page, CardSection], str]] = {
    "header": _header,
    "thesis": _thesis,
    "summary": _summary,
    "argument": _argument,
    "recommendations": _recommendations,
    "perspectives": _perspectives,
    "actors": _actors,
    "timeline": _timeline,
    "quotes": _quotes,
    "notes": _notes,
    "tags": _tags,
}


def _related(related: Sequence[tuple[CardSummary, int]], mark: Mark) -> str:
    parts = ["<h2>Related cards</h2>"]
    for summary, shared in related:
        meta = [mark(summary.publisher), mark(summary.published.display())]
        meta.append(plural(shared, "shared tag"))
        parts.append(
            f'<p class="related"><a href="{escape(card_href(summary.id))}">'
            f"{inline(summary.title, mark)}</a><br />"
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
    evidence: Mapping[str, str] | None = None,
    screen: ScreenEvidence | None = None,
) -> str:
    """The card as a complete HTML document, with search matches highlighted.

    ``related`` is shown as a footer on screen only; ``for_print`` also drops the ``tag:``
    links, which mean nothing on paper. ``evidence`` (paper only) maps locators to the
    anchors of their passages in the book's evidence appendix
    (:func:`reader.render.evidence.evidence_links`); those locators become links.
    ``screen`` (screen only) adds the source's status to the header, links each locator to
    its passage (``cite:``) and marks each item's health (:mod:`reader.render.screen_evidence`). The
    caller
    sets :func:`stylesheet` as the document's default style sheet and loads the result into a
    :class:`SafeTextDocument`.
    """
    mark = Marker(tuple(terms), theme.highlight.background, theme.highlight.text)
    links = evidence if for_print and evidence else {}
    page = _Page(card, info, theme, mark, for_print, links, screen)
    body = [_HTML[section.key](page, section) for section in card_sections(card)]
    if related and not for_print:
        body.append(_related(related, mark))
    return document(card.title, "\n".join(body))
