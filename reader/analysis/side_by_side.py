"""Cards side by side: one row per question (source, thesis, each topic, each addressee, tags,
argument), one column per card, so differences and silences line up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from reader.analysis.addressees import Addressees, group_by_addressee, name_key
from reader.analysis.columns import date_order, distinct_stances
from reader.cards.model import Card, Perspective, Point, Recommendation, SetInfo
from reader.cards.tag_labels import TagNames


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
    #: The tag's name, as the sidebar gives it (:class:`reader.cards.tag_labels.TagNames`).
    label: str


@dataclass(frozen=True, slots=True)
class TagsCell:
    tags: tuple[MarkedTag, ...]


@dataclass(frozen=True, slots=True)
class ArgumentCell:
    points: tuple[Point, ...]


Cell = SourceCell | TextCell | TopicCell | RecommendationsCell | TagsCell | ArgumentCell


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
        return distinct_stances(self._perspectives())

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


def _tag_cells(cards: Sequence[Card], names: TagNames) -> tuple[TagsCell, ...]:
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
        marked = [
            MarkedTag(t, sharing(counts[t]), counts[t], names(t)) for t in dict.fromkeys(card.tags)
        ]
        marked.sort(key=lambda m: order[m.sharing])  # stable: the card's own order within
        cells.append(TagsCell(tuple(marked)))
    return tuple(cells)


def _recommendation_rows(cards: Sequence[Card], names: Addressees) -> list[CompareRow]:
    rows = []
    for group in group_by_addressee(cards, names):
        others = [s for s in group.spellings if name_key(s) != name_key(group.display)]
        rows.append(
            CompareRow(
                RowKind.RECOMMENDATIONS,
                f"to:{group.key}",
                group.display,
                tuple(RecommendationsCell(group.of(card)) for card in cards),
                note="; ".join(others),
            )
        )
    return rows


def compare(cards: Sequence[Card], info: SetInfo, *, by_date: bool = True) -> Comparison:
    """Line cards up row by row: source, thesis, topics, addressees, tags, argument.

    ``by_date`` puts the columns in date order (the default view); pass False to keep the
    order the reader arranged them in. Works for any number of cards; the window limits
    itself to :data:`~reader.analysis.compare_rules.MAX_COMPARE` because more columns are
    unreadable side by side.
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
    rows.append(CompareRow(RowKind.TAGS, "tags", "Tags", _tag_cells(columns, TagNames.of(info))))
    rows.append(
        CompareRow(
            RowKind.ARGUMENT,
            "argument",
            "Argument",
            tuple(ArgumentCell(c.argument) for c in columns),
        )
    )
    return Comparison(columns, tuple(rows))
