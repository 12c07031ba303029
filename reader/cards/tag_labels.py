"""Readable names for tags, from the descriptions a set file gives them.

A tag is a slug (``country/cote-divoire``) because it is typed into card files; the reader
wants the name ("Côte d'Ivoire"). ``cardset.yaml`` describes tags in sentences whose opening
usually *is* the name ("Côte d'Ivoire, Mali's neighbour and …", "The Coordination of Azawad
Movements (CMA), the coalition …"), so the label is that opening when it names the tag, and
the slug read as words otherwise ("Foreign aid"): a description that opens with something else
("Organisations, forces and groups…" for ``actor``) would mislabel the tag.

Read as words, a slug loses its capitals ("ecowas", "us-treasury", "g5-sahel"), so the words
are put back from what the set says elsewhere: a name the set file uses (its actors and
aliases) whose letters are the slug's is taken whole ("the United States" for
``united-states``), a word the set writes in capitals anywhere ("ECOWAS", "UN") is written so,
and a word that cannot be an English one (a digit in it, no vowel, or two or three letters
that are not a common short word: "g5", "cma", "us") is taken for an acronym.
:class:`TagNames` holds that knowledge for one set, so the sidebar, the card, the list, the
comparison and the PDF all give a tag the same name. No Qt here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from reader.cards.query import fold
from reader.cards.set_info import SetInfo

#: Tag families that repeat a card field the browser already lists as a facet of its own.
FACET_FAMILIES = frozenset({"publisher", "kind"})
#: A longer opening is a sentence, not a name.
MAX_LABEL = 32
_CLAUSE_END = re.compile(r",\s|\s\(|:\s|;\s|\s[—–-]\s")
_PARENTHESIS = re.compile(r"\(([^()]{1,40})\)")
#: A word written in capitals ("ECOWAS", "G5", "UN"): the set's own spelling of an acronym.
_CAPITALS = re.compile(r"\b[A-Z][A-Z0-9]+\b")
_SLUG_WORD = re.compile(r"[-_ ]+")
#: Two- and three-letter words a tag slug may hold that are words, not acronyms.
_SHORT_WORDS = frozenset(
    (
        *("a", "an", "and", "as", "at", "by", "de", "des", "du", "el", "en", "et", "for", "in"),
        *("is", "la", "le", "les", "of", "on", "or", "the", "to", "age", "aid", "air", "al"),
        *("art", "big", "end", "gas", "key", "law", "low", "new", "oil", "old", "red", "sea"),
        *("tax", "war"),
    )
)


def _squashed(text: str) -> str:
    """Letters and digits only, folded: "Côte d'Ivoire" and "cote-divoire" both "cotedivoire"."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


def _capitalised(name: str) -> str:
    """A name as a label starts: "the United States" heads a list as "The United States"."""
    return name[:1].upper() + name[1:]


def _is_acronym(word: str, capitals: frozenset[str]) -> bool:
    if word.upper() in capitals:
        return True
    if not word.isalnum() or word in _SHORT_WORDS:
        return False
    has_digit = any(ch.isdigit() for ch in word)
    has_vowel = any(ch in "aeiouy" for ch in word)
    return has_digit or (not has_vowel and len(word) <= 5) or len(word) <= 3


def slug_words(slug: str, capitals: frozenset[str] = frozenset()) -> str:
    """A slug read as words: the first capitalised, acronyms (see the module) in capitals,
    the rest as typed ("G5 Sahel" is the exception a name would make; "G5 sahel" reads)."""
    words = [w for w in _SLUG_WORD.split(slug) if w]
    shown = [
        w.upper() if _is_acronym(w, capitals) else (_capitalised(w) if n == 0 else w)
        for n, w in enumerate(words)
    ]
    return " ".join(shown)


def tag_label(
    tag: str,
    description: str = "",
    names: Mapping[str, str] | None = None,
    capitals: frozenset[str] = frozenset(),
) -> str:
    """The name to show for ``tag``'s last part, from its ``description`` when that opens
    with a short name containing the slug's letters, or names it in brackets ("(ECOWAS)");
    else a name of ``names`` (squashed letters → name) spelled with the slug's letters; else
    the slug as words (:func:`slug_words`, with the set's ``capitals``)."""
    slug = tag.rsplit("/", 1)[-1]
    wanted = _squashed(slug)
    text = description.strip()
    if text and wanted:
        opening = _CLAUSE_END.split(text, maxsplit=1)[0].strip().rstrip(".")
        if len(opening) <= MAX_LABEL and wanted in _squashed(opening):
            return _capitalised(opening)
        for bracketed in map(str, _PARENTHESIS.findall(text)):
            if _squashed(bracketed) == wanted:
                return bracketed.strip()
    if names and (name := names.get(wanted)):
        return _capitalised(name)
    return slug_words(slug, capitals)


class TagNames:
    """Every tag's label in one set, made once from what the set file says: its tag
    descriptions, the names in its ``actors:`` and the words it writes in capitals."""

    def __init__(
        self, descriptions: Mapping[str, str], names: Iterable[str] = (), texts: Iterable[str] = ()
    ) -> None:
        self.descriptions = descriptions
        names = list(names)
        self._names: dict[str, str] = {}
        for name in names:
            bare = name[4:] if fold(name).startswith("the ") else name
            self._names.setdefault(_squashed(bare), name)
        texts = [*names, *descriptions.values(), *texts]
        self._capitals = frozenset(w for text in texts for w in _CAPITALS.findall(text))
        self._labels: dict[str, str] = {}

    @classmethod
    def of(cls, info: SetInfo) -> TagNames:
        """The names ``info`` (a set file) gives: descriptions, actors and their aliases;
        its topics' words count for capitals too ("What does ECOWAS…")."""
        aliases = info.actor_aliases.items()
        names = [n for canonical, others in aliases for n in (canonical, *others)]
        texts = [t.label for t in info.topics] + [t.question for t in info.topics]
        texts += [info.title, info.description or ""]
        return cls(info.tag_descriptions, names, texts)

    def __call__(self, tag: str) -> str:
        """``tag``'s label: the last part's name (``actor/wagner`` is "The Wagner Group")."""
        label = self._labels.get(tag)
        if label is None:
            description = self.descriptions.get(tag, "")
            label = tag_label(tag, description, self._names, self._capitals)
            self._labels[tag] = label
        return label

    def description(self, tag: str) -> str:
        return self.descriptions.get(tag, "")


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
    # Each value squashed once, not once per tag: 36 tags against 17 publishers were 635
    # foldings of each catalog's first tag tree (a tenth of a warm open's list filling).
    squashed = {family: set(map(_squashed, found)) for family, found in facet_values.items()}
    repeated = {
        t
        for t in tags
        if is_facet_tag(t)
        and "/" in t
        and _squashed(t.split("/", 1)[1]) in squashed.get(t.split("/")[0], ())
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
