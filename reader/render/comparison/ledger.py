"""The recommendations ledger as HTML: every addressee, what each source tells it to do."""

from __future__ import annotations

from collections.abc import Sequence

from reader.analysis.ledger import LedgerEntry
from reader.cards.model import Recommendation
from reader.cards.query import fold
from reader.cards.wording import plural
from reader.render.comparison.common import PART, source_html
from reader.render.html import document, escape, inline, locator, view_title
from reader.render.theme import Theme

LEDGER_TITLE = "Recommendations by addressee"
#: Where the ledger's title is, on paper (card ids cannot start with "_").
LEDGER_ANCHOR = "_compare-ledger"


def ledger_sources_html(entry: LedgerEntry) -> str:
    """One addressee's recommendations, source by source, oldest first."""
    parts = []
    for source in entry.sources:
        card = source.card
        parts.append(f'<h3>{source_html(card)}</h3><p class="question">{inline(card.title)}</p>')
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
        parts.append(f"<li>{inline(rec.action)}{locator(rec.where)}</li>")
    return "".join(parts) + ("</ul>" if parts else "")


def ledger_anchor(index: int) -> str:
    return f"addressee-{index}"


def ledger_html(
    entries: Sequence[LedgerEntry],
    theme: Theme,
    *,
    title: str = LEDGER_TITLE,
    for_print: bool = False,
) -> str:
    """What each source says each addressee should do; named anchors per addressee.

    ``for_print`` adds :data:`LEDGER_ANCHOR` at the title, for the contents and the outline,
    and a :data:`PART` mark between addressees, where a long ledger may go on as a document of
    its own.
    """
    parts = [view_title(title, LEDGER_ANCHOR, for_print=for_print)]
    if not entries:
        parts.append('<p class="empty">None of these cards makes a recommendation.</p>')
    for i, entry in enumerate(entries):
        if for_print and i:
            parts.append(PART)
        others = [name for name in entry.names if fold(name) != fold(entry.addressee)]
        meta = plural(len(entry.sources), "source")
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
    return document(title, "".join(parts))
