"""The pages around the cards: cover, contents and tag index, as HTML for the typesetter.

They use the card renderer's style sheet (set by :func:`reader.render.make_document`) plus a
few classes of their own, so the book reads as one piece. Every anchor name here starts with
``_``, which card ids cannot (``[a-z0-9][a-z0-9-]*``), so none can collide with a card's.
All card and set text is escaped; the set's description is the renderer's safe Markdown.
Paragraphs that introduce what follows (a group's label, an index entry's tag) carry the
renderer's keep-with-next state, so the typesetter never leaves them at the foot of a page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from html import escape

from reader.cards.model import Card, SetInfo
from reader.cards.query import fold
from reader.cards.tag_labels import TagNames, label_key
from reader.cards.wording import plural
from reader.export.sections import Bookmark, Kind, Section
from reader.render import KEEP_WITH_NEXT, LIGHT, markdown_to_html

COVER, CONTENTS, INDEX = "_cover", "_contents", "_index"
#: The contents' group headings, each above the first section of its kind.
#: Characters of the contents' and the index's HTML laid out as one document (see
#: :func:`_in_parts`): up to some 1,300 cards each is one part; ten thousand cards' contents
#: are three, their index eight.
CONTENTS_PART = 1_500_000
INDEX_PART = 1_000_000
_GROUPS = {Kind.COMPARISON: "Comparison", Kind.CARD: "Cards", Kind.EVIDENCE: "Evidence"}
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

_STYLE = f"""<style>
p.kicker, p.tocgroup, p.intro {{ -qt-user-state: {KEEP_WITH_NEXT}; }}
p.kicker {{ color: {LIGHT.accent}; font-size: 9pt; font-weight: 600; letter-spacing: 2px;
            margin-bottom: 8px; }}
h1.cover {{ font-size: 26pt; margin-bottom: 22px; line-height: 115%; }}
td.fact {{ color: {LIGHT.muted}; padding-right: 18px; padding-bottom: 6px; }}
td.factvalue {{ padding-bottom: 6px; }}
table.facts {{ margin-top: 26px; }}
td.tocnum {{ color: {LIGHT.muted}; padding-right: 10px; padding-top: 5px; }}
td.toctitle {{ padding-top: 5px; padding-bottom: 5px; }}
td.tocpage {{ padding-top: 5px; padding-left: 12px; }}
p.tocsub {{ color: {LIGHT.muted}; font-size: 8.5pt; margin-bottom: 0px; }}
p.toc {{ margin-bottom: 1px; }}
p.tocgroup {{ color: {LIGHT.accent}; font-size: 8.5pt; font-weight: 600; letter-spacing: 1px;
              margin-top: 18px; margin-bottom: 4px; }}
p.intro {{ color: {LIGHT.muted}; }}
table.bullets {{ margin-bottom: 10px; }}
td.bullet {{ padding-left: 14px; padding-right: 8px; }}
td.item {{ padding-bottom: 6px; line-height: 145%; }}
p.entry {{ margin-bottom: 5px; line-height: 140%; }}
span.desc {{ color: {LIGHT.muted}; font-size: 8.5pt; }}
span.page {{ color: {LIGHT.muted}; }}
</style>"""


def date_text(when: datetime) -> str:
    return f"{when.day} {_MONTHS[when.month - 1]} {when.year}"


def _document(body: str) -> str:
    return f"<html><head>{_STYLE}</head><body>{body}</body></html>"


@dataclass(frozen=True, slots=True)
class CoverFacts:
    info: SetInfo
    cards: Sequence[Card]
    #: The filter in words (``Query.describe()``), or None for the whole set.
    filter_text: str | None
    exported: datetime


def _span(cards: Sequence[Card]) -> str:
    years = sorted({c.source.published.year for c in cards})
    if not years:
        return "none"
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


def _bulleted(html: str) -> str:
    """``html`` with each bulleted list set as a table of bullet and text: in a PDF, Qt draws
    a list's bullet a hair from its text (its gap is not scaled to the device), so that
    "• 2021" reads "•2021"; a cell of its own keeps a clear gap, and wrapped lines hang."""
    return (
        html.replace("<ul>", '<table class="bullets" cellspacing="0" cellpadding="0">')
        .replace("</ul>", "</table>")
        .replace("<li>", '<tr><td class="bullet">•</td><td class="item">')
        .replace("</li>", "</td></tr>")
    )


def cover(facts: CoverFacts) -> Section:
    info, cards = facts.info, facts.cards
    publishers = sorted({c.source.publisher for c in cards}, key=fold)
    rows = [
        ("Cards", plural(len(cards), "card")),
        ("Sources", f"published {_span(cards)}, from {plural(len(publishers), 'publisher')}"),
        ("Selection", facts.filter_text or "the whole set"),
        ("Exported", date_text(facts.exported)),
    ]
    table = "".join(
        f'<tr><td class="fact">{escape(k)}</td><td class="factvalue">{escape(v)}</td></tr>'
        for k, v in rows
    )
    description = _bulleted(markdown_to_html(info.description)) if info.description else ""
    body = (
        f'<p class="kicker"><a name="{COVER}"></a>BRIEFING BOOK</p>'
        f'<h1 class="cover">{escape(info.title)}</h1>'
        f"{description}"
        f'<table class="facts" cellspacing="0" cellpadding="0">{table}</table>'
    )
    return Section(Kind.COVER, COVER, "Cover", _document(body))


@dataclass(frozen=True, slots=True)
class Entry:
    """A line of the contents: a section and the page it starts on."""

    section: Section
    page: int


def _group(label: str) -> str:
    return f'<tr><td colspan="3"><p class="tocgroup">{escape(label.upper())}</p></td></tr>'


def contents(entries: Sequence[Entry]) -> list[Section]:
    """The table of contents; every title and page number links to its section. Longer
    than :data:`CONTENTS_PART` entries, in parts of that many (see :func:`_in_parts`)."""
    rows: list[str] = []
    number = 0
    # Columns as wide as their longest number (in 96-dpi pixels, about 9 per digit at the
    # body size), so that "1000." never wraps and the titles keep one left edge.
    cards = sum(e.section.kind is Kind.CARD for e in entries)
    last_page = max((e.page for e in entries), default=1)
    num_width = 9 * (len(str(cards)) + 1) + 12
    page_width = 9 * len(str(last_page)) + 14
    heading_done: set[Kind] = set()
    for entry in entries:
        sec = entry.section
        if sec.kind in _GROUPS and sec.kind not in heading_done:
            heading_done.add(sec.kind)
            rows.append(_group(_GROUPS[sec.kind]))
        if sec.kind is Kind.INDEX:
            rows.append(_group("Index"))
        href = f"#{escape(sec.anchor)}"
        num = ""
        if sec.kind is Kind.CARD:
            number += 1
            num = f"{number}."
        sub = f'<p class="tocsub">{escape(sec.subtitle)}</p>' if sec.subtitle else ""
        rows.append(
            f'<tr><td class="tocnum" width="{num_width}" align="right">{num}</td>'
            f'<td class="toctitle"><p class="toc"><a href="{href}">{escape(sec.title)}</a></p>'
            f"{sub}</td>"
            f'<td class="tocpage" width="{page_width}" align="right"><p class="toc">'
            f'<a href="{href}">{entry.page}</a></p></td></tr>'
        )
    heading = f'<h1><a name="{CONTENTS}"></a>Contents</h1>'
    table = '<table width="100%" cellspacing="0" cellpadding="0">'
    bodies = [
        f"{heading if i == 0 else ''}{table}{''.join(part)}</table>"
        for i, part in enumerate(_cut(rows, CONTENTS_PART, lambda row: "tocgroup" in row))
    ]
    made = Section(Kind.CONTENTS, CONTENTS, "Contents", "", header="Contents")
    return _in_parts(made, bodies)


def _cut(pieces: Sequence[str], size: int, leads: Callable[[str], bool]) -> list[list[str]]:
    """``pieces`` in runs of about ``size`` characters (a longer piece alone), never cut
    after a piece that ``leads`` what follows (a heading)."""
    runs: list[list[str]] = [[]]
    length = 0
    for piece in pieces:
        if runs[-1] and length + len(piece) > size and not leads(runs[-1][-1]):
            runs.append([])
            length = 0
        runs[-1].append(piece)
        length += len(piece)
    return runs


def _in_parts(section: Section, bodies: Sequence[str]) -> list[Section]:
    """``section`` with each of ``bodies`` as the HTML of a part: the first is the section
    (with its bookmarks), the others go on from a new page (``continued``), each a document
    of its own.

    Qt lays a document out whole, some 20 KB an entry: the contents and the index of ten
    thousand cards took some 200 MB each laid out, and the contents are laid out until
    their page count settles. Each part leaves at most its last page short.
    """
    return [
        replace(section, html=_document(body), continued=i > 0, bookmarks=())
        if i
        else replace(section, html=_document(body))
        for i, body in enumerate(bodies)
    ]


def _group_anchor(group: str) -> str:
    return f"{INDEX}-{group}"


def index(cards: Sequence[Entry], names: TagNames) -> list[Section]:
    """Tag → the pages of the cards carrying it (each a link to its card); tags grouped by
    their first part. Page numbers, not titles: a title repeated under every tag made four
    pages of index for thirty tags of three cards, and the contents pair pages with titles.
    Each tag is listed by the name the cards print (``names``), sorted by it, with its slug
    after it in small type: a reader looks up "The Wagner Group", an author ``actor/wagner``."""
    by_tag: dict[str, list[Entry]] = {}
    for entry in cards:
        for tag in dict.fromkeys(entry.section.tags):
            by_tag.setdefault(tag, []).append(entry)
    groups: dict[str, list[str]] = {}
    for tag in sorted(by_tag, key=lambda t: (fold(t.split("/")[0]), label_key(names(t)), t)):
        groups.setdefault(tag.split("/")[0], []).append(tag)
    parts = [
        f'<h1><a name="{INDEX}"></a>Index of tags</h1>',
        '<p class="intro">Every tag of the exported cards, with the page each card carrying it '
        "starts on (the contents name the card on each page).</p>",
    ]
    bookmarks: list[Bookmark] = []
    for group, tags in groups.items():
        anchor = _group_anchor(group)
        bookmarks.append(Bookmark(names(group), anchor))
        parts.append(f'<h2><a name="{escape(anchor)}"></a>{escape(names(group))}</h2>')
        if about := names.description(group):
            parts.append(f'<p class="intro">{escape(about)}</p>')
        for tag in tags:
            about = names.description(tag) if tag != group else ""
            if about.strip().rstrip(".") == names(tag):
                about = ""  # "Mali — Mali": the description is the name and says no more
            desc = f' <span class="desc">— {escape(about)}</span>' if about else ""
            entries = by_tag[tag]
            pages = ", ".join(
                f'<a href="#{escape(e.section.anchor)}">{e.page}</a>' for e in entries
            )
            label = "p." if len(entries) == 1 else "pp."
            parts.append(
                f'<p class="entry"><b>{escape(names(tag))}</b>&nbsp; '
                f'<span class="desc">{escape(tag)}</span>&nbsp; '
                f'<span class="page">{label}&nbsp;{pages}</span>{desc}</p>'
            )
    made = Section(
        Kind.INDEX, INDEX, "Index of tags", "", header="Index of tags", bookmarks=tuple(bookmarks)
    )
    runs = _cut(parts, INDEX_PART, lambda part: not part.startswith('<p class="entry">'))
    return _in_parts(made, ["".join(run) for run in runs])
