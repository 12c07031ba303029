"""What the window adds around reading: zoom of the whole window, the card's outline, the set
overview on demand, Print Card…, and resuming at the last card.

One object, made with the window and connecting itself, so the window only holds it
(``window.aids``); the commands of the View, Go and File menus act through it.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtWidgets import QWidget

from reader.render.overview import topic_of
from reader.render.sections import card_sections
from reader.ui.actions import key_text
from reader.ui.compare.kinds import ViewKind
from reader.ui.reading.outline import NUMBERED_SECTIONS, CardOutline
from reader.ui.reading.resume import ResumeReading
from reader.ui.window_zoom import WindowZoom

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    from reader.ui.main_window import MainWindow


class ReadingAids(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.zoom = WindowZoom(
            window,
            window.appearance,
            window.status,
            window.commands.zoom_reset,
            own_sizes=(window.comparison_page,),
            documents=(window.card_view,),
        )
        # The source pane is made when first opened: its text view is then zoomed as well.
        window.sources.pane_made.connect(
            lambda: self.zoom.add_part(window.sources.pane, window.sources.pane.view)
        )
        self.outline = CardOutline(window.card_view)
        commands = window.commands
        self.outline.set_key_hints(
            {key: key_text(getattr(commands, f"section_{key}")) for key in NUMBERED_SECTIONS}
        )
        self.resume = ResumeReading(window.session, window.settings, self.outline, self)
        self.preview: QPrintPreviewDialog | None = None
        window.presenter.shown.connect(self._on_shown)
        window.session.results_changed.connect(self._order_tabs)  # after the window's order
        window.card_view.command_clicked.connect(self._on_command)
        window.card_view.highlighted.connect(self._on_hover)
        title = window.sidebar.title
        title.setCursor(Qt.CursorShape.PointingHandCursor)
        title.installEventFilter(self)

    # -- the outline ----------------------------------------------------------------------

    def _on_shown(self) -> None:
        """The card view drew a card (or the overview): the outline follows it."""
        w = self._window
        catalog, card_id = w.session.catalog, w.card_view.card_id
        card = catalog.card(card_id) if catalog is not None and card_id is not None else None
        self.outline.show_sections(card_sections(card) if card is not None else ())
        self._order_tabs()
        w.commands.refresh()

    def _order_tabs(self) -> None:
        """Tab goes from the card list through the outline's sections into the card, as they
        are read on screen (the window orders the rest)."""
        w = self._window
        chain = [w.list_pane.tab_chain()[-1], *self.outline.tab_chain(), w.card_view]
        for first, second in itertools.pairwise([*chain, *w.sources.tab_chain()]):
            QWidget.setTabOrder(first, second)

    def jump(self, key: str) -> None:
        """Go › Section: scroll the card to its section ``key``."""
        self.outline.jump(key)

    # -- the set overview -----------------------------------------------------------------

    def show_overview(self) -> None:
        """Go › Set Overview (and a click on the set's title): the set's overview page, through
        the history, so Back returns to the card."""
        w = self._window
        w.comparisons.show_reading()
        w.session.open_card(None)
        w.card_view.verticalScrollBar().setValue(0)

    def show_topic(self, key: str) -> None:
        """The Topic Matrix at the row of the set topic ``key`` (an overview question)."""
        w = self._window
        w.comparisons.show_matrix()
        view = w.workspace.view(ViewKind.MATRIX)
        from reader.ui.compare.matrix import TopicMatrixView  # made by now; not at start-up

        if isinstance(view, TopicMatrixView):
            view.show_topic(key)

    def _on_command(self, command: str) -> None:
        topic = topic_of(command)
        if topic is not None:
            self.show_topic(topic)

    def _on_hover(self, url: QUrl) -> None:
        """Say where an overview question leads (the view says nothing of its own links)."""
        if url.scheme() == "reader" and topic_of(url.path()) is not None:
            self._window.status.show_hover("Open this question's row in the Topic Matrix")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._window.sidebar.title
            and event.type() == QEvent.Type.MouseButtonRelease
            and self._window.session.catalog is not None
        ):
            self.show_overview()
        return False

    # -- printing -------------------------------------------------------------------------

    def print_card(self) -> None:
        """File › Print Card…: a print preview of the open card alone."""
        w = self._window
        catalog, card_id = w.session.catalog, w.session.current_id
        card = catalog.card(card_id) if catalog is not None and card_id is not None else None
        if catalog is None or card is None:
            return
        # The PDF pipeline (pypdf with it) is imported when first asked for, not at start-up.
        from reader.ui.export.dialog import saved_paper
        from reader.ui.export.print_card import preview_card

        self.preview = preview_card(card, catalog.info, saved_paper(w.settings.store), w)
        self.preview.finished.connect(lambda _: setattr(self, "preview", None))
