"""The editor's checks are the loader's, for a file of the open set, placed at field paths."""

from __future__ import annotations

from pathlib import Path

from reader.cards.catalog import MemoryCatalog
from reader.cards.load import load_set
from reader.ui.editor.validation import check_in_set, check_text

CARD = """\
format: briefing-card/1
id: {id}
title: A card
source:
  publisher: Someone
  published: "2023-13"
thesis: T
summary: S
argument:
  - claim: C
  - support: no claim here
tags: [x]
perspectives:
  - topic: no-such-topic
    stance: mixed
    view: V
"""


def test_problems_are_placed_at_the_paths_they_concern(card_set: Path) -> None:
    catalog = MemoryCatalog(load_set(card_set))
    path = card_set / "sub" / "new.yaml"
    verdict = check_in_set(catalog, path, CARD.format(id="mali-sanctions-2023"))
    assert {p.path for p in verdict.problems} == {"sub/new.yaml"}
    messages = {key: [p.message for p in found] for key, found in verdict.at.items()}
    assert messages[("argument", 1)] == ["argument point 2 is missing the required field `claim`"]
    assert list(messages) == [("argument", 1)]  # the loader stops at the schema's errors
    assert verdict.summary() == "1 error — the card is left out of the list until it is fixed"


def test_an_id_another_card_of_the_set_uses_is_an_error_at_the_id(card_set: Path) -> None:
    catalog = MemoryCatalog(load_set(card_set))
    text = (card_set / "mali-sanctions-2023.yaml").read_text(encoding="utf-8")
    assert check_in_set(catalog, card_set / "mali-sanctions-2023.yaml", text).problems == ()
    verdict = check_in_set(catalog, card_set / "copy.yaml", text)
    ((path, (problem,)),) = verdict.at.items()
    assert path == ("id",)
    assert problem.message.startswith(
        "duplicate id 'mali-sanctions-2023': mali-sanctions-2023.yaml uses it already"
    )


def test_the_checks_after_the_schema_are_placed_too(card_set: Path) -> None:
    catalog = MemoryCatalog(load_set(card_set))
    text = CARD.format(id="fresh").replace("  - support: no claim here\n", "")
    verdict = check_in_set(catalog, card_set / "new.yaml", text)
    messages = {key: [p.message for p in found] for key, found in verdict.at.items()}
    assert list(messages) == [("source", "published"), ("perspectives", 0, "topic")]
    assert messages[("perspectives", 0, "topic")][0].startswith(
        "topic 'no-such-topic' is not defined in cardset.yaml"
    )


def test_text_that_is_not_yaml_has_its_problem_on_the_card() -> None:
    verdict = check_text("new.yaml", "id: [open\n", None)
    assert list(verdict.at) == [()]
    assert verdict.errors
