"""A card's evidence on paper: every passage its locators cite, as plain text.

A printed briefing has no source pane, so the book can carry the passages themselves: for
each distinct locator of the card (argument points, recommendations, quotes, in the card's
order) one entry with the locator as its heading, the parts of the card that cite it (each a
link back to its section of the card) and the cited paragraphs, each with its own locator
(``§III ¶2``) in the margin, numbered as locators count them. The card's locators link to
their entries (:func:`evidence_links`, handed to :func:`reader.render.render_card`).

Entries follow the card rather than the source: a reader checking argument 4 lands on the
claim and the paragraphs it draws on together, without assembling a range from pages of
source. A passage cited twice under different locators is printed twice; on the shipped
cards that costs a fifth more text than the sources themselves.

The source's words are escaped and never read as markup (a source can hold anything); the
words a quote of the card takes from a paragraph are set in bold there. Anchors are
``{card id}--evidence`` for the appendix of a card and ``{card id}--evidence-{n}`` for its
n-th entry: no section of a card (:data:`reader.render.SECTIONS`) is named so, so they
cannot meet a card's own anchors.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.cards.model import Card
from reader.cards.wording import plural
from reader.render.html import anchor, escape, inline
from reader.render.sections import anchor_name
from reader.render.theme import KEEP_WITH_NEXT, Theme
from reader.verify.source_text import Paragraph, SourceText, normalise

EVIDENCE = "evidence"
INTRO = (
    "{passages} this card cites, each under the locator that cites it. Paragraphs are "
    "numbered as the locators count them: ¶ from the start of the text, or within its "
    "section § when the source has sections."
)


@dataclass(frozen=True, slots=True)
class Citation:
    """A part of a card that cites a passage: "Argument 2" and its claim, say."""

    label: str
    text: str
    #: The card section it is in (one of :data:`reader.render.SECTIONS`), linked back to.
    section: str
    #: The quoted words, for a quote: they are set in bold in the passage.
    quote: str | None = None


def citations(card: Card) -> dict[str, list[Citation]]:
    """Each distinct locator of ``card``, in the card's order, with the parts citing it."""
    found: dict[str, list[Citation]] = {}
    for n, point in enumerate(card.argument, start=1):
        if point.where:
            found.setdefault(point.where, []).append(
                Citation(f"Argument {n}", point.claim, "argument")
            )
    for rec in card.recommendations:
        if rec.where:
            label = f"Recommendation to {rec.to.strip()}"
            found.setdefault(rec.where, []).append(Citation(label, rec.action, "recommendations"))
    for quote in card.quotes:
        if quote.where:
            text = f"“{quote.text.strip()}”"
            found.setdefault(quote.where, []).append(Citation("Quote", text, "quotes", quote.text))
    return found


def evidence_anchor(card_id: str, entry: int | None = None) -> str:
    """The anchor of a card's evidence (``entry`` None) or of its ``entry``-th entry."""
    name = anchor_name(card_id, EVIDENCE)
    return name if entry is None else f"{name}-{entry}"


def evidence_links(card: Card) -> dict[str, str]:
    """Locator → the anchor of its entry, for every locator of ``card``."""
    return {where: evidence_anchor(card.id, n) for n, where in enumerate(citations(card), 1)}


def _style(theme: Theme) -> str:
    return f"""<style>
p.cited {{ -qt-user-state: {KEEP_WITH_NEXT}; color: {theme.muted}; margin-bottom: 3px;
           line-height: 135%; }}
p.intro {{ color: {theme.muted}; }}
p.where {{ color: {theme.muted}; font-size: 8pt; margin-bottom: 0px; line-height: 150%; }}
p.passage {{ margin-bottom: 0px; line-height: 140%; }}
td.where {{ padding-right: 12px; padding-bottom: 8px; }}
td.passage {{ padding-bottom: 8px; }}
table.passages {{ margin-top: 6px; }}
p.missing {{ color: {theme.muted}; font-style: italic; }}
</style>"""


def _marked(paragraph: Paragraph, quotes: Sequence[str]) -> str:
    """The paragraph as printed, escaped, with every occurrence of each quote in bold (found in
    its normalised text, whose offsets are those of the printed one)."""
    text, shown = paragraph.text, paragraph.shown or paragraph.text
    spans: list[tuple[int, int]] = []
    for quote in quotes:
        needle = normalise(quote)
        start = text.find(needle) if needle else -1
        while start >= 0:
            spans.append((start, start + len(needle)))
            start = text.find(needle, start + len(needle))
    out: list[str] = []
    done = 0
    for start, end in sorted(spans):
        if end <= done:
            continue
        start = max(start, done)
        out.append(escape(shown[done:start]) + "<b>" + escape(shown[start:end]) + "</b>")
        done = end
    out.append(escape(shown[done:]))
    return "".join(out)


def _passages(paragraphs: Sequence[Paragraph], quotes: Sequence[str]) -> str:
    rows = "".join(
        f'<tr><td class="where" style="white-space: nowrap;">'
        f'<p class="where">{escape(p.locator)}</p></td>'
        f'<td class="passage" width="100%"><p class="passage">{_marked(p, quotes)}</p>'
        "</td></tr>"
        for p in paragraphs
    )
    return f'<table class="passages" width="100%" cellspacing="0" cellpadding="0">{rows}</table>'


def _entry(card: Card, where: str, name: str, cited: Sequence[Citation], text: SourceText) -> str:
    parts = [f"<h3>{anchor(name)}{escape(where)}</h3>"]
    for c in cited:
        back = f'<a href="#{escape(anchor_name(card.id, c.section))}">{escape(c.label)}</a>'
        parts.append(f'<p class="cited">{back} · {inline(c.text)}</p>')
    found = text.resolve(where)
    if isinstance(found, str):
        parts.append(f'<p class="missing">This locator names no passage: {escape(found)}.</p>')
    else:
        parts.append(_passages(found, [c.quote for c in cited if c.quote]))
    return "".join(parts)


def render_evidence(card: Card, text: SourceText, theme: Theme) -> str:
    """The evidence appendix of ``card`` from its parsed source ``text``: a whole document."""
    cited = citations(card)
    links = evidence_links(card)
    src = card.source
    meta = [escape(src.publisher), escape(src.published.display())]
    if src.file:
        lines = f", lines {src.lines[0]}–{src.lines[1]}" if src.lines else ""
        meta.append(f"source text {escape(src.file)}{lines}")
    back = f'<a href="#{escape(anchor_name(card.id, "header"))}">Back to the card</a>'
    passages = f"The {plural(len(cited), 'passage')}" if len(cited) > 1 else "The passage"
    head = (
        f'<p class="label">{anchor(evidence_anchor(card.id))}EVIDENCE</p>'
        f"<h1>{inline(card.title)}</h1>"
        f'<p class="meta">{" · ".join(meta)}</p>'
        f'<p class="intro">{escape(INTRO.format(passages=passages))} {back}.</p>'
    )
    entries = [_entry(card, where, links[where], cited[where], text) for where in cited]
    title = escape(f"Evidence: {card.title}")
    body = head + "".join(entries)
    return f"<html><head><title>{title}</title>{_style(theme)}</head><body>{body}</body></html>"
