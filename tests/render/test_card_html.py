"""The card as a briefing: sections, order, anchors, links and escaping, as Qt renders them."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from reader.cards.catalog import CardSummary, related
from reader.cards.dates import PartialDate
from reader.cards.model import (
    Actor,
    Card,
    CardSet,
    Perspective,
    Point,
    Quote,
    Recommendation,
    SetInfo,
    Source,
    TimelineEvent,
)
from reader.cards.tag_labels import TagNames
from reader.qt.document import make_document
from reader.render import DARK, LIGHT, SECTIONS, Theme, card_sections
from reader.render.card import NO_RECOMMENDATIONS, render_card
from tests.render.conftest import INFO, fragments, make_card, visible_text


def document(card: Card, **kwargs: object) -> QTextDocument:
    html = render_card(card, INFO, theme=LIGHT, **kwargs)  # type: ignore[arg-type]
    return make_document(html, LIGHT, 10.0, 700)


def anchors(doc: QTextDocument) -> list[str]:
    """The sections' anchors (on screen each item has one too: tests/render/test_located.py)."""
    names = [name for _, fmt in fragments(doc) for name in fmt.anchorNames()]
    return [name for name in names if not name.startswith("item-")]


def hrefs(doc: QTextDocument) -> set[str]:
    return {fmt.anchorHref() for _, fmt in fragments(doc) if fmt.isAnchor() and fmt.anchorHref()}


def test_every_section_has_a_named_anchor_qt_keeps(qapp: QApplication) -> None:
    doc = document(make_card())
    assert anchors(doc) == [f"test-card--{section}" for section in SECTIONS]


def test_headings_carry_heading_levels_for_an_outline(qapp: QApplication) -> None:
    doc = document(make_card())
    levels: dict[str, int] = {}
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            levels[block.text()] = block.blockFormat().headingLevel()
        block = block.next()
    assert levels["Goïta and the junta"] == 1
    for name in ("Summary", "Argument", "Recommendations", "Perspectives", "Timeline", "Tags"):
        assert levels[name] == 2
    assert levels["To Bamako"] == 3


def test_empty_sections_are_left_out(qapp: QApplication) -> None:
    card = make_card(
        recommendations=(), perspectives=(), actors=(), timeline=(), quotes=(), notes=None
    )
    doc = document(card)
    assert anchors(doc) == [
        "test-card--header",
        "test-card--thesis",
        "test-card--summary",
        "test-card--argument",
        "test-card--recommendations",
        "test-card--tags",
    ]
    text = visible_text(doc)
    for heading in ("Perspectives", "Actors", "Timeline", "Quotes", "Notes"):
        assert heading not in text
    assert NO_RECOMMENDATIONS in text


def test_header_shows_source_facts_at_their_precision(qapp: QApplication) -> None:
    text = visible_text(document(make_card()))
    assert "Crisis Watch · February 2023 · Report" in text
    assert "By Ana Author and Ben Writer" in text
    assert "Source: The source's own title" in text


def test_header_leaves_out_what_the_source_lacks(qapp: QApplication) -> None:
    card = make_card()
    source = Source(publisher="Desk", published=PartialDate(2021), title=card.title)
    text = visible_text(document(dataclasses.replace(card, source=source)))
    assert "Desk · 2021" in text
    assert "By " not in text
    assert "Source:" not in text


def test_recommendations_grouped_by_addressee_in_first_seen_order(qapp: QApplication) -> None:
    text = visible_text(document(make_card()))
    assert text.count("To Bamako") == 1
    order = [
        text.index(s)
        for s in (
            "To Bamako",
            "Talk to neighbours.",
            "Hold elections.",
            "To Paris",
            "Stay engaged.",
        )
    ]
    assert order == sorted(order)


def test_perspectives_follow_the_sets_topic_order(qapp: QApplication) -> None:
    text = visible_text(document(make_card()))
    order = [
        text.index(s)
        for s in (
            "Why it happened",
            "Why did the junta turn to Russia?",
            "skeptical",
            "Leverage more than need.",
            "What comes next",
            "critical",
            "unlisted-topic",
            "quizzical",
        )
    ]
    assert order == sorted(order)


def test_stance_badges_take_the_themes_colours(qapp: QApplication) -> None:
    for theme in (LIGHT, DARK):
        html = render_card(make_card(), INFO, theme=theme)
        doc = make_document(html, theme, 10.0)
        colours = {
            text.strip(): fmt.background().color().name()
            for text, fmt in fragments(doc)
            if text.strip() in ("critical", "skeptical", "quizzical")
        }
        assert colours == {
            "critical": theme.stance("critical").background,
            "skeptical": theme.stance("skeptical").background,
            "quizzical": theme.stance_fallback.background,
        }


def test_timeline_sorted_with_dates_at_their_precision(qapp: QApplication) -> None:
    text = visible_text(document(make_card()))
    order = [text.index(s) for s in ("2020", "May 2021", "24 May 2021", "Second coup.")]
    assert order == sorted(order)
    assert text.index("May, month precision.") < text.index("Second coup.")


def test_argument_is_numbered_with_support_and_locators(qapp: QApplication) -> None:
    text = visible_text(document(make_card()))
    assert "1\nFirst claim.\nEvidence for it. ¶1" in text.replace("\u2003", " ")
    assert "2\nSecond claim without support. ¶2" in text.replace("\u2003", " ")


def test_links_screen_and_print(qapp: QApplication) -> None:
    card = make_card()
    other = dataclasses.replace(card, id="other card", title="Other")
    rel = [(CardSummary.of(other), 2)]
    screen = hrefs(document(card, related=rel))
    assert {"tag:country%2Fmali", "tag:actor%2Fwagner", "tag:theme%2Fsanctions"} <= screen
    assert "card:other%20card" in screen
    assert "https://example.org/report" in screen
    assert "https://example.org/x" in screen
    printed = hrefs(document(card, related=rel, for_print=True))
    assert printed == {"https://example.org/report", "https://example.org/x"}
    assert "Related cards" not in visible_text(document(card, related=rel, for_print=True))


def test_related_footer_lists_titles_and_shared_tags(qapp: QApplication) -> None:
    card = make_card()
    one = dataclasses.replace(card, id="one", title="One shared")
    rel = [(CardSummary.of(one), 1), (CardSummary.of(dataclasses.replace(one, id="two")), 3)]
    text = visible_text(document(card, related=rel))
    assert "Related cards" in text
    assert "Crisis Watch · February 2023 · 1 shared tag\n" in text
    assert "3 shared tags" in text


def test_source_url_must_be_web(qapp: QApplication) -> None:
    card = make_card()
    source = dataclasses.replace(card.source, url="javascript:alert(1)")
    doc = document(dataclasses.replace(card, source=source))
    assert not any(h.startswith("javascript") for h in hrefs(doc))


HOSTILE = "<b>Q3 & <i>co</i>"


def hostile_card() -> Card:
    """Every text field holds markup that must show as text."""
    return make_card(
        title=HOSTILE,
        source=Source(
            publisher=HOSTILE,
            published=PartialDate(2023),
            title=HOSTILE + " (source)",
            authors=(HOSTILE,),
            kind="report",
        ),
        thesis=HOSTILE,
        summary=HOSTILE,
        argument=(Point(HOSTILE, HOSTILE, HOSTILE),),
        recommendations=(Recommendation(HOSTILE, HOSTILE, HOSTILE),),
        perspectives=(Perspective("why", HOSTILE, HOSTILE),),
        actors=(Actor(HOSTILE, HOSTILE),),
        timeline=(TimelineEvent(PartialDate(2020), HOSTILE),),
        quotes=(Quote(HOSTILE, HOSTILE),),
        notes=HOSTILE,
        tags=(HOSTILE,),
    )


def test_a_tag_shows_the_name_the_sidebar_gives_it_and_its_slug_on_hover(
    qapp: QApplication,
) -> None:
    info = SetInfo(
        "Set",
        tag_descriptions={"actor/wagner": "The Wagner Group, a Russian private military company"},
        actor_aliases={"ECOWAS": ("the Economic Community",)},
    )
    card = dataclasses.replace(
        hostile_card(), title="T", tags=("actor/wagner", "actor/ecowas", "theme/g5-sahel")
    )
    doc = make_document(render_card(card, info, theme=LIGHT), LIGHT, 10.0)
    chips = {
        text.strip("\u00a0").replace("\u00a0", " "): fmt.toolTip()
        for text, fmt in fragments(doc)
        if fmt.toolTip()
    }
    assert chips == {
        "The Wagner Group": "actor/wagner",
        "ECOWAS": "actor/ecowas",
        "G5 sahel": "theme/g5-sahel",
    }
    assert "actor/wagner" not in visible_text(doc)


def test_markup_in_every_field_shows_as_text(qapp: QApplication) -> None:
    card = hostile_card()
    rel = [(CardSummary.of(card), 1)]
    html = render_card(card, INFO, theme=LIGHT, related=rel)
    assert "<b>Q3" not in html
    assert "<i>co" not in html
    doc = make_document(html, LIGHT, 10.0)
    # title, publisher, source title, author, thesis, summary, claim, support, locator, addressee,
    # action, its locator, stance, view, actor, role, event, quote, its locator, notes, and the
    # related footer's title and publisher; the tag shows its name, its last part ("I>"), and
    # the whole tag is the chip's tooltip
    assert visible_text(doc).count(HOSTILE) == 22
    assert {fmt.toolTip() for text, fmt in fragments(doc) if "I>" in text} == {HOSTILE}
    # Parsed markup would have split "Q3 & " and "co" into fragments of their own.
    assert not {"Q3 & ", "co"} & {text for text, _ in fragments(doc)}
    assert doc.metaInformation(QTextDocument.MetaInformation.DocumentTitle) == HOSTILE


def _shown_in(text: str) -> Callable[[str], bool]:
    return lambda s: " ".join(s.split()) in text


def test_every_shipped_card_renders_its_content(qapp: QApplication, shipped: CardSet) -> None:
    summaries = [CardSummary.of(c) for c in shipped.cards]
    for card in shipped.cards:
        rel = related(card.id, summaries)
        html = render_card(card, shipped.info, theme=LIGHT, related=rel)
        doc = make_document(html, LIGHT, 10.0, 700)
        shown = _shown_in(" ".join(visible_text(doc).split()))

        assert shown(card.title)
        assert shown(card.source.published.display())
        assert shown(card.thesis)
        assert all(shown(p.claim) for p in card.argument)
        assert all(shown(p.support) for p in card.argument if p.support)
        assert all(shown(f"To {r.to}") and shown(r.action) for r in card.recommendations)
        for persp in card.perspectives:
            topic = shipped.info.topic(persp.topic)
            assert topic is not None
            assert shown(topic.label)
            assert shown(persp.view)
        assert all(shown(a.name) for a in card.actors)
        assert all(shown(e.event) for e in card.timeline)
        assert all(shown(f"“{q.text}”") for q in card.quotes)
        names = TagNames.of(shipped.info)
        assert all(shown(names(t)) for t in card.tags)
        assert all(shown(s.title) for s, _ in rel)
        assert anchors(doc) == [
            f"{card.id}--{s}"
            for s in SECTIONS
            if s != "notes" or card.notes
            if s not in ("actors", "timeline", "quotes") or getattr(card, s)
        ]


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_shipped_card_uses_theme_colours(
    qapp: QApplication, shipped: CardSet, theme: Theme
) -> None:
    doc = make_document(render_card(shipped.cards[0], shipped.info, theme=theme), theme, 10.0)
    colours = {fmt.foreground().color().name() for _, fmt in fragments(doc)}
    assert {theme.text, theme.accent, theme.muted} <= colours


def test_notes_take_the_same_safe_markdown(qapp: QApplication) -> None:
    card = make_card(notes="`published` is *inferred*. <b>raw</b> ![x](file:///etc/passwd)")
    html = render_card(card, INFO, theme=LIGHT)
    assert "<code>published</code>" in html
    assert "<em>inferred</em>" in html
    assert "&lt;b&gt;raw&lt;/b&gt;" in html
    assert "<img" not in html


@pytest.mark.parametrize(
    "card_id", ["mali-wagner-leverage-2021", "crisis-group-mali-isolation-2023"]
)
def test_dates_and_chips_never_break_inside(
    qapp: QApplication, shipped: CardSet, card_id: str
) -> None:
    card = shipped.card(card_id)
    assert card is not None
    # The date column sizes to its dates; a fixed share of the width broke "30 September 2021".
    doc = make_document(render_card(card, shipped.info, theme=LIGHT), LIGHT, 10.0, 600)
    doc.size()  # lays the document out
    dates = {e.date.display() for e in card.timeline}
    date_lines: dict[str, int] = {}
    chip_line_ends: list[str] = []
    labels = [TagNames.of(shipped.info)(t) for t in card.tags]
    block = doc.begin()
    while block.isValid():
        text = block.text()
        clean = text.replace("\u00a0", " ").replace("\u2060", "")
        if clean in dates:
            date_lines[clean] = block.layout().lineCount()
        if all(label in clean for label in labels):
            layout = block.layout()
            for line in (layout.lineAt(i) for i in range(layout.lineCount())):
                end = text[: line.textStart() + line.textLength()]
                chip_line_ends.append(end.replace("\u00a0", " ").replace("\u2060", "").rstrip())
        block = block.next()
    assert set(date_lines) == dates
    assert set(date_lines.values()) == {1}
    assert len(chip_line_ends) > 1
    assert not [e for e in chip_line_ends if not e.endswith(tuple(labels))]


def _headings(doc: QTextDocument) -> list[str]:
    """The text of every section heading the card prints: its title, THESIS, each <h2>."""
    found = []
    block = doc.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level in (1, 2) or block.text() == "THESIS":
            found.append(block.text())
        block = block.next()
    return found


@pytest.mark.parametrize("for_print", [False, True], ids=["screen", "paper"])
@pytest.mark.parametrize(
    "changes",
    [{}, {"summary": " ", "perspectives": (), "actors": (), "quotes": (), "notes": "\n"}],
    ids=["every-section", "some-left-out"],
)
def test_the_section_list_is_what_the_card_shows(
    qapp: QApplication, for_print: bool, changes: dict[str, object]
) -> None:
    """The export bookmarks a card from card_sections: each entry's anchor must be one Qt
    keeps, on paper too, and each label the heading the card prints, in the same order."""
    card = make_card(**changes)
    sections = card_sections(card)
    doc = document(card, for_print=for_print)
    assert anchors(doc) == [s.anchor for s in sections]
    assert [s.key for s in sections] == [key for key in SECTIONS if key not in changes]
    header, thesis, *parts = sections
    assert _headings(doc) == [card.title, thesis.label.upper(), *(p.label for p in parts)]
    assert header.label == card.title
    assert [s.label for s in parts] == [key.capitalize() for key in (s.key for s in parts)]


@pytest.mark.parametrize("width", [620, 480])
def test_a_long_actor_name_takes_two_lines_not_four(
    qapp: QApplication, shipped: CardSet, width: int
) -> None:
    """Review P5: a fixed 30 % column set "Independent Election Management Authority" on four
    lines in the card pane."""
    card = shipped.card("crisis-group-mali-isolation-2023")
    assert card is not None
    doc = make_document(render_card(card, shipped.info, theme=LIGHT), LIGHT, 10.0, width)
    doc.size()  # lays the document out
    block = doc.begin()
    lines = {}
    while block.isValid():
        if block.text() == "Independent Election Management Authority":
            lines[block.text()] = block.layout().lineCount()
        block = block.next()
    assert lines == {"Independent Election Management Authority": 2}
