"""Tag names from the set file's descriptions, and which tags a facet lists already."""

from __future__ import annotations

import pytest

from reader.cards.tag_labels import facet_repeats, facet_value_of, label_key, tag_label


@pytest.mark.parametrize(
    ("tag", "description", "label"),
    [
        (
            "country/cote-divoire",
            "Côte d'Ivoire, Mali's neighbour and an ECOWAS member",
            "Côte d'Ivoire",
        ),
        ("actor/ecowas", "The Economic Community of West African States (ECOWAS)", "ECOWAS"),
        (
            "actor/wagner",
            "The Wagner Group, a Russian private military company",
            "The Wagner Group",
        ),
        # An opening that does not name the tag, or is a sentence: the slug as words.
        ("actor", "Organisations, forces and groups that act in the sources", "Actor"),
        ("theme/foreign-aid", "Development, budget and humanitarian aid to Mali", "Foreign aid"),
        ("theme/coups", "The military coups of August 2020 and May 2021, and after", "Coups"),
        ("theme/human-rights", "", "Human rights"),
    ],
)
def test_a_tag_is_named_by_its_descriptions_opening_when_that_names_it(
    tag: str, description: str, label: str
) -> None:
    assert tag_label(tag, description) == label


def test_labels_sort_without_a_leading_the() -> None:
    names = ["The Wagner Group", "CMA", "The European Union"]
    assert sorted(names, key=label_key) == ["CMA", "The European Union", "The Wagner Group"]


def test_a_facet_tag_is_hidden_only_when_a_cards_field_says_the_same() -> None:
    tags = ["publisher", "publisher/crisis-group", "kind", "kind/report", "kind/podcast", "theme"]
    values = {"publisher": ["Crisis Group"], "kind": ["report"]}
    # kind/podcast names no card's kind: only the tag says it, so it stays, and so does "kind".
    assert facet_repeats(tags, values) == {"publisher", "publisher/crisis-group", "kind/report"}
    assert facet_value_of("publisher/crisis-group", values["publisher"]) == "Crisis Group"
    assert facet_value_of("theme/crisis-group", values["publisher"]) is None
