"""The catalog's state: its cards' summaries in order and every problem, from the index's rows.

Computed after an update from the rows (with the loader's own cross-file checks, so the index
reports what a fresh load reports), and stored in the index as one blob so that a warm open
reads it back instead of computing it again. With the summaries it stores what the window
derives from them before it can list them — the facets (tag tree, filters) and the list's
sort keys, 0.9 s of Python at 100,000 cards — once they have been made
(:func:`prepared_save`). The blob is one marshal text of columns, so a warm open decodes it
with no Python code per card (:mod:`reader.index._state_blob`).
"""

from __future__ import annotations

import contextlib
import functools
import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from reader.cards.catalog import (
    CardSummary,
    SummaryRow,
)
from reader.cards.facets import Facets, known_facets, remember_facets
from reader.cards.problems import Problem, Severity
from reader.cards.set_info import SetInfo
from reader.cards.sorting import (
    SortKeys,
    known_sort_keys,
    remember_sort_keys,
)
from reader.index._parser import parser
from reader.index._rows import FileRow, split
from reader.index._state_blob import CHECKSUM_SIZE, Contents, checksum, pack, unpack
from reader.index._store import CorruptIndex, read_transaction

if TYPE_CHECKING:
    from reader.cards.model import Card


@dataclass(frozen=True, slots=True)
class State:
    """What a catalog needs in memory: the visible cards in order, and every problem."""

    summaries: tuple[CardSummary, ...]
    #: The rowid of each summary, in the same order.
    rowids: tuple[int, ...]
    problems: tuple[Problem, ...]
    #: The generation of the rows ``rowids`` name. Another process's update gives the rows it
    #: rewrites new rowids, so a query trusts them only while the generation is this one.
    generation: int
    #: The set file's digest it was made for (what it is stored under).
    set_digest: bytes = field(default=b"", compare=False)
    #: The summaries' facets and sort keys, when they were stored with it (else None: the
    #: loader makes them, and :func:`prepared_save` stores them for the next open).
    facets: Facets | None = field(default=None, compare=False, repr=False)
    sort_keys: SortKeys | None = field(default=None, compare=False, repr=False)
    #: What the set file declared when it was made: stored with it, so that a warm open
    #: lists the set before parsing the set file (None: from an earlier version's store).
    info: SetInfo | None = field(default=None, compare=False, repr=False)

    @property
    def prepared(self) -> bool:
        """Whether its facets and sort keys were read back with it."""
        return self.facets is not None and self.sort_keys is not None


def problem_from_json(data: dict[str, Any]) -> Problem:
    return Problem(
        data["path"], data["line"], data["column"], Severity(data["severity"]), data["message"]
    )


def generation(conn: sqlite3.Connection) -> int:
    """A counter every write advances: equal values mean the rows did not change."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
    try:
        return int(row[0])
    except (TypeError, ValueError) as exc:
        raise CorruptIndex(f"its generation does not decode ({exc})") from exc


def stored_state(conn: sqlite3.Connection, set_digest: bytes) -> tuple[int, State] | None:
    """The state stored for the current rows and this set file, with the rows' generation."""
    with read_transaction(conn):
        current = generation(conn)
        blob = _stored_blob(conn, current, set_digest)
    return None if blob is None else (current, _decode_state(blob, current, set_digest))


def _stored_blob(conn: sqlite3.Connection, current: int, set_digest: bytes) -> bytes | None:
    """The encoded state stored for rows of generation ``current`` and this set file.

    Read through an incremental blob handle, straight into the bytes returned: a ``SELECT``
    assembles the value in a buffer of its own first, and the pages of that second copy
    (4 MB for 10,000 cards: 1,000 page faults) cost 4 ms of a warm open's critical path.
    """
    row = conn.execute(
        "SELECT id FROM snapshot WHERE generation = ? AND set_digest = ?",
        (current, set_digest),
    ).fetchone()
    if row is None:
        return None
    try:
        with conn.blobopen("snapshot", "state", row[0], readonly=True) as blob:
            return blob.read()
    except sqlite3.OperationalError as exc:  # a text or a number where the blob should be
        raise CorruptIndex(f"its stored state is not a blob ({exc})") from exc


class StateRow(NamedTuple):
    """What the state is computed from, per stored file: the columns of ``files`` by these
    names (:data:`_STATE_QUERY`), or :func:`state_entry` of a row just written.

    A file without a card has only its rowid, path and problems; the types of a row read
    back are checked before use (:func:`_compute_state`).
    """

    rowid: int
    path: str
    card_id: str | None
    title: str | None
    publisher: str | None
    year: int | None
    month: int | None
    day: int | None
    kind: str | None
    tags: str | None
    id_line: int | None
    id_column: int | None
    addressees: str | None
    actors: str | None
    problems: str | None

    def summary(self) -> CardSummary:
        """The summary of the row's card (only for a row with one)."""
        return CardSummary.from_row(
            SummaryRow(
                id=self.card_id or "",
                title=self.title or "",
                publisher=self.publisher or "",
                year=self.year or 0,
                month=self.month,
                day=self.day,
                kind=self.kind,
                tags=tuple(split(self.tags or "")),
                path=self.path,
            )
        )


#: The columns are the row's fields, so the two cannot disagree on an order.
_STATE_QUERY = f"SELECT {', '.join(StateRow._fields)} FROM files"


def state_entry(rowid: int, row: FileRow) -> StateRow:
    return StateRow(
        rowid=rowid,
        path=row.rel,
        card_id=row.card_id,
        title=row.title,
        publisher=row.publisher,
        year=row.year,
        month=row.month,
        day=row.day,
        kind=row.kind,
        tags=row.tags,
        id_line=row.id_line,
        id_column=row.id_column,
        addressees=row.addressees,
        actors=row.actors,
        problems=row.problems,
    )


@dataclass
class Written:
    """What an update wrote: the generation it started from, its writes, and their entries."""

    start: int
    writes: int = 0
    entries: list[StateRow] = field(default_factory=list)
    #: The entries' summaries by rowid, made as each chunk is written: while the workers
    #: parse, not at the end of a first build, when every other core waits.
    summaries: dict[int, CardSummary] = field(default_factory=dict)
    #: What went wrong on the way without costing a result (an index worker that failed).
    notes: list[str] = field(default_factory=list)


def load_state(
    conn: sqlite3.Connection,
    root: Path,
    info: SetInfo,
    set_problems: Sequence[Problem],
    set_digest: bytes,
    written: Written | None = None,
    unsaved: list[SaveState] | None = None,
) -> State:
    """The catalog's state: from the stored snapshot when nothing changed since it was made
    (a warm open), else computed and stored for next time — from ``written`` when the update
    rewrote every row and nothing else wrote meanwhile (a first build), else from the rows.

    With ``unsaved``, a computed state is not stored: what stores it is appended there.
    """
    with read_transaction(conn):
        current = generation(conn)
        cached = _stored_blob(conn, current, set_digest)
        if cached is not None:
            return _decode_state(cached, current, set_digest)
        (count,) = conn.execute("SELECT count(*) FROM files").fetchone()
        if (
            written is not None
            and current == written.start + written.writes
            and count == len(written.entries)
        ):
            entries = sorted(written.entries, key=lambda entry: entry.path)
            made = written.summaries
        else:
            entries = list(map(StateRow._make, conn.execute(f"{_STATE_QUERY} ORDER BY path")))
            made = {}
        state = _compute_state(entries, root, info, set_problems, current, set_digest, made)
    save = functools.partial(_save_state, current, set_digest, state)
    if unsaved is None:
        save(conn)
    else:
        unsaved.append(save)
    return state


#: Stores a computed state for the next open, given a connection to the index.
SaveState = Callable[[sqlite3.Connection], None]


def prepared_save(state: State) -> SaveState | None:
    """Stores ``state`` again with its facets and sort keys, when it was stored without them
    (an update computed it, or an earlier version stored it) and both have been made since
    (:func:`reader.cards.facets.build_facets`, :func:`reader.cards.sorting.sort_keys`); None
    when there is nothing to add."""
    if state.prepared:
        return None
    summaries = state.summaries
    if known_facets(summaries) is None or known_sort_keys(summaries) is None:
        return None
    return functools.partial(_save_state, state.generation, state.set_digest, state)


def _save_state(generation: int, set_digest: bytes, state: State, conn: sqlite3.Connection) -> None:
    summaries = state.summaries
    facets = state.facets or known_facets(summaries)
    keys = state.sort_keys or known_sort_keys(summaries)
    payload = pack(Contents(summaries, state.rowids, state.problems, facets, keys, state.info))
    # Busy (another instance is writing) only means the next open computes it again.
    with contextlib.suppress(sqlite3.OperationalError):
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(
                "INSERT OR REPLACE INTO snapshot (id, generation, set_digest, state) "
                "VALUES (1, ?, ?, zeroblob(?))",
                (generation, set_digest, CHECKSUM_SIZE + len(payload)),
            )
            # Written in place: the checksum and the payload joined first would be a second
            # copy (41 MB at 100,000 cards, the peak memory of a window's first open).
            with conn.blobopen("snapshot", "state", 1) as blob:
                blob.write(checksum(payload))
                blob.write(payload)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


def _compute_state(
    rows: Sequence[StateRow],
    root: Path,
    info: SetInfo,
    set_problems: Sequence[Problem],
    current: int,
    set_digest: bytes,
    made: dict[int, CardSummary],
) -> State:
    """Summaries and problems from the rows of generation ``current``, with the cross-file
    checks of ``load_set``; :class:`CorruptIndex` when a row does not decode. ``made``: some
    rows' summaries, by rowid.

    The cross-file checks (duplicate ids, aliases no card uses) are the loader's own
    ``assemble`` (:mod:`reader.cards.assembly`), so the index reports exactly what a fresh
    load reports, in the same words. It runs over skeleton cards that carry what those checks
    read: for each card whose id is shared, its id, path, id position and names; for all
    other cards together (which are all kept), one carrier of their names, under an id no
    card can have.
    """
    # The skeletons are model cards, made and assembled by the index's parsing (its one way to
    # the card model, which a window imports after its first paint: reader.index._parser).
    parsing = parser()
    problems = list(set_problems)
    seen: dict[str, int] = {}
    for row in rows:
        if not all(map(isinstance, row, _CARD if row.card_id is not None else _NO_CARD)):
            raise CorruptIndex(f"a stored row does not decode (row {row.rowid!r})")
        if row.card_id is not None:
            seen[row.card_id] = seen.get(row.card_id, 0) + 1
    try:
        kept, shared, carried, skeletons = _summarize(
            rows, seen, bool(info.actor_aliases), problems, made
        )
    except (ValueError, TypeError, KeyError) as exc:  # JSON that does not decode, or is not ours
        raise CorruptIndex(f"a stored row does not decode ({type(exc).__name__}: {exc})") from exc
    skeletons.append(parsing.skeleton_card("", "", (1, 1), sorted(carried)))
    card_set = parsing.assemble(root, info, skeletons, problems)
    kept += [shared[c.path] for c in card_set.cards if c.path in shared]
    kept.sort(key=lambda pair: pair[1].path)
    return State(
        tuple(summary for _, summary in kept),
        tuple(rowid for rowid, _ in kept),
        card_set.problems,
        current,
        set_digest,
        info=info,
    )


_NONE = type(None)
#: The types of a :class:`StateRow`'s values for a card, and for a file without one (which
#: is there for its problems): a value of another type is damage, not data.
_CARD_TYPES: dict[str, type | tuple[type, ...]] = {
    "rowid": int, "path": str, "card_id": str, "title": str, "publisher": str, "year": int,
    "month": (int, _NONE), "day": (int, _NONE), "kind": (str, _NONE), "tags": str,
    "id_line": int, "id_column": int, "addressees": str, "actors": str, "problems": (str, _NONE),
}  # fmt: skip
_NO_CARD_TYPES: dict[str, type] = {"rowid": int, "path": str, "problems": str}
#: The same in the row's order (a field left out above fails at import).
_CARD = tuple(_CARD_TYPES[name] for name in StateRow._fields)
_NO_CARD = tuple(_NO_CARD_TYPES.get(name, _NONE) for name in StateRow._fields)


#: A card's rowid and summary.
Summarized = tuple[int, CardSummary]


def _summarize(
    rows: Sequence[StateRow],
    seen: dict[str, int],
    aliases: bool,
    problems: list[Problem],
    made: dict[int, CardSummary],
) -> tuple[list[Summarized], dict[str, Summarized], set[str], list[Card]]:
    """Each card's summary (kept, or shared when its id is not unique), the names the kept
    cards carry, and skeletons of the others; each file's problems go to ``problems``."""
    carried: set[str] = set()
    skeletons: list[Card] = []
    kept: list[Summarized] = []
    shared: dict[str, Summarized] = {}
    for row in rows:
        if row.problems is not None:
            problems.extend(problem_from_json(p) for p in json.loads(row.problems))
        card_id = row.card_id
        if card_id is None:
            continue
        summary = made.get(row.rowid) or row.summary()
        names = split(row.addressees or "") + split(row.actors or "") if aliases else []
        if seen[card_id] == 1:
            carried.update(names)
            kept.append((row.rowid, summary))
        else:
            position = (row.id_line or 0, row.id_column or 0)
            skeletons.append(parser().skeleton_card(card_id, row.path, position, names))
            shared[row.path] = (row.rowid, summary)
    return kept, shared, carried, skeletons


def _decode_state(blob: bytes, current: int, set_digest: bytes = b"") -> State:
    """The state :func:`_save_state` stored for rows of generation ``current``."""
    stored, payload = blob[:CHECKSUM_SIZE], memoryview(blob)[CHECKSUM_SIZE:]  # no copy
    if checksum(payload) != stored:
        raise CorruptIndex("its stored state is damaged")
    try:
        contents = unpack(payload)
    except (ValueError, TypeError, EOFError, KeyError, IndexError) as exc:
        raise CorruptIndex(f"its stored state does not decode ({exc})") from exc
    summaries, facets, keys = contents.summaries, contents.facets, contents.sort_keys
    if facets is not None:
        remember_facets(summaries, facets)  # the loader asks for them by these summaries
    if keys is not None:
        remember_sort_keys(summaries, keys)
    return State(
        summaries,
        contents.rowids,
        contents.problems,
        current,
        set_digest,
        facets,
        keys,
        contents.info,
    )
