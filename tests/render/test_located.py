"""The card's evidence on screen: item anchors, locator links, health marks, the source line.

Paper keeps its own locators (tests/export); here the screen target, as Qt reads it.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtGui import QTextDocument, QTextDocumentFragment
from PySide6.QtWidgets import QApplication

from reader.qt.document import make_document
from reader.render import DARK, LIGHT
from reader.render.card import render_card
from reader.render.located import parse_cite
from reader.render.screen_evidence import ScreenEvidence
from reader.verify.health import NO_LOCATOR, ItemHealth, Mark
from reader.verify.sources import Availability, SourceStatus
from tests.render.conftest import INFO, fragments, make_card, visible_text

AVAILABLE = SourceStatus(Availability.AVAILABLE, Path("/sources/report.txt"))
HEALTH = {
    ("argument", 0): ItemHealth(Mark.VERIFIED),
    ("argument", 1): ItemHealth(Mark.SUSPECT, "argument 2 cites ¶2, but its claim matches ¶5 best"),
    ("recommendations", 0): ItemHealth(Mark.VERIFIED),
    ("recommendations", 1): NO_LOCATOR,
    ("recommendations", 2): ItemHealth(Mark.VERIFIED),
    ("quotes", 0): ItemHealth(Mark.VERIFIED),
}


def document(screen: ScreenEvidence | None, *, for_print: bool = False) -> QTextDocument:
    html = render_card(make_card(), INFO, theme=LIGHT, screen=screen, for_print=for_print)
    return make_document(html, LIGHT, 10.0, 700)


def screen(status: SourceStatus = AVAILABLE, health: object = HEALTH) -> ScreenEvidence:
    return ScreenEvidence(status, "sources/report.txt", health, LIGHT)  # type: ignore[arg-type]


def test_every_item_opens_with_its_anchor_on_screen_only(qapp: QApplication) -> None:
    names = [n for _, fmt in fragments(document(None)) for n in fmt.anchorNames()]
    items = [n for n in names if n.startswith("item-")]
    assert items == [
        "item-argument-0",
        "item-argument-1",
        "item-recommendations-0",
        "item-recommendations-2",  # grouped under its addressee, after the first
        "item-recommendations-1",
        "item-perspectives-1",  # by the set's topic order: "why" first
        "item-perspectives-0",
        "item-perspectives-2",
        "item-timeline-1",  # by date: 2020, May 2021, 24 May 2021
        "item-timeline-2",
        "item-timeline-0",
        "item-quotes-0",
    ]
    printed = document(screen(), for_print=True)
    assert not [n for _, f in fragments(printed) for n in f.anchorNames() if "item-" in n]


def test_locators_link_to_their_items_passage(qapp: QApplication) -> None:
    links = {
        text.replace("\u00a0", " "): fmt.anchorHref()
        for text, fmt in fragments(document(screen()))
        if fmt.anchorHref().startswith("cite:")
    }
    assert links == {
        "¶1": "cite:argument/0",
        "¶2": "cite:argument/1",
        "§V ¶1": "cite:recommendations/0",
        "§V ¶2": "cite:recommendations/2",
        "¶4": "cite:quotes/0",
    }
    texts = [t for t, f in fragments(document(screen())) if f.anchorHref().startswith("cite:")]
    assert "§V\u00a0¶1" in texts  # a place never breaks across lines
    assert parse_cite("argument/1") == ("argument", 1)
    assert parse_cite("summary/1") is None
    assert parse_cite("argument/x") is None


def test_each_item_carries_its_mark_with_the_reason_on_hover(qapp: QApplication) -> None:
    marks = [
        (text, QTextDocumentFragment.fromHtml(fmt.toolTip()).toPlainText())
        for text, fmt in fragments(document(screen()))
        if text in "✓⚠○"
    ]
    assert marks == [
        ("✓", "Verified against the source text"),
        ("⚠", "Suspect: argument 2 cites ¶2, but its claim matches ¶5 best"),
        ("✓", "Verified against the source text"),
        ("✓", "Verified against the source text"),
        ("○", "Unverifiable: no locator: nothing says where the source says it"),
        ("✓", "Verified against the source text"),
    ]


def test_no_marks_while_the_source_is_being_checked_nor_on_paper(qapp: QApplication) -> None:
    checking = visible_text(document(screen(health=None)))
    assert "Source text available" in checking
    assert not set("✓⚠○") & set(checking)
    printed = visible_text(document(screen(), for_print=True))
    assert not set("✓⚠○") & set(printed)
    assert "Source text available" not in printed


def test_the_header_says_where_the_source_is(qapp: QApplication) -> None:
    available = document(screen())
    assert "Source text available — report.txt" in visible_text(available)
    hrefs = {fmt.anchorHref() for _, fmt in fragments(available)}
    assert "source:show" in hrefs
    missing = document(screen(SourceStatus(Availability.NOT_FOUND)))
    assert "Source not found — sources/report.txt Locate…" in " ".join(
        visible_text(missing).split()
    )
    assert "source:locate" in {fmt.anchorHref() for _, fmt in fragments(missing)}
    none = ScreenEvidence(SourceStatus(Availability.NO_FILE), None, {}, DARK)
    html = render_card(make_card(), INFO, theme=DARK, screen=none)
    assert "No source file given" in visible_text(make_document(html, DARK, 10.0, 700))


def test_a_file_name_is_escaped_in_the_header(qapp: QApplication) -> None:
    hostile = ScreenEvidence(SourceStatus(Availability.NOT_FOUND), "<img src=x>.txt", {}, LIGHT)
    html = render_card(make_card(), INFO, theme=LIGHT, screen=hostile)
    assert "&lt;img src=x&gt;.txt" in html
    assert "<img" not in html


def test_a_reason_holding_markup_shows_as_text_on_hover(qapp: QApplication) -> None:
    """A reason quotes the source's words, which may hold anything; Qt would take a tooltip
    that looks like markup for rich text and load its images."""
    reason = 'the closest passage is: “<img src="file:///etc/passwd"> <b>x</b>”'
    health = {("argument", 0): ItemHealth(Mark.SUSPECT, reason)}
    tips = [f.toolTip() for t, f in fragments(document(screen(health=health))) if t == "⚠"]
    assert len(tips) == 1
    assert "<img" not in tips[0]
    assert "&lt;img" in tips[0]
    assert QTextDocumentFragment.fromHtml(tips[0]).toPlainText() == f"Suspect: {reason}"


def test_the_header_explains_the_marks_the_card_carries(qapp: QApplication) -> None:
    """Review N14: the ✓ ⚠ ○ after the locators were explained nowhere on the card."""
    text = " ".join(visible_text(document(screen())).split())
    assert "After a locator: ✓ found in the source · ⚠ suspect (hover it for why) · ○" in text
    clean = {key: ItemHealth(Mark.VERIFIED) for key in HEALTH}
    clean_text = visible_text(document(screen(health=clean)))
    assert "After a locator: ✓ found in the source" in clean_text
    assert "⚠" not in clean_text  # only the marks the card carries
    missing = screen(SourceStatus(Availability.NOT_FOUND), {k: NO_LOCATOR for k in HEALTH})
    assert "○ after a locator: it cannot be checked until the source text is found" in (
        " ".join(visible_text(document(missing)).split())
    )
    checking = visible_text(document(screen(health=None)))
    assert "After a locator" not in checking


def test_the_source_button_says_hide_while_the_source_is_shown(qapp: QApplication) -> None:
    """Review P3: "Show source ▸" kept its label with the source already beside the card."""
    opened = dataclasses.replace(screen(), shown=True)
    doc = document(opened)
    assert "Hide source ◂" in visible_text(doc)
    assert "Show source" not in visible_text(doc)
    assert "source:hide" in {fmt.anchorHref() for _, fmt in fragments(doc)}
    assert "Show source ▸" in visible_text(document(screen()))
