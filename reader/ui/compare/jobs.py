"""Set-wide views worked out off the UI thread, as jobs of :mod:`reader.app.jobs`.

A topic matrix, ledger or timeline of thousands of cards loads every one of them (about 1 ms
a card from the index) before it can show anything: seconds, during which the window must
stay responsive. The workspace runs a view's ``compute`` as a job (:func:`view_job`) on its
:class:`~reader.app.jobs.JobRunner`; a newer request stops the one running at its next
progress report, so typing in the search box never queues up stale work.

No cyclic garbage collection runs while a job does (:func:`collections_paused`), and what it
made is then kept out of later full collections (``gc.freeze``, as the PDF export does): a
collection set off by the job's allocations holds the interpreter, so at 10,000 cards each
froze the window for a large part of a second, and at 100,000 the ledger's rows (300,000
objects made between two progress reports) still set off collections of 100-340 ms when the
job froze what it had made at each report only. What it made lives on in the view
afterwards, frozen still; it is freed, as ever, once nothing refers to it.

While a job runs, the interpreter hands over between threads every half millisecond instead of
CPython's five (:class:`reader.app.switches.QuickSwitches`, which a set's load holds too). The
job is Python from end to end; each time the window wakes (a timer, a repaint, a progress
report) it must wait for the job to let go of the interpreter, up to the switch interval.
Beside a busy thread, a 5 ms timer's beats came 10-21 ms apart at the 95th percentile instead
of 16-28 ms (at most 16-25 ms instead of 26-32; 2 busy cores). The job is interrupted only
when the window wants the interpreter.

Beyond that, the job stands aside at each progress report while the window's thread has
events to work through (:mod:`reader.ui.compare.turns`), and reports its progress to the
window at most every :data:`REPORT_EVERY` seconds: each report wakes the window, which the
job would then wait for.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from reader.analysis.columns import CardProgress
from reader.app.gc_pause import collections_paused
from reader.app.jobs import Job, JobContext
from reader.app.switches import QuickSwitches
from reader.cards.catalog import Catalog
from reader.ui.compare.turns import FIRST_PAINT, WindowTurns

#: Hands the window a first part of a view's result while the rest is worked out.
FirstPart = Callable[[Any], None]
#: A view's ``compute``: (catalog, card ids, progress, first part) -> what the view shows.
Compute = Callable[[Catalog, Sequence[str], CardProgress | None, FirstPart | None], Any]


@dataclass(frozen=True, slots=True)
class Computed:
    """A view job's result: what ``compute`` gave, and the catalog it was computed from."""

    catalog: Catalog
    result: Any


def view_job(
    compute: Compute,
    catalog: Catalog,
    card_ids: Sequence[str],
    turns: WindowTurns | None = None,
) -> Job:
    """The job computing a view of ``card_ids``: it reports progress (a checkpoint) as cards
    load, may deliver a first part of the result (a :class:`Computed` through the runner's
    ``delivered``: the timeline's first screenful, before its later dates are merged), and
    returns a :class:`Computed`. With ``turns`` (watched while the job runs), it gives way to
    the window at each progress report."""
    return partial(_run, compute, catalog, tuple(card_ids), turns)


#: Seconds between two progress reports the window hears (a checkpoint each time all the same).
REPORT_EVERY = 0.025


#: Seconds between the interpreter's thread switches while a view job runs (CPython's: 0.005).
SWITCH_INTERVAL = 0.0005


#: Held while any view job runs (a cancelled one may still be finishing as the next starts).
QUICK_SWITCHES = QuickSwitches(SWITCH_INTERVAL)


def _run(
    compute: Compute,
    catalog: Catalog,
    card_ids: tuple[str, ...],
    turns: WindowTurns | None,
    context: JobContext,
) -> Computed:
    def first_part(part: Any) -> None:
        context.deliver(Computed(catalog, part))
        if turns is not None:
            turns.expect()
            turns.give_way()

    reported = [float("-inf")]

    def progress(done: int, total: int) -> None:
        if turns is not None:
            turns.give_way()
        now = time.monotonic()
        if now - reported[0] < REPORT_EVERY:
            context.checkpoint()
            return
        reported[0] = now
        context.progress(done, total)

    if turns is not None:
        turns.give_way(FIRST_PAINT)  # the window is making the view, laying it out, painting
    with QUICK_SWITCHES.held(), collections_paused(freeze=True):
        result = compute(catalog, card_ids, progress, first_part)
    return Computed(catalog, result)
