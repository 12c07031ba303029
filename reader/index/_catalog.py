"""The catalog answered from the persistent index (see :mod:`reader.index`).

It holds in memory only what a window needs at once — the summaries in path order, the
problems, and the facet index built from them — and asks SQLite for the rest (full-text
matches, analysis rows). A card shown is read from its file, as it is now, and parsed once per
change of the file (see :class:`ParsedCards`); the index keeps no copy of it.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cards.catalog import SUMMARY_ID, CardProgress, CardSummary, MemoryCatalog
from reader.cards.facets import Facets, build_facets
from reader.cards.file_reading import UnreadableFileError, read_limited
from reader.cards.parts import Parts
from reader.cards.problems import Problem
from reader.cards.query import Query
from reader.cards.set_info import SET_FILE, SetInfo
from reader.cards.set_walk import is_card_name, is_walked_folder
from reader.cards.sorting import sort_keys
from reader.index._columns import column_of
from reader.index._parser import parser
from reader.index._rows import content_digest, split
from reader.index._search import (
    RANKED_SQL,
    Positions,
    fts_expression,
    matching_positions,
    pick,
    scanned,
    span_of,
)
from reader.index._state import SaveState, State, generation, prepared_save
from reader.index._store import Store, read_transaction

if TYPE_CHECKING:
    from reader.cards.model import Card

#: Brings the index up to date (only these paths, or every file for None) and returns the
#: new catalog (which stores its state only when asked to, if the flag is true).
Reopen = Callable[[list[str] | None, bool], "IndexCatalog"]
#: How many parsed cards :class:`ParsedCards` keeps: more than a person visits back and forth,
#: a few MB at most.
PARSED_CARDS = 128
#: A card file by path, content digest and the set's topics: all its parse depends on.
CardKey = tuple[str, bytes, frozenset[str] | None]


class ParsedCards:
    """The cards last parsed from their files (an LRU keyed by :data:`CardKey`).

    Showing a card parses its file (0.4-0.9 ms with the schema checks), and the window
    shows it again on every visit, the export asks up to three times per card. Parsing is a
    pure function of the key, so a card is parsed once per change of its file, and the cache
    can only ever answer with what those exact bytes parse into: never another card's content,
    nor this card's before an edit. Safe to share between threads; one serves every catalog
    of the process, so a live reload does not parse the card on show again.
    """

    def __init__(self, size: int = PARSED_CARDS) -> None:
        self._size = size
        self._cards: OrderedDict[CardKey, Card] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: CardKey) -> Card | None:
        with self._lock:
            card = self._cards.get(key)
            if card is not None:
                self._cards.move_to_end(key)
            return card

    def put(self, key: CardKey, card: Card) -> None:
        with self._lock:
            self._cards[key] = card
            self._cards.move_to_end(key)
            while len(self._cards) > self._size:
                self._cards.popitem(last=False)


_PARSED = ParsedCards()
#: How many analysis rows :meth:`IndexCatalog.analysed` reads in one query (and how often it
#: reports progress): below SQLite's limit of variables in a statement.
ANALYSIS_CHUNK = 500
#: Cards decoded between two progress reports within a chunk (a millisecond or two).
PROGRESS_STEP = 100


def _decoded(row: str | None, parts: Parts) -> Card | None:
    if row is None:
        return None
    try:
        return parser().decode_analysis(row, parts)  # cards come with the parser: _parser
    except ValueError:
        return None


class IndexCatalog:
    """A :class:`Catalog` answered from the index (see :mod:`reader.index`)."""

    def __init__(
        self,
        root: Path,
        info: SetInfo,
        topics: frozenset[str] | None,
        state: State,
        store: Store,
        reopen: Reopen,
        unsaved: SaveState | None = None,
        notes: Sequence[str] = (),
    ) -> None:
        self._root = root
        self._notes = tuple(dict.fromkeys(notes))  # what went wrong building it, once each
        self._reopen = reopen
        self._info = info
        self._topics = topics
        self._state = state
        self._unsaved = unsaved
        self._store = store
        #: Made on the first search (see _positions): a catalog is made on every open and
        #: reload, and this takes a tenth of a second at 100,000 cards.
        self._position: Positions | None = None
        self._ids = tuple(map(SUMMARY_ID, state.summaries))  # in C: 100,000 on every open
        self._index_of = dict(zip(self._ids, range(len(self._ids)), strict=True))
        #: The positions by rowid of a later generation of the rows (see _positions).
        self._remapped: tuple[int, Positions] | None = None
        self._facets_lock = threading.Lock()
        self._facets: Facets | None = None
        #: Whether the stored state has the facets and sort keys (see save_state).
        self._prepared_saved = state.prepared
        self._fallback: MemoryCatalog | None = None

    @property
    def root(self) -> Path:
        return self._root

    @property
    def info(self) -> SetInfo:
        return self._info

    @property
    def problems(self) -> Sequence[Problem]:
        return self._state.problems

    @property
    def note(self) -> str | None:
        """Why this index is slower or less lasting than usual, or None."""
        notes = [self._store.location.note] if self._store.location.note else []
        if not self._store.fts:
            notes.append("this Python's SQLite has no full-text search (FTS5); searches scan")
        notes += self._notes
        return "; ".join(notes) or None

    @property
    def index_file(self) -> Path | None:
        return self._store.location.path

    def summaries(self) -> Sequence[CardSummary]:
        return self._state.summaries

    def facets(self) -> Facets:
        """The tag and facet index of its cards, built on first use (see
        :func:`index_snapshots`, which builds it on the loading thread just after handing the
        catalog over) and ready to select."""
        with self._facets_lock:
            if self._facets is None:
                facets = self._state.facets or build_facets(self._state.summaries)
                facets.select(Query())  # files each node's cards now, not on the UI thread
                self._facets = facets
            return self._facets

    def matching(self, query: Query) -> list[str]:
        if query.is_empty():
            return list(self._ids)
        # The facets number the cards as the summaries list them (see Facets.select).
        selected = self.facets().select(query) if _narrows(query) or not query.terms else None
        if not query.terms or selected == set():  # no words, or no card with these tags
            chosen = sorted(selected or ())
        else:
            try:
                chosen = self._matched_positions(query, selected)
            except sqlite3.Error:
                return self._memory().matching(query)
        if len(chosen) == len(self._ids):
            return list(self._ids)  # a first letter typed: often every card
        return pick(self._ids, chosen)

    def search(self, query: Query) -> list[str]:
        """Like :meth:`matching`, but the best matches first (bm25) when there is a search."""
        if not query.terms or not self._store.fts:
            return self.matching(query)
        try:
            ranked = self._ranked_positions(query)
        except sqlite3.Error:
            return self._memory().matching(query)
        allowed = self.facets().select(query, set(ranked))
        return [self._ids[i] for i in ranked if i in allowed]

    def card(self, card_id: str) -> Card | None:
        position = self._index_of.get(card_id)
        if position is None:
            return None
        card = self._file_card(self._state.summaries[position].path)
        # The file may hold another card by now: never answer with another card's content.
        return card if card is not None and card.id == card_id else None

    def analysed(
        self,
        card_ids: Sequence[str],
        progress: CardProgress | None = None,
        parts: Parts = Parts.ALL,
    ) -> list[Card]:
        """The cards behind ``card_ids`` as the set-wide analyses read them, from their
        analysis rows (:mod:`reader.index._projection`), with only ``parts`` decoded: no YAML
        is parsed, so 10,000 cards take a fraction of a second. Ids the catalog does not have
        are dropped; a card whose row is missing or damaged is parsed instead (whole).
        ``progress(done, total)`` is told between chunks and may raise to stop."""
        found: list[Card] = []
        for start in range(0, len(card_ids), ANALYSIS_CHUNK):
            if progress is not None:
                progress(start, len(card_ids))
            summaries = self._state.summaries
            chunk = [
                (i, summaries[self._index_of[i]].path)
                for i in card_ids[start : start + ANALYSIS_CHUNK]
                if i in self._index_of
            ]
            rows = self._analysis_rows([path for _, path in chunk])
            for n, (card_id, path) in enumerate(chunk):
                if progress is not None and n and n % PROGRESS_STEP == 0:
                    progress(start + n, len(card_ids))  # a window's view job gives way
                card = _decoded(rows.get((path, card_id)), parts)
                card = card if card is not None else self.card(card_id)
                if card is not None:
                    found.append(card)
        return found

    def first_events(self, card_ids: Sequence[str]) -> dict[str, int] | None:
        """Each card's earliest timeline date as stored at index time
        (:func:`reader.cards.event_order.first_event`), for those of ``card_ids`` with a
        timeline; None when the index cannot be read."""
        found = self._column("first_event", card_ids)
        return None if found is None else {i: v for i, v in found.items() if isinstance(v, int)}

    def addressees(self, card_ids: Sequence[str]) -> dict[str, list[str]] | None:
        """Each card's recommendations' addressees as written (see
        :class:`reader.cards.addressed.AddresseesKnown`); None when the index cannot be read."""
        found = self._column("addressees", card_ids)
        if found is None:
            return None
        return {i: split(v) for i, v in found.items() if isinstance(v, str) and v}

    def _column(self, column: str, card_ids: Sequence[str]) -> dict[str, object] | None:
        summaries, index_of = self._state.summaries, self._index_of
        wanted = {(summaries[index_of[i]].path, i) for i in card_ids if i in index_of}
        return column_of(self._store, column, wanted)

    def _analysis_rows(self, paths: list[str]) -> dict[tuple[str, str], str]:
        """(path, card id) → analysis row, for the files at ``paths``; empty when the index
        cannot be read (the caller parses the cards instead)."""
        marks = ", ".join("?" * len(paths))
        try:
            with self._store.connection() as conn:
                rows = conn.execute(
                    f"SELECT path, card_id, analysis FROM files WHERE path IN ({marks})", paths
                ).fetchall()
        except sqlite3.Error:
            return {}
        return {(path, card_id): row for path, card_id, row in rows if isinstance(row, str)}

    def _file_card(self, rel: str) -> Card | None:
        """The card the file at ``rel`` holds now (None when it holds none, or cannot be
        read), parsed once per content (:class:`ParsedCards`)."""
        try:
            data = read_limited(self._root / rel)
        except UnreadableFileError:
            return None
        key = (rel, content_digest(data), self._topics)
        card = _PARSED.get(key)
        if card is None:
            card = parser().restore_card(rel, data, self._topics)
            if card is not None:
                _PARSED.put(key, card)
        return card

    def refresh(
        self, changed: Iterable[Path | str] | None = None, *, save_later: bool = False
    ) -> IndexCatalog:
        """A new snapshot after re-checking ``changed`` (or every file when None).

        With ``save_later``, its state is stored for the next open only by its
        :meth:`save_state`, so that it reaches the window first.
        """
        only = None if changed is None else self._card_paths(changed)
        return self._reopen(only, save_later)

    def save_state(self) -> None:
        """Store the state :meth:`refresh` left unsaved, or the state stored without its facets
        and sort keys again with them once they are made (:func:`prepared_save`); a failure
        only costs the next open."""
        save, self._unsaved = self._unsaved, None
        if save is None and not self._prepared_saved:
            save = prepared_save(self._state)
        if save is not None:
            self._prepared_saved = True  # the unsaved state is stored with what is known
            with contextlib.suppress(sqlite3.Error), self._store.connection() as conn:
                save(conn)

    def store_prepared(self) -> None:
        """Make its facets and sort keys if its stored state lacks them, and store them with
        it (or store the state :meth:`refresh` left unsaved, with them): a warm open then reads
        them back rather than making them, 0.9 s of Python at 100,000 cards. The loader asks
        for both next (:func:`reader.app.prepare.prepare`) and is handed these."""
        if not self._prepared_saved:
            build_facets(self._state.summaries)
            sort_keys(self._state.summaries)
            self.save_state()

    def close(self) -> None:
        self._store.close()

    def _card_paths(self, changed: Iterable[Path | str]) -> list[str] | None:
        """``changed`` relative to the set, or None when every card must be re-checked:
        the set file (topics, aliases), a folder, or something outside the set changed."""
        paths = [self._relative(p) for p in changed]
        cards = [rel for rel in paths if rel is not None and _is_candidate(rel)]
        return cards if len(cards) == len(paths) else None

    def _relative(self, path: Path | str) -> str | None:
        """``path`` relative to the set, or None when it is not under it."""
        candidate = Path(path)
        if not candidate.is_absolute():
            return candidate.as_posix()
        try:
            return candidate.relative_to(self._root).as_posix()
        except ValueError:
            pass
        try:
            return candidate.resolve().relative_to(self._root.resolve()).as_posix()
        except ValueError:
            return None

    def _matched_positions(self, query: Query, within: set[int] | None = None) -> list[int]:
        """Positions of the cards whose words match every term, ascending; only those at
        positions ``within`` when given.

        One read transaction (here and in :meth:`_ranked_positions`): the matches and the
        rowids they are mapped by come from one snapshot of the index, whatever other
        processes write meanwhile.
        """
        with self._store.connection() as conn, read_transaction(conn):
            positions = self._positions(conn)
            if not self._store.fts:
                found = scanned(conn, query, positions)
                return sorted(found if within is None else within.intersection(found))
            span = span_of(self._state.rowids, within) if positions is self._position else None
            expression = fts_expression(query.terms)
            return matching_positions(conn, expression, positions, span, within)

    def _ranked_positions(self, query: Query) -> list[int]:
        """Positions of the cards whose words match every term, best first."""
        with self._store.connection() as conn, read_transaction(conn):
            positions = self._positions(conn)
            rows = conn.execute(RANKED_SQL, (fts_expression(query.terms),))
            return positions.ranked(rowid for (rowid,) in rows)

    def _positions(self, conn: sqlite3.Connection) -> Positions:
        """Each row's position in the summaries, as the rows stand in ``conn``'s transaction.

        While nothing was written since this catalog's state was made, that is the state's
        own map. After another update — which gives the rows it rewrites new rowids, and may
        give a number this catalog knows to another file — rows are matched to the summaries
        by path and card id instead.
        """
        current = generation(conn)
        if current == self._state.generation:
            if self._position is None:
                rowids = self._state.rowids
                self._position = Positions(rowids, range(len(rowids)))
            return self._position
        remapped = self._remapped
        if remapped is None or remapped[0] != current:
            wanted = {(s.path, s.id): i for i, s in enumerate(self._state.summaries)}
            rows = conn.execute("SELECT rowid, path, card_id FROM files WHERE card_id NOT NULL")
            found = [(r, wanted[(p, c)]) for r, p, c in rows if (p, c) in wanted]
            by_rowid = Positions([r for r, _ in found], [i for _, i in found])
            remapped = self._remapped = (current, by_rowid)
        return remapped[1]

    def _memory(self) -> MemoryCatalog:
        """The index broke under us: answer from a fresh parse rather than fail."""
        if self._fallback is None:
            self._fallback = MemoryCatalog(parser().load_set(self._root))
        return self._fallback


def _narrows(query: Query) -> bool:
    """Whether anything but its search terms narrows ``query`` (see Facets.select)."""
    parts = (query.include_tags, query.exclude_tags, query.publishers, query.years, query.kinds)
    return any(parts) or bool(query.card_ids)


def _is_candidate(rel: str) -> bool:
    """Whether the loader's walk would pick up ``rel`` (a card suffix, nothing hidden)."""
    *folders, name = rel.split("/")
    return rel != SET_FILE and all(map(is_walked_folder, folders)) and is_card_name(name)
