"""Reading resumes where it stopped: the card open when the window closed opens again at the
next launch, at the section being read (the set itself reopens from ``Settings.last_set``), as
Calibre and Obsidian do. A section, not a scroll offset: it stays right at another zoom or
window width.

The card is remembered per set, as soon as it opens (a crash loses nothing), and the overview
is remembered too: a reader who left a set on its overview finds the overview again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from reader.app.session import ReaderSession
from reader.app.settings import Settings
from reader.ui.reading.outline import CardOutline


class ResumeReading(QObject):
    """Remembers the open card of each set in ``settings``; reopens it when the set loads."""

    def __init__(
        self, session: ReaderSession, settings: Settings, outline: CardOutline, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._settings = settings
        self._outline = outline
        self._root: Path | None = None
        #: The card to reopen once it is in the catalog (a set may load in stages), and the
        #: section to scroll it to.
        self._pending: str | None = None
        self._section: str | None = None
        session.catalog_changed.connect(self._on_catalog)
        session.current_changed.connect(self._remember)
        outline.section_changed.connect(self._remember_section)

    def _on_catalog(self) -> None:
        catalog = self._session.catalog
        if catalog is None:
            return
        if catalog.root != self._root:  # another set: its own last card
            self._root = catalog.root
            self._pending = self._settings.last_card(catalog.root)
            self._section = self._settings.last_section(catalog.root)
        if self._pending is not None:
            # After the session has finished taking the catalog (and started its history).
            QTimer.singleShot(0, self._resume)

    def _resume(self) -> None:
        s = self._session
        card, catalog = self._pending, s.catalog
        if card is None or catalog is None or catalog.root != self._root:
            return
        if s.current_id is not None:  # the reader (or a filter of one card) chose already
            self._pending = None
        elif card in s.matched:
            self._pending = None
            s.open_card(card)
            if self._section is not None:
                self._outline.jump(self._section)

    def _remember(self) -> None:
        catalog = self._session.catalog
        if catalog is None or catalog.root != self._root:
            return
        current = self._session.current_id
        if current is None and self._pending is not None:
            return  # the set is still coming in: the card to resume is not forgotten
        self._pending = None
        self._settings.set_last_card(catalog.root, current)

    def _remember_section(self, key: str) -> None:
        catalog = self._session.catalog
        if catalog is not None and catalog.root == self._root and self._pending is None:
            self._settings.set_last_section(catalog.root, key)
