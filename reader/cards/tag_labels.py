"""Readable names for tags, from the descriptions a set file gives them.

A tag is a slug (``country/cote-divoire``) because it is typed into card files; the reader
wants the name ("Côte d'Ivoire"). ``cardset.yaml`` describes tags in sentences whose opening
usually *is* the name ("Côte d'Ivoire, Mali's neighbour and …", "The Coordination of Azawad
Movements (CMA), the coalition …"), so the label is that opening when it names the tag, and
the slug read as words otherwise ("Foreign aid"): a description that opens with something else
("Organisations, forces and groups…" for ``actor``) would mislabel the tag. No Qt here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from reader.cards.query import fold

#: Tag families that repeat a card field the browser already lists as a facet of its own.
FACET_FAMILIES = frozenset({"publisher", "kind"})
#: A longer opening is a sentence, not a name.
MAX_LABEL = 32
_CLAUSE_END = re.compile(r",\s|\s\(|:\s|;\s|\s[—–-]\s")
_PARENTHESIS = re.compile(r"\(([^()]{1,40})\)")


def _squashed(text: str) -> str:
    """Letters and digits only, folded: "Côte d'Ivoire" and "cote-divoire" both "cotedivoire"."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


def tag_label(tag: str, description: str = "") -> str:
    """The name to show for ``tag``'s last part, from its ``description`` when that opens
    with a short name containing the slug's letters, or names it in brackets ("(ECOWAS)")."""
    slug = tag.rsplit("/", 1)[-1]
    wanted = _squashed(slug)
    text = description.strip()
    if text and wanted:
        opening = _CLAUSE_END.split(text, maxsplit=1)[0].strip().rstrip(".")
        if len(opening) <= MAX_LABEL and wanted in _squashed(opening):
            return opening
        for bracketed in map(str, _PARENTHESIS.findall(text)):
            if _squashed(bracketed) == wanted:
                return bracketed.strip()
    words = slug.replace("-", " ").replace("_", " ")
    return words[:1].upper() + words[1:]


def label_key(label: str) -> str:
    """Where a label sorts: folded, a leading "The" ignored ("The Wagner Group" under W)."""
    key = fold(label)
    return key[4:] if key.startswith("the ") else key


def is_facet_tag(tag: str) -> bool:
    """Whether ``tag`` belongs to a family the browser shows as a facet (``publisher/…``,
    ``kind/…``)."""
    return tag.split("/", 1)[0] in FACET_FAMILIES


def facet_repeats(tags: Iterable[str], facet_values: Mapping[str, Iterable[str]]) -> set[str]:
    """The ``tags`` a facet lists already, so the browser shows them once: a ``publisher/…``
    or ``kind/…`` tag naming one of ``facet_values[family]`` (the cards' publishers, or kinds),
    and a family whose every tag is such. A tag naming a value no card's field has is kept:
    hiding it would lose what only the tag says."""
    tags = list(tags)
    values = {family: list(found) for family, found in facet_values.items()}
    repeated = {
        t
        for t in tags
        if "/" in t and facet_value_of(t, values.get(t.split("/")[0], ())) is not None
    }
    for family in FACET_FAMILIES:
        members = [t for t in tags if t.startswith(family + "/")]
        if family in tags and members and all(t in repeated for t in members):
            repeated.add(family)
    return repeated


def facet_value_of(tag: str, values: Iterable[str]) -> str | None:
    """The facet value a ``publisher/…`` or ``kind/…`` tag stands for among ``values`` (the
    set's publishers, or kinds), matched by letters: ``publisher/international-crisis-group``
    is "International Crisis Group". None for another tag, or a value no card has."""
    if not is_facet_tag(tag) or "/" not in tag:
        return None
    wanted = _squashed(tag.split("/", 1)[1])
    return next((v for v in values if _squashed(v) == wanted), None)
