"""Search matches are highlighted the way search finds them, and only in visible text."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QApplication

from reader.cards.query import parse_search
from reader.qt.document import make_document
from reader.render import LIGHT
from reader.render.card import render_card
from reader.render.highlight import Marker
from tests.render.conftest import INFO, fragments, make_card

HL = LIGHT.highlight


def marked(text: str, search: str) -> list[str]:
    """The pieces of ``text`` that Marker wraps in a highlight."""
    html = Marker(parse_search(search), HL.background, HL.text)(text)
    return re.findall(r'<span style="background-color:[^"]*">(.*?)</span>', html)


@pytest.mark.parametrize(
    ("text", "search", "expected"),
    [
        ("Goïta's plan", "goita", ["Goïta"]),
        ("GOITA and goïta", "Goïta", ["GOITA", "goïta"]),
        ("Côte d'Ivoire", "cote", ["Côte"]),
        ("The WAGNER group", "wagner", ["WAGNER"]),
        ("new sanctions, sanctioned", "sanction", ["sanctions", "sanctioned"]),
        ("new sanctions", "anction", []),
        ("great power competition; a great deal of power", '"great power"', ["great power"]),
        ("great  power", '"great pow"', ["great  power"]),
        ("Mali, Russia", "mali russia", ["Mali", "Russia"]),
        ("Goi\u0308ta", "goita", ["Goïta"]),
        ("nothing here", "wagner", []),
    ],
)
def test_whole_words_that_start_with_a_term(text: str, search: str, expected: list[str]) -> None:
    assert marked(text, search) == expected


def test_highlighted_text_stays_escaped() -> None:
    html = Marker(parse_search("wagner"), HL.background, HL.text)('<b>Wagner</b> & "co"')
    assert html == (
        f'&lt;b&gt;<span style="background-color:{HL.background}; color:{HL.text};">'
        "Wagner</span>&lt;/b&gt; &amp; &quot;co&quot;"
    )


def test_without_terms_text_is_only_escaped() -> None:
    assert Marker()("a < b") == "a &lt; b"


@pytest.mark.parametrize(
    "search", ["span", "style", "href", "class", "background", "color", "amp", "nbsp", "tag"]
)
def test_terms_never_match_markup(search: str) -> None:
    card = make_card(title="A & B", summary="Plain words & more.", notes=None)
    html = render_card(card, INFO, theme=LIGHT, terms=parse_search(search))
    assert f"background-color:{HL.background}" not in html


def test_document_highlights_exactly_the_matching_words(qapp: QApplication) -> None:
    card = make_card(
        title="Goïta meets GOITA",
        summary="The [goita link](https://example.org/goita) and *Goïtas*.",
        thesis="No match here, nor in goitre? Yes: goitre starts with goit.",
    )
    html = render_card(card, INFO, theme=LIGHT, terms=parse_search("goit"))
    doc = make_document(html, LIGHT, 10.0)
    # Adjacent fragments (the title's anchor splits its first letter off) join into one run.
    flat = "".join(
        text if fmt.background().color().name() == HL.background else "|"
        for text, fmt in fragments(doc)
    )
    assert [run for run in flat.split("|") if run] == [
        "Goïta",
        "GOITA",
        "goitre",
        "goitre",
        "goit",
        "goita",
        "Goïtas",
        "Goïta",  # the actor row
    ]
    assert 'href="https://example.org/goita"' in html
