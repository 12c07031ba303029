"""The persistent index: a set of any size, opened fast after the first time, searched by SQL.

The first open of a set parses every card (in parallel, on all cores) and keeps the results in
an SQLite file in the user's cache folder; later opens compare each file's stat data (size,
modification and change times, inode) with what was indexed and parse only what changed.
Delete the file at any time (``index --rebuild`` does): it holds nothing that is not in the
cards, and whatever in it fails to decode makes it rebuilt, with a note. See
:mod:`reader.index._store` for where it lives and how a bad one is replaced,
:mod:`reader.index._build` and :mod:`reader.index._sync` for how it is kept current,
:mod:`reader.index._state` for the summaries and problems a catalog holds, and
:mod:`reader.index._search` for how queries keep the linear scan's meaning.

Only this module is imported from outside the package (an import-linter contract); its
``_``-prefixed modules are private. Pure Python, may import ``reader.cards`` only.

API for the window (all of it may run on a worker thread; no Qt involved)
--------------------------------------------------------------------------

``open_index(root, on_progress=None, on_batch=None) -> IndexCatalog``
    Bring the index up to date and return a :class:`Catalog` over it. During a cold build,
    ``on_progress(done, total)`` reports parsed files and ``on_batch(summaries)`` delivers the
    :class:`CardSummary` of each chunk of cards as it is stored (chunks arrive in completion
    order, not path order; duplicates are only resolved in the returned catalog). Both are
    called on the thread that called ``open_index``.

``index_snapshots(root, should_stop=None) -> Iterator[Catalog]``
    The same, shaped as the window's ``CatalogSource`` (:mod:`reader.app.loading`). On a warm
    open it first yields the catalog as the index last stored it, before checking a single
    file (0.1 s at 10,000 cards), and then — only if some file changed meanwhile — the updated
    one. During a long build it yields what is indexed so far about every
    ``SNAPSHOT_SECONDS``, then the final catalog. For a live reload pass
    ``stored_first=False`` (e.g. ``functools.partial(index_snapshots, stored_first=False)``):
    the stored catalog is what the window already shows. ``should_stop()`` is asked between
    chunks of files: once it is true the build ends there (what is stored stays, the worker
    processes are ended) and no more catalogs come; the window's loader stops a load this
    way when another set is opened or the window closes. ``before_parse()`` is called once
    before anything is parsed: on a warm open with the set file unchanged, after the stored
    catalog (whose set file's declarations are stored with it), so that the window's loader
    can wait there until its UI thread has made the parser ready (:func:`prepare_for_threads`)
    after painting that catalog, instead of before the window starts.

``IndexCatalog.refresh(changed=None, *, save_later=False) -> IndexCatalog``
    For live reload: re-checks the given paths (absolute or relative to the set; files that
    vanished are forgotten), or every file when ``changed`` is None, and returns a new catalog
    snapshot. After an edit of one card of a 10,000-card set this takes about 0.2 s with the
    paths and 0.5 s without (every file is then checked). With ``save_later`` the state for
    the next open is stored only by the new catalog's ``save_state()`` (0.1 s at 10,000).

``index_refreshes(root, shown, changed) -> Iterator[Catalog]``
    The window's live reload (its ``CatalogRefresh``): ``shown.refresh(changed)`` when that
    is this set's index and only a few paths changed, else a full check.

``IndexCatalog`` answers the :class:`Catalog` protocol (``root``, ``info``, ``problems``,
``summaries()``, ``matching(query)``, ``card(id)``) with the same results as
:class:`MemoryCatalog` over ``load_set(root)``; ``card`` parses only the card asked for, from
its file as it is now (the index keeps no copy of the cards). A catalog is a snapshot of the
set: while other processes update the index, each of its queries reads one consistent state
of the index and answers with the catalog's own cards, never another card's content.
A card is parsed once per change of its file, however often it is asked for.
It also has ``search(query)`` (ids ranked by relevance, bm25, for the CLI), ``facets()``
(the set's :class:`reader.cards.facets.Facets`, which answers the tag and facet part of its
queries) and ``note`` (a line for the status bar when the index is temporary, full-text
search is unavailable or an index worker failed). A catalog may be used from any thread.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from reader.cards.catalog import CardSummary, Catalog
from reader.index._build import build
from reader.index._catalog import IndexCatalog
from reader.index._parser import parser
from reader.index._state import StateRow
from reader.index._store import default_cache_dir
from reader.index._sync import LEAVE_A_CORE

__all__ = [
    "LEAVE_A_CORE",
    "PREPARATION",
    "BatchCallback",
    "IndexCatalog",
    "ProgressCallback",
    "default_cache_dir",
    "index_refreshes",
    "index_snapshots",
    "open_index",
    "prepare_for_threads",
]


def prepare_for_threads() -> None:
    """Parse a valid and an invalid card and a set file once, on the calling (main) thread.

    A process that drives the index from worker threads (the window) calls this before they
    parse: PySide6 replaces ``__import__`` with a hook that is not thread-safe (see
    :mod:`reader.app.loading`), and the parser imports on first use — YAML and the parsing
    modules themselves (:mod:`reader.index._parser`), the fast validators it compiles, and
    jsonschema to word an invalid card's problems. Afterwards nothing the index does imports
    (tests/index/test_index_threads.py checks all of it). What comes before the first parse
    of :func:`index_snapshots` (its ``before_parse``) imports nothing without it, so the
    window lists a set first and prepares after (some 100 ms of CPU, in the
    :data:`PREPARATION` steps). A command-line run has no threads to prepare for: it imports
    the parser at its first parse.
    """
    for step in PREPARATION:
        step()


_VALID_CARD = (
    b"format: briefing-card/1\nid: a\ntitle: t\nsource: {publisher: p, published: '2020'}\n"
    b"thesis: t\nsummary: s\nargument: [{claim: c}]\ntags: [t]\n"
    b"timeline: [{date: '2020-01', event: e}]\n"
)


def _import_parser() -> None:
    """The index's parsing (YAML, fastjsonschema, the card modules), which no index module
    imports at its top (reader.index._parser)."""
    parser()


def _parse_a_valid_card() -> None:
    parser().restore_card("a.yaml", _VALID_CARD, frozenset())  # compiles its fast validator


def _import_first(name: str) -> None:
    """A module imported in a step of its own: YAML (half the parser's import), or a
    dependency of jsonschema (a quarter of its import)."""
    with contextlib.suppress(ImportError):  # a later jsonschema may not need it: no matter
        importlib.import_module(name)


def _parse_invalid_cards_and_set_files() -> None:
    parsing = parser()
    parsing.restore_card("b.yaml", b"format: briefing-card/1\nid: B\nmore: 1\n", frozenset())
    parsing.parse_set_file(b"format: briefing-set/1\ntitle: t\ntopics: [{key: k}]\n", "t")
    parsing.parse_set_file(b"format: briefing-set/1\nmore: 1\n", "t")


#: :func:`prepare_for_threads` in steps of some 25 ms of CPU at most, for a window that runs
#: one per turn of its event loop (reader.app.parser_gate): a cold open prepares while the
#: window shows, and one step of 70 ms would freeze it for that long. The window imports none
#: of the parser before it lists a warm set (#17 §4): these steps import all of it.
PREPARATION: tuple[Callable[[], None], ...] = (
    functools.partial(_import_first, "yaml"),
    _import_parser,
    _parse_a_valid_card,
    functools.partial(_import_first, "attrs"),
    functools.partial(_import_first, "referencing"),
    functools.partial(_import_first, "jsonschema"),
    _parse_invalid_cards_and_set_files,
)


ProgressCallback = Callable[[int, int], None]
BatchCallback = Callable[[Sequence[CardSummary]], None]
#: How often :func:`index_snapshots` shows a long build's progress as a catalog.
SNAPSHOT_SECONDS = 1.0
#: Up to this many changed files, a live reload re-checks just them (see index_refreshes).
REFRESH_PATHS = 256


def _summaries(rows: list[StateRow]) -> list[CardSummary]:
    return [row.summary() for row in rows if row.card_id is not None]


def open_index(
    root: Path,
    on_progress: ProgressCallback | None = None,
    on_batch: BatchCallback | None = None,
    *,
    cache_dir: Path | None = None,
    workers: int | None = None,
    rebuild: bool = False,
) -> IndexCatalog:
    """Bring ``root``'s index up to date and return a catalog over it (see module docstring).

    With ``rebuild``, the index file is deleted first and every card parsed again (for an
    index that is wrong in a way no check sees, e.g. a file changed with all its stat data
    put back by hand).
    """
    for item in build(root, None, None, workers, cache_dir, rebuild=rebuild):
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
    should_stop: Callable[[], bool] | None = None,
    before_parse: Callable[[], None] | None = None,
) -> Iterator[Catalog]:
    """:func:`open_index` as ever more complete catalogs, for the window's loader.

    ``stored_first=False`` skips the catalog as last stored: right for a reload, where that
    is what the window already shows. ``should_stop`` is asked between chunks of files; once
    it says so, the update ends there (its worker processes too) and no more catalogs come.
    ``before_parse`` is called once before the first parse (see the module's docstring).
    """
    last = time.monotonic()
    shown: IndexCatalog | None = None
    # The final state is stored once, with what the window derives from it: made here for an
    # open's first catalog (store_prepared); patched by the window's loader from the catalog
    # before for the next one (the files changed since the stored one) and a reload's, and
    # stored after (save_state).
    steps = build(
        root,
        None,
        None,
        workers,
        cache_dir,
        early=stored_first,
        save_later=True,
        should_stop=should_stop,
        before_parse=before_parse,
    )
    for item in steps:
        if isinstance(item, IndexCatalog):
            if item is not shown:
                if stored_first and shown is None:
                    # Before the window has it: a benchmark's window (or a person) may close
                    # at once, and the next open should find the facets and sort keys stored.
                    item.store_prepared()
                stored = stored_first and shown is None
                yield item
                shown = item
                if not stored:
                    # While the window shows the list, build what its first filter will need
                    # (for the stored catalog, the build does that past its parser gate, once
                    # the window has painted the list: reader.index._build).
                    item.facets()
                item.save_state()  # a reload's, with what the loader patched meanwhile
        elif item.done < item.total and time.monotonic() - last >= SNAPSHOT_SECONDS:
            try:
                partial = item.snapshot()
            except sqlite3.DatabaseError:
                continue  # a damaged row: the build goes on, and its end repairs the index
            yield partial
            last = time.monotonic()


def index_refreshes(
    root: Path,
    shown: Catalog | None,
    changed: Iterable[str] | None,
    *,
    cache_dir: Path | None = None,
    workers: int | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Iterator[Catalog]:
    """The catalog after files changed on disk, for the window's live reload.

    ``shown`` is the catalog last made of ``root`` and ``changed`` the paths that changed
    (None when unknown). When the window shows this set's index and only a few files
    changed, just those are re-checked; otherwise every file is, as by
    :func:`index_snapshots` with ``stored_first=False``, with progress for a long update
    (which ``should_stop`` ends, as there).
    """
    paths = None if changed is None else list(changed)
    if (
        isinstance(shown, IndexCatalog)
        and shown.root == root
        and paths is not None
        and len(paths) <= REFRESH_PATHS
    ):
        # The state is stored for the next open after the window has the catalog: that
        # write is a third of the time an edit takes to reach the window.
        refreshed = shown.refresh(paths, save_later=True)
        yield refreshed
        refreshed.save_state()
        return
    yield from index_snapshots(
        root, stored_first=False, cache_dir=cache_dir, workers=workers, should_stop=should_stop
    )
