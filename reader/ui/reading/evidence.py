"""The open set's source texts, for the window: where each card's source is, its parsed text,
its items' health and citations, and the set's health totals and findings.

Where a source is (:meth:`Evidence.status`) is a few ``stat`` calls and is answered at once.
Everything that reads a source runs off the UI thread, as jobs (:mod:`reader.app.jobs`):

* the open card (:meth:`Evidence.lookup`): parsing its source (up to 16 MiB) and checking
  its items (TF-IDF over every paragraph: about 0.1 s for the 45 KB Crisis Group report).
  The card shows at once with its source's status and gains its marks when the check ends
  (:attr:`Evidence.checked`); a checked card is cached, so reopening it or changing the
  zoom draws it complete at once;
* the whole set (:attr:`Evidence.scanned`): the health totals the overview shows and the
  findings the Problems panel lists need every card, so they are worked out for a set with a
  sources folder (``sources:`` in cardset.yaml, Locate…, or ``--sources``), and for a set of
  at most :data:`SCAN_ANY_SET` cards, whose source texts may sit in the set folder itself: at
  10,000 cards a scan is seconds of background work, not to be spent on a set with no sources.

Both use one :class:`SourceTexts`, so a source cited by many cards is parsed once.
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
from reader.app.settings import Settings
from reader.cards.catalog import Catalog
from reader.cards.load import UnreadableFileError
from reader.cards.model import Card
from reader.cards.problems import Problem
from reader.ui.reading.citations import Citations, citations
from reader.verify.health import ItemHealth, Mark, card_health, totals
from reader.verify.quotes import verify_card
from reader.verify.source_text import SourceText
from reader.verify.sources import (
    Availability,
    SourceStatus,
    SourceTexts,
    source_folders,
    source_status,
)

Health = dict[tuple[str, int], ItemHealth]
#: A source file's identity while the window runs: its path, size and modification time.
Stamp = tuple[Path, int, int]


#: Sets of at most this many cards are scanned even without a sources folder (a second or so
#: of background work; their source texts may sit beside the cards).
SCAN_ANY_SET = 1000


@dataclass(frozen=True, slots=True)
class CardEvidence:
    """What the window knows of one card's source: its status, and once checked, the parsed
    text, each item's health and the card's citations of it."""

    card: Card
    status: SourceStatus
    source: SourceText | None = None
    #: ``None`` while the source is still being read and checked.
    health: Health | None = None
    citations: Citations | None = None

    @property
    def checking(self) -> bool:
        return self.health is None


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


class Evidence(QObject):
    #: A card's source has been read and checked (its id): draw it again.
    checked = Signal(str)
    #: The set's health totals and findings changed (:attr:`set_health`).
    scanned = Signal()

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._texts = SourceTexts()
        self._catalog: Catalog | None = None
        #: ``--sources`` for this run: it outranks the folder remembered for the set.
        self._run_folder: Path | None = None
        self._cache: dict[str, tuple[Card, Stamp | None, Sequence[Path], CardEvidence]] = {}
        self._set_health: SetHealth | None = None
        self._cards = JobRunner("evidence-card", self)
        self._cards.finished.connect(self._on_card_checked)
        self._scan = JobRunner("evidence-set", self)
        self._scan.finished.connect(self._on_scanned)

    # -- where the sources are --------------------------------------------------------

    def set_run_folder(self, folder: Path | None) -> None:
        """The folder ``--sources`` gave: looked in for every set this run opens."""
        self._run_folder = folder.resolve() if folder is not None else None

    def chosen_folder(self) -> Path | None:
        """The folder looked in after the set's own: ``--sources``, else the one the reader
        chose for this set with Locate…"""
        if self._run_folder is not None:
            return self._run_folder
        if self._catalog is None:
            return None
        return self._settings.source_folder(self._catalog.root)

    def choose_folder(self, folder: Path) -> None:
        """Locate…: remember ``folder`` for this set (it outranks ``--sources`` from now on)
        and check the set's sources again."""
        if self._catalog is None:
            return
        self._settings.set_source_folder(self._catalog.root, folder)
        self._run_folder = None
        self._restart()

    def folders(self) -> list[Path]:
        if self._catalog is None:
            return []
        return source_folders(self._catalog.root, self._catalog.info, self.chosen_folder())

    def has_sources_folder(self) -> bool:
        """Whether the set names a sources folder, or one was chosen or given for it."""
        catalog = self._catalog
        return catalog is not None and bool(catalog.info.sources or self.chosen_folder())

    # -- the set ----------------------------------------------------------------------------

    def set_catalog(self, catalog: Catalog) -> None:
        """A set was opened or read again: forget what another set held, scan this one."""
        if self._catalog is None or catalog.root != self._catalog.root:
            self._set_health = None
        self._catalog = catalog
        self._restart()

    def _restart(self) -> None:
        self._cache.clear()
        self._cards.cancel()
        self.scan()

    def scans_set(self) -> bool:
        """Whether the set's totals and findings are worked out (see the module docstring)."""
        catalog = self._catalog
        if catalog is None:
            return False
        return self.has_sources_folder() or len(catalog.summaries()) <= SCAN_ANY_SET

    def scan(self) -> None:
        """Work out the set's totals and findings in the background (with a sources folder,
        or for a small set; see the module docstring)."""
        catalog = self._catalog
        if catalog is None or not self.scans_set():
            self._scan.cancel()
            if self._set_health is not None:
                self._set_health = None
                self.scanned.emit()
            return
        previous = self._set_health.scanned if self._set_health is not None else {}
        job = partial(scan_set, catalog, self.folders(), self._texts, previous)
        self._scan.start(catalog, job)

    @property
    def set_health(self) -> SetHealth | None:
        """The last scan's result (None: no sources folder, or not scanned yet)."""
        return self._set_health

    @property
    def scanning(self) -> bool:
        return self._scan.running is not None

    def _on_scanned(self, catalog: object, result: object) -> None:
        if catalog is self._catalog and isinstance(result, SetHealth):
            self._set_health = result
            self.scanned.emit()

    # -- one card -------------------------------------------------------------------------

    def status(self, card: Card) -> SourceStatus:
        return source_status(card, self.folders())

    def lookup(self, card: Card) -> CardEvidence:
        """What is known of ``card``'s source now; when it still has to be read and checked,
        that starts in the background and :attr:`checked` follows."""
        status = self.status(card)
        folders = self.folders()
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
