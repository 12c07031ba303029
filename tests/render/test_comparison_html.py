"""The comparison HTML: escaping of untrusted card text, stance colours, marks and layout."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QTextDocument, QTextFrame, QTextTable
from PySide6.QtWidgets import QApplication

from reader.analysis.ledger import recommendation_ledger
from reader.analysis.matrix import topic_matrix
from reader.analysis.side_by_side import RowKind, compare
from reader.analysis.timeline import merged_timeline
from reader.cards.model import Card, SetInfo
from reader.qt.document import make_document
from reader.render.comparison import (
    COMPARE_ANCHOR,
    LEDGER_ANCHOR,
    MATRIX_ANCHOR,
    NOT_ADDRESSED,
    STANCES_DIFFER,
    TIMELINE_ANCHOR,
    cell_html,
    comparison_html,
    ledger_anchor,
    ledger_html,
    matrix_column_html,
    matrix_detail_html,
    stance_badge,
    timeline_html,
    topic_matrix_html,
)
from reader.render.theme import DARK, LIGHT, Theme
from tests.analysis.compare_cards import TOPICS, generated_cards, make_card

INFO = SetInfo(title="T", topics=TOPICS, has_file=True)
EVIL = '<script>alert(1)</script><img src="http://evil.example/x.png"> & "q"'


def _evil_cards() -> list[Card]:
    return [
        make_card(
            "a",
            "2021",
            perspectives={"why": "critical"},
            recommendations=[(EVIL, EVIL)],
            tags=("x/<b>", EVIL),
            timeline=[("2020", EVIL)],
        ),
        make_card("b", "2022", perspectives={"why": EVIL}, timeline=[("2020", EVIL + " too")]),
    ]


def _all_documents(theme: Theme) -> list[str]:
    cards = _evil_cards()
    return [
        comparison_html(compare(cards, INFO), theme, include_argument=True, title=EVIL),
        topic_matrix_html(topic_matrix(cards, INFO), theme),
        ledger_html(recommendation_ledger(cards, {EVIL: (EVIL,)}), theme),
        timeline_html(merged_timeline(cards), theme),
    ]


@pytest.mark.parametrize("theme", [LIGHT, DARK])
def test_card_text_is_escaped_everywhere(theme: Theme) -> None:
    for html in _all_documents(theme):
        assert "<script" not in html.lower()
        assert "<img" not in html
        assert "x/<b>" not in html
        assert "&lt;script&gt;" in html or "&lt;SCRIPT&gt;" in html


def test_only_tag_links_are_emitted_in_the_window_and_none_on_paper() -> None:
    cards = _evil_cards()
    row = compare(cards, INFO).row("tags")
    assert row is not None
    screen = cell_html(row, 0, LIGHT, links=True)
    hrefs = re.findall(r'href="([^"]*)"', screen)
    assert hrefs
    assert all(h.startswith("tag:") for h in hrefs)
    assert "tag:x%2F%3Cb%3E" in hrefs
    assert "href" not in cell_html(row, 0, LIGHT, links=False)
    for html in _all_documents(LIGHT):
        assert "href=" not in html


@pytest.mark.parametrize("theme", [LIGHT, DARK])
def test_badges_use_the_themes_stance_colours(theme: Theme) -> None:
    swatch = theme.stance("critical")
    badge = stance_badge("critical", theme)
    assert swatch.background in badge
    assert swatch.text in badge
    assert theme.stance("skeptical").background in stance_badge("Skeptical ", theme)


def test_topic_cells_show_badge_and_view_or_not_addressed() -> None:
    cards = [
        make_card("a", "2021", perspectives={"why": "critical"}),
        make_card("b", "2022", perspectives={"impact": "mixed"}),
    ]
    row = compare(cards, INFO).row("topic:why")
    assert row is not None
    first = cell_html(row, 0, LIGHT)
    assert "critical" in first
    assert "a is critical on why." in first
    assert NOT_ADDRESSED in cell_html(row, 1, LIGHT)


def test_differing_stances_are_marked_on_the_page_and_identical_ones_are_not() -> None:
    cards = [
        make_card("a", "2021", perspectives={"why": "critical", "impact": "mixed"}),
        make_card("b", "2022", perspectives={"why": "supportive", "impact": "mixed"}),
    ]
    html = comparison_html(compare(cards, INFO), LIGHT)
    rows = html.split("<tr>")
    why = next(r for r in rows if "Why it happened" in r)
    impact = next(r for r in rows if "What it changed" in r)
    assert STANCES_DIFFER.upper() in why
    assert STANCES_DIFFER.upper() not in impact


def test_argument_rows_collapse_on_screen_and_expand_on_paper() -> None:
    cards = [make_card("a", "2021", points=3), make_card("b", "2022", points=1)]
    result = compare(cards, INFO)
    row = result.rows_of(RowKind.ARGUMENT)[0]
    assert "3 points" in cell_html(row, 0, LIGHT)
    assert "1 point " in cell_html(row, 1, LIGHT)
    assert "Claim 2 of a" in cell_html(row, 0, LIGHT, argument_expanded=True)
    assert "Claim 1 of a" not in comparison_html(result, LIGHT)
    assert "Claim 1 of a" in comparison_html(result, LIGHT, include_argument=True)


def test_recommendations_name_the_alias_a_card_used() -> None:
    info = SetInfo(title="T", actor_aliases={"Western partners": ("Paris",)})
    cards = [
        make_card("a", "2021", recommendations=[("Paris", "leave")]),
        make_card("b", "2022", recommendations=[("Western partners", "stay")]),
    ]
    row = compare(cards, info).rows_of(RowKind.RECOMMENDATIONS)[0]
    assert "As “Paris”" in cell_html(row, 0, LIGHT)
    assert "As “" not in cell_html(row, 1, LIGHT)


def test_a_wide_matrix_is_split_into_tables_with_a_key_of_blindspots() -> None:
    cards = generated_cards(25)
    matrix = topic_matrix(cards, INFO)
    html = topic_matrix_html(matrix, LIGHT, columns_per_table=10)
    assert html.count("<table") == 3 + 1  # three chunks of columns, then the key
    # #33: no Coverage column; each topic's counts are under its label, in every chunk.
    assert "Coverage" not in html
    for row in matrix.rows:
        assert html.count(f"{row.addressed} of 25 sources") == 3
    key = html.split("silent on</h3>")[1]
    blind = [c for c in matrix.columns if matrix.blindspots(c.id)]
    assert blind  # the generator leaves some
    for card in blind:
        entry = key.split(card.title)[1].split("</tr>")[0]
        assert all(t.label in entry for t in matrix.blindspots(card.id))


def test_the_topic_column_takes_the_room_few_sources_leave() -> None:
    few = topic_matrix_html(topic_matrix(generated_cards(3), INFO), LIGHT)
    many = topic_matrix_html(topic_matrix(generated_cards(10), INFO), LIGHT)
    assert '<th align="left" width="34%">Topic</th>' in few
    assert '<th align="left" width="22%">Topic</th>' in many


def test_a_few_matrix_columns_give_their_dates_in_full() -> None:
    """#33 on paper: "9 February 2023", not "9 Feb 2023", where the columns have room."""
    cards = [make_card("a", "2023-02-09"), make_card("b", "2023-07")]
    few = topic_matrix_html(topic_matrix(cards, INFO), LIGHT)
    assert "9&nbsp;February 2023" in few
    assert "July 2023" in few
    many = topic_matrix_html(topic_matrix([*cards, *generated_cards(8)], INFO), LIGHT)
    assert "9&nbsp;Feb&nbsp;2023" in many


def test_ledger_has_an_anchor_per_addressee() -> None:
    cards = [
        make_card("a", "2021", recommendations=[("Bamako", "x"), ("Paris", "y")]),
        make_card("b", "2022", recommendations=[("Bamako", "z")]),
    ]
    entries = recommendation_ledger(cards, {})
    html = ledger_html(entries, LIGHT)
    assert f'name="{ledger_anchor(0)}"' in html
    assert f'name="{ledger_anchor(1)}"' in html
    assert html.index("TO BAMAKO") < html.index("TO PARIS")
    assert "2 sources" in html


def test_timeline_shows_each_sources_wording_of_a_merged_event() -> None:
    cards = [
        make_card(
            "a", "2021", publisher="Alpha", timeline=[("2020-08", "A coup ousts the president")]
        ),
        make_card(
            "b",
            "2022",
            publisher="Beta",
            timeline=[("2020-08", "A coup ousts the president of Mali")],
        ),
    ]
    html = timeline_html(merged_timeline(cards), LIGHT)
    assert "August&nbsp;2020" in html  # a date never breaks across lines
    assert "Beta: “A coup ousts the president of Mali”" in html
    assert "Alpha, 2021<" in html
    assert "Beta, 2022<" in html


def test_the_timeline_names_its_sources_compactly_with_a_key_once() -> None:
    """#35: "Reported by" gives publisher and year, not the full date on every row (the full
    date where two sources would read alike); a key gives each source's title once."""
    events = [("2020-08", "A coup"), ("2021-05", "A second coup"), ("2022", "Elections")]
    cards = [
        make_card("a", "2023-02-09", publisher="Alpha", timeline=events),
        make_card("b", "2021-03", publisher="Beta", timeline=events[:1]),
        make_card("c", "2021-09", publisher="Beta", timeline=events[1:2]),
    ]
    html = timeline_html(merged_timeline(cards), LIGHT)
    table = html[html.index("<table") :]
    assert table.count("Alpha, 2023<") == 4  # its three events and its publication
    assert "Alpha, 9&nbsp;February" not in table
    assert "Beta, March&nbsp;2021<" in table  # two Beta sources of 2021
    key = html[: html.index("<table")]
    assert key.count("9&nbsp;February&nbsp;2023") == 1
    assert all(card.title in key for card in cards)


def test_matrix_detail_says_when_a_source_is_silent() -> None:
    card = make_card("a", "2021", perspectives={"why": "critical"})
    assert "critical" in matrix_detail_html(TOPICS[0], card, card.perspective("why"), LIGHT)
    assert "silent" in matrix_detail_html(TOPICS[1], card, None, DARK)


@pytest.mark.parametrize(
    ("published", "shown"),
    [("2016-11-14", "14&nbsp;Nov&nbsp;2016"), ("2021-09", "Sep&nbsp;2021"), ("2021", "2021")],
)
def test_matrix_columns_carry_a_short_unbreakable_date(published: str, shown: str) -> None:
    html = matrix_column_html(make_card("a", published, publisher="Alpha & Co"))
    assert f'<p class="loc">{shown}</p>' in html
    assert "Alpha &amp; Co" in html


def _paper_views(for_print: bool) -> dict[str, tuple[str, str]]:
    """Each whole-page view as the export asks for it (``for_print``), with its anchor."""
    cards = generated_cards(25)
    return {
        "compare": (
            comparison_html(compare(cards[:3], INFO), LIGHT, for_print=for_print),
            COMPARE_ANCHOR,
        ),
        "matrix": (
            topic_matrix_html(
                topic_matrix(cards, INFO), LIGHT, columns_per_table=10, for_print=for_print
            ),
            MATRIX_ANCHOR,
        ),
        "ledger": (
            ledger_html(recommendation_ledger(cards, {}), LIGHT, for_print=for_print),
            LEDGER_ANCHOR,
        ),
        "timeline": (
            timeline_html(merged_timeline(cards), LIGHT, for_print=for_print),
            TIMELINE_ANCHOR,
        ),
    }


def _title_anchors(doc: QTextDocument) -> list[str]:
    """The anchors Qt kept in the view's title, its first <h2>."""
    block = doc.begin()
    while block.blockFormat().headingLevel() != 2:
        block = block.next()
    names: list[str] = []
    it = block.begin()
    while not it.atEnd():
        names += it.fragment().charFormat().anchorNames()
        it += 1
    return names


def _head_rows(frame: QTextFrame) -> list[int]:
    """Per table, in document order: how many rows Qt repeats at the top of each page."""
    rows = []
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            rows.append(child.format().headerRowCount())
        rows += _head_rows(child)
    return rows


#: The tables of each view that open with a row of column heads: the compare page's cards,
#: the matrix's three tables of ten columns and its key, the timeline's; the ledger has none.
_HEADED = {"compare": [1], "matrix": [1, 1, 1, 1], "timeline": [1]}


@pytest.mark.parametrize("view", ["compare", "matrix", "ledger", "timeline"])
def test_on_paper_a_view_carries_its_anchor_at_the_title_and_repeats_its_table_heads(
    qapp: QApplication, view: str
) -> None:
    """What the export relies on, read from Qt's document: the contents and the outline
    jump to the anchor, and Qt repeats a table's head rows on each page it continues on.
    On screen neither is there, as before."""
    html, anchor = _paper_views(for_print=True)[view]
    doc = make_document(html, LIGHT, 10.0, for_print=True)
    assert _title_anchors(doc) == [anchor]
    heads = _head_rows(doc.rootFrame())
    assert heads == _HEADED.get(view, [0] * len(heads))
    assert heads
    screen = make_document(_paper_views(for_print=False)[view][0], LIGHT, 10.0)
    assert _title_anchors(screen) == []
    assert set(_head_rows(screen.rootFrame())) == {0}
