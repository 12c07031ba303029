"""Synthetic card sets of any size, for benchmarks and scale tests.

The shipped set has three cards; a team's library has thousands. To measure the index, the
window and the PDF export at that scale without shipping megabytes of cards, this module
writes N valid, realistic cards (about 3.4 KB each on average, like a hand-written card
without its longest lists) and a ``cardset.yaml`` whose topics, tag descriptions and actor
aliases they use. The output is a pure function of ``n`` and ``seed``: the same call writes
byte-identical files on every machine, so numbers from different runs compare.

Realistic means: a nested tag vocabulary (``theme/security/counterterrorism``), skewed so a
few tags are common and most are rare; accented names (Goïta, Côte d'Ivoire) so search must
fold accents; dates at year, month and day precision; optional fields present or absent; and
prose built from a shared vocabulary plus a long tail of 4,000 place names, so that search
terms hit anywhere from one card to most.

Use from Python (``write_set(folder, 1000, seed=7)``) or from a shell::

    python -m tests.support.synthetic FOLDER N [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.cards.model import CARD_FORMAT, KINDS, SET_FILE, SET_FORMAT
from reader.cards.query import fold

TOPICS = (
    ("why-partners", "Why partners change", "Why do governments in the region change their "
     "security partners: need, domestic politics, or leverage?"),
    ("security-impact", "Security impact", "Has the new security partnership improved security?"),
    ("western-response", "How the West should respond", "How should Western governments respond "
     "to the region's turn toward new partners?"),
    ("transition-democracy", "Transitions and democracy", "What does the source say about "
     "military-led transitions, elections and a return to civilian rule?"),
    ("civilian-harm", "Civilian harm", "What harm to civilians and what abuses does the source "
     "report or foresee?"),
    ("regional-relations", "Regional relations", "How do neighbours and regional bodies figure?"),
    ("economy-aid", "Economy and aid", "What happens to aid, trade, gold and the budget?"),
    ("great-power-framing", "Great-power framing", "Is the region best read as a front in a "
     "rivalry between great powers?"),
)  # fmt: skip
STANCES = ("supportive", "skeptical", "critical", "mixed", "neutral", "concerned", "hopeful",
           "alarmed", "ambivalent", "cautiously optimistic")  # fmt: skip

COUNTRIES = (
    ("mali", "Mali"), ("niger", "Niger"), ("burkina-faso", "Burkina Faso"),
    ("cote-divoire", "Côte d'Ivoire"), ("senegal", "Sénégal"), ("guinea", "Guinée"),
    ("chad", "Tchad"), ("mauritania", "Mauritanie"), ("benin", "Bénin"), ("togo", "Togo"),
    ("cameroon", "Cameroun"), ("central-african-republic", "République centrafricaine"),
    ("libya", "Libya"), ("sudan", "Sudan"), ("russia", "Russia"), ("france", "France"),
    ("united-states", "the United States"), ("china", "China"), ("turkey", "Türkiye"),
    ("algeria", "Algérie"), ("morocco", "Morocco"), ("nigeria", "Nigeria"),
)  # fmt: skip
REGIONS = ("sahel", "west-africa", "maghreb", "central-africa", "gulf-of-guinea", "lake-chad",
           "horn-of-africa", "eastern-europe")  # fmt: skip
ACTORS = (
    ("wagner", "the Wagner Group"), ("africa-corps", "the Africa Corps"),
    ("ecowas", "ECOWAS"), ("african-union", "the African Union"), ("minusma", "MINUSMA"),
    ("european-union", "the European Union"), ("us-treasury", "the US Treasury"),
    ("barkhane", "Operation Barkhane"), ("takuba", "the Takuba Task Force"),
    ("g5-sahel", "the G5 Sahel"), ("jnim", "JNIM"), ("islamic-state-sahel", "Islamic State Sahel"),
    ("cma", "the Coordination of Azawad Movements"), ("aes", "the Alliance of Sahel States"),
    ("world-bank", "the World Bank"), ("un-security-council", "the UN Security Council"),
)  # fmt: skip
THEMES = (
    "security/counterterrorism", "security/mercenaries", "security/arms-transfers",
    "security/peacekeeping", "politics/coups", "politics/transition", "politics/elections",
    "politics/sovereignty", "politics/disinformation", "economy/sanctions", "economy/gold",
    "economy/foreign-aid", "economy/debt", "rights/civilian-harm", "rights/press-freedom",
    "rights/displacement", "diplomacy/great-power-competition", "diplomacy/isolation",
    "diplomacy/dialogue-with-jihadists", "diplomacy/regional-integration",
)  # fmt: skip
PEOPLE = (
    "Assimi Goïta", "Abdoulaye Maïga", "Sadio Camara", "Alou Boï Diarra", "Ibrahim Traoré",
    "Abdourahamane Tiani", "Mohamed Bazoum", "Mahamat Idriss Déby", "Mamadi Doumbouya",
    "Faustin-Archange Touadéra", "Alassane Ouattara", "Bassirou Diomaye Faye", "Macky Sall",
    "Yevgeny Prigozhin", "Sergueï Lavrov", "Emmanuel Macron", "Jean-Yves Le Drian",
    "Josep Borrell", "Hélène Le Gal", "Iyad Ag Ghaly", "Amadou Koufa", "Moussa Mara",
    "Chérif Ousmane Madani Haïdara", "Kémi Séba", "Aminata Touré", "Tiébilé Dramé",
    "Ismaël Wagué", "Modibo Keïta", "Zoé Ouédraogo", "Ana Núñez", "Søren Løkke", "Jürgen Müller",
)  # fmt: skip
PUBLISHERS = (
    "International Crisis Group", "Chatham House", "Institut français des relations "
    "internationales", "Le Monde Afrique", "Jeune Afrique", "Deutsche Welle", "Al Jazeera",
    "Carnegie Endowment", "Brookings", "SWP Berlin", "Clingendael", "ISS Africa", "ACLED",
    "Responsible Statecraft", "Foreign Policy", "The Conversation", "RFI", "Agence France-Presse",
    "Reuters", "Fondation pour la recherche stratégique", "Mo Ibrahim Foundation",
    "Human Rights Watch", "Amnesty International", "Wathi", "Timbuktu Institute",
    "Konrad-Adenauer-Stiftung", "Royal United Services Institute", "Africa Center for Strategic "
    "Studies", "Sahel Briefing", "Bamada.net",
)  # fmt: skip
ADDRESSEES = ("Western governments", "the Malian authorities", "Bamako", "ECOWAS",
              "the European Union", "Washington", "Paris", "the African Union",
              "the UN Security Council", "donors", "the transitional authorities",
              "regional governments", "civil society", "Moscow")  # fmt: skip
#: Canonical actor -> other names cards use for it (the set file's ``actors``).
ALIASES = {
    "the Wagner Group": ("Wagner", "Wagner Group"),
    "the Malian authorities": ("Bamako", "the transitional authorities"),
    "the United States": ("Washington",),
}
_ALIAS_NAMES = tuple(sorted({a for names in ALIASES.values() for a in names}))
NOUNS = ("junta", "transition", "sanctions", "partnership", "mercenaries", "offensive",
         "election", "timetable", "aid", "budget", "gold", "mines", "convoy", "garrison",
         "drones", "helicopters", "militia", "insurgency", "jihadists", "civilians",
         "refugees", "border", "pipeline", "embassy", "mediation", "ceasefire", "dialogue",
         "referendum", "constitution", "contract", "disinformation", "influence", "leverage",
         "sovereignty", "legitimacy", "isolation", "cooperation", "withdrawal", "deployment",
         "massacre", "investigation", "blockade", "fuel", "harvest", "schools", "pastoralists",
         "herders", "farmers", "traders", "smuggling", "remittances", "debt", "bonds")  # fmt: skip
VERBS = (
    "weakens", "strengthens", "undermines", "reshapes", "delays", "accelerates", "complicates",
    "legitimises", "isolates", "exposes", "deepens", "eases", "funds", "threatens", "protects",
    "replaces", "rivals", "mirrors", "outlasts", "erodes",
)  # fmt: skip
ADJECTIVES = ("military", "regional", "fragile", "costly", "opaque", "popular", "rural",
              "northern", "central", "Russian", "Western", "French", "transitional", "armed",
              "economic", "humanitarian", "diplomatic", "lasting", "short-lived", "contested",
              "informal", "pragmatic", "strategic", "local", "chronic")  # fmt: skip
CONNECTIVES = ("while", "because", "even as", "although", "so that", "since", "whereas",
               "until", "once", "unless")  # fmt: skip


_SYLLABLES = (
    "ka", "ta", "ma", "ni", "ba", "dou", "go", "sé", "ké", "ra", "tes", "sa", "lit", "mé", "na",
    "kï", "dia", "bou", "gou", "fa", "la", "ti", "zou", "ho", "mbe", "wa",
)  # fmt: skip


def _localities(count: int) -> tuple[str, ...]:
    """Place names made of syllables: a long tail of rare words, as in real reporting."""
    rng = random.Random("localities")
    names: dict[str, None] = {}
    while len(names) < count:
        name = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
        names[name.capitalize()] = None
    return tuple(names)


LOCALITIES = _localities(4000)


@dataclass(frozen=True, slots=True)
class GeneratedCard:
    """One card file: where it goes in the set folder, and its text."""

    rel: str
    id: str
    text: str


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of YAML's)."""
    return json.dumps(text, ensure_ascii=False)


class _Writer:
    """Prose from the shared vocabulary; one per card, seeded, so cards are independent."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, items: Sequence[str]) -> str:
        # Squaring the uniform draw skews towards the start of each list, so a few names,
        # nouns and tags are common and most are rare, as in a real library.
        return items[int(self.rng.random() ** 2 * len(items))]

    def noun_phrase(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.15:
            return self.pick(PEOPLE)
        if roll < 0.3:
            return self.pick([name for _, name in COUNTRIES])
        if roll < 0.42:
            return self.pick([name for _, name in ACTORS])
        return f"the {self.pick(ADJECTIVES)} {self.pick(NOUNS)}"

    def clause(self) -> str:
        return f"{self.noun_phrase()} {self.pick(VERBS)} {self.noun_phrase()}"

    def sentence(self) -> str:
        text = self.clause()
        if self.rng.random() < 0.6:
            text += f" {self.pick(CONNECTIVES)} {self.clause()}"
        if self.rng.random() < 0.25:
            text += f" (in {self.rng.randint(2012, 2025)})"
        if self.rng.random() < 0.3:
            # Cubing the draw gives a steep tail: a few places recur, most are rare.
            text += f" near {LOCALITIES[int(self.rng.random() ** 3 * len(LOCALITIES))]}"
        return text[0].upper() + text[1:] + "."

    def sentences(self, low: int, high: int) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def date(self, low: int = 2012, high: int = 2025) -> str:
        year = self.rng.randint(low, high)
        roll = self.rng.random()
        if roll < 0.2:
            return f"{year}"
        if roll < 0.45:
            return f"{year}-{self.rng.randint(1, 12):02d}"
        return f"{year}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"

    def where(self) -> str:
        rng = self.rng
        if rng.random() < 0.3:
            return f"§{rng.choice(('I', 'II', 'III', 'IV', 'V', 'VI'))} ¶{rng.randint(1, 9)}"
        return f"¶{rng.randint(1, 40)}"

    def tags(self, kind: str, publisher_slug: str) -> list[str]:
        rng = self.rng
        chosen: list[str] = []
        for _ in range(rng.randint(1, 2)):
            chosen.append("region/" + self.pick(REGIONS))
        for _ in range(rng.randint(1, 3)):
            chosen.append("country/" + self.pick([slug for slug, _ in COUNTRIES]))
        for _ in range(rng.randint(0, 3)):
            chosen.append("actor/" + self.pick([slug for slug, _ in ACTORS]))
        for _ in range(rng.randint(1, 4)):
            chosen.append("theme/" + self.pick(THEMES))
        chosen += [f"kind/{kind}", f"publisher/{publisher_slug}"]
        return list(dict.fromkeys(chosen))


def _slug(text: str) -> str:
    out = "".join(ch if ch.isascii() and ch.isalnum() else "-" for ch in fold(text))
    return "-".join(part for part in out.split("-") if part)


def generate_card(index: int, seed: int = 0) -> GeneratedCard:
    """The ``index``-th card of the set made from ``seed`` (independent of the set's size)."""
    rng = random.Random(f"{seed}:{index}")
    w = _Writer(rng)
    kind = w.pick(KINDS)
    publisher = w.pick(PUBLISHERS)
    published = w.date()
    year = published[:4]
    title = f"{w.noun_phrase()} and {w.noun_phrase()}: {w.pick(ADJECTIVES)} {w.pick(NOUNS)}"
    title = title[0].upper() + title[1:]
    card_id = f"{_slug(title)[:48].strip('-')}-{index:05d}"
    out = [
        f"format: {CARD_FORMAT}",
        f"id: {card_id}",
        f"title: {_q(title)}",
        "source:",
        f"  publisher: {_q(publisher)}",
        f'  published: "{published}"',
        f"  kind: {kind}",
    ]
    if rng.random() < 0.5:
        names = ", ".join(_q(w.pick(PEOPLE)) for _ in range(rng.randint(1, 2)))
        out.append(f"  authors: [{names}]")
    if rng.random() < 0.7:
        out.append(f'  url: "https://example.org/{_slug(publisher)}/{year}/{card_id}"')
    out.append(f"thesis: {_q(w.sentences(2, 2))}")
    out.append(f"summary: {_q(w.sentences(5, 8))}")
    out.append("argument:")
    for _ in range(rng.randint(3, 6)):
        out.append(f"  - claim: {_q(w.sentences(1, 1))}")
        if rng.random() < 0.75:
            out.append(f"    support: {_q(w.sentences(1, 3))}")
        if rng.random() < 0.7:
            out.append(f"    where: {_q(w.where())}")
    recs = rng.randint(0, 3)
    out.append("recommendations:" + ("" if recs else " []"))
    for _ in range(recs):
        out.append(f"  - to: {_q(w.pick(ADDRESSEES))}")
        out.append(f"    action: {_q(w.sentence())}")
        if rng.random() < 0.5:
            out.append(f"    where: {_q(w.where())}")
    topics = rng.sample([t[0] for t in TOPICS], rng.randint(0, 3))
    if topics:
        out.append("perspectives:")
        for topic in topics:
            out.append(f"  - topic: {topic}")
            out.append(f"    stance: {w.pick(STANCES)}")
            out.append(f"    view: {_q(w.sentences(1, 2))}")
    out.append("tags:")
    out += [f"  - {tag}" for tag in w.tags(kind, _slug(publisher))]
    actors: list[str] = []
    if rng.random() < 0.6:
        for _ in range(rng.randint(1, 3)):
            roll = rng.random()
            if roll < 0.4:
                actors.append(w.pick(PEOPLE))
            elif roll < 0.55:
                actors.append(rng.choice(_ALIAS_NAMES))
            else:
                actors.append(w.pick([n for _, n in ACTORS]))
    if index < len(_ALIAS_NAMES):
        # The first cards name every alias, so even a small set has no unused-alias warning.
        actors.append(_ALIAS_NAMES[index])
    if actors:
        out.append("actors:")
    for name in actors:
        out.append(f"  - name: {_q(name)}")
        if rng.random() < 0.8:
            out.append(f"    role: {_q(w.clause())}")
    if rng.random() < 0.5:
        out.append("timeline:")
        for _ in range(rng.randint(1, 4)):
            out.append(f'  - date: "{w.date(2000, int(year))}"')
            out.append(f"    event: {_q(w.sentence())}")
    if rng.random() < 0.4:
        out.append("quotes:")
        for _ in range(rng.randint(1, 2)):
            out.append(f"  - text: {_q(w.sentence())}")
            out.append(f"    where: {_q(w.where())}")
    if rng.random() < 0.3:
        out.append(f"notes: {_q(w.sentences(1, 2))}")
    return GeneratedCard(f"{year}/{card_id}.yaml", card_id, "\n".join(out) + "\n")


def generate_cards(n: int, seed: int = 0) -> Iterator[GeneratedCard]:
    for i in range(n):
        yield generate_card(i, seed)


def set_file_text(title: str = "Synthetic briefing library") -> str:
    """A ``cardset.yaml`` defining every topic the generated cards use."""
    out = [
        f"format: {SET_FORMAT}",
        f"title: {_q(title)}",
        f"description: {_q('Generated cards for scale tests and benchmarks; not real sources.')}",
        "topics:",
    ]
    for key, label, question in TOPICS:
        out += [f"  - key: {key}", f"    label: {_q(label)}", f"    question: {_q(question)}"]
    out.append("tags:")
    out += [
        f"  region: {_q('Regions')}",
        f"  country: {_q('Countries a source discusses at length')}",
        f"  actor: {_q('Organisations and forces')}",
        f"  theme: {_q('Recurring subjects')}",
    ]
    for slug, name in COUNTRIES:
        out.append(f"  country/{slug}: {_q(name)}")
    for theme in sorted({t.split("/")[0] for t in THEMES}):
        out.append(f"  theme/{theme}: {_q(theme.capitalize())}")
    out.append("actors:")
    for canonical, names in ALIASES.items():
        out.append(f"  {_q(canonical)}: [{', '.join(_q(n) for n in names)}]")
    return "\n".join(out) + "\n"


def write_set(root: Path, n: int, seed: int = 0) -> list[Path]:
    """Write ``n`` cards (in one folder per year) and a ``cardset.yaml`` under ``root``.

    The first five cards name the set file's five aliases, so any set of five or more has no
    problems at all; smaller ones get "alias used by no card" warnings, never errors.
    """
    root.mkdir(parents=True, exist_ok=True)
    (root / SET_FILE).write_text(set_file_text(), encoding="utf-8")
    written: list[Path] = []
    for card in generate_cards(n, seed):
        path = root / card.rel
        path.parent.mkdir(exist_ok=True)
        path.write_text(card.text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.support.synthetic", description="Write a synthetic card set."
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    paths = write_set(args.folder, args.count, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} cards, {size / 1024 / 1024:.1f} MiB, in {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
