"""Copy with citation, as text: an item with its source and locator, plain and as Markdown."""

from __future__ import annotations

import dataclasses

from reader.cards.dates import PartialDate
from reader.cards.model import CardSet, Point, Quote, Recommendation
from reader.render.citation import Citation, citation, markdown_escape
from tests.render.conftest import make_card

CRISIS_GROUP = "crisis-group-mali-isolation-2023"
SOURCE = "International Crisis Group, Mali: Avoiding The Trap Of Isolation, 9 February 2023"
SOURCE_MD = "International Crisis Group, *Mali: Avoiding The Trap Of Isolation*, 9 February 2023"


def test_a_shipped_quote_in_quotation_marks_with_source_date_and_locator(shipped: CardSet) -> None:
    card = next(c for c in shipped.cards if c.id == CRISIS_GROUP)
    words = (
        "Western partners should not distil the growing opposition to their policies in Mali "
        "down to a Russian-led disinformation campaign."
    )
    assert citation(card, "quotes", 1) == Citation(
        f"“{words}” — {SOURCE}, §V ¶6", f"> “{words}”\n> — {SOURCE_MD}, §V ¶6\n"
    )


def test_a_point_is_its_claim_a_recommendation_its_addressee_and_action(shipped: CardSet) -> None:
    card = next(c for c in shipped.cards if c.id == CRISIS_GROUP)
    point = citation(card, "argument", 1)
    assert point is not None
    # A paraphrase: no quotation marks, which would pass the writer's words off as the source's.
    assert point.text == (
        "By binding itself to Moscow, Mali risks international isolation and entanglement in a "
        "major-power rivalry it cannot steer; Russia, with its military focus, will do no better "
        f"than France at solving problems that go well beyond jihadism. — {SOURCE}, §I ¶5"
    )
    assert point.markdown.startswith("> By binding itself to Moscow")
    assert point.markdown.endswith(f"\n> — {SOURCE_MD}, §I ¶5\n")
    rec = citation(card, "recommendations", 0)
    assert rec is not None
    assert rec.text == (
        f"To Mali and its partners: Work to rebuild more balanced diplomatic relations. — "
        f"{SOURCE}, ¶1"
    )


def test_the_sources_own_title_without_a_locator_and_one_line() -> None:
    card = make_card(
        recommendations=(Recommendation("Paris", "Stay\n  engaged.", None),),
        source=dataclasses.replace(
            make_card().source, title="A *starred*\ntitle", published=PartialDate(2023, 2)
        ),
    )
    assert citation(card, "recommendations", 0) == Citation(
        "To Paris: Stay engaged. — Crisis Watch, A *starred* title, February 2023",
        "> To Paris: Stay engaged.\n> — Crisis Watch, *A \\*starred\\* title*, February 2023\n",
    )


def test_markdown_shows_the_text_as_written() -> None:
    card = make_card(
        argument=(Point("1. Not a list_item, <b>nor</b> `code`", None, "¶2*"),),
        quotes=(Quote("# not a heading", None),),
    )
    point = citation(card, "argument", 0)
    assert point is not None
    assert point.text.startswith("1. Not a list_item, <b>nor</b> `code` — Crisis Watch")
    assert point.markdown.splitlines()[0] == (
        "> 1\\. Not a list\\_item, \\<b\\>nor\\</b\\> \\`code\\`"
    )
    assert point.markdown.splitlines()[1].endswith(", ¶2\\*")
    quote = citation(card, "quotes", 0)
    assert quote is not None
    assert quote.markdown.startswith("> “# not a heading”\n")
    assert markdown_escape("a\\b") == "a\\\\b"


def test_no_such_item() -> None:
    card = make_card()
    assert citation(card, "quotes", 1) is None
    assert citation(card, "argument", -1) is None
    assert citation(card, "timeline", 0) is None
