"""The page the card view shows when no card is open: what this set is and how to move in it.

A new reader lands here first, so it says in a few lines what a policy analyst needs to get
going without documentation; the set's own description (light Markdown) follows.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple
from urllib.parse import quote, unquote

from reader.cards.query import Query
from reader.cards.set_info import SetInfo
from reader.cards.wording import plural
from reader.render import markdown_to_html
from reader.render.html import escape
from reader.verify.marks import Mark

CLEAR_FILTERS_HREF = "reader:clear-filters"
#: The command of a question's link on the overview: its topic's row in the Topic Matrix.
TOPIC_COMMAND = "topic/"


def topic_href(key: str) -> str:
    """The link of a set topic's question (the window opens the matrix at its row)."""
    return f"reader:{TOPIC_COMMAND}{quote(key, safe='')}"


def topic_of(command: str) -> str | None:
    """The topic key a ``reader:`` link's command names, or None for another command."""
    if not command.startswith(TOPIC_COMMAND):
        return None
    return unquote(command.removeprefix(TOPIC_COMMAND)) or None


class EvidenceTotals(NamedTuple):
    """How many points, quotes and recommendations of the set carry each health mark, and
    for how many cards a source text was found; ``done`` is false while they are counted (a
    named tuple, made as the window starts: see :class:`reader.render.sections.CardSection`)."""

    marks: Mapping[Mark, int] = MappingProxyType({})
    found: int = 0
    cards: int = 0
    done: bool = True

    @classmethod
    def checking(cls) -> EvidenceTotals:
        return cls(done=False)


def _evidence(totals: EvidenceTotals) -> str:
    """A line under the card count: the points, quotes and recommendations by health mark."""
    if not totals.done:
        line = "Evidence: checking every quote and locator against the source texts…"
    elif not totals.found:
        line = (
            f"Evidence: source texts not found for any of the {plural(totals.cards, 'card')}, "
            "so quotes and locators cannot be checked (○ after each). To check them, open a card "
            "and choose Locate… on its Source line."
        )
    else:
        marks = totals.marks
        line = (
            f"Evidence: ✓ {marks.get(Mark.VERIFIED, 0):,} verified · "
            f"⚠ {marks.get(Mark.SUSPECT, 0):,} suspect · "
            f"○ {marks.get(Mark.UNVERIFIABLE, 0):,} unverifiable "
            f"(source texts found for {totals.found:,} of {plural(totals.cards, 'card')})"
        )
    return f'<p class="meta">{escape(line)}</p>'


def _key(keys: Mapping[str, str], name: str) -> str:
    return f" ({keys[name]})" if keys.get(name) else ""


def overview_html(
    info: SetInfo,
    total: int,
    shown: int,
    query: Query,
    broken: int,
    keys: Mapping[str, str],
    evidence: EvidenceTotals | None = None,
) -> str:
    """``broken``: how many card files have errors (they are left out of the set). ``keys``:
    the keys of the commands the page names (``find``, ``find_next``, ``clear_search``,
    ``back``, ``forward``), as the window has them. ``evidence``: the set's health totals
    (None for a set without a sources folder: they are not worked out)."""
    key = {name: escape(text) for name, text in keys.items()}
    parts = [f"<h1>{escape(info.title)}</h1>"]
    meta = [plural(total, "card")]
    if broken:
        meta.append(f"{plural(broken, 'file')} with errors left out (see Problems)")
    parts.append(f'<p class="meta">{escape(" · ".join(meta))}</p>')
    if evidence is not None:
        parts.append(_evidence(evidence))
    if not query.is_empty():
        if shown:
            parts.append(
                f"<p>{plural(shown, 'card')} match {escape(query.describe())}. "
                "Choose one in the list to read it.</p>"
            )
        else:
            parts.append(
                f"<p>No card matches {escape(query.describe())}. "
                f'<a href="{CLEAR_FILTERS_HREF}">Clear all filters</a></p>'
            )
    elif total == 0:
        parts.append(
            "<p>This folder has no cards yet. Card files are YAML files "
            "(<code>*.yaml</code>) in the folder or below it; the list fills in as soon as "
            "one is saved.</p>"
        )
    else:
        parts.append("<p>Choose a card in the list to read it.</p>")
    if info.description and info.description.strip():
        parts.append(markdown_to_html(info.description))
    if info.topics:
        parts.append("<h2>Questions the cards answer</h2><ul>")
        parts.extend(
            f'<li><a href="{escape(topic_href(t.key))}">{escape(t.question or t.label)}</a></li>'
            for t in info.topics
        )
        parts.append(
            '</ul><p class="meta">Each question opens its row of the Topic Matrix: '
            "what every card says on it, side by side.</p>"
        )
    parts.append(
        "<h2>Getting around</h2><ul>"
        "<li><b>Tags</b> (left): click one to show only the cards that carry it, click more to "
        "narrow further; Ctrl+click hides the cards with that tag. A tag includes the tags "
        "nested under it.</li>"
        f"<li><b>Search</b> ({key['find']}): finds words anywhere in the cards, ignoring case "
        f"and accents; {key['find_next']} goes to the next match in the card, "
        f"{key['clear_search']} clears the search.</li>"
        f"<li><b>Back and Forward</b> ({key['back']}, {key['forward']}) retrace the cards and "
        "filters you visited.</li>"
        "<li><b>Sources</b>: click a locator in a card (¶4, §II ¶2) to read the passage it "
        f"cites beside the card; View › Source{_key(key, 'show_source')} opens the source "
        f"text, and {key.get('next_cited', 'Go › Next Cited Passage')} steps through the "
        "passages the card cites.</li>"
        "<li>Open another folder of cards with File › Open Set… or by dropping it on the "
        "window. Edits to the card files show up as soon as they are saved.</li>"
        "</ul>"
    )
    return "<html><body>" + "".join(parts) + "</body></html>"
