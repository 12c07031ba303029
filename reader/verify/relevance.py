"""Locator relevance: does the passage a point cites say what the point says?

A quote is checked word for word; a claim is a paraphrase, so it is compared with the
source by the words it shares with each passage, weighted by how rare each word is in the
source (TF-IDF with cosine similarity: the standard measure of how much two texts are
about the same thing, and one that needs no model, no network and no tuning per source).
Words are folded as search folds them and cut to their first :data:`STEM` letters, so
"sanctions"/"sanctioned" or "militarily"/"military" count as one word.

Two findings, both warnings at the locator (the rules and thresholds are in the format guide,
cards/README.md, "Locator health"):

* **elsewhere** (argument points and recommendations): another paragraph, outside the
  passage cited, is a clearly better match — at least :data:`CLEARLY_BETTER` times the cited
  passage's similarity, and at least :data:`GOOD`;
* **range** (argument points): a point cites one paragraph, and a run of neighbouring
  paragraphs of the same section that includes it covers the point and its support clearly
  better — at least :data:`WIDER_BETTER` times the single paragraph's similarity, each
  paragraph it adds matching at least :data:`NEIGHBOUR` on its own.

The thresholds were set on the shipped cards (corrected, they raise nothing) and on the same
cards with every locator moved by hand to a paragraph at least three away (most are caught;
the rest cite a paragraph that happens to share the point's words).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum

from reader.cards.model import Card
from reader.cards.query import words
from reader.verify.source_text import Paragraph, SourceText

#: Letters a word is cut to before comparing: a crude stemmer, but one that works for the
#: inflections of English and keeps no word list.
STEM = 6
#: Another passage must reach this similarity, and this many times the cited one's.
GOOD = 0.2
CLEARLY_BETTER = 2.5
#: A wider run must be this many times better than the single paragraph cited…
WIDER_BETTER = 1.3
#: …and each paragraph it adds must match the point at least this well on its own.
NEIGHBOUR = 0.12
#: The widest run suggested.
MAX_RUN = 4

# fmt: off
_FUNCTION_WORDS = frozenset({
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or",
    "its", "their", "his", "her", "s", "is", "are", "was", "were", "be", "been", "it", "this",
    "that", "as", "into", "not", "no", "but", "than", "has", "have", "had", "will", "would",
    "can", "could", "should", "may", "might", "also", "more", "most", "which", "who", "what",
    "they", "them", "he", "she", "we", "our", "us", "if", "so", "such", "any", "all", "there",
    "these", "those", "do", "does", "did", "about", "over", "after", "before", "between",
})
# fmt: on


class Kind(Enum):
    ELSEWHERE = "elsewhere"
    RANGE = "range"


@dataclass(frozen=True, slots=True)
class LocatorFinding:
    """A locator whose passage is not the best support for its point, and a better one."""

    field: str
    index: int
    kind: Kind
    cited: str
    suggested: str
    message: str


def terms(text: str) -> list[str]:
    """The words that carry meaning, folded and cut to their stems."""
    return [w[:STEM] for w in words(text) if w not in _FUNCTION_WORDS and not w.isdigit()]


class Matcher:
    """TF-IDF vectors of a source's paragraphs, and similarity of any text to any passage."""

    def __init__(self, source: SourceText) -> None:
        self.paragraphs = source.paragraphs
        counts = [Counter(terms(p.text)) for p in self.paragraphs]
        documents = Counter(term for count in counts for term in count)
        total = len(self.paragraphs)
        self._idf = {t: math.log((1 + total) / (1 + n)) + 1 for t, n in documents.items()}
        self._counts = dict(zip(self.paragraphs, counts, strict=True))

    def _vector(self, count: Counter[str]) -> dict[str, float]:
        return {t: n * self._idf.get(t, 0.0) for t, n in count.items()}

    def similarity(self, text: str, passage: Iterable[Paragraph]) -> float:
        """Cosine similarity, 0 to 1, of ``text`` with the paragraphs taken as one text."""
        joined: Counter[str] = Counter()
        for paragraph in passage:
            joined.update(self._counts[paragraph])
        return _cosine(self._vector(Counter(terms(text))), self._vector(joined))

    def ranked(self, text: str) -> list[tuple[float, Paragraph]]:
        """Every paragraph with its similarity to ``text``, best first (source order on ties)."""
        scored = [(self.similarity(text, (p,)), p) for p in self.paragraphs]
        return sorted(scored, key=lambda pair: -pair[0])


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(weight * b.get(term, 0.0) for term, weight in a.items())
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def compact_locator(paragraphs: Sequence[Paragraph]) -> str:
    """``§III ¶3–5, §IV ¶1``: consecutive paragraphs of a section as one range."""
    parts: list[str] = []
    run: list[Paragraph] = []
    for paragraph in paragraphs:
        if run and (paragraph.section != run[-1].section or paragraph.number != run[-1].number + 1):
            parts.append(_run_locator(run))
            run = []
        run.append(paragraph)
    if run:
        parts.append(_run_locator(run))
    return ", ".join(parts)


def _run_locator(run: list[Paragraph]) -> str:
    numbers = f"¶{run[0].number}" + (f"–{run[-1].number}" if len(run) > 1 else "")
    return f"§{run[0].section} {numbers}" if run[0].section else numbers


def point_text(card: Card, field: str, index: int) -> str:
    """What a located item says: a point's claim and support, a recommendation's action."""
    if field == "argument":
        point = card.argument[index]
        return f"{point.claim} {point.support or ''}"
    recommendation = card.recommendations[index]
    return recommendation.action


def relevance_findings(card: Card, source: SourceText) -> Iterator[LocatorFinding]:
    """Every argument point and recommendation whose locator is not its best support."""
    matcher = Matcher(source)
    located = [("argument", i, p.where) for i, p in enumerate(card.argument)]
    located += [("recommendations", i, r.where) for i, r in enumerate(card.recommendations)]
    for field, index, where in located:
        if where is None:
            continue
        cited = source.resolve(where)
        if isinstance(cited, str) or not cited:
            continue  # an unknown locator is an error of its own
        finding = _finding(matcher, card, field, index, where, cited)
        if finding is not None:
            yield finding


def _finding(
    matcher: Matcher,
    card: Card,
    field: str,
    index: int,
    where: str,
    cited: list[Paragraph],
) -> LocatorFinding | None:
    text = point_text(card, field, index)
    score = matcher.similarity(text, cited)
    what = "argument" if field == "argument" else "recommendation"
    best_score, best = matcher.ranked(text)[0]
    if best not in cited and best_score >= max(GOOD, CLEARLY_BETTER * score):
        return LocatorFinding(
            field,
            index,
            Kind.ELSEWHERE,
            where,
            best.locator,
            f"{what} {index + 1} cites {where}, but its "
            f"{'claim and support match' if field == 'argument' else 'action matches'} "
            f"{best.locator} best",
        )
    if field == "argument" and len(cited) == 1:
        wider = _wider_run(matcher, text, cited[0], score)
        if wider is not None:
            suggested = compact_locator(wider)
            return LocatorFinding(
                field,
                index,
                Kind.RANGE,
                where,
                suggested,
                f"{what} {index + 1} cites {where}; {suggested} covers its support",
            )
    return None


def _wider_run(
    matcher: Matcher, text: str, cited: Paragraph, score: float
) -> list[Paragraph] | None:
    """The best run of 2 to :data:`MAX_RUN` paragraphs around ``cited``, if clearly better."""
    section = [p for p in matcher.paragraphs if p.section == cited.section]
    at = section.index(cited)
    single = {p: matcher.similarity(text, (p,)) for p in section}
    best: tuple[float, list[Paragraph]] | None = None
    for start in range(max(at - MAX_RUN + 1, 0), at + 1):
        for end in range(at + 1, min(start + MAX_RUN, len(section)) + 1):
            run = section[start:end]
            if len(run) < 2 or any(single[p] < NEIGHBOUR for p in run if p is not cited):
                continue
            wider = matcher.similarity(text, run)
            if wider >= WIDER_BETTER * score and (best is None or wider > best[0]):
                best = (wider, run)
    return best[1] if best is not None else None
