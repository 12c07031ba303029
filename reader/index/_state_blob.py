"""The stored state's encoding: one marshal text of columns, read back with no Python code per
card (a warm open of 100,000 cards decodes it in a quarter of a second).

The text holds plain tuples, lists, str, int and bytes only: the summaries as columns (one per
:class:`reader.cards.catalog.SummaryRow` field, each distinct publisher, kind and tag one
object, which marshal writes once and refers back to), the rowids, the problems' values, then
the facets and the list's sort keys when they are known, else None each, and what the set
file declared (:class:`reader.cards.model.SetInfo`, so that a warm open lists the set without
parsing its set file: see :func:`reader.index._build.build`). It is stored after
its checksum (:func:`checksum`): damage to a blob is caught before it is decoded. Changing
the layout means bumping ``SCHEMA_VERSION`` (:mod:`reader.index._store`).
"""

from __future__ import annotations

import marshal
import zlib
from array import array
from collections import Counter
from collections.abc import Sequence
from functools import partial
from itertools import accumulate, chain
from typing import Any, NamedTuple

from reader.cards.catalog import (
    CardSummary,
    SummaryColumns,
    summaries_of_columns,
    summary_columns,
)
from reader.cards.facets import CardNodes, Facets, PackedNodes, unpacked
from reader.cards.filters import Filter, FilterKind
from reader.cards.problems import Problem, Severity
from reader.cards.set_info import SetInfo, Topic
from reader.cards.sorting import SortKeys, key_columns, keys_of_columns


class Contents(NamedTuple):
    """What a stored state holds: a catalog's summaries, their rowids and every problem, the
    summaries' facets and sort keys when they were made (else None), and the set file's
    declarations it was made with (None: not known)."""

    summaries: tuple[CardSummary, ...]
    rowids: tuple[int, ...]
    problems: tuple[Problem, ...]
    facets: Facets | None
    sort_keys: SortKeys | None
    info: SetInfo | None = None


class ProblemRow(NamedTuple):
    """A :class:`Problem` as the stored state keeps it."""

    path: str
    line: int
    column: int
    severity: str
    message: str


def pack(contents: Contents) -> bytes:
    """The marshal text of ``contents`` (see the module's docstring)."""
    summaries, keys = contents.summaries, contents.sort_keys
    problems = [
        tuple(ProblemRow(p.path, p.line, p.column, str(p.severity), p.message))
        for p in contents.problems
    ]
    return marshal.dumps(
        (
            _shared_values(summary_columns(summaries)),
            contents.rowids,
            problems,
            _facet_columns(summaries, contents.facets),
            None if keys is None else key_columns(keys, [s.id for s in summaries]),
            None if contents.info is None else _info_columns(contents.info),
        )
    )


def checksum(payload: bytes | memoryview) -> bytes:
    """A CRC-32: four times as fast as a digest (10 ms for the 40 MB of 100,000 cards)."""
    return zlib.crc32(payload).to_bytes(4, "big")


CHECKSUM_SIZE = len(checksum(b""))


def _shared_values(columns: SummaryColumns) -> SummaryColumns:
    """The columns with each distinct publisher, kind and tag one object, which marshal then
    writes once and refers back to: 100,000 generated cards' tags took 20 MB, and as many
    strings in memory after a warm open."""
    shared: dict[Any, Any] = {}
    ids, titles, publishers, years, months, days, kinds, tags, paths = columns
    publishers, kinds = (tuple(shared.setdefault(v, v) for v in c) for c in (publishers, kinds))
    tags = tuple(tuple(shared.setdefault(t, t) for t in card) for card in tags)
    return ids, titles, publishers, years, months, days, kinds, tags, paths


#: The facets as stored: their nodes' kinds and values, each node's total, then every card's
#: nodes one after another (in the summaries' order) and how many each card has, as arrays
#: of machine integers (:func:`_facets` cuts them into each card's tuple in C; as a tuple
#: each, 100,000 cards' nodes took 10 MB and a quarter of the decoding).
FacetColumns = tuple[list[str], list[str], list[int], bytes, bytes]


def _facet_columns(summaries: Sequence[CardSummary], facets: Facets | None) -> FacetColumns | None:
    if facets is None:
        return None
    kinds = [str(f.kind) for f in facets.filters]
    values = [f.value for f in facets.filters]
    totals = [facets.totals[n] for n in range(len(facets.filters))]
    nodes = list(map(unpacked(facets.card_nodes).__getitem__, (s.id for s in summaries)))
    flat = array(_NODE, chain.from_iterable(nodes)).tobytes()
    return kinds, values, totals, flat, array(_NODE, map(len, nodes)).tobytes()


#: The array type of the stored node numbers and counts (four bytes: a set may have more
#: than 65,535 tags).
_NODE = "I"


def unpack(payload: bytes | memoryview) -> Contents:
    """What :func:`pack` was given; ValueError, TypeError, EOFError, KeyError or IndexError
    when the text is not one it made."""
    columns, rowids, problems, facet_columns, stored_keys, info = marshal.loads(payload)
    ids = columns[0]
    return Contents(
        summaries_of_columns(columns),
        tuple(rowids),
        tuple(_problem(ProblemRow._make(p)) for p in problems),
        None if facet_columns is None else _facets(ids, *facet_columns),
        None if stored_keys is None else keys_of_columns(ids, stored_keys),
        None if info is None else _info(*info),
    )


def _facets(
    ids: Sequence[str],
    kinds: list[str],
    values: list[str],
    totals: list[int],
    flat: bytes,
    counts: bytes,
) -> Facets:
    """The facets :func:`_facet_columns` stored. The cards' own nodes are only checked
    here, and cut out (in C) on first use: see :class:`reader.cards.facets.PackedNodes`."""
    filters = tuple(map(Filter, map(FilterKind, kinds), values))
    numbers = array(_NODE, flat)
    ends = list(accumulate(array(_NODE, counts)))
    if (
        len(totals) != len(filters)
        or len(ends) != len(ids)
        or (ends[-1] if ends else 0) != len(numbers)
    ):
        raise ValueError("the stored facets do not line up")
    counted = Counter({n: total for n, total in enumerate(totals) if total})
    return Facets(filters, PackedNodes(len(ids), partial(_card_nodes, ids, numbers, ends)), counted)


def _card_nodes(ids: Sequence[str], numbers: array[int], ends: list[int]) -> CardNodes:
    """Each card's nodes, one tuple each (the ends checked by :func:`_facets`)."""
    flat = tuple(numbers)
    return dict(zip(ids, map(flat.__getitem__, map(slice, [0, *ends], ends)), strict=True))


def _problem(row: ProblemRow) -> Problem:
    return Problem(row.path, row.line, row.column, Severity(row.severity), row.message)


#: A :class:`SetInfo` as stored: its fields in order, the topics as (key, label, question).
InfoColumns = tuple[Any, ...]


def _info_columns(info: SetInfo) -> InfoColumns:
    topics = [(t.key, t.label, t.question) for t in info.topics]
    return (
        info.title,
        info.description,
        topics,
        dict(info.tag_descriptions),
        dict(info.actor_aliases),
        info.has_file,
        dict(info.positions),
        info.sources,
    )


def _info(
    title: str,
    description: str | None,
    topics: list[tuple[str, str, str]],
    tag_descriptions: dict[str, str],
    actor_aliases: dict[str, tuple[str, ...]],
    has_file: bool,
    positions: dict[tuple[str | int, ...], tuple[int, int]],
    sources: str | None,
) -> SetInfo:
    return SetInfo(
        title,
        description,
        tuple(Topic(*topic) for topic in topics),
        tag_descriptions,
        actor_aliases,
        has_file,
        positions,
        sources,
    )
