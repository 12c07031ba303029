"""The persistent index: a set of any size, opened fast after the first time, searched by SQL.

The first open of a set parses every card (in parallel, on all cores) and keeps the results in
an SQLite file in the user's cache folder; later opens compare each file's size and
modification time with what was indexed and parse only what changed. Delete the file at any
time: it holds nothing that is not in the cards. See :mod:`reader.core.indexdb` for where it
lives and how a bad one is replaced, :mod:`reader.core.indexbuild` for how it is kept current,
and :mod:`reader.core.indexquery` for how queries keep the linear scan's meaning.

API for the window (all of it may run on a worker thread; no Qt involved)
--------------------------------------------------------------------------

``open_index(root, on_progress=None, on_batch=None) -> IndexCatalog``
    Bring the index up to date and return a :class:`Catalog` over it. During a cold build,
    ``on_progress(done, total)`` reports parsed files and ``on_batch(summaries)`` delivers the
    :class:`CardSummary` of each chunk of cards as it is stored (chunks arrive in completion
    order, not path order; duplicates are only resolved in the returned catalog). Both are
    called on the thread that called ``open_index``.

``index_snapshots(root) -> Iterator[Catalog]``
    The same, shaped as the window's ``CatalogSource`` (:mod:`reader.ui.loading`). On a warm
    open it first yields the catalog as the index last stored it, before checking a single
    file (0.1 s at 10,000 cards), and then — only if some file changed meanwhile — the updated
    one. During a long build it yields what is indexed so far about every
    ``SNAPSHOT_SECONDS``, then the final catalog. For a live reload pass
    ``stored_first=False`` (e.g. ``functools.partial(index_snapshots, stored_first=False)``):
    the stored catalog is what the window already shows.

``IndexCatalog.refresh(changed=None) -> IndexCatalog``
    For live reload: re-checks the given paths (absolute or relative to the set; files that
    vanished are forgotten), or every file when ``changed`` is None, and returns a new catalog
    snapshot. Changing one card of a 10,000-card set takes a few tens of milliseconds with the
    paths, a few hundred without.

``IndexCatalog`` answers the :class:`Catalog` protocol (``root``, ``info``, ``problems``,
``summaries()``, ``matching(query)``, ``card(id)``) with the same results as
:class:`MemoryCatalog` over ``load_set(root)``; ``card`` parses only the card asked for, from
the copy of its file the index keeps.
It also has ``search(query)`` (ids ranked by relevance, bm25, for the CLI), ``tag_counts()``
(what :func:`reader.core.catalog.tag_counts` computes from the summaries, but from the index's
tag maps: 20 ms instead of 130 ms at 10,000 cards) and ``note`` (a line for the status bar
when the index is temporary or full-text search is unavailable). A catalog may be used from
any thread.
"""

from __future__ import annotations

import functools
import hashlib
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reader.core.cardfile import parse_card
from reader.core.catalog import CardSummary, Catalog, MemoryCatalog
from reader.core.dates import PartialDate
from reader.core.diagnostics import Problem
from reader.core.indexbuild import (
    State,
    generation,
    has_fulltext,
    load_state,
    parse,
    plan,
    scan,
    stamp_of,
    stored_state,
    write,
)
from reader.core.indexdb import IndexLocation, forget, prepare
from reader.core.indexquery import MATCHING_SQL, RANKED_SQL, MetadataIndex, fts_expression
from reader.core.indexrows import FileRow, restore_card, split, split_words
from reader.core.loader import (
    CARD_SUFFIXES,
    CardFile,
    load_card_file,
    load_set,
    load_set_info,
    topic_keys,
)
from reader.core.model import SET_FILE, Card, SetInfo
from reader.core.query import Query
from reader.core.setfile import parse_set_file


def _exercise_the_parser() -> None:
    """Parse a valid and an invalid card and a set file once, at import.

    The index is driven from worker threads, and PySide6 replaces ``__import__`` with a hook
    that is not thread-safe (see :mod:`reader.ui.loading`). Validators are compiled, and some
    modules imported, on first use; doing that here, on the importing (main) thread, means the
    worker threads find everything ready.
    """
    card = (
        b"format: briefing-card/1\nid: a\ntitle: t\nsource: {publisher: p, published: '2020'}\n"
        b"thesis: t\nsummary: s\nargument: [{claim: c}]\ntags: [t]\n"
        b"timeline: [{date: '2020-01', event: e}]\n"
    )
    parse_card("a.yaml", card, frozenset())
    parse_card("b.yaml", b"format: briefing-card/1\nid: B\nsurplus: 1\n", None)
    parse_set_file(b"format: briefing-set/1\ntitle: t\ntopics: [{key: k}]\n", "t")


_exercise_the_parser()

ProgressCallback = Callable[[int, int], None]
BatchCallback = Callable[[Sequence[CardSummary]], None]
#: How often :func:`index_snapshots` shows a long build's progress as a catalog.
SNAPSHOT_SECONDS = 1.0
#: Rows per write transaction: full-text indexing costs a third less per row in large ones.
WRITE_BATCH = 1024
#: From this many files to parse, the writes skip fsync until the end.
BULK = 1000


class _Store:
    """Connections to one index: one per thread for a file (WAL lets them read while another
    writes), one shared under a lock for a memory index (which lives as long as it is open)."""

    def __init__(self, location: IndexLocation, keeper: sqlite3.Connection) -> None:
        self.location = location
        self._keeper = keeper
        self._lock = threading.RLock()
        self._by_thread: dict[int, sqlite3.Connection] = {}
        self.fts = has_fulltext(keeper)

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        if not self.location.persistent:
            with self._lock:
                yield self._keeper
            return
        ident = threading.get_ident()
        with self._lock:
            conn = self._by_thread.get(ident)
            if conn is None:
                conn = self._by_thread[ident] = self.location.connect()
        yield conn

    def close(self) -> None:
        """Close every connection now (they also close when the store is collected)."""
        with self._lock:
            for conn in [self._keeper, *self._by_thread.values()]:
                conn.close()
            self._by_thread.clear()


class IndexCatalog:
    """A :class:`Catalog` answered from the index (see the module docstring)."""

    def __init__(
        self, root: Path, info: SetInfo, topics: frozenset[str] | None, state: State, store: _Store
    ) -> None:
        self._root = root
        self._info = info
        self._topics = topics
        self._state = state
        self._store = store
        self._position = {rowid: i for i, rowid in enumerate(state.rowids)}
        self._metadata_lock = threading.Lock()
        self._metadata_index: MetadataIndex | None = None
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
        return "; ".join(notes) or None

    @property
    def index_file(self) -> Path | None:
        return self._store.location.path

    def summaries(self) -> Sequence[CardSummary]:
        return self._state.summaries

    def tag_counts(self) -> Counter[str]:
        """:func:`reader.core.catalog.tag_counts` of every card, from the tag maps (quick)."""
        return Counter({tag: len(cards) for tag, cards in self._metadata.tags.items()})

    def matching(self, query: Query) -> list[str]:
        summaries = self._state.summaries
        if query.is_empty():
            return [s.id for s in summaries]
        found: set[int] | None = None
        if query.terms:
            try:
                found = set(self._search_positions(query, ranked=False))
            except sqlite3.Error:
                return self._memory().matching(query)
        return [summaries[i].id for i in self._metadata.select(query, found)]

    def search(self, query: Query) -> list[str]:
        """Like :meth:`matching`, but the best matches first (bm25) when there is a search."""
        if not query.terms or not self._store.fts:
            return self.matching(query)
        try:
            ranked = self._search_positions(query, ranked=True)
        except sqlite3.Error:
            return self._memory().matching(query)
        allowed = set(self._metadata.select(query, set(ranked)))
        summaries = self._state.summaries
        return [summaries[i].id for i in ranked if i in allowed]

    def card(self, card_id: str) -> Card | None:
        position = self._metadata.ids.get(card_id)
        if position is None:
            return None
        rowid = self._state.rowids[position]
        rel = self._state.summaries[position].path
        try:
            with self._store.connection() as conn:
                row = conn.execute("SELECT source FROM files WHERE rowid = ?", (rowid,)).fetchone()
        except sqlite3.Error:
            row = None
        if row is not None and row[0] is not None:
            return restore_card(rel, row[0], self._topics)
        return load_card_file(CardFile(self._root / rel, rel), self._topics)[0]

    def refresh(self, changed: Iterable[Path | str] | None = None) -> IndexCatalog:
        """A new snapshot after re-checking ``changed`` (or every file when None)."""
        only = None if changed is None else [self._relative(p) for p in changed]
        if only is not None and any(rel == SET_FILE or not _is_candidate(rel) for rel in only):
            # The set file (topics, aliases) or a folder changed: every card is re-checked.
            only = None
        return _finish(_build(self._root, self._store, only, None, None))

    def close(self) -> None:
        self._store.close()

    def _relative(self, path: Path | str) -> str:
        candidate = Path(path)
        if not candidate.is_absolute():
            return candidate.as_posix()
        try:
            return candidate.relative_to(self._root).as_posix()
        except ValueError:
            return candidate.resolve().relative_to(self._root.resolve()).as_posix()

    @property
    def _metadata(self) -> MetadataIndex:
        """The tag and facet maps, built on first use (see :func:`index_snapshots`, which
        builds them on the loading thread just after handing the catalog over)."""
        with self._metadata_lock:
            if self._metadata_index is None:
                self._metadata_index = MetadataIndex(self._state.summaries)
            return self._metadata_index

    def _search_positions(self, query: Query, *, ranked: bool) -> list[int]:
        """Positions of the cards whose words match every term (best first when ``ranked``)."""
        position = self._position
        with self._store.connection() as conn:
            if not self._store.fts:
                return [
                    position[rowid]
                    for rowid, text in conn.execute("SELECT rowid, words FROM files")
                    if rowid in position and query.matches_words(split_words(text))
                ]
            sql = RANKED_SQL if ranked else MATCHING_SQL
            rows = conn.execute(sql, (fts_expression(query.terms),))
            return [position[r] for (r,) in rows if r in position]

    def _memory(self) -> MemoryCatalog:
        """The index broke under us: answer from a fresh parse rather than fail."""
        if self._fallback is None:
            self._fallback = MemoryCatalog(load_set(self._root))
        return self._fallback


@dataclass(frozen=True, slots=True)
class _Step:
    """Progress of an update: ``done`` of ``total`` files parsed, ``rows`` just stored."""

    done: int
    total: int
    rows: list[FileRow]
    #: A catalog of what is stored so far.
    snapshot: Callable[[], IndexCatalog]


def _topics_signature(topics: frozenset[str] | None) -> str:
    return "none" if topics is None else "\n".join(sorted(topics)) + "\n"


def _is_candidate(rel: str) -> bool:
    """Whether the loader's walk would pick up ``rel`` (a card suffix, nothing hidden)."""
    parts = rel.split("/")
    if rel == SET_FILE or any(p.startswith(".") or p == "__pycache__" for p in parts):
        return False
    return parts[-1].lower().endswith(CARD_SUFFIXES)


def _update(
    root: Path,
    store: _Store,
    topics: frozenset[str] | None,
    only: list[str] | None,
    workers: int | None,
) -> Iterator[tuple[int, int, list[FileRow]]]:
    """Parse and store what changed, one chunk at a time: (done, total, rows stored)."""
    started = time.time_ns()
    signature = _topics_signature(topics)
    with store.connection() as conn:
        (stored_topics,) = conn.execute("SELECT value FROM meta WHERE key = 'topics'").fetchone()
        changed_topics = stored_topics != signature
        if changed_topics or only is None:
            stamps = scan(root)
            only = None
        else:
            found = {rel: stamp_of(root, rel) for rel in only}
            stamps = {rel: stamp for rel, stamp in found.items() if stamp is not None}
        todo = plan(conn, stamps, changed_topics, only)
        if not todo.parse and todo.delete:
            write(conn, [], todo.delete, started)
    done = 0
    deleted = todo.delete
    pending: list[FileRow] = []
    bulk = len(todo.parse) >= BULK
    with store.connection() as conn:
        if bulk and store.location.persistent:
            # Rebuilding many rows: no fsync per transaction. A crash mid-way leaves at worst
            # a damaged cache, which the next open detects and rebuilds; the checkpoint at
            # the end makes the finished index durable.
            conn.execute("PRAGMA synchronous = OFF")
        try:
            for rows in parse(todo.parse, topics, workers):
                pending += rows
                done += len(rows)
                if len(pending) >= WRITE_BATCH or done == len(todo.parse):
                    write(conn, pending, deleted, started)
                    yield done, len(todo.parse), pending
                    deleted, pending = [], []
            if changed_topics:
                conn.execute("UPDATE meta SET value = ? WHERE key = 'topics'", (signature,))
        finally:
            if bulk and store.location.persistent:
                conn.execute("PRAGMA synchronous = NORMAL")
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)")


def _build(
    root: Path,
    store: _Store | None,
    only: list[str] | None,
    workers: int | None,
    cache_dir: Path | None,
    *,
    early: bool = False,
) -> Iterator[_Step | IndexCatalog]:
    """Steps of an update, then the finished catalog (the last item).

    With ``early``, the catalog the index last stored comes first, before any file is
    checked; if the check finds nothing changed, that same object is also the last item.
    """
    set_digest = _set_file_digest(root)
    info, set_problems = load_set_info(root)
    topics = topic_keys(info)
    for attempt in range(2):
        if store is None:
            store = _Store(*prepare(root, cache_dir))
        snapshot = functools.partial(_snapshot, root, info, set_problems, topics, set_digest, store)
        try:
            shown: IndexCatalog | None = None
            stored: tuple[int, State] | None = None
            if early:
                with store.connection() as conn:
                    stored = stored_state(conn, set_digest)
                if stored is not None:
                    shown = IndexCatalog(root, info, topics, stored[1], store)
                    yield shown
            for done, total, rows in _update(root, store, topics, only, workers):
                yield _Step(done, total, rows, snapshot)
            if stored is not None and shown is not None:
                with store.connection() as conn:
                    unchanged = generation(conn) == stored[0]
                if unchanged:
                    yield shown
                    return
            yield snapshot()
            return
        except sqlite3.DatabaseError:
            # Corrupt under us, or locked for longer than the busy timeout: start again in a
            # fresh index (in memory when the file cannot be replaced).
            path = store.location.path
            store.close()
            store, only = None, None
            if attempt == 0 and path is not None:
                forget(path)
    raise AssertionError("unreachable")  # pragma: no cover


def _snapshot(
    root: Path,
    info: SetInfo,
    set_problems: Sequence[Problem],
    topics: frozenset[str] | None,
    set_digest: bytes,
    store: _Store,
) -> IndexCatalog:
    with store.connection() as conn:
        state = load_state(conn, root, info, set_problems, set_digest)
    return IndexCatalog(root, info, topics, state, store)


def _set_file_digest(root: Path) -> bytes:
    """Identifies the set file's content (the cached state holds its problems and aliases)."""
    try:
        return hashlib.blake2b((root / SET_FILE).read_bytes(), digest_size=16).digest()
    except OSError as exc:
        return f"unreadable: {exc.errno}".encode()


def _finish(steps: Iterator[_Step | IndexCatalog]) -> IndexCatalog:
    for item in steps:
        if isinstance(item, IndexCatalog):
            return item
    raise AssertionError("unreachable")  # pragma: no cover


def _summaries(rows: list[FileRow]) -> list[CardSummary]:
    return [
        CardSummary(
            r.card_id,
            r.title or "",
            r.publisher or "",
            PartialDate(r.year or 0, r.month, r.day),
            r.kind,
            tuple(split(r.tags or "")),
            r.rel,
        )
        for r in rows
        if r.card_id is not None
    ]


def open_index(
    root: Path,
    on_progress: ProgressCallback | None = None,
    on_batch: BatchCallback | None = None,
    *,
    cache_dir: Path | None = None,
    workers: int | None = None,
) -> IndexCatalog:
    """Bring ``root``'s index up to date and return a catalog over it (see module docstring)."""
    for item in _build(root, None, None, workers, cache_dir):
        if isinstance(item, IndexCatalog):
            return item
        if on_progress is not None:
            on_progress(item.done, item.total)
        if on_batch is not None:
            on_batch(_summaries(item.rows))
    raise AssertionError("unreachable")  # pragma: no cover


def index_snapshots(
    root: Path,
    *,
    stored_first: bool = True,
    cache_dir: Path | None = None,
    workers: int | None = None,
) -> Iterator[Catalog]:
    """:func:`open_index` as ever more complete catalogs, for the window's loader.

    ``stored_first=False`` skips the catalog as last stored: right for a reload, where that
    is what the window already shows.
    """
    last = time.monotonic()
    shown: IndexCatalog | None = None
    for item in _build(root, None, None, workers, cache_dir, early=stored_first):
        if isinstance(item, IndexCatalog):
            if item is not shown:
                yield item
                shown = item
                # While the window shows the list, build what its first filter will need.
                item.tag_counts()
        elif item.done < item.total and time.monotonic() - last >= SNAPSHOT_SECONDS:
            yield item.snapshot()
            last = time.monotonic()
