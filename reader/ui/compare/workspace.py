"""The comparison workspace: compare view, topic matrix, ledger and timeline as tabs.

It takes the place of the card list and the card view while the reader compares, so a
comparison gets nearly the whole window (the tag sidebar stays, to filter what the matrix,
ledger and timeline show). Each view is made when first asked for and kept until its tab is
closed; the three set-wide views follow the filter, refreshed when they are on screen rather
than on every keystroke of a search. Above a few dozen cards they are worked out on a
background thread (:mod:`reader.ui.compare.jobs`): a progress bar covers the view until its
cards are in. (The view is not disabled: that would take the keyboard focus away, and Ctrl+W
with it.)
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.app.jobs import JobFailure, JobRunner
from reader.cards.catalog import Catalog
from reader.cards.wording import plural
from reader.render.theme import Theme
from reader.ui.actions import CommandActions
from reader.ui.compare.commands import WORKSPACE_COMMANDS
from reader.ui.compare.compare_rows import CompareLayout
from reader.ui.compare.export_table import TableExport
from reader.ui.compare.jobs import Computed, view_job
from reader.ui.compare.keep_focus import keep_focus
from reader.ui.compare.kinds import ViewKind
from reader.ui.compare.making import MadeFor, SpareViews, make_view
from reader.ui.compare.pane import SetWideView
from reader.ui.compare.preload import ViewPreload
from reader.ui.compare.tab_close import plain_close_button
from reader.ui.compare.tab_corner import TabCorner
from reader.ui.compare.turns import WindowTurns

# The views are imported where one is made or asked about, not here: the window makes this
# workspace soon after it has listed a set (reader/ui/compare_page.py), before any view is
# asked for (a view exists only once _make imported it; tests/ui/test_startup_imports.py).
if TYPE_CHECKING:
    from reader.ui.compare import (
        CompareView,
        RecommendationsLedgerView,
        TimelineView,
        TopicMatrixView,
    )
    from reader.ui.compare.making import ComparisonView


TAB_TITLES = {
    ViewKind.COMPARE: "Compare",
    ViewKind.MATRIX: "Topic Matrix",
    ViewKind.LEDGER: "Recommendations",
    ViewKind.TIMELINE: "Timeline",
}
#: The views over every card of the filter (the compare view has its own cards).
FILTERED = (ViewKind.MATRIX, ViewKind.LEDGER, ViewKind.TIMELINE)
#: From this many cards a set-wide view is worked out in the background: loading a card from
#: the index takes about 1 ms, and the event loop must not stop for more than 50.
BACKGROUND_FROM = 40


class ComparisonWorkspace(QWidget):
    #: A card to read (a column header was clicked).
    open_card = Signal(str)
    #: Drill down from the view shown: open this card at this item (card id, field, index;
    #: see :mod:`reader.ui.compare.items`).
    item_activated = Signal(str, str, int)
    #: A tag in the compare view was clicked: filter by it.
    tag_clicked = Signal(str)
    #: The reader closed the last view.
    emptied = Signal()
    #: The compared cards changed, in column order ([] once the compare tab is closed).
    compared = Signal(list)
    #: Another view is current.
    view_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparisons")
        self.setAccessibleName("Comparison views")
        self._catalog: Catalog | None = None
        self._filtered: list[str] = []
        self._filter_text = ""
        self._theme: Theme | None = None
        self._point_size = self.font().pointSizeF()
        self._views: dict[ViewKind, ComparisonView] = {}
        self._stale: set[ViewKind] = set()
        #: Set-wide views of more cards than this are worked out in the background.
        self.background_from = BACKGROUND_FROM
        self._jobs = JobRunner("comparison-views", self)
        self._jobs.progressed.connect(self._on_job_progress)
        self._jobs.delivered.connect(self._on_job_finished)  # a first part (the timeline's)
        self._jobs.finished.connect(self._on_job_finished)
        self._jobs.failed.connect(self._on_job_failed)
        #: A view job gives way while this (the window's) thread has events to work through.
        self._turns = WindowTurns(self)
        self._turns.follow(self._jobs)
        #: The cards each set-wide view shows, and those of the request under way.
        self._shown_cards: dict[ViewKind, tuple[str, ...]] = {}
        self._pending_cards: tuple[str, ...] = ()
        #: How the last compare view showed its rows: the next one (Reopen) starts so.
        self._compare_layout = CompareLayout()
        #: The views' modules, then a spare of each set-wide view, once a set is listed.
        self._spares = SpareViews()
        self.preload = ViewPreload(self, [partial(self._make_spare, kind) for kind in FILTERED])

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("comparisonTabs")
        self.tabs.setAccessibleName("Comparison views")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        # Zoomed in a narrow window the tabs may still not fit: their titles shorten ("Topic
        # Ma…") rather than scrolling a tab out of sight behind arrows.
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._corner = TabCorner(self)
        self.scope = self._corner.scope
        self.tabs.setCornerWidget(self._corner, Qt.Corner.TopRightCorner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.tables: TableExport = TableExport(self)  # Export Table… (its command is below)
        self.commands = CommandActions(self, WORKSPACE_COMMANDS)
        self.commands.bind(self)

    # -- what the views show ------------------------------------------------------------------

    def add_corner_actions(self, actions: Sequence[QAction]) -> None:
        """Buttons beside the tabs (export, print, back to reading)."""
        self._corner.add_actions(actions)

    def set_catalog(self, catalog: Catalog, filtered: Sequence[str], filter_text: str) -> None:
        """A reloaded set: every view follows it; the compare view keeps its columns."""
        self._catalog = catalog
        self._filtered, self._filter_text = list(filtered), filter_text
        self.preload.start()
        compare = self.compare_view()
        if compare is not None:
            compare.set_catalog(catalog)
        self._stale.update(kind for kind in FILTERED if kind in self._views)
        self._refresh_current()

    def set_filtered(self, filtered: Sequence[str], filter_text: str) -> None:
        """The filter changed: the matrix, ledger and timeline show its cards."""
        self._filtered, self._filter_text = list(filtered), filter_text
        self._stale.update(kind for kind in FILTERED if kind in self._views)
        self._refresh_current()

    def set_style(self, theme: Theme, point_size: float) -> None:
        if (theme, point_size) == (self._theme, self._point_size):
            return
        self._theme, self._point_size = theme, point_size
        for view in self._views.values():
            view.set_theme(theme)
            view.set_base_point_size(point_size)
        QTimer.singleShot(0, self, self._fit_corner)  # a zoom may have grown the tabs

    # -- opening and closing views --------------------------------------------------------

    def show_view(self, kind: ViewKind) -> ComparisonView:
        """Make ``kind`` the current tab (made if need be), showing what it should."""
        view = self._views.get(kind) or self._make(kind)
        self._make_current(view)
        self._refresh_current()
        return view

    def compare(self, card_ids: Sequence[str]) -> CompareView:
        """Compare these cards (oldest first) in the compare tab."""
        view = self.compare_view()
        if view is None:
            self._make(ViewKind.COMPARE, card_ids)
            made = self.compare_view()
            assert made is not None
            view = made
        elif sorted(view.card_ids()) != sorted(card_ids):
            view.set_cards(card_ids)
        self._make_current(view)
        return view

    def _make_current(self, view: QWidget) -> None:
        """The current tab: the focus waits on the tabs until :meth:`focus_view`."""
        keep_focus(self.tabs, self.tabs.currentWidget())
        self.tabs.setCurrentWidget(view)

    def view(self, kind: ViewKind) -> ComparisonView | None:
        return self._views.get(kind)

    def compare_view(self) -> CompareView | None:
        view = self._views.get(ViewKind.COMPARE)
        if view is None:
            return None
        from reader.ui.compare import CompareView

        return view if isinstance(view, CompareView) else None

    def shown_cards(self, kind: ViewKind) -> tuple[Catalog, tuple[str, ...]] | None:
        """The catalog and the cards the set-wide view ``kind`` shows (None until it has shown
        some): what its Export Table… writes, row for row."""
        cards = self._shown_cards.get(kind)
        return None if cards is None or self._catalog is None else (self._catalog, cards)

    def compared_ids(self) -> list[str]:
        view = self.compare_view()
        return view.card_ids() if view is not None else []

    def current_kind(self) -> ViewKind | None:
        current = self.tabs.currentWidget()
        return next((k for k, v in self._views.items() if v is current), None)

    def close_current(self) -> None:
        self._close_tab(self.tabs.currentIndex())

    def view_commands(self) -> list[QAction]:
        """While it is on screen: its own commands and those of the view shown."""
        if not self.isVisible():
            return []
        # By kind, not class: asking the class imported every view's module (the first view's
        # command imported all four, some 20 ms).
        kind = self.current_kind()
        shown: list[QAction] = []
        if kind in (ViewKind.COMPARE, ViewKind.TIMELINE):
            view = cast("CompareView | TimelineView", self._views[kind])
            shown = view.commands.actions()
        return [*self.commands.actions(), *shown]

    def close_all(self) -> None:
        while self.tabs.count():
            self._close_tab(0, quiet=True)

    @property
    def busy(self) -> bool:
        """A set-wide view is being worked out in the background."""
        return self._jobs.running is not None

    def shutdown(self) -> None:
        """Stop the background thread (a view being worked out stops at its next card)."""
        self._jobs.shutdown()
        self._turns.watch(False)
        self.tables.shutdown()
        self._spares.clear()

    def focus_view(self) -> None:
        kind = self.current_kind()  # by kind, not class (see view_commands)
        if kind is None:
            return
        view = self._views[kind]
        if kind is ViewKind.LEDGER:
            # Not the addressee list: focusing it picks its first row and scrolls the ledger
            # past its heading.
            target: QWidget = cast("RecommendationsLedgerView", view).ledger()
        else:
            target = cast("CompareView | TopicMatrixView | TimelineView", view).table()
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- internals ------------------------------------------------------------------------

    def _make(self, kind: ViewKind, card_ids: Sequence[str] = ()) -> ComparisonView:
        made_for = self._made_for()
        view = self._spares.take(kind.value, made_for) if kind in FILTERED else None
        if view is None:
            view = make_view(kind.value, made_for, card_ids, self)
        if kind is ViewKind.COMPARE:
            compare = cast("CompareView", view)
            compare.open_card.connect(self.open_card)
            compare.tag_clicked.connect(self.tag_clicked)
            compare.cards_changed.connect(self._on_compared)
            compare.set_layout_state(self._compare_layout)
            # Tab goes on from the view's last control to the tabs, then to the window's
            # search and sidebar, rather than round the view's own controls.
            QWidget.setTabOrder(compare.add_box(), self.tabs.tabBar())
        elif kind is ViewKind.MATRIX:
            cast("TopicMatrixView", view).open_card.connect(self.open_card)
        view.item_activated.connect(self.item_activated)
        view.follow_turns(self._turns)
        if kind in FILTERED:
            self._stale.add(kind)  # filled when shown (see _refresh_current)
        view.setObjectName(f"{kind.value}View")
        if kind in (ViewKind.COMPARE, ViewKind.MATRIX):
            # Arrow keys move between cells; Tab must leave the table, not trap the keyboard.
            cast("CompareView | TopicMatrixView", view).table().setTabKeyNavigation(False)
        self._views[kind] = view
        order = list(ViewKind)
        position = sum(1 for k in order[: order.index(kind)] if k in self._views)
        self.tabs.insertTab(position, view, TAB_TITLES[kind])
        self._fit_corner()
        self.tabs.setTabToolTip(position, view.accessibleName())
        plain_close_button(self.tabs, position, TAB_TITLES[kind])  # not a red square (P1)
        if kind is ViewKind.COMPARE:
            # Made with its cards: no signal came yet.
            self._on_compared(cast("CompareView", view).card_ids())
        return view

    def _made_for(self) -> MadeFor:
        assert self._catalog is not None, "a view needs a catalog"
        return (self._catalog, self._theme, self._point_size)

    def _make_spare(self, kind: ViewKind) -> None:
        """A ``kind`` view made ahead, while the window is idle (:mod:`.making`)."""
        if self._catalog is not None and kind not in self._views:
            self._spares.make(kind.value, self._made_for())

    def _close_tab(self, index: int, *, quiet: bool = False) -> None:
        view = self.tabs.widget(index)
        kind = next((k for k, v in self._views.items() if v is view), None)
        if kind is None or view is None:
            return
        if kind is ViewKind.COMPARE and (compare := self.compare_view()) is not None:
            self._compare_layout = compare.layout_state()
        self.tabs.removeTab(index)
        self._fit_corner()
        del self._views[kind]
        self._stale.discard(kind)
        self._shown_cards.pop(kind, None)
        if self._jobs.running is kind:
            self._jobs.cancel()
        view.deleteLater()
        if kind is ViewKind.COMPARE:
            self.compared.emit([])
        if quiet:
            return
        if self._views:
            self.focus_view()  # the closed view had the focus: Ctrl+W again closes the next
        else:
            self.emptied.emit()

    def _on_compared(self, ids: list[str]) -> None:
        view = self.compare_view()
        if view is not None:
            index = self.tabs.indexOf(view)
            self.tabs.setTabText(index, f"{TAB_TITLES[ViewKind.COMPARE]} ({len(ids)})")
        self._show_scope()
        self.compared.emit(list(ids))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_corner()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # zoom: the tabs grew
            QTimer.singleShot(0, self, self._fit_corner)

    def _fit_corner(self) -> None:
        """The tabs first (see :mod:`.tab_corner`)."""
        self._corner.fit(self.tabs.tabBar().sizeHint().width(), self.width())

    def _on_tab_changed(self, _index: int) -> None:
        self._refresh_current()
        self.view_changed.emit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh_current()

    def _refresh_current(self) -> None:
        """Bring the current view up to date with the filter, if it is on screen."""
        kind = self.current_kind()
        view = self._views.get(kind) if kind is not None else None
        if kind in self._stale and isinstance(view, SetWideView) and self.isVisible():
            self._stale.discard(kind)
            assert self._catalog is not None
            self._fill(kind, view)
        self._show_scope()

    def _fill(self, kind: ViewKind, view: SetWideView) -> None:
        """Show the filter's cards in ``view``: at once if they are few, else once worked out."""
        assert self._catalog is not None
        running = self._jobs.running
        if isinstance(running, ViewKind) and running is not kind:
            self._stale.add(running)  # stopped below: redone when shown again
        cards = tuple(self._filtered)
        if len(cards) < self.background_from:
            if running is not None:
                self._jobs.cancel()
            view.hide_loading()
            view.set_catalog(self._catalog, cards)
            self._shown_cards[kind] = cards
            return
        painting = None
        if self._shown_cards.get(kind) != cards:
            # Other cards than those shown: what is on screen is wrong until the new result.
            # (The same cards after a reload: it stays readable meanwhile, and is replaced.)
            view.show_loading(0, len(cards))
            painting = self.window()  # the job first waits for the window's paint
        self._turns.watch(True, painting)
        self._jobs.start(kind, view_job(type(view).compute, self._catalog, cards, self._turns))
        self._pending_cards = cards

    def _on_job_progress(self, kind: object, done: int, total: int) -> None:
        view = self._views.get(kind) if isinstance(kind, ViewKind) else None
        if isinstance(view, SetWideView) and view.loading:
            view.show_loading(done, total)

    def _on_job_finished(self, kind: object, computed: Computed) -> None:
        """A view's result, or its first part (delivered on the way: the timeline's first
        rows, the rest merged meanwhile), which the view shows until the whole one comes."""
        catalog, result = computed.catalog, computed.result
        view = self._views.get(kind) if isinstance(kind, ViewKind) else None
        if isinstance(view, SetWideView) and isinstance(kind, ViewKind):
            self._shown_cards[kind] = self._pending_cards
            view.show_result(catalog, result)
            view.hide_loading()
        self._show_scope()

    def _on_job_failed(self, kind: object, failure: JobFailure) -> None:
        message = failure.message
        view = self._views.get(kind) if isinstance(kind, ViewKind) else None
        if isinstance(view, SetWideView):
            view.hide_loading()
        self._show_scope()
        self.scope.setText(f"Could not show the view: {message}")

    def _show_scope(self) -> None:
        kind = self.current_kind()
        total = len(self._catalog.summaries()) if self._catalog is not None else 0
        if kind is None:
            text = ""
        elif kind is ViewKind.COMPARE:
            text = f"{plural(len(self.compared_ids()), 'card')} side by side"
        elif not self._filter_text:
            text = f"All {plural(total, 'card')}"
        else:
            text = f"{len(self._filtered):,} of {plural(total, 'card')} · {self._filter_text}"
        self._corner.show_scope(text)
