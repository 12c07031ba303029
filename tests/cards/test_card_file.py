"""The placeholder rule: a field still holding a new card's 'TODO: …' text is an error."""

from __future__ import annotations

from reader.cards.card_file import parse_card
from tests.conftest import DATA


def test_a_placeholder_is_an_error_at_its_field_instead_of_the_format_rule() -> None:
    text = (DATA / "good" / "full.yaml").read_text(encoding="utf-8")
    text = text.replace('published: "2023-02-09"', 'published: "TODO: the date"')
    card, problems = parse_card("full.yaml", text.encode(), frozenset({"russia-partnership"}))
    assert card is None
    assert [str(p) for p in problems] == [
        "full.yaml:8:14: error: `published`: placeholder text left — replace 'TODO: the date'"
    ]
