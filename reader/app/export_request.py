"""Exporting what the window shows, as a use case: which cards, and the job that makes the book.

The reader picks a :class:`Scope` (the whole set, the current filter, the selected cards or
the open comparison) of what the window shows (an :class:`ExportContext`); :func:`request_for`
turns that into the book's request, and :func:`export_job` does so in the background, then
renders and writes the PDF. Building the request reads every card of the book in full (from
the index, a parse each: seconds for thousands), so it belongs in the job, never on the UI
thread; each card read is a checkpoint, so a cancel stops it too. No widgets here.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import Enum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from reader.app.jobs import Job, JobContext
from reader.cards.catalog import CardProgress, CardSummary, Catalog
from reader.cards.model import Card, Parts, SetInfo
from reader.cards.problems import Problem
from reader.cards.query import Query
from reader.export.book import BookRequest, SelectionError, select
from reader.export.progress import Progress

if TYPE_CHECKING:
    from reader.export.pdf import ExportResult

#: Renders a book to a file: :func:`reader.export.pdf.export_pdf`. The window imports the PDF
#: pipeline (pypdf included, a seventh of its start-up) only when an export is asked for, on
#: the UI thread (a job's thread imports nothing).
ExportFunction = Callable[[BookRequest, Path, Callable[[Progress], None]], "ExportResult"]
#: How many cards are read between two progress reports while the request is built.
REPORT_EVERY = 64
#: How many cards are read between two freezes of what the garbage collector looks at.
FREEZE_EVERY = 256
READING = "Reading the cards"


class Scope(Enum):
    WHOLE_SET = "set"
    FILTER = "filter"
    SELECTION = "selection"
    COMPARISON = "comparison"


@dataclass(frozen=True, slots=True)
class ExportContext:
    """What the window shows when the reader asks for a PDF."""

    catalog: Catalog
    #: The filter of the card list (an empty Query when nothing is filtered).
    query: Query = field(default_factory=Query)
    #: Ids of the cards selected in the list.
    selected: Sequence[str] = ()
    #: Ids of the cards in the open comparison (2–4), or none.
    comparison: Sequence[str] = ()
    #: What the window is showing, offered first (and printed by Print…); None: the dialog's
    #: own order (comparison, selection, filter, whole set).
    prefer: Scope | None = None
    #: The folder the reader chose for this set's source texts, looked in after the set's own
    #: for the evidence appendix; None: only the set's.
    sources: Path | None = None


@dataclass(frozen=True, slots=True)
class ExportChoice:
    scope: Scope
    page_size: str
    index: bool
    comparison_pages: bool
    open_after: bool
    #: The evidence appendix: the passages the cards' locators cite.
    evidence: bool = False


@dataclass(frozen=True, slots=True)
class ExportRefused:
    """An export that could not be made for a reason the reader can act on (nothing to
    export, a target that cannot be written); nothing was written."""

    message: str


def scope_query(context: ExportContext, choice: ExportChoice) -> tuple[Query, tuple[str, ...]]:
    """The cards the choice covers (as a query) and those of its side-by-side page."""
    if choice.scope is Scope.FILTER:
        return context.query, ()
    if choice.scope is Scope.SELECTION:
        return Query(card_ids=frozenset(context.selected)), ()
    if choice.scope is Scope.COMPARISON:
        return Query(card_ids=frozenset(context.comparison)), tuple(context.comparison)
    return Query(), ()


def request_for(context: ExportContext, choice: ExportChoice, exported: datetime) -> BookRequest:
    """The book the choice describes. Reads every card of it: run it in a job for a large
    set (:func:`export_job` does); the catalog may be used from any thread."""
    query, compare_ids = scope_query(context, choice)
    return select(
        context.catalog,
        query,
        compare_ids=compare_ids,
        exported=exported,
        page_size=choice.page_size,
        index=choice.index,
        comparison=choice.comparison_pages,
        evidence=choice.evidence,
        sources=context.sources,
    )


def export_job(
    context: ExportContext,
    choice: ExportChoice,
    exported: datetime,
    target: Path,
    export: ExportFunction,
) -> Job:
    """The job that builds the request and writes ``target`` with ``export``; it returns the
    :class:`ExportResult`, or an :class:`ExportRefused`. A cancel writes nothing."""
    return partial(_export, context, choice, exported, target, export)


def _export(
    context: ExportContext,
    choice: ExportChoice,
    exported: datetime,
    target: Path,
    export: ExportFunction,
    job: JobContext,
) -> ExportResult | ExportRefused:
    """Read the cards, then write the book.

    The book's cards stay in memory until it is written: at 4,000 cards each full garbage
    collection, run by whichever thread sets it off and holding the interpreter meanwhile,
    grew to 100-200 ms as they were read, and the window froze that long. So everything the
    job finds, and the cards as they are read, are frozen (``gc.freeze``: left out of
    collections, still freed as soon as nothing refers to them) until the job ends.
    """
    gc.freeze()
    try:
        return _book(context, choice, exported, target, export, job)
    finally:
        gc.unfreeze()


def _book(
    context: ExportContext,
    choice: ExportChoice,
    exported: datetime,
    target: Path,
    export: ExportFunction,
    job: JobContext,
) -> ExportResult | ExportRefused:
    query, compare_ids = scope_query(context, choice)
    total = len(context.catalog.matching(query)) + len(compare_ids)
    job.progress(0, total, READING)
    reading = replace(context, catalog=_ReadingCatalog(context.catalog, job, total))
    try:
        request = request_for(reading, choice, exported)
    except SelectionError as exc:
        return ExportRefused(f"Nothing to export: {exc}.")
    try:
        # The export stops (writing nothing) where it reports progress once cancelled.
        return export(request, target, partial(_report, job))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return ExportRefused(f"Could not write {target}: {reason}. Nothing was written.")


def _report(job: JobContext, progress: Progress) -> None:
    job.progress(progress.done, progress.total, progress.label)


class _ReadingCatalog:
    """A :class:`Catalog` that makes every card read a checkpoint of the job, and reports
    how many were read: building a request reads each card of the book in full."""

    def __init__(self, catalog: Catalog, job: JobContext, total: int) -> None:
        self._catalog = catalog
        self._job = job
        self._total = total
        self._read = 0

    @property
    def root(self) -> Path:
        return self._catalog.root

    @property
    def info(self) -> SetInfo:
        return self._catalog.info

    @property
    def problems(self) -> Sequence[Problem]:
        return self._catalog.problems

    def summaries(self) -> Sequence[CardSummary]:
        return self._catalog.summaries()

    def matching(self, query: Query) -> list[str]:
        return self._catalog.matching(query)

    def card(self, card_id: str) -> Card | None:
        self._read += 1
        if self._read % FREEZE_EVERY == 0:
            gc.freeze()  # the cards read so far live until the book is written (see _export)
        if self._read % REPORT_EVERY == 0:
            self._job.progress(min(self._read, self._total), self._total, READING)
        else:
            self._job.checkpoint()
        return self._catalog.card(card_id)

    def analysed(
        self,
        card_ids: Sequence[str],
        progress: CardProgress | None = None,
        parts: Parts = Parts.ALL,
    ) -> list[Card]:
        self._job.checkpoint()
        return self._catalog.analysed(card_ids, progress, parts)
