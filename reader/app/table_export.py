"""Export Table…'s work: the rows of a set-wide view written to a file, off the UI thread.

The window's side of ``briefing-reader table`` (:mod:`reader.cli.table`), asking the same
questions in the same order, so that for the same cards the window and the command line
write the same bytes: a target that is a file of the set (a card, the set file, a source
text, anything in the set's folder but a file of the table's kind) is refused
(:func:`reader.export.targets.refusal`); the table is built by
:data:`reader.analysis.tables.TABLES` from ``catalog.analysed`` of the cards the view shows;
and the bytes are written atomically (:class:`reader.export.atomic.AtomicFile`), so a failed
or cancelled export leaves an existing file as it was.

A :func:`table_job` runs on :class:`reader.app.jobs.JobRunner`: at 10,000 cards reading the
cards and laying out the XLSX take seconds. It reports the cards read, then, with the label
"writing N rows", that it is writing. It imports nothing on its thread (see
:mod:`reader.app.jobs`), so an XLSX export must have openpyxl loaded first
(:func:`load_writer`).
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from reader.analysis.tables import PARTS, TABLES, Table
from reader.app.jobs import Job, JobContext
from reader.cards.catalog import Catalog
from reader.export.atomic import AtomicFile, resolve_target
from reader.export.tables import TableFormat, table_bytes
from reader.export.targets import refusal


@dataclass(frozen=True, slots=True)
class TableRequest:
    """Which view's table (a key of ``TABLES``) of which cards, in which format, where."""

    catalog: Catalog
    view: str
    card_ids: tuple[str, ...]
    fmt: TableFormat
    target: Path
    #: A byte-order mark first (CSV and TSV), for Excel.
    bom: bool = False


@dataclass(frozen=True, slots=True)
class TableWritten:
    """The file written (links followed), with its row and card counts."""

    path: Path
    rows: int
    cards: int


@dataclass(frozen=True, slots=True)
class TableRefused:
    """Why nothing was written, in a sentence the reader can act on."""

    message: str


def load_writer(fmt: TableFormat) -> None:
    """Import what writing ``fmt`` needs, on the calling (UI) thread: openpyxl for XLSX, which
    :mod:`reader.export.tables` imports only when asked, and which imports more of itself as
    it saves; an empty workbook made here has it all loaded."""
    if fmt is TableFormat.XLSX:
        table_bytes(Table("table", ("column",), ()), fmt)


def table_job(request: TableRequest) -> Job:
    """The job writing ``request``: it returns :class:`TableWritten` or :class:`TableRefused`,
    and a cancel writes nothing."""
    return partial(_write, request)


def _write(request: TableRequest, job: JobContext) -> TableWritten | TableRefused:
    """Read the cards, make the table, write it.

    Everything alive when the job starts, and the cards and rows as it makes them, are left
    out of full garbage collections until it ends (``gc.freeze``, as the PDF export does):
    otherwise the collections the job's allocations set off, which hold the interpreter,
    took 0.2-0.35 s each at 5,000 cards, and the window froze that long. Frozen again once the
    cards are read and once the rows are made: at 10,000 cards the longest freeze of the
    window went from 92 to 46 ms (2 cores, under load).
    """
    gc.freeze()
    try:
        return _table(request, job)
    finally:
        gc.unfreeze()


def _table(request: TableRequest, job: JobContext) -> TableWritten | TableRefused:
    target = request.target
    try:
        written = resolve_target(target)  # through a link; never a folder or a device
    except OSError as exc:
        return _refused(target, exc.strerror or str(exc))
    if (reason := refusal(written, request.catalog, suffix=request.fmt.suffix)) is not None:
        return _refused(target, reason)
    total = len(request.card_ids)
    job.progress(0, total)
    cards = request.catalog.analysed(request.card_ids, job.progress, PARTS[request.view])
    gc.freeze()  # the cards too, and then the rows: each is kept to the end
    table = TABLES[request.view](cards, request.catalog.info)
    gc.freeze()
    job.progress(total, total, f"writing {len(table.rows):,} rows")
    job.checkpoint()
    data = table_bytes(table, request.fmt, bom=request.bom)
    job.checkpoint()  # the last moment a cancel leaves everything as it was
    try:
        with AtomicFile(written) as out:
            out.write(data)
            out.commit()
    except OSError as exc:
        return _refused(target, exc.strerror or str(exc))
    return TableWritten(written, len(table.rows), len(cards))


def _refused(target: Path, reason: str) -> TableRefused:
    return TableRefused(f"Could not write {target}: {reason}. Nothing was written.")
