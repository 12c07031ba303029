"""Bringing a set's index up to date and making catalogs of it: the steps behind
:func:`reader.index.open_index` and :func:`reader.index.index_snapshots`.

An update runs the scan, plan, parse and write of :mod:`reader.index._sync` in large write
transactions, reporting each stored chunk as a :class:`Step`; the finished catalog comes last.
Every failure of the index file (corrupt, damaged, locked, a full disk) ends in a fresh file,
then in a memory index, never in an error.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

from reader.cards.file_reading import UnreadableFileError, read_limited
from reader.cards.problems import Problem
from reader.cards.set_info import SET_FILE, SetInfo, topic_keys
from reader.index._catalog import IndexCatalog
from reader.index._parser import parser
from reader.index._rows import FileRow
from reader.index._state import (
    SaveState,
    State,
    StateRow,
    Written,
    generation,
    load_state,
    state_entry,
    stored_state,
)
from reader.index._store import CorruptIndex, Store, forget, is_busy, prepare
from reader.index._sync import (
    Plan,
    parse,
    parses_in_process,
    plan,
    scan,
    stamp_of,
    worker_count,
    write,
)
from reader.index._workers import WorkerPool

#: Rows per write transaction: full-text indexing costs a third less per row in large ones.
WRITE_BATCH = 1024
#: From this many files to parse, the writes skip fsync until the end.
BULK = 1000
#: Asked between chunks of files: true once the caller no longer wants the update.
StopCheck = Callable[[], bool]


class _StoppedError(Exception):
    """The caller's ``should_stop`` said so: the update ends, keeping what it stored."""


class Step(NamedTuple):
    """Progress of an update: ``done`` of ``total`` files parsed, ``rows`` just stored. (A
    named tuple, as the other records the window's start makes: reader.cards.set_walk.CardFile.)"""

    done: int
    total: int
    rows: list[StateRow]
    #: A catalog of what is stored so far.
    snapshot: Callable[[], IndexCatalog]


def _topics_signature(topics: frozenset[str] | None) -> str:
    return "none" if topics is None else "\n".join(sorted(topics)) + "\n"


def _update(
    root: Path,
    store: Store,
    topics: frozenset[str] | None,
    only: list[str] | None,
    workers: int | None,
    written: Written,
    should_stop: StopCheck | None = None,
) -> Iterator[tuple[int, int, list[StateRow]]]:
    """Parse and store what changed, one chunk at a time: (done, total, rows stored)."""
    started = time.time_ns()
    signature = _topics_signature(topics)
    with contextlib.ExitStack() as cleanup:
        with store.connection() as conn:
            stored_topics = conn.execute("SELECT value FROM meta WHERE key = 'topics'").fetchone()
            changed_topics = stored_topics != (signature,)
            written.start = generation(conn)
            empty = conn.execute("SELECT NOT EXISTS (SELECT 1 FROM files)").fetchone()[0]
            pools: list[WorkerPool] = []

            def start_workers() -> None:
                # A first build of a large set: start the workers while the scan goes on.
                if empty and not parses_in_process(workers):
                    new_pool = WorkerPool(worker_count(workers), written.notes)
                    pools.append(cleanup.enter_context(new_pool))

            if changed_topics or only is None:
                stamps = scan(root, start_workers)
                only = None
            else:
                found = {rel: stamp_of(root, rel) for rel in only}
                stamps = {rel: stamp for rel, stamp in found.items() if stamp is not None}
            todo = plan(conn, stamps, changed_topics, only)
            if not todo.parse and todo.delete:
                write(conn, [], todo.delete, started)
                written.writes += 1
        pool = pools[0] if pools else None
        yield from _store_rows(store, todo, topics, workers, pool, started, written, should_stop)
    if changed_topics:
        with store.connection() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('topics', ?)", (signature,)
            )


def _store_rows(
    store: Store,
    todo: Plan,
    topics: frozenset[str] | None,
    workers: int | None,
    pool: WorkerPool | None,
    started: int,
    written: Written,
    should_stop: StopCheck | None = None,
) -> Iterator[tuple[int, int, list[StateRow]]]:
    """Parse ``todo`` and write the rows in large transactions; (done, total, rows) each.

    ``should_stop`` is asked after each chunk is parsed; when it says so the update ends
    there (:class:`_StoppedError`): what was written stays, the worker processes are ended.
    """
    total = len(todo.parse)
    done = 0
    deleted = todo.delete
    pending: list[FileRow] = []
    bulk = total >= BULK and store.location.persistent
    stopped = False
    with store.connection() as conn:
        if bulk:
            # Rebuilding many rows: no fsync until the build is over (see build). A crash of
            # the machine meanwhile leaves at worst a damaged cache, which the next open
            # detects and rebuilds.
            conn.execute("PRAGMA synchronous = OFF")
        for rows in parse(todo.parse, topics, workers, pool, written.notes):
            stopped = should_stop is not None and should_stop()
            if stopped:
                break  # leaving the loop ends the parse, its feeding of the workers first
            pending += rows
            done += len(rows)
            # Near the end, write every chunk as it comes: nothing is left to do after the
            # last one but its own short transaction.
            if len(pending) >= WRITE_BATCH or total - done < WRITE_BATCH:
                rowids = write(conn, pending, deleted, started)
                written.writes += 1
                entries = list(map(state_entry, rowids, pending))
                written.entries += entries
                written.summaries.update((e.rowid, e.summary()) for e in entries if e.card_id)
                yield done, total, entries
                deleted, pending = [], []
    if stopped:
        raise _StoppedError


def build(
    root: Path,
    store: Store | None,
    only: list[str] | None,
    workers: int | None,
    cache_dir: Path | None,
    *,
    early: bool = False,
    save_later: bool = False,
    rebuild: bool = False,
    should_stop: StopCheck | None = None,
    before_parse: Callable[[], None] | None = None,
) -> Iterator[Step | IndexCatalog]:
    """Steps of an update, then the finished catalog (the last item).

    With ``early``, the catalog the index last stored comes first, before any file is
    checked; if the check finds nothing changed, that same object is also the last item.
    With ``save_later``, the finished catalog's state is stored only when its
    :meth:`IndexCatalog.save_state` is called. With ``rebuild``, the index file is deleted
    and built again from nothing. Once ``should_stop`` (asked between chunks of files) says
    so, the steps end without a catalog; the index keeps what was stored.

    ``before_parse`` is called once before anything is parsed (the set file included); an
    early catalog comes before it when the set file is the one the stored state was made
    with, whose declarations are stored with it. The window's loader waits there until its
    UI thread has made the parser ready (:func:`reader.index.prepare_for_threads`), which it
    does only after it has painted that catalog.
    """
    set_digest = set_file_digest(root)
    set_file = _SetFile(root, before_parse)
    temporary: str | None = None
    repaired: list[str] = []
    for attempt in range(3):
        if store is None:
            store = Store(*prepare(root, cache_dir, temporary=temporary, fresh=rebuild))
            rebuild = False
        written = Written(start=-1, notes=list(repaired))
        snapshot = functools.partial(_snapshot, root, set_file, set_digest, store, written)
        try:
            shown: IndexCatalog | None = None
            stored: tuple[int, State] | None = None
            if early:
                with store.connection() as conn:
                    stored = stored_state(conn, set_digest)
                info = stored[1].info if stored is not None else None
                if stored is not None and info is not None and _sources_inside(root, info):
                    reopen = functools.partial(_reopen, root, store)
                    shown = IndexCatalog(root, info, topic_keys(info), stored[1], store, reopen)
                    yield shown
            topics = topic_keys(shown.info if shown is not None else set_file.parsed()[0])
            set_file.gate()
            if shown is not None:
                # Past the gate a window has painted the list: now what its first filter
                # needs, each card's nodes (left packed for the first paint) and each node's
                # cards, not beside that paint or on the window's thread.
                shown.facets()
            try:
                steps = _update(root, store, topics, only, workers, written, should_stop)
                for done, total, rows in steps:
                    yield Step(done, total, rows, snapshot)
                if shown is not None and stored is not None:
                    with store.connection() as conn:
                        unchanged = generation(conn) == stored[0]
                    if unchanged:
                        yield shown
                        return
                final = snapshot(save_later=save_later)
            finally:
                with store.connection() as conn:
                    # After a bulk build (the stored state included), writes are durable again.
                    conn.execute("PRAGMA synchronous = NORMAL")
            yield final
            return
        except _StoppedError:
            return
        except sqlite3.DatabaseError as exc:
            # Corrupt, damaged (CorruptIndex) or full under us, or locked by another program
            # for longer than the busy timeout: start again in a fresh file, then in memory.
            path = store.location.path
            store.close()
            store, only = None, None
            if path is None:
                raise  # a memory index failing is a bug, not a bad cache
            if is_busy(exc) or attempt == 1:
                temporary = f"the index could not be used ({exc}); using a temporary one"
            if not is_busy(exc):
                # Its files go even when memory takes over: a full disk keeps no -wal file.
                forget(path)
            if isinstance(exc, CorruptIndex):
                repaired.append(f"the index was damaged ({exc}) and has been rebuilt")
    raise AssertionError("unreachable")  # pragma: no cover


class _SetFile:
    """The set file's declarations and problems, parsed once, after the caller's gate."""

    def __init__(self, root: Path, before_parse: Callable[[], None] | None) -> None:
        self._root = root
        self._before_parse = before_parse
        self._parsed: tuple[SetInfo, list[Problem]] | None = None

    def gate(self) -> None:
        """Wait at the caller's gate (once): past it, parsing is allowed."""
        before_parse, self._before_parse = self._before_parse, None
        if before_parse is not None:
            before_parse()

    def parsed(self) -> tuple[SetInfo, list[Problem]]:
        if self._parsed is None:
            self.gate()
            self._parsed = parser().load_set_info(self._root)
        return self._parsed


def _sources_inside(root: Path, info: SetInfo) -> bool:
    """Whether a stored ``sources:`` folder still leads inside the set folder, as parsing
    the set file checks (:mod:`reader.cards.set_file`): a link changed since, with the set
    file as it was, must not point the window outside it even until the set file is read."""
    if info.sources is None:
        return True
    try:
        return (root / info.sources).resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError, ValueError):
        return False


def _snapshot(
    root: Path,
    set_file: _SetFile,
    set_digest: bytes,
    store: Store,
    written: Written | None = None,
    *,
    save_later: bool = False,
) -> IndexCatalog:
    info, set_problems = set_file.parsed()
    topics = topic_keys(info)
    unsaved: list[SaveState] | None = [] if save_later else None
    with store.connection() as conn:
        state = load_state(conn, root, info, set_problems, set_digest, written, unsaved)
    reopen = functools.partial(_reopen, root, store)
    saved = unsaved[0] if unsaved else None
    notes = written.notes if written is not None else []
    return IndexCatalog(root, info, topics, state, store, reopen, saved, notes)


def _reopen(root: Path, store: Store, only: list[str] | None, save_later: bool) -> IndexCatalog:
    return _finish(build(root, store, only, None, None, save_later=save_later))


def set_file_digest(root: Path) -> bytes:
    """Identifies the set file's content (the cached state holds its problems and aliases)."""
    try:
        # read_limited: a FIFO or a link to /dev/zero under the set file's name must not
        # block or exhaust memory (the loader then reports it).
        data = read_limited(root / SET_FILE, noun="the set file")
    except UnreadableFileError as exc:
        return f"unreadable: {exc}".encode()
    return hashlib.blake2b(data, digest_size=16).digest()


def _finish(steps: Iterator[Step | IndexCatalog]) -> IndexCatalog:
    for item in steps:
        if isinstance(item, IndexCatalog):
            return item
    raise AssertionError("unreachable")  # pragma: no cover
