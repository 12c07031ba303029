"""The source pane's commands and links: View › Source, a locator clicked, Locate…, the next
cited passage, and the pane's reverse links back into the card.

The controller owns the parts of the evidence: the set's :class:`Evidence` (it follows the
session's catalog), the :class:`SourcePane`, and the reading splitter that holds the pane
beside the card (around the window's content stack), so opening the pane narrows the card,
not the list. While the comparison views are shown the pane steps aside, and comes back
when the reader returns to the cards.

The pane is made when first used (opened, or asked for as :attr:`SourceController.pane`), not
with the window: it starts hidden, and its modules (the source's layout, its view, the
citations under it) are no part of the first paint (#17 §4, tests/ui/test_startup_imports.py).
What works on it (the capture into the editor, the zoom, the tab order) follows
:attr:`SourceController.pane_made`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QSplitter, QWidget

from reader.app.session import ReaderSession
from reader.app.settings import Settings
from reader.render import Theme
from reader.render.located import LOCATED_FIELDS
from reader.ui.actions import key_text
from reader.ui.commands import Actions
from reader.ui.lazy import Lazy
from reader.ui.reading.card_view import CardView
from reader.ui.reading.evidence import CardEvidence, Evidence

if TYPE_CHECKING:
    from reader.ui.reading.source_pane import SourcePane

#: The pane's share of the reading splitter when it opens.
PANE_SHARE = 0.45
#: Below this width for card and pane together, opening the pane narrows the panes on their
#: left (tags, list) to their minimum, and closing it gives them their width back.
ROOM_FOR_BOTH = 1000
#: The source's text, relative to the card's: a shade smaller, it is the second column.
PANE_TEXT = 0.94


class SourceController(QObject):
    #: A line for the status bar.
    message = Signal(str)
    #: The pane was opened or closed (the View › Source check mark follows).
    toggled = Signal()
    #: The pane has just been made (it is :attr:`pane` from now on).
    pane_made = Signal()

    def __init__(
        self,
        settings: Settings,
        session: ReaderSession,
        content: QWidget,
        view: CardView,
        commands: Actions,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.evidence = Evidence(settings, self)
        self._pane: Lazy[SourcePane] = Lazy(self._make_pane)
        #: The card (the window's content) and the pane, side by side.
        self.splitter = QSplitter(Qt.Orientation.Horizontal, window)
        self.splitter.setObjectName("readingSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(content)
        self._commands = commands
        self._session = session
        self._view = view
        self._window = window
        session.catalog_changed.connect(self._on_catalog)
        self._open = False
        self._aside = False  # stepped aside for the comparison views
        self._given_back: list[int] | None = None  # the outer sizes before making room
        self._shown: CardEvidence | None = None
        self._look: tuple[Theme, float] | None = None
        view.cite_clicked.connect(self.show_cite)
        view.source_clicked.connect(self._on_source_link)

    @property
    def pane(self) -> SourcePane:
        """The source pane, made now (and :attr:`pane_made` emitted) if it had not been."""
        if self._pane.made is None:
            self._pane()
            self.pane_made.emit()  # once it is this property: its followers may ask for it
        return self._pane()

    @property
    def made_pane(self) -> SourcePane | None:
        """The pane if it has been made, else None: asking makes nothing."""
        return self._pane.made

    def tab_chain(self) -> list[QWidget]:
        """What Tab reaches after the card: the pane's text, once the pane has been made."""
        pane = self._pane.made
        return [pane.view] if pane is not None else []

    def _make_pane(self) -> SourcePane:
        """The pane, hidden, beside the card: as it was made with the window before, where
        the tab order goes from the card into it."""
        from reader.ui.reading.source_pane import SourcePane  # not at start-up

        commands = self._commands
        pane = SourcePane(self._window)
        pane.hide()
        self.splitter.addWidget(pane)
        pane.setMinimumWidth(260)
        pane.set_hint(
            "Click a locator in the card to see its passage here, or a paragraph to see what "
            f"cites it; {key_text(commands.next_cited)} and "
            f"{key_text(commands.previous_cited)} step through the passages the card cites."
        )
        pane.item_clicked.connect(self._on_item)
        pane.close_requested.connect(lambda: self.set_open(False))
        pane.locate_requested.connect(self.locate)
        QWidget.setTabOrder(self._view, pane.view)
        return pane

    def _on_catalog(self) -> None:
        if self._session.catalog is not None:
            self.evidence.set_catalog(self._session.catalog)

    # -- open or closed -------------------------------------------------------------------

    def is_open(self) -> bool:
        return self._open

    def set_open(self, open_: bool) -> None:
        if open_ == self._open:
            return
        self._open = open_
        self._place()
        if open_:
            self._refresh()
        self.toggled.emit()

    def toggle(self) -> None:
        self.set_open(not self._open)

    def step_aside(self, aside: bool) -> None:
        """Hide the pane while the comparison views take the card's place."""
        self._aside = aside
        self._place()

    def _place(self) -> None:
        visible = self._open and not self._aside
        made = self.made_pane
        if visible == (made is not None and made.isVisible()):
            return
        outer = self.splitter.parentWidget()
        if not visible:
            self.pane.hide()
            if isinstance(outer, QSplitter) and self._given_back is not None:
                outer.setSizes(self._given_back)
            self._given_back = None
            return
        if isinstance(outer, QSplitter) and self.splitter.width() < ROOM_FOR_BOTH:
            self._given_back = outer.sizes()
            self._make_room(outer)
        total = max(self.splitter.width(), 2)
        self.pane.show()
        pane = int(total * PANE_SHARE)
        self.splitter.setSizes([total - pane, pane])

    def _make_room(self, outer: QSplitter) -> None:
        """The panes left of the card at their minimum width; the card and pane get the rest."""
        sizes = outer.sizes()
        here = outer.indexOf(self.splitter)
        for i in range(here):
            widget = outer.widget(i)
            if widget is None or not widget.isVisible():
                continue
            least = max(widget.minimumWidth(), widget.minimumSizeHint().width())
            if sizes[i] > least:
                sizes[here] += sizes[i] - least
                sizes[i] = least
        outer.setSizes(sizes)

    # -- what it shows --------------------------------------------------------------------

    def show(self, evidence: CardEvidence | None, theme: Theme, point_size: float) -> None:
        """The card now shown (None: the overview), in the current look."""
        self._shown, self._look = evidence, (theme, point_size)
        if self._open:
            self._refresh()

    def _refresh(self) -> None:
        if self._look is not None:
            theme, size = self._look
            self.pane.show_evidence(self._shown, theme, round(size * PANE_TEXT, 2))

    # -- links and commands ---------------------------------------------------------------

    def show_cite(self, field: str, index: int) -> None:
        """A locator was clicked: open the pane at the passage it cites. Only argument points,
        recommendations and quotes have locators (a perspective has no passage to show)."""
        if field not in LOCATED_FIELDS:
            return
        self.set_open(True)
        self.pane.show_item(field, index)

    def step_cited(self, step: int) -> None:
        """Next (1) or previous (-1) paragraph the card cites, opening the pane."""
        self.set_open(True)
        paragraph = self.pane.step_cited(step)
        if paragraph is None:
            self.message.emit("No cited passage to go to: the source text is not shown")

    def _on_item(self, field: str, index: int) -> None:
        """An item named under the text: bring it into view in the card, and its passage."""
        self._view.scroll_to_item(field, index)
        self.pane.show_item(field, index)

    def _on_source_link(self, what: str) -> None:
        if what in ("show", "hide"):
            self.set_open(what == "show")
        else:
            self.locate()

    def locate(self) -> None:
        """Ask for the folder that holds the set's source texts; remembered for the set."""
        start = self.evidence.chosen_folder() or Path.home()
        from PySide6.QtWidgets import QFileDialog  # on first use: reader/ui/lazy.py

        folder = QFileDialog.getExistingDirectory(
            self._window, "Locate the Source Texts", str(start)
        )
        if folder:
            self.evidence.choose_folder(Path(folder))
            self.message.emit(f"Source texts are looked for in {folder} too")
