"""Set-wide views worked out off the UI thread, as jobs of :mod:`reader.app.jobs`.

A topic matrix, ledger or timeline of thousands of cards loads every one of them (about 1 ms
a card from the index) before it can show anything: seconds, during which the window must
stay responsive. The workspace runs a view's ``compute`` as a job (:func:`view_job`) on its
:class:`~reader.app.jobs.JobRunner`; a newer request stops the one running at its next
progress report, so typing in the search box never queues up stale work.
"""

from __future__ import annotations

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


def _run(
    compute: Compute, catalog: Catalog, card_ids: tuple[str, ...], context: JobContext
) -> Computed:
    return Computed(catalog, compute(catalog, card_ids, context.progress))
