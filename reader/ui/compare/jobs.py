"""Set-wide views worked out off the UI thread, as jobs of :mod:`reader.app.jobs`.

A topic matrix, ledger or timeline of thousands of cards loads every one of them (about 1 ms
a card from the index) before it can show anything: seconds, during which the window must
stay responsive. The workspace runs a view's ``compute`` as a job (:func:`view_job`) on its
:class:`~reader.app.jobs.JobRunner`; a newer request stops the one running at its next
progress report, so typing in the search box never queues up stale work.

The job keeps what it makes out of the garbage collector's full collections (``gc.freeze``,
as the PDF export does): a collection set off by the job's allocations holds the interpreter,
so at 10,000 cards each froze the window for a large part of a second. What it made lives
on in the view afterwards, frozen still; it is freed, as ever, once nothing refers to it.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from reader.analysis.columns import CardProgress
from reader.app.jobs import Job, JobContext
from reader.cards.catalog import Catalog

#: A view's ``compute``: (catalog, card ids, progress) -> what the view shows.
Compute = Callable[[Catalog, Sequence[str], CardProgress | None], Any]


@dataclass(frozen=True, slots=True)
class Computed:
    """A view job's result: what ``compute`` gave, and the catalog it was computed from."""

    catalog: Catalog
    result: Any


def view_job(compute: Compute, catalog: Catalog, card_ids: Sequence[str]) -> Job:
    """The job computing a view of ``card_ids``: it reports progress (a checkpoint) as cards
    load, and returns a :class:`Computed`."""
    return partial(_run, compute, catalog, tuple(card_ids))


#: Cards read between two freezes of what the job has made so far.
FREEZE_EVERY = 500


def _run(
    compute: Compute, catalog: Catalog, card_ids: tuple[str, ...], context: JobContext
) -> Computed:
    def progress(done: int, total: int) -> None:
        if done % FREEZE_EVERY == 0:
            gc.freeze()
        context.progress(done, total)

    gc.freeze()
    result = compute(catalog, card_ids, progress)
    gc.freeze()
    return Computed(catalog, result)
