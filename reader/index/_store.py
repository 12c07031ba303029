"""Where a set's index lives, and opening it so that a bad index is never fatal.

The index is a cache: everything in it can be rebuilt from the cards, so every problem with it
— a corrupt or truncated file, content that does not decode (:class:`CorruptIndex`), an index
written by another version of the program, a lock held by a hung process, a cache folder that
cannot be written or a full disk — ends in a fresh index rather than an error. The index is
kept in the user's cache folder (never in the card folder, which may be read-only or shared
through git), one SQLite file per set, named by a hash of the set's resolved path.

SQLite runs in WAL mode with a busy timeout, so two windows (or a window and the CLI) on one set
read while the other writes, and writers take turns instead of failing.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.machinery import ModuleSpec, PathFinder
from pathlib import Path
from typing import NamedTuple

from reader import __version__
from reader.cards.resources import resources_dir

#: Bump when the tables (or the encoding of the stored state) change; a stamp that differs
#: means "rebuild".
SCHEMA_VERSION = 15
CACHE_ENV = "BRIEFING_READER_CACHE_DIR"
PAGE_SIZE = 16384
BUSY_TIMEOUT_MS = 5000
#: The modules whose behaviour decides what a card file parses into (and what problems it
#: has); a change to any of them must invalidate stored results. A test checks that this is
#: exactly what the row maker (reader.index._parse) imports from the package.
PARSING_MODULES = (
    "reader.cards.assembly",
    "reader.cards.card_file",
    "reader.cards.dates",
    "reader.cards.event_order",
    "reader.cards.file_reading",
    "reader.cards.load",
    "reader.cards.model",
    "reader.cards.parts",
    "reader.cards.plain_yaml",
    "reader.cards.positions",
    "reader.cards.problems",
    "reader.cards.query",
    "reader.cards.resources",
    "reader.cards.safe_yaml",
    "reader.cards.schema",
    "reader.cards.set_file",
    "reader.cards.set_info",
    "reader.cards.set_walk",
    "reader.index._parse",
    "reader.index._projection",
    "reader.index._rows",
)
#: The reader package's folder, where the parsing modules' sources are read.
_PACKAGE = Path(__file__).resolve().parents[1]

_TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE files (
    rowid INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    ctime_ns INTEGER NOT NULL,
    inode INTEGER NOT NULL,
    digest BLOB,
    indexed_ns INTEGER NOT NULL,
    topics TEXT,
    card_id TEXT,
    title TEXT,
    publisher TEXT,
    published TEXT,
    year INTEGER,
    month INTEGER,
    day INTEGER,
    kind TEXT,
    tags TEXT,
    id_line INTEGER,
    id_column INTEGER,
    addressees TEXT,
    actors TEXT,
    problems TEXT,
    words BLOB,
    analysis TEXT,
    first_event INTEGER
);
CREATE TABLE snapshot (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    generation INTEGER NOT NULL,
    set_digest BLOB NOT NULL,
    state BLOB NOT NULL
);
"""
#: Full-text search over each card's folded words (:func:`reader.index._rows.fulltext`). A
#: contentless table: the words are kept only compressed, in ``files.words``
#: (:func:`reader.index._rows.pack`), whence a card's are read to forget it (FTS5's ``delete``);
#: searches never read them. One prefix index, for one-letter prefixes: the first letter typed
#: in the search field would otherwise merge the lists of hundreds of words (20 ms at 10,000
#: cards, 3 ms with it). Longer prefixes match few enough words at 10,000 cards. A two-letter
#: index ("sa": 43-54 ms at 100,000 cards, 0.6 ms at 10,000 with it, 5.1 without) costs the
#: main process of a cold index 131 k instructions a card, a fifth of it, and the cold index
#: of 10,000 cards is still above its floor without it.
_FTS_TABLE = """CREATE VIRTUAL TABLE fulltext USING fts5(
    words, content = '', tokenize = "ascii tokenchars '_'",
    prefix = '1'
)"""


def fts5_available() -> bool:
    """Whether this Python's SQLite was built with FTS5 (some distributions leave it out)."""
    try:
        with sqlite3.connect(":memory:") as probe:
            probe.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    except sqlite3.Error:
        return False
    return True


def default_cache_dir() -> Path:
    """``$BRIEFING_READER_CACHE_DIR``, else ``$XDG_CACHE_HOME/briefing-reader``, else ~/.cache/…"""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "briefing-reader"


def index_path(root: Path, cache_dir: Path | None = None) -> Path:
    folder = cache_dir if cache_dir is not None else default_cache_dir()
    key = hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()
    return folder / f"{key[:24]}.sqlite"


def fingerprint() -> str:
    """A digest of everything that decides what a card parses into.

    Stored results are reused only while the code that produced them is unchanged, so an
    upgrade (or a developer's edit of the loader) never serves stale problems or cards.
    """
    digest = hashlib.sha256()
    for name in PARSING_MODULES:
        digest.update(_module_source(name).read_bytes())
    for schema in sorted(resources_dir().glob("*.schema.json")):
        digest.update(schema.read_bytes())
    for part in _library_files():
        digest.update(part)
    stamp = f"{SCHEMA_VERSION}|{__version__}|{sys.version}"
    stamp += f"|{sqlite3.sqlite_version}|{fts5_available()}"
    digest.update(stamp.encode())
    return digest.hexdigest()


# The sources and libraries are found, not imported: a window lists a warm set from its stored
# state before it imports the parser (#17 §4), and checks the fingerprint first, on its loader
# thread, where nothing may be imported (reader.app.loading).


def _module_source(name: str) -> Path:
    """The source file of the module ``name`` of this package (a plain module, not a package)."""
    return _PACKAGE.joinpath(*name.split(".")[1:]).with_suffix(".py")


def _library_files() -> list[bytes]:
    """What of the libraries decides what a card parses into: PyYAML's ``__init__.py`` (it
    holds ``__version__``), whether libyaml's extension is there (the C parser that
    reader.cards.safe_yaml prefers), and fastjsonschema's version file (its validators decide
    what is valid)."""
    yaml = PathFinder.find_spec("yaml")
    libyaml = PathFinder.find_spec("yaml._yaml", yaml.submodule_search_locations) if yaml else None
    return [
        _package_file(yaml, "__init__.py"),
        _package_file(PathFinder.find_spec("fastjsonschema"), "version.py"),
        b"libyaml" if libyaml is not None else b"no libyaml",
    ]


def _package_file(spec: ModuleSpec | None, name: str) -> bytes:
    """The file ``name`` beside the module ``spec`` found; empty when there is none."""
    if spec is None or spec.origin is None:
        return b""
    try:
        return Path(spec.origin).with_name(name).read_bytes()
    except OSError:
        return b""


class IndexLocation(NamedTuple):
    """How to connect to an index: a file, or (when no file can be used) a private memory one.
    (A named tuple, as the other records the window's start makes: see
    reader.cards.set_walk.CardFile.)"""

    uri: str
    path: Path | None
    #: Why the index is not where it normally is (shown to people as a note), if it is not.
    note: str | None = None

    @property
    def persistent(self) -> bool:
        return self.path is not None

    def connect(self) -> sqlite3.Connection:
        # Transactions are explicit (BEGIN IMMEDIATE), so two writers never interleave a
        # read-then-write; hence no implicit ones from the sqlite3 module.
        conn = sqlite3.connect(
            self.uri,
            uri=True,
            timeout=BUSY_TIMEOUT_MS / 1000,
            check_same_thread=False,
            isolation_level=None,
        )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA cache_size = -16384")  # 16 MiB: full-text merges reread pages
        if self.persistent:
            conn.execute("PRAGMA synchronous = NORMAL")
        return conn


def memory_location(note: str) -> IndexLocation:
    """An index that lives as long as this process, shared by its connections."""
    # os.urandom, not uuid or secrets: those import platform and more on every start (~10 M
    # instructions of a warm open) for sixteen random bytes.
    name = f"briefing-reader-{os.urandom(16).hex()}"
    return IndexLocation(f"file:{name}?mode=memory&cache=shared", None, note)


def _file_location(path: Path) -> IndexLocation:
    return IndexLocation(path.resolve().as_uri(), path)


def prepare(
    root: Path,
    cache_dir: Path | None = None,
    *,
    temporary: str | None = None,
    fresh: bool = False,
) -> tuple[IndexLocation, sqlite3.Connection]:
    """Open (creating or rebuilding as needed) the index for ``root``; never raises for a bad
    index. With ``temporary`` (the reason), a memory index; with ``fresh``, the index file is
    deleted first. The returned connection is kept open by the caller; for a memory index it
    is what keeps the data alive.
    """
    stamp = fingerprint()
    path = index_path(root, cache_dir)
    note = temporary or _unusable_reason(root, path)
    if note is None and fresh:
        forget(path)  # only here: an unusable cache folder may be inside the card folder
    if note is None:
        for _attempt in range(2):
            location = _file_location(path)
            conn: sqlite3.Connection | None = None
            try:
                conn = location.connect()
                if _ready(conn, stamp, root):
                    return location, conn
                conn.close()
            except sqlite3.DatabaseError as exc:
                if conn is not None:
                    conn.close()  # before its files go: closing must not act on new ones
                if is_busy(exc):
                    note = "the index is locked by another program; using a temporary one"
                    break
                forget(path)  # not a database, corrupt, or the disk is full: rebuilt below
        else:
            note = "the index could not be rebuilt; using a temporary one"
    location = memory_location(note or "using a temporary index")
    conn = location.connect()
    _create(conn, stamp, root)
    return location, conn


class CorruptIndex(sqlite3.DatabaseError):
    """Something the index holds does not decode (a damaged row, a damaged stored state).

    SQLite keeps no checksums of its pages, so bit rot, or a torn write under ``synchronous =
    OFF``, reads back without an error as wrong values. Being a ``DatabaseError``, this is
    handled as a corrupt file is: the index is forgotten and rebuilt.
    """


@contextmanager
def read_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Every read inside sees one snapshot of the index, whatever other processes write
    meanwhile (WAL lets them go on)."""
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        if conn.in_transaction:  # an error may have ended it already
            conn.execute("COMMIT")


def is_busy(exc: sqlite3.DatabaseError) -> bool:
    """Another connection holds a lock longer than the busy timeout (the file is fine)."""
    if isinstance(exc, CorruptIndex):  # its message may quote stored text
        return False
    name = getattr(exc, "sqlite_errorname", "")
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in str(exc)


def _unusable_reason(root: Path, path: Path) -> str | None:
    folder = path.parent
    if folder.resolve().is_relative_to(root.resolve()):
        return "the cache folder is inside the card folder; using a temporary index"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return f"cannot create the cache folder {folder}; using a temporary index"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"cannot write to the cache folder {folder}; using a temporary index"
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        return f"cannot write to {path}; using a temporary index"
    return None


def _ready(conn: sqlite3.Connection, stamp: str, root: Path) -> bool:
    """True when ``conn`` holds a current index (made current if it was empty or stale)."""
    # A new file only (an existing one keeps its pages): a card's row is some 2.7 KB, so
    # 4 KB pages held one each, a third of every page empty; 16 KB pages hold six (10,000
    # cards: 58 MB become 48).
    conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        return False
    conn.execute("BEGIN IMMEDIATE")
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "meta" in tables:
            found = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            if found.get("fingerprint") == stamp:
                conn.execute("COMMIT")
                return True
        _drop_everything(conn)
        _create_tables(conn, stamp, root)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return True


def _drop_everything(conn: sqlite3.Connection) -> None:
    """Empty a stale index inside the caller's transaction (another instance may have it
    open, so the file itself is kept)."""
    listed = "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    # Full-text tables first: dropping one drops its shadow tables with it.
    for name, sql in conn.execute(listed).fetchall():
        if str(sql).upper().startswith("CREATE VIRTUAL"):
            conn.execute(f'DROP TABLE IF EXISTS "{name}"')
    for name, _sql in conn.execute(listed).fetchall():
        conn.execute(f'DROP TABLE IF EXISTS "{name}"')


def _create(conn: sqlite3.Connection, stamp: str, root: Path) -> None:
    conn.execute("BEGIN IMMEDIATE")
    _create_tables(conn, stamp, root)
    conn.execute("COMMIT")


def _create_tables(conn: sqlite3.Connection, stamp: str, root: Path) -> None:
    for statement in _TABLES.split(";"):
        if statement.strip():
            conn.execute(statement)
    if fts5_available():
        conn.execute(_FTS_TABLE)
        # Merge the full-text index's segments eight at a time rather than four: at 10,000
        # cards its writing takes an eighth less time and its file a tenth less room, and
        # searches take as long.
        conn.execute("INSERT INTO fulltext (fulltext, rank) VALUES ('automerge', 8)")
    conn.executemany(
        "INSERT INTO meta(key, value) VALUES (?, ?)",
        [
            ("fingerprint", stamp),
            # Shown, not used: a folder name that is not UTF-8 is kept readable, not refused.
            (
                "root",
                str(root.resolve()).encode("utf-8", "surrogateescape").decode("utf-8", "replace"),
            ),
            ("topics", ""),
            # Not 0: a catalog of an index that was emptied and rebuilt in place (by another
            # version of the program) must not find the generation it was made from again.
            ("generation", str(int.from_bytes(os.urandom(6), "big"))),
        ],
    )


def forget(path: Path) -> None:
    """Delete an index file and its companions (another process may still read its copy)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            Path(str(path) + suffix).unlink()
        except FileNotFoundError:
            pass
        except OSError:
            return


def has_fulltext(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'fulltext'").fetchone()
    return row is not None


class Store:
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
