"""Bringing an index up to date with the folder: scan, compare, parse what changed, write.

A file is trusted when its stat data match what was indexed, compared as git compares them:
size, modification and change times (nanoseconds) and inode. The change time is what catches
a rewrite whose size and modification time were put back (``cp -p``, ``rsync -a``, ``tar x``):
no program can set it. When those match but the file changed within a second of being
indexed — an editor can save twice within one timestamp tick, the "racy git" problem — its
content digest decides.

Parsing runs in worker processes (:mod:`reader.index._workers`) when there is enough of it
to pay for starting them.
Finished rows come back in chunks, are written one transaction per chunk, and are reported to
the caller as they land, so a window can show the first cards while the rest are parsed.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from reader.cards.file_reading import UnreadableFileError, read_limited
from reader.cards.set_walk import walk_locations
from reader.index._parser import parser
from reader.index._rows import (
    COLUMNS,
    FileRow,
    FileStamp,
    content_digest,
    problems_json,
    unpack,
)
from reader.index._store import CorruptIndex, has_fulltext
from reader.index._workers import WorkerPool

#: Below this many files to parse, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 400
CHUNK = 128
#: Files modified this close to when they were indexed are checked by content.
RACY_NS = 1_000_000_000
_UNREADABLE = -1


def scan(root: Path, on_many: Callable[[], None] | None = None) -> dict[str, FileStamp]:
    """Every candidate card file with its size and mtime; unreadable ones always re-parse.

    ``on_many`` is called once as soon as ``PARALLEL_THRESHOLD`` files have been found.
    """
    stamps: dict[str, FileStamp] = {}
    for location, rel, problem in walk_locations(root):
        if len(stamps) == PARALLEL_THRESHOLD and on_many is not None:
            on_many()
        stamps[rel] = _stamp(rel, location)
        if problem is not None:
            # What the walk refused (a name that is not text, a folder it cannot list, a link
            # out of the set): nothing is read, its row holds the walk's problem.
            stamps[rel] = stamps[rel]._replace(problems=problems_json([problem]))
    return stamps


def stamp_of(root: Path, rel: str) -> FileStamp | None:
    """The stamp of one file, or None when it is no longer a candidate card file."""
    path = root / rel
    if not path.exists() and not path.is_symlink():
        return None
    return _stamp(rel, path)


def _stamp(rel: str, path: Path | str) -> FileStamp:
    """``path`` with its stat data (all -1 when it cannot be read: parsing words why)."""
    location = os.fspath(path)
    try:
        info = os.stat(location)
    except OSError:
        return FileStamp(rel, location, _UNREADABLE, _UNREADABLE, _UNREADABLE, _UNREADABLE)
    return FileStamp(rel, location, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


class Indexed(NamedTuple):
    """What the index holds of a file to tell whether it changed: its stat data and digest
    when it was indexed, when that was, and whether its result depends on the set's topics.
    Read back from the file, a value may be damaged (of another type): that only means
    "changed"."""

    size: Any
    mtime_ns: Any
    ctime_ns: Any
    inode: Any
    digest: Any
    indexed_ns: Any
    uses_topics: Any


#: A file's path and :class:`Indexed` (its columns named by the fields, so never out of order).
_INDEXED_QUERY = "SELECT path, {} FROM files".format(
    ", ".join(Indexed._fields).replace("uses_topics", "coalesce(topics, 'x') != ''")
)


class Plan(NamedTuple):
    """The files to parse and the paths to forget. (A named tuple, as the other records the
    window's start makes: reader.cards.set_walk.CardFile.)"""

    parse: list[FileStamp]
    delete: list[str]


def plan(
    conn: sqlite3.Connection,
    stamps: dict[str, FileStamp],
    topics_changed: bool,
    only: Iterable[str] | None = None,
) -> Plan:
    """What to parse and what to forget. ``only`` limits the comparison to those files."""
    stored: dict[str, Indexed] = {}
    query = _INDEXED_QUERY
    if only is None:
        rows = conn.execute(query).fetchall()
    else:
        wanted = sorted(set(only))
        rows = []
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            marks = ", ".join("?" * len(part))
            rows += conn.execute(f"{query} WHERE path IN ({marks})", part).fetchall()
    for path, *known in rows:
        stored[path] = Indexed._make(known)
    to_parse: list[FileStamp] = []
    for rel, stamp in stamps.items():
        known = stored.get(rel)
        if known is None or not _unchanged(stamp, known) or (topics_changed and known.uses_topics):
            to_parse.append(stamp)
    return Plan(to_parse, sorted(set(stored) - set(stamps)))


def _unchanged(stamp: FileStamp, stored: Indexed) -> bool:
    """Whether the file is as indexed. A damaged row only means "changed": the file is
    parsed again."""
    stat = (stored.size, stored.mtime_ns, stored.ctime_ns, stored.inode)
    now = (stamp.size, stamp.mtime_ns, stamp.ctime_ns, stamp.inode)
    indexed, digest = stored.indexed_ns, stored.digest
    if stamp.size == _UNREADABLE or stat != now or not isinstance(indexed, int):
        return False
    if indexed - max(stamp.mtime_ns, stamp.ctime_ns) > RACY_NS:
        return True
    try:
        return digest is not None and content_digest(read_limited(Path(stamp.path))) == digest
    except UnreadableFileError:
        return False


#: ``workers`` for a process with a window: parse in worker processes, one fewer than the
#: cores (at least one), so the window keeps a core. On two cores, two workers beside the
#: loader thread and the window made the window wait for a core up to 90 ms at a time while a
#: set was indexed; with one worker its longest stall fell from 65-96 to 41-49 ms and the
#: window's index took as long (4.6-4.8 s against 3.8-4.9 s, three alternated pairs).
LEAVE_A_CORE = -1


def worker_count(requested: int | None) -> int:
    """How many worker processes parse (None: one per core, at most eight)."""
    cores = min(os.cpu_count() or 1, 8)
    if requested is None:
        return cores
    return max(1, cores - 1) if requested == LEAVE_A_CORE else requested


def parses_in_process(requested: int | None) -> bool:
    """Whether this process parses the files itself: one worker or none, unless the window
    asked to keep a core (:data:`LEAVE_A_CORE`) and there is one to keep."""
    if requested == LEAVE_A_CORE:
        return (os.cpu_count() or 1) < 2
    return worker_count(requested) <= 1


def parse(
    stamps: Sequence[FileStamp],
    topics: frozenset[str] | None,
    workers: int | None = None,
    pool: WorkerPool | None = None,
    failures: list[str] | None = None,
) -> Iterator[list[FileRow]]:
    """Rows for ``stamps`` in chunks, in the order they finish (``pool``: workers started
    already, used when there is enough to parse; ``failures``: gets a line for each worker
    that failed)."""
    if parses_in_process(workers) or len(stamps) < PARALLEL_THRESHOLD:
        for i in range(0, len(stamps), CHUNK):
            yield parser().parse_files(stamps[i : i + CHUNK], topics)
        return
    tasks = [(chunk, topics) for chunk in _chunks(stamps)]
    if pool is not None:
        yield from pool.run(tasks)
        return
    with WorkerPool(min(worker_count(workers), len(tasks)), failures) as started:
        yield from started.run(tasks)


def _chunks(stamps: Sequence[FileStamp]) -> list[list[FileStamp]]:
    """The workers' tasks: ``CHUNK`` files each, but the last four chunks' files in quarter
    chunks, so that the workers finish together (a worker holds up to two tasks, and a
    whole chunk is some 45 ms of one worker's time)."""
    small = max(1, CHUNK // 4)
    body = max(0, (len(stamps) - 4 * CHUNK) // CHUNK * CHUNK)
    return [list(stamps[i : i + CHUNK]) for i in range(0, body, CHUNK)] + [
        list(stamps[i : i + small]) for i in range(body, len(stamps), small)
    ]


def write(
    conn: sqlite3.Connection, rows: Sequence[FileRow], deleted: Sequence[str], now: int
) -> list[int]:
    """Replace the rows of these files (and forget ``deleted`` ones) in one transaction;
    returns the new rows' rowids."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        rowids = _write(conn, rows, deleted, now)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return rowids


def _batches(items: Sequence[str], size: int = 500) -> Iterator[tuple[str, list[str]]]:
    for start in range(0, len(items), size):
        part = list(items[start : start + size])
        yield ", ".join("?" * len(part)), part


def _write(
    conn: sqlite3.Connection, rows: Sequence[FileRow], deleted: Sequence[str], now: int
) -> list[int]:
    fts = has_fulltext(conn)
    for marks, part in _batches([r.rel for r in rows] + list(deleted)):
        old = conn.execute(
            f"SELECT rowid, words, card_id IS NOT NULL FROM files WHERE path IN ({marks})", part
        ).fetchall()
        if fts:
            # A contentless index forgets a row only when told its exact words.
            conn.executemany(
                "INSERT INTO fulltext (fulltext, rowid, words) VALUES ('delete', ?, ?)",
                [(rowid, _stored_words(blob)) for rowid, blob, valid in old if valid],
            )
        conn.executemany("DELETE FROM files WHERE rowid = ?", [(r[0],) for r in old])
    (first,) = conn.execute("SELECT coalesce(max(rowid), 0) + 1 FROM files").fetchone()
    rowids = list(range(first, first + len(rows)))
    columns = ", ".join(COLUMNS[1:])
    marks = ", ".join("?" * (len(COLUMNS) + 2))
    conn.executemany(
        f"INSERT INTO files (rowid, path, {columns}, indexed_ns) VALUES ({marks})",
        [(rowid, *row[:-1], now) for rowid, row in zip(rowids, rows, strict=True)],
    )
    if fts:
        conn.executemany(
            "INSERT INTO fulltext (rowid, words) VALUES (?, ?)",
            [(rowid, row.text) for rowid, row in zip(rowids, rows, strict=True) if row.card_id],
        )
    conn.execute("UPDATE meta SET value = value + 1 WHERE key = 'generation'")
    return rowids


def _stored_words(blob: object) -> str:
    """A stored card's words, as the full-text index was given them; :class:`CorruptIndex`
    when they do not decode: told other words, the index would keep the card's, so it is
    rebuilt instead."""
    try:
        return unpack(blob)
    except ValueError as exc:
        raise CorruptIndex(f"a stored card's words do not decode ({exc})") from exc
