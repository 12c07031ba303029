"""Tag names from the set file's descriptions, and which tags a facet lists already."""

from __future__ import annotations

import pytest

from reader.cards.set_file import parse_set_file
from reader.cards.tag_labels import (
    TagNames,
    facet_repeats,
    facet_value_of,
    label_key,
    tag_label,
)
from tests.support.synthetic import set_file_text


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


def test_a_slug_read_as_words_keeps_its_acronyms_and_the_sets_spelling() -> None:
    # The fifty-card generated set's tags, named from what its set file says.
    info, problems = parse_set_file(set_file_text().encode(), "fifty")
    assert not problems
    names = TagNames.of(info)
    assert names("country/united-states") == "The United States"  # its description, capitalised
    assert names("actor/cma") == "CMA"
    assert names("actor/aes") == "AES"
    assert names("actor/us-treasury") == "US treasury"
    assert names("actor/un-security-council") == "UN security council"
    assert names("actor/g5-sahel") == "G5 sahel"
    # Words stay words: a short common one is not an acronym.
    assert names("theme/economy/foreign-aid") == "Foreign aid"
    assert names("region/gulf-of-guinea") == "Gulf of guinea"
    assert names("actor/wagner") == "Wagner"


def test_a_name_the_set_uses_is_taken_whole() -> None:
    names = TagNames({}, ["ECOWAS", "the Wagner Group"], ["What does MINUSMA leave behind?"])
    assert names("actor/ecowas") == "ECOWAS"
    assert names("actor/wagner-group") == "The Wagner Group"
    assert names("actor/minusma") == "MINUSMA"
    assert names("actor/minusma-mission") == "MINUSMA mission"
