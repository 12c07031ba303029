"""The card's evidence on screen: its source's status, live locators, each item's health mark.

With a :class:`ScreenEvidence` the header says whether the source text is available (with a
button that shows it, or a Locate… link), every locator is a ``cite:`` link to its passage
(:func:`reader.render.located.cite_href`), and every item carries its mark from
:func:`reader.verify.health.card_health`: ✓ verified, ⚠ suspect (the reason in its tooltip),
○ unverifiable. On screen only: paper keeps its own locators (``reader.render.evidence``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath

from reader.render.html import Mark, escape, pill, swatch_style, unbroken
from reader.render.located import cite_href, mark_tooltip
from reader.render.theme import Theme
from reader.render.tooltips import safe_tooltip
from reader.verify.health import ItemHealth
from reader.verify.marks import Mark as Health
from reader.verify.sources import Availability, SourceStatus

#: The header's links: show the source pane, choose the folder that holds the source.
SHOW_SOURCE_HREF = "source:show"
HIDE_SOURCE_HREF = "source:hide"
LOCATE_SOURCE_HREF = "source:locate"

#: Each mark's sign, and the stance family whose colour it takes (green, orange, grey).
_SIGNS = {Health.VERIFIED: "✓", Health.SUSPECT: "⚠", Health.UNVERIFIABLE: "○"}
_COLOURS = {Health.VERIFIED: "supportive", Health.SUSPECT: "skeptical"}
#: Under the Source line: what the marks after the locators mean (review N14). A missing
#: source text marks every item ○, which nothing else on the card explained.
#: Only the marks the card carries are explained: a clean card's line shows no ⚠.
_LEGEND = {
    Health.VERIFIED: "✓ found in the source",
    Health.SUSPECT: "⚠ suspect (hover it for why)",
    Health.UNVERIFIABLE: "○ cannot be checked",
}
_LEGEND_MISSING = "○ after a locator: it cannot be checked until the source text is found"


@dataclass(frozen=True, slots=True)
class ScreenEvidence:
    """What the card view shows of the card's source; ``health`` is None while it is being
    checked (the marks come when it is done)."""

    status: SourceStatus
    file: str | None
    health: Mapping[tuple[str, int], ItemHealth] | None
    theme: Theme
    #: Whether the source pane is open: the header's button then closes it.
    shown: bool = False

    def source_line(self) -> str:
        """The header's line about the source text, with its button or its Locate… link."""
        # Available: the file's name; missing: the whole name the card gives, to look for.
        name = escape(PurePath(self.file).name) if self.file else ""
        wanted = escape(self.file or "")
        availability = self.status.availability
        legend = self._legend(availability is Availability.AVAILABLE)
        if availability is Availability.AVAILABLE:
            label, href = (
                ("Hide source ◂", HIDE_SOURCE_HREF)
                if self.shown
                else ("Show source ▸", SHOW_SOURCE_HREF)
            )
            button = pill("chip", swatch_style(self.theme.chip), unbroken(label))
            return (
                f'<p class="meta">Source text available — {name}&nbsp;&nbsp; '
                f'<a href="{href}">{button}</a>{legend}</p>'
            )
        if availability is Availability.NO_FILE:
            return '<p class="meta">No source file given</p>'
        locate = f'<a href="{LOCATE_SOURCE_HREF}">Locate…</a>'
        if availability is Availability.UNREADABLE:
            why = escape(self.status.reason)
            return f'<p class="meta">Source {wanted} cannot be read ({why}) — {locate}{legend}</p>'
        return f'<p class="meta">Source not found — {wanted}&nbsp; {locate}{legend}</p>'

    def _legend(self, available: bool) -> str:
        """What the marks mean, on a line of its own under the Source line, once the card's
        items carry marks: the Source line is the one place every card shows them from."""
        if not self.health:
            return ""
        if available:
            present = {health.mark for health in self.health.values()}
            shown = [words for mark, words in _LEGEND.items() if mark in present]
            text = "After a locator: " + " · ".join(shown)
        else:
            text = _LEGEND_MISSING
        return f'<br /><span class="loc">{escape(text)}</span>'

    def locator(self, field: str, index: int, where: str | None, mark: Mark) -> str:
        """An item's locator as a link to its passage, then its mark, after its text. A place
        (``§III ¶3``) never breaks across lines; a list may, after its commas."""
        link = ""
        if where:
            places = ", ".join(unbroken(place) for place in where.split(", "))
            link = f'<a href="{escape(cite_href(field, index))}">{mark(places)}</a>'
        return f'&#8195;<span class="loc">{link}</span>{self.mark(field, index)}'

    def mark(self, field: str, index: int) -> str:
        """The item's health mark, its reason as a tooltip ("" while it is being checked)."""
        health = self.health.get((field, index)) if self.health is not None else None
        if health is None:
            return ""
        family = _COLOURS.get(health.mark)
        colour = self.theme.stance(family).text if family else self.theme.muted
        title = escape(safe_tooltip(mark_tooltip(health)))
        sign = _SIGNS[health.mark]
        return f'&nbsp;<span class="health" style="color:{colour};" title="{title}">{sign}</span>'
