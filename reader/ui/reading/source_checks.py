"""The checks behind :class:`reader.ui.reading.evidence.Evidence`: reading the set's source
texts, checking each card's items against them, and scanning the whole set.

Everything that reads a source runs off the UI thread, as jobs (:mod:`reader.app.jobs`):

* the open card (:meth:`SourceChecks.lookup`): parsing its source (up to 16 MiB) and checking
  its items (TF-IDF over every paragraph: about 0.1 s for the 45 KB Crisis Group report).
  The card shows at once with its source's status and gains its marks when the check ends
  (:attr:`SourceChecks.checked`); a checked card is cached, so reopening it or changing the
  zoom draws it complete at once;
* the whole set (:meth:`SourceChecks.scan`): the health totals the overview shows and the
  findings the Problems panel lists need every card.

Both use one :class:`SourceTexts`, so a source cited by many cards is parsed once.

This module, and the verification it imports, is made by :class:`Evidence` the first time
a card is looked up, the set is scanned or its sources' folders are asked for, on the UI
thread: before any job of it starts, so that no job imports (see :mod:`reader.app.loading`).
A warm open's first paint, the set's overview, needs none of it (#17 §4).
"""

from __future__ import annotations

import difflib  # noqa: F401  (SourceText.closest imports it on the job thread: loaded here first)
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.app.jobs import JobContext, JobRunner
from reader.cards.catalog import Catalog
from reader.cards.file_reading import UnreadableFileError
from reader.cards.model import Card, SetInfo
from reader.cards.problems import Problem
from reader.ui.reading.citations import citations
from reader.ui.reading.evidence import CardEvidence
from reader.verify.health import Mark, card_health, totals
from reader.verify.quotes import verify_card
from reader.verify.sources import (
    Availability,
    SourceStatus,
    SourceTexts,
    source_folders,
    source_status,
)

#: A source file's identity while the window runs: its path, size and modification time.
Stamp = tuple[Path, int, int]


@dataclass(frozen=True, slots=True)
class Scanned:
    """One card's part of a scan, kept for the next scan while card and source are the same.

    Small on purpose: a scan keeps one for every card, and a heap of 10,000 cards' objects
    made each full garbage collection pause the window for up to 0.2 s.
    """

    #: The card's content hash (its fields, as equality compares them).
    card: int
    stamp: Stamp | None
    marks: tuple[tuple[Mark, int], ...]
    problems: tuple[Problem, ...]
    found: bool


@dataclass(frozen=True, slots=True)
class SetHealth:
    """The set's evidence: how many items carry each mark, and the findings to list."""

    totals: Counter[Mark] = field(default_factory=Counter)
    problems: tuple[Problem, ...] = ()
    #: How many cards' source texts were found, of how many cards.
    found: int = 0
    cards: int = 0
    #: Each card's part, by id (the next scan checks again only what changed).
    scanned: Mapping[str, Scanned] = field(default_factory=dict, compare=False, repr=False)


def check_card(card: Card, status: SourceStatus, texts: SourceTexts) -> CardEvidence:
    """Read and check ``card``'s source (on a job's thread: it may take a while)."""
    if not status.available or status.path is None:
        return CardEvidence(card, status, health=card_health(card, None))
    try:
        source = texts.load(status.path, card.source.lines)
    except UnreadableFileError as exc:
        unreadable = SourceStatus(Availability.UNREADABLE, status.path, str(exc))
        return CardEvidence(card, unreadable, health=card_health(card, None))
    return CardEvidence(card, status, source, card_health(card, source), citations(card, source))


def scan_card(card: Card, status: SourceStatus, texts: SourceTexts) -> Scanned:
    """One card's health and findings (its diagnostics only when something is suspect:
    wording them checks the card again, and a clean card has none)."""
    checked = check_card(card, status, texts)
    health = checked.health or {}
    suspect = any(h.mark is Mark.SUSPECT for h in health.values())
    source = checked.source
    problems = tuple(verify_card(card, source)) if source is not None and suspect else ()
    marks = tuple(totals([health]).items())
    return Scanned(hash(card), _stamp(status.path), marks, problems, source is not None)


def scan_set(
    catalog: Catalog,
    folders: list[Path],
    texts: SourceTexts,
    previous: Mapping[str, Scanned],
    context: JobContext,
) -> SetHealth:
    """Every card's health and findings (on a job's thread; a checkpoint a card). A card
    scanned before, unchanged and with the same source file, is not checked again."""
    summaries = catalog.summaries()
    scanned: dict[str, Scanned] = {}
    for done, summary in enumerate(summaries):
        context.progress(done, len(summaries))
        card = catalog.card(summary.id)
        if card is None:
            continue
        status = source_status(card, folders)
        old = previous.get(card.id)
        if old is None or old.card != hash(card) or old.stamp != _stamp(status.path):
            old = scan_card(card, status, texts)
        scanned[card.id] = old
    parts = scanned.values()
    marks: Counter[Mark] = Counter()
    for part in parts:
        marks.update(dict(part.marks))
    return SetHealth(
        marks,
        tuple(sorted(problem for p in parts for problem in p.problems)),
        sum(p.found for p in parts),
        len(summaries),
        scanned,
    )


def _stamp(path: Path | None) -> Stamp | None:
    if path is None:
        return None
    try:
        info = path.stat()
    except OSError:
        return None
    return (path, info.st_size, info.st_mtime_ns)


class SourceChecks(QObject):
    """The source texts read, the cards checked (cached) and the set's last scan, with the
    jobs that work them out."""

    #: A card's source has been read and checked (its id).
    checked = Signal(str)
    #: The set's health totals and findings changed (:attr:`set_health`).
    scanned = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._texts = SourceTexts()
        self._cache: dict[str, tuple[Card, Stamp | None, Sequence[Path], CardEvidence]] = {}
        #: The last scan's result (None: not scanned, or forgotten).
        self.set_health: SetHealth | None = None
        self._scanned: Catalog | None = None  # the catalog of the last scan started
        self._cards = JobRunner("evidence-card", self)
        self._cards.finished.connect(self._on_card_checked)
        self._scan = JobRunner("evidence-set", self)
        self._scan.finished.connect(self._on_scanned)

    @staticmethod
    def folders(root: Path, info: SetInfo, chosen: Path | None) -> list[Path]:
        """Where a set's source texts are looked for (:func:`source_folders`)."""
        return source_folders(root, info, chosen)

    # -- the set ----------------------------------------------------------------------------

    def forget(self, *, scan_too: bool) -> None:
        """Forget the cards checked (another catalog, other folders); ``scan_too``: and the
        last scan's result (another set), without telling (:meth:`scan` or :meth:`stop_scan`
        follows)."""
        self._cache.clear()
        self._cards.cancel()
        if scan_too:
            self.set_health = None

    def scan(self, catalog: Catalog, folders: list[Path]) -> None:
        """Work out the set's totals and findings in the background."""
        previous = self.set_health.scanned if self.set_health is not None else {}
        job = partial(scan_set, catalog, folders, self._texts, previous)
        self._scanned = catalog
        self._scan.start(catalog, job)

    def stop_scan(self) -> None:
        """The set is not scanned (any more): no scan runs, and no totals are kept."""
        self._scan.cancel()
        self._scanned = None
        if self.set_health is not None:
            self.set_health = None
            self.scanned.emit()

    @property
    def scanning(self) -> bool:
        return self._scan.running is not None

    def _on_scanned(self, catalog: object, result: object) -> None:
        if catalog is self._scanned and isinstance(result, SetHealth):
            self.set_health = result
            self.scanned.emit()

    # -- one card -------------------------------------------------------------------------

    def lookup(self, card: Card, folders: list[Path]) -> CardEvidence:
        """What is known of ``card``'s source now; when it still has to be read and checked,
        that starts in the background and :attr:`checked` follows."""
        status = source_status(card, folders)
        stamp = _stamp(status.path)
        cached = self._cache.get(card.id)
        if cached is not None and cached[:3] == (card, stamp, folders):
            return cached[3]
        if not status.available:
            evidence = check_card(card, status, self._texts)  # no file to read: at once
            self._cache[card.id] = (card, stamp, folders, evidence)
            return evidence
        if self._cards.running != (card, stamp):
            job = partial(_check_job, card, status, self._texts, stamp, tuple(folders))
            self._cards.start((card, stamp), job)
        return CardEvidence(card, status)

    def _on_card_checked(self, _key: object, result: object) -> None:
        if not isinstance(result, _Checked):
            return
        evidence = result.evidence
        self._cache[evidence.card.id] = (evidence.card, result.stamp, result.folders, evidence)
        self.checked.emit(evidence.card.id)

    def shutdown(self) -> None:
        self._cards.shutdown()
        self._scan.shutdown()


@dataclass(frozen=True, slots=True)
class _Checked:
    evidence: CardEvidence
    stamp: Stamp | None
    folders: list[Path]


def _check_job(
    card: Card,
    status: SourceStatus,
    texts: SourceTexts,
    stamp: Stamp | None,
    folders: tuple[Path, ...],
    _context: JobContext,
) -> _Checked:
    return _Checked(check_card(card, status, texts), stamp, list(folders))
