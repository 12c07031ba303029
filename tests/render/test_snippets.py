"""A search's matches in a card and the snippet around the first (the card list's results)."""

from __future__ import annotations

from dataclasses import replace

from reader.cards.model import SetInfo
from reader.cards.query import parse_search
from reader.render.snippets import SNIPPET_CHARS, card_hit
from tests.analysis.compare_cards import make_card


def test_the_snippet_is_cut_at_words_around_the_first_match_after_the_title() -> None:
    words = " ".join(f"word{n}" for n in range(60))
    card = replace(
        make_card("a", "2021"), title="Goïta in the title", summary=f"{words} Goïta {words}"
    )
    hit = card_hit(card, parse_search("goita"), SetInfo("A set"))
    assert hit.count == 2  # the title's match counts; the snippet skips it
    assert hit.snippet.startswith("…word")
    assert hit.snippet.endswith("…")
    assert len(hit.snippet) <= SNIPPET_CHARS + 2
    assert [hit.snippet[a:b] for a, b in hit.spans] == ["Goïta"]
    assert " word" in hit.snippet  # whole words only
    assert card_hit(card, parse_search("absent"), SetInfo("A set")).count == 0
