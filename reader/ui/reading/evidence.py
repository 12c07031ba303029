"""The open set's source texts, for the window: where each card's source is, its parsed text,
its items' health and citations, and the set's health totals and findings.

Where a card's source is, a few ``stat`` calls, is answered at once (:meth:`Evidence.lookup`).
Everything that reads a source runs off the UI thread (:mod:`reader.ui.reading.source_checks`):
the open card's check (:meth:`Evidence.lookup`; the card shows at once with its source's
status and gains its marks with :attr:`Evidence.checked`), and the whole set's
(:attr:`Evidence.scanned`): the health totals the overview shows and the findings the Problems
panel lists need every card, so they are worked out for a set with a sources folder
(``sources:`` in cardset.yaml, Locate…, or ``--sources``), and for a set of at most
:data:`SCAN_ANY_SET` cards, whose source texts may sit in the set folder itself: at 10,000
cards a scan is seconds of background work, not to be spent on a set with no sources.

The checks (:class:`reader.ui.reading.source_checks.SourceChecks`, and the verification they
import) are made the first time they are needed: a card looked up, a set scanned, its
sources' folders asked for. A large set's first paint, its overview, needs none of them (#17
§4); they are made on the UI thread, before any of their jobs starts.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, Signal

from reader.app.settings import Settings
from reader.cards.catalog import Catalog
from reader.ui.lazy import Lazy

if TYPE_CHECKING:
    from reader.cards.model import Card
    from reader.ui.reading.citations import Citations
    from reader.ui.reading.source_checks import SetHealth, SourceChecks
    from reader.verify.health import ItemHealth
    from reader.verify.source_text import SourceText
    from reader.verify.sources import SourceStatus

#: Sets of at most this many cards are scanned even without a sources folder (a second or so
#: of background work; their source texts may sit beside the cards).
SCAN_ANY_SET = 1000


class CardEvidence(NamedTuple):
    """What the window knows of one card's source: its status, and once checked, the parsed
    text, each item's health and the card's citations of it (a named tuple, made as the
    window starts: see :class:`reader.render.sections.CardSection`)."""

    card: Card
    status: SourceStatus
    source: SourceText | None = None
    #: ``None`` while the source is still being read and checked.
    health: dict[tuple[str, int], ItemHealth] | None = None
    citations: Citations | None = None

    @property
    def checking(self) -> bool:
        return self.health is None


class Evidence(QObject):
    #: A card's source has been read and checked (its id): draw it again.
    checked = Signal(str)
    #: The set's health totals and findings changed (:attr:`set_health`).
    scanned = Signal()

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._catalog: Catalog | None = None
        #: ``--sources`` for this run: it outranks the folder remembered for the set.
        self._run_folder: Path | None = None
        self._checks: Lazy[SourceChecks] = Lazy(self._make_checks)

    def _make_checks(self) -> SourceChecks:
        # Imported here, on the UI thread, when first needed: see the module docstring.
        from reader.ui.reading.source_checks import SourceChecks

        checks = SourceChecks(self)
        checks.checked.connect(self.checked)
        checks.scanned.connect(self.scanned)
        return checks

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
        self._restart(forget_scan=False)

    def folders(self) -> list[Path]:
        catalog = self._catalog
        if catalog is None:
            return []
        return self._checks().folders(catalog.root, catalog.info, self.chosen_folder())

    def has_sources_folder(self) -> bool:
        """Whether the set names a sources folder, or one was chosen or given for it."""
        catalog = self._catalog
        return catalog is not None and bool(catalog.info.sources or self.chosen_folder())

    # -- the set ----------------------------------------------------------------------------

    def set_catalog(self, catalog: Catalog) -> None:
        """A set was opened or read again: forget what another set held, scan this one."""
        other_set = self._catalog is None or catalog.root != self._catalog.root
        self._catalog = catalog
        self._restart(forget_scan=other_set)

    def _restart(self, *, forget_scan: bool) -> None:
        checks = self._checks.made
        if checks is not None:
            checks.forget(scan_too=forget_scan)
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
            checks = self._checks.made
            if checks is not None:
                checks.stop_scan()
            return
        self._checks().scan(catalog, self.folders())

    @property
    def set_health(self) -> SetHealth | None:
        """The last scan's result (None: no sources folder, or not scanned yet)."""
        checks = self._checks.made
        return checks.set_health if checks is not None else None

    @property
    def scanning(self) -> bool:
        checks = self._checks.made
        return checks is not None and checks.scanning

    # -- one card -------------------------------------------------------------------------

    def lookup(self, card: Card) -> CardEvidence:
        """What is known of ``card``'s source now; when it still has to be read and checked,
        that starts in the background and :attr:`checked` follows."""
        return self._checks().lookup(card, self.folders())

    def shutdown(self) -> None:
        checks = self._checks.made
        if checks is not None:
            checks.shutdown()
