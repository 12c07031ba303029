"""What a set file declares (:class:`SetInfo` and its topics), and the set file's name.

Apart from the card model (:mod:`reader.cards.model`): a window's warm open lists a set with
its declarations, stored in the index, before it imports the card model or the parser (#17
§4).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from reader.cards.positions import PathKey, Position, nearest_position

SET_FORMAT = "briefing-set/1"
SET_FILE = "cardset.yaml"


@dataclass(frozen=True, slots=True)
class Topic:
    key: str
    label: str
    question: str


@dataclass(frozen=True, slots=True)
class SetInfo:
    """What the optional ``cardset.yaml`` declares (or the defaults without one)."""

    title: str
    description: str | None = None
    topics: tuple[Topic, ...] = ()
    tag_descriptions: Mapping[str, str] = field(default_factory=dict)
    #: Canonical actor name -> the other names cards use for it (for grouping addressees).
    actor_aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    has_file: bool = False
    positions: Mapping[PathKey, Position] = field(default_factory=dict, compare=False, repr=False)
    #: The set's sources folder (``sources:``), relative to the set folder and checked to stay
    #: inside it; None when the set names none, or names one outside it.
    sources: str | None = None

    def position(self, *path: str | int) -> Position:
        return nearest_position(self.positions, tuple(path))

    def topic(self, key: str) -> Topic | None:
        return next((t for t in self.topics if t.key == key), None)


def topic_keys(info: SetInfo) -> frozenset[str] | None:
    """The topic keys a card's perspectives are checked against: None for a set without a set
    file, where any topic goes."""
    return frozenset(t.key for t in info.topics) if info.has_file else None
