"""Comparing cards: aligned rows, the topic matrix, recommendations by addressee, one timeline.

These are pure functions of cards and the set's information, so the window's comparison views
and the PDF export's comparison pages align, group and merge in exactly the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from reader.cards.catalog import Catalog
from reader.cards.dates import PartialDate
from reader.cards.model import Card, Perspective, Point, Recommendation, SetInfo, Topic
from reader.cards.query import fold, words

MIN_COMPARE = 2
#: More columns than this no longer fit side by side; the topic matrix takes any number.
MAX_COMPARE = 4
#: Two timeline events on the same date are one when the shorter one's content words are at
#: least this much shared by the other (see :func:`same_event`).
MERGE_OVERLAP = 0.8

NO_TOPICS_HINT = (
    "This set defines no topics, so the cards cannot be lined up question by question. "
    "To add topics, list them under “topics:” in cardset.yaml (each with a key, a label and a "
    "question) and give each card “perspectives:” on those keys."
)


def date_order(cards: Iterable[Card]) -> list[Card]:
    """Oldest first; "2021" sorts before "2021-09" (see :attr:`PartialDate.sort_key`)."""
    return sorted(cards, key=lambda c: (c.source.published.sort_key, fold(c.title), c.id))


#: Told (cards loaded, cards asked for) while :func:`cards_of` loads; may raise to stop it.
CardProgress = Callable[[int, int], None]
#: How many cards :func:`cards_of` loads between two progress reports.
PROGRESS_EVERY = 64


def cards_of(
    catalog: Catalog, card_ids: Sequence[str], progress: CardProgress | None = None
) -> list[Card]:
    """The cards behind ``card_ids``, in that order; ids the catalog no longer has are dropped.

    A live reload can remove a card while a comparison of it is open; the views then show
    what is left rather than fail. Loading a card from an index parses it (about 1 ms), so
    a set-wide view of thousands reports ``progress``.
    """
    cards = []
    for done, card_id in enumerate(card_ids):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, len(card_ids))
        card = catalog.card(card_id)
        if card is not None:
            cards.append(card)
    return cards


def source_label(card: Card) -> str:
    """Who said it and when, short enough for a column header or a timeline line."""
    return f"{card.source.publisher}, {card.source.published.display()}"


def compare_unavailable_reason(selected: int, available: int) -> str | None:
    """Why Compare cannot open on ``selected`` cards of a set of ``available``, or None."""
    if available < MIN_COMPARE:
        return "Compare needs at least two cards; this set or filter has only one."
    if selected < MIN_COMPARE:
        return f"Select {MIN_COMPARE}–{MAX_COMPARE} cards to compare them side by side."
    if selected > MAX_COMPARE:
        return (
            f"Compare shows at most {MAX_COMPARE} cards side by side ({selected} selected); "
            "the topic matrix shows any number."
        )
    return None


def no_topics_hint(info: SetInfo) -> str | None:
    """The hint to show instead of topic rows when the set defines no topics."""
    return None if info.topics else NO_TOPICS_HINT


def _name_key(name: str) -> str:
    return " ".join(fold(name).split())


def _clean(name: str) -> str:
    return " ".join(name.split())


@dataclass(frozen=True, slots=True)
class Addressees:
    """Resolves the names cards give addressees to the set's canonical actor names.

    Names match after trimming, collapsing spaces and folding case and accents, so
    "Western partners" and "western  partners " are one addressee even without an alias.
    """

    canonical_by_key: Mapping[str, str]

    @classmethod
    def from_aliases(cls, aliases: Mapping[str, Sequence[str]]) -> Addressees:
        table: dict[str, str] = {}
        for canonical, names in aliases.items():
            table[_name_key(canonical)] = _clean(canonical)
            for name in names:
                table.setdefault(_name_key(name), _clean(canonical))
        return cls(table)

    def key(self, name: str) -> str:
        """The grouping key: the canonical name's, or the folded name itself."""
        canonical = self.canonical_by_key.get(_name_key(name))
        return _name_key(canonical if canonical is not None else name)

    def display(self, name: str) -> str:
        return self.canonical_by_key.get(_name_key(name), _clean(name))


# --- Aligned rows for the side-by-side view ------------------------------------------------


class RowKind(Enum):
    SOURCE = "source"
    THESIS = "thesis"
    TOPIC = "topic"
    RECOMMENDATIONS = "recommendations"
    TAGS = "tags"
    ARGUMENT = "argument"


class Sharing(Enum):
    ALL = "shared-by-all"
    SOME = "shared-by-some"
    UNIQUE = "unique"


@dataclass(frozen=True, slots=True)
class SourceCell:
    card: Card


@dataclass(frozen=True, slots=True)
class TextCell:
    text: str


@dataclass(frozen=True, slots=True)
class TopicCell:
    #: None is the explicit "not addressed" cell: a blindspot, shown but never a difference.
    perspective: Perspective | None

    @property
    def addressed(self) -> bool:
        return self.perspective is not None


@dataclass(frozen=True, slots=True)
class RecommendationsCell:
    #: As the card wrote them: ``to`` may be an alias of the row's addressee.
    recommendations: tuple[Recommendation, ...]


@dataclass(frozen=True, slots=True)
class MarkedTag:
    tag: str
    sharing: Sharing
    #: How many of the compared cards carry the tag.
    count: int


@dataclass(frozen=True, slots=True)
class TagsCell:
    tags: tuple[MarkedTag, ...]


@dataclass(frozen=True, slots=True)
class ArgumentCell:
    points: tuple[Point, ...]


Cell = SourceCell | TextCell | TopicCell | RecommendationsCell | TagsCell | ArgumentCell


def _distinct_stances(perspectives: Iterable[Perspective | None]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for persp in perspectives:
        if persp is not None:
            seen.setdefault(fold(persp.stance.strip()), persp.stance.strip())
    return tuple(seen.values())


@dataclass(frozen=True, slots=True)
class CompareRow:
    kind: RowKind
    #: Unique within the comparison: "source", "thesis", "topic:KEY", "to:NAME", "tags", ...
    key: str
    label: str
    cells: tuple[Cell, ...]
    #: Secondary text: a topic's question, or the other names an addressee goes by.
    note: str = ""

    def _perspectives(self) -> list[Perspective | None]:
        return [c.perspective for c in self.cells if isinstance(c, TopicCell)]

    @property
    def stances(self) -> tuple[str, ...]:
        """The distinct stances taken on a topic row, in column order."""
        return _distinct_stances(self._perspectives())

    @property
    def stances_differ(self) -> bool:
        """Whether the cards that address this topic take different stances."""
        return len(self.stances) > 1

    @property
    def silent(self) -> tuple[int, ...]:
        """Columns with no perspective on a topic row."""
        return tuple(i for i, p in enumerate(self._perspectives()) if p is None)


@dataclass(frozen=True, slots=True)
class Comparison:
    columns: tuple[Card, ...]
    rows: tuple[CompareRow, ...]

    def rows_of(self, kind: RowKind) -> tuple[CompareRow, ...]:
        return tuple(r for r in self.rows if r.kind is kind)

    def row(self, key: str) -> CompareRow | None:
        return next((r for r in self.rows if r.key == key), None)

    def silent_on(self, column: int) -> tuple[str, ...]:
        """Labels of the topics the card in ``column`` does not address: its blindspots."""
        return tuple(r.label for r in self.rows_of(RowKind.TOPIC) if column in r.silent)


def _tag_cells(cards: Sequence[Card]) -> tuple[TagsCell, ...]:
    counts: dict[str, int] = {}
    for card in cards:
        for tag in dict.fromkeys(card.tags):
            counts[tag] = counts.get(tag, 0) + 1

    def sharing(n: int) -> Sharing:
        if n == 1:
            return Sharing.UNIQUE
        return Sharing.ALL if n == len(cards) else Sharing.SOME

    order = {Sharing.ALL: 0, Sharing.SOME: 1, Sharing.UNIQUE: 2}
    cells = []
    for card in cards:
        marked = [MarkedTag(t, sharing(counts[t]), counts[t]) for t in dict.fromkeys(card.tags)]
        marked.sort(key=lambda m: order[m.sharing])  # stable: the card's own order within
        cells.append(TagsCell(tuple(marked)))
    return tuple(cells)


def _recommendation_rows(cards: Sequence[Card], names: Addressees) -> list[CompareRow]:
    display: dict[str, str] = {}
    spellings: dict[str, dict[str, None]] = {}
    per_card: list[dict[str, list[Recommendation]]] = []
    for card in cards:
        mine: dict[str, list[Recommendation]] = {}
        for rec in card.recommendations:
            key = names.key(rec.to)
            display.setdefault(key, names.display(rec.to))
            spellings.setdefault(key, {})[_clean(rec.to)] = None
            mine.setdefault(key, []).append(rec)
        per_card.append(mine)
    reach = {key: sum(key in mine for mine in per_card) for key in display}
    ordered = sorted(display, key=lambda k: (-reach[k], fold(display[k])))
    rows = []
    for key in ordered:
        others = [s for s in spellings[key] if _name_key(s) != _name_key(display[key])]
        rows.append(
            CompareRow(
                RowKind.RECOMMENDATIONS,
                f"to:{key}",
                display[key],
                tuple(RecommendationsCell(tuple(mine.get(key, ()))) for mine in per_card),
                note="; ".join(others),
            )
        )
    return rows


def compare(cards: Sequence[Card], info: SetInfo, *, by_date: bool = True) -> Comparison:
    """Line cards up row by row: source, thesis, topics, addressees, tags, argument.

    ``by_date`` puts the columns in date order (the default view); pass False to keep the
    order the reader arranged them in. Works for any number of cards; the window limits
    itself to :data:`MAX_COMPARE` because more columns are unreadable side by side.
    """
    columns = tuple(date_order(cards) if by_date else cards)
    rows = [
        CompareRow(RowKind.SOURCE, "source", "Source", tuple(SourceCell(c) for c in columns)),
        CompareRow(RowKind.THESIS, "thesis", "Thesis", tuple(TextCell(c.thesis) for c in columns)),
    ]
    for topic in info.topics:
        cells = tuple(TopicCell(c.perspective(topic.key)) for c in columns)
        rows.append(
            CompareRow(RowKind.TOPIC, f"topic:{topic.key}", topic.label, cells, topic.question)
        )
    rows += _recommendation_rows(columns, Addressees.from_aliases(info.actor_aliases))
    rows.append(CompareRow(RowKind.TAGS, "tags", "Tags", _tag_cells(columns)))
    rows.append(
        CompareRow(
            RowKind.ARGUMENT,
            "argument",
            "Argument",
            tuple(ArgumentCell(c.argument) for c in columns),
        )
    )
    return Comparison(columns, tuple(rows))


# --- The topic matrix: every topic against every card ---------------------------------------


@dataclass(frozen=True, slots=True)
class MatrixRow:
    topic: Topic
    #: One per column; None is a blindspot (the card is silent on the topic).
    cells: tuple[Perspective | None, ...]

    @property
    def addressed(self) -> int:
        return sum(p is not None for p in self.cells)

    @property
    def stances(self) -> tuple[str, ...]:
        return _distinct_stances(self.cells)

    @property
    def stances_differ(self) -> bool:
        return len(self.stances) > 1


@dataclass(frozen=True, slots=True)
class TopicMatrix:
    columns: tuple[Card, ...]
    rows: tuple[MatrixRow, ...]

    def blindspots(self, card_id: str) -> tuple[Topic, ...]:
        """The topics a card is silent on."""
        index = next((i for i, c in enumerate(self.columns) if c.id == card_id), None)
        if index is None:
            return ()
        return tuple(r.topic for r in self.rows if r.cells[index] is None)


def topic_matrix(cards: Iterable[Card], info: SetInfo) -> TopicMatrix:
    columns = tuple(date_order(cards))
    rows = tuple(
        MatrixRow(topic, tuple(c.perspective(topic.key) for c in columns)) for topic in info.topics
    )
    return TopicMatrix(columns, rows)


# --- Recommendations by addressee ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LedgerSource:
    card: Card
    recommendations: tuple[Recommendation, ...]


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    addressee: str
    #: Every name the cards used for this addressee, as written, first use first.
    names: tuple[str, ...]
    #: Oldest source first.
    sources: tuple[LedgerSource, ...]


def recommendation_ledger(
    cards: Iterable[Card], aliases: Mapping[str, Sequence[str]]
) -> tuple[LedgerEntry, ...]:
    """Every recommendation, grouped by addressee, then by source.

    Addressees that more sources speak to come first ("what does everyone say Bamako should
    do?"), ties by name, so the ledger opens on the comparisons that have the most to compare.
    """
    resolver = Addressees.from_aliases(aliases)
    display: dict[str, str] = {}
    spellings: dict[str, dict[str, None]] = {}
    grouped: dict[str, dict[str, tuple[Card, list[Recommendation]]]] = {}
    for card in date_order(cards):
        for rec in card.recommendations:
            key = resolver.key(rec.to)
            display.setdefault(key, resolver.display(rec.to))
            spellings.setdefault(key, {})[_clean(rec.to)] = None
            grouped.setdefault(key, {}).setdefault(card.id, (card, []))[1].append(rec)
    ordered = sorted(grouped, key=lambda k: (-len(grouped[k]), fold(display[k])))
    return tuple(
        LedgerEntry(
            display[key],
            tuple(spellings[key]),
            tuple(LedgerSource(card, tuple(recs)) for card, recs in grouped[key].values()),
        )
        for key in ordered
    )


# --- One timeline for many cards -------------------------------------------------------------


class EventKind(Enum):
    EVENT = "event"
    #: A card's source appearing: every source is itself an event in the story.
    PUBLISHED = "published"


@dataclass(frozen=True, slots=True)
class Report:
    """One card's account of an event, in its own words."""

    card: Card
    text: str


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: PartialDate
    kind: EventKind
    #: Every card that reports the event; the first one's wording is the entry's text.
    reports: tuple[Report, ...]

    @property
    def text(self) -> str:
        return self.reports[0].text

    @property
    def cards(self) -> tuple[Card, ...]:
        return tuple(r.card for r in self.reports)


#: Words that carry no fact of their own; they neither make nor break a match.
# fmt: off
_FUNCTION_WORDS = frozenset({
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or",
    "its", "their", "his", "her", "s", "is", "are", "was", "were", "be", "been", "it", "this",
    "that", "as", "into",
})
# fmt: on


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in words(text) if w not in _FUNCTION_WORDS)


def _same_word(a: str, b: str) -> bool:
    """Equal, or one a prefix of the other of at least four letters: arrive/arrived, sanction/
    sanctions, Russia/Russian — inflections, not different words."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short)


def wording_overlap(a: str, b: str) -> float:
    """The share of the shorter description's content words that the other also uses, 0 to 1.

    Content words are the folded words (case, accents and punctuation ignored) without
    function words such as "the" or "its".
    """
    return _overlap(_content_words(a), _content_words(b))


def _overlap(words_a: frozenset[str], words_b: frozenset[str]) -> float:
    """:func:`wording_overlap` of two descriptions' content words."""
    if not words_a or not words_b:
        return 1.0 if words_a == words_b else 0.0
    short, long_ = sorted((words_a, words_b), key=len)
    # A word the other also has matches without comparing it with each of them.
    shared = sum(1 if w in long_ else any(_same_word(w, o) for o in long_) for w in short)
    return shared / len(short)


def same_event(a: str, b: str) -> bool:
    """Whether two same-dated descriptions are one event told twice.

    They are when at least :data:`MERGE_OVERLAP` (0.8) of the shorter one's content words
    appear in the other: one source adding detail or a remark ("… (year inferred)"), or
    reordering the sentence, still merges. What tells two events apart is a differing name,
    number or verb — "Coup in Mali" / "Coup in Niger", "Mali leaves" / "Mali joins the G5" —
    and with four content words or fewer a single one keeps them apart. (A ratio over word
    sequences, such as difflib's, rates "Event 3 happens" and "Event 17 happens" at 0.67 and
    would merge them.) The rule errs towards showing an event twice rather than hiding one:
    a paraphrase with new verbs and nouns stays two rows.
    """
    return wording_overlap(a, b) >= MERGE_OVERLAP


def merged_timeline(
    cards: Iterable[Card], checkpoint: Callable[[], None] | None = None
) -> tuple[TimelineEntry, ...]:
    """Every card's timeline and every publication, in date order, duplicates merged.

    ``checkpoint`` is called every :data:`PROGRESS_EVERY` cards and may raise to stop: merging
    thousands of timelines takes seconds.

    Events merge only across cards (a card that lists two similar events meant two), only
    when their dates are equal at the same precision ("2021-09" is not "2021-09-30"), and
    only when :func:`same_event` says the wording matches. Dates sort by
    :attr:`PartialDate.sort_key`, so a month comes before the days in it.
    """
    ordered = date_order(cards)
    groups: dict[PartialDate, list[list[Report]]] = {}
    content: dict[str, frozenset[str]] = {}  # each wording's words, worked out once

    def words_of(text: str) -> frozenset[str]:
        found = content.get(text)
        if found is None:
            found = content[text] = _content_words(text)
        return found

    for n, card in enumerate(ordered):
        if checkpoint is not None and n % PROGRESS_EVERY == 0:
            checkpoint()
        for event in card.timeline:
            clusters = groups.setdefault(event.date, [])
            told = words_of(event.event)
            home = next(
                (
                    cluster
                    for cluster in clusters
                    if all(r.card.id != card.id for r in cluster)
                    and any(_overlap(words_of(r.text), told) >= MERGE_OVERLAP for r in cluster)
                ),
                None,
            )
            if home is None:
                clusters.append([Report(card, event.event)])
            else:
                home.append(Report(card, event.event))
    entries = [
        TimelineEntry(date, EventKind.EVENT, tuple(cluster))
        for date, clusters in groups.items()
        for cluster in clusters
    ]
    entries += [
        TimelineEntry(
            c.source.published,
            EventKind.PUBLISHED,
            (Report(c, f"{c.source.publisher} publishes “{c.source.title or c.title}”"),),
        )
        for c in ordered
    ]
    # Python's sort is stable: within a date, events keep card-then-timeline order and
    # publications follow the events of their day.
    entries.sort(key=lambda e: (e.date.sort_key, e.kind is EventKind.PUBLISHED))
    return tuple(entries)
