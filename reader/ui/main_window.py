"""The main window: builds the parts and connects them; the parts do the work.

Data flows one way: the set controller loads catalogs, the session holds what is being read
(catalog, filter, open card, history), and the sidebar, list, chips, card view and status bar
show it. Every command goes through the session, so back/forward and live reload see them all.
"""

from __future__ import annotations

import itertools
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from reader.app.filtering import Filtering
from reader.app.loading import INDEX_SOURCES, CatalogSource, CatalogSources, Snapshot
from reader.app.prepare import Prepared
from reader.app.session import ReaderSession
from reader.app.set_controller import SetController
from reader.app.settings import Settings
from reader.render.overview import CLEAR_FILTERS_HREF
from reader.ui.appearance import Appearance
from reader.ui.authoring import Authoring
from reader.ui.commands import Actions
from reader.ui.compare.controller import MESSAGE_MS, ComparisonController
from reader.ui.compare_page import ComparisonPage, dress_workspace
from reader.ui.focus_ring import install_focus_rings
from reader.ui.folder_drop import FolderDrop
from reader.ui.icons import app_icon
from reader.ui.lazy import Lazy
from reader.ui.menus import Menus, add_toolbar_stretch_and, build_menus, fill_recent, follow_views
from reader.ui.mouse_nav import MouseNavigation
from reader.ui.reading.card_list import CardListPane
from reader.ui.reading.card_presenter import CardPresenter
from reader.ui.reading.card_view import CardView
from reader.ui.reading.problems_dock import ProblemsDock
from reader.ui.reading.search_field import SearchField
from reader.ui.reading.sidebar import Sidebar
from reader.ui.reading.source_controller import SourceController
from reader.ui.reading.status_bar import StatusBar
from reader.ui.reading_aids import ReadingAids
from reader.ui.set_edits import SetEdits
from reader.ui.startup_probe import card_list_shown
from reader.ui.window_export import pdf_export, shown_context

if TYPE_CHECKING:
    from reader.app.export_request import ExportContext
    from reader.ui.compare.workspace import ComparisonWorkspace
    from reader.ui.export.pdf_export import PdfExport

#: The card list's width at first start, and the window's.
LIST_WIDTH = 340
WINDOW_WIDTH, WINDOW_HEIGHT = 1280, 800


def default_sizes(sidebar: int) -> list[int]:
    """Sidebar, list and card view at first start: the card view keeps what is left."""
    return [sidebar, LIST_WIDTH, WINDOW_WIDTH - sidebar - LIST_WIDTH]


class MainWindow(QMainWindow):
    def __init__(
        self,
        settings: Settings,
        source: CatalogSource | CatalogSources = INDEX_SOURCES,
        *,
        debounce_ms: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setAccessibleName("Briefing Reader")
        # Annotated: the command table reads these parts (and mypy must know them first).
        self.settings: Settings = settings
        self.session: ReaderSession = ReaderSession(self)
        self.filtering = Filtering(self.session)
        sources = source if isinstance(source, CatalogSources) else CatalogSources.same(source)
        self.sets: SetController = SetController(sources, self, debounce_ms=debounce_ms)
        self.commands = Actions(self, shown=True)  # bound below, before anything shows them

        self.sidebar = Sidebar(self)
        self.list_pane: CardListPane = CardListPane(self)
        self.card_view: CardView = CardView(self)
        self.search = SearchField(self.commands.find, self.commands.clear_search, self)
        self.problems: ProblemsDock = ProblemsDock(self)
        self.problems.hide()
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems)
        self.status: StatusBar = StatusBar(self)
        self.setStatusBar(self.status)

        # The card view, or while comparing the comparison views in place of list and card.
        self.comparison_page = ComparisonPage(self, loading=lambda: self.sets.busy)  # made later
        self.content = QStackedWidget(self)
        self.content.setObjectName("content")
        self.content.addWidget(self.card_view)
        self.content.addWidget(self.comparison_page)
        self.sources: SourceController = SourceController(
            settings, self.session, self.content, self.card_view, self.commands, self
        )
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        for pane in (self.sidebar, self.list_pane, self.sources.splitter):
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes(default_sizes(self.sidebar.comfortable_width()))
        self.sidebar.setMinimumWidth(170)
        self.list_pane.setMinimumWidth(240)
        self.content.setMinimumWidth(360)
        self.setCentralWidget(self.splitter)

        self.menus: Menus = build_menus(self, self.commands)
        follow_views(self.menus.compare, self.comparison_page.view_commands)
        add_toolbar_stretch_and(self.menus.toolbar, self.search)
        self._mouse_nav = MouseNavigation(self, self.session.back, self.session.forward)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_focus_rings(app)  # a ring you can see round the focused text view

        self.appearance: Appearance = Appearance(settings, self)
        self.presenter: CardPresenter = CardPresenter(
            self.session, self.card_view, self.commands, self.sources.evidence, self
        )
        self._prepared: Prepared | None = None  # the loader's work for the catalog arriving
        self.comparisons: ComparisonController = ComparisonController(
            self.session,
            self.commands,
            self.sidebar,
            self.list_pane,
            self.content,
            self.card_view,
            self.comparison_page,
        )
        self.status.addPermanentWidget(self.comparisons.basket_button)
        self._export = Lazy(lambda: pdf_export(self))  # Export to PDF…, Print…: on first use
        self.authoring: Authoring = Authoring(self)  # the editor, new cards, the card's file
        self.set_edits: SetEdits = SetEdits(self)  # tag and topic changes, their undo stack
        self._connect()
        self.aids: ReadingAids = ReadingAids(self)  # zoom, outline, overview, print card, resume
        self._restore_settings()
        self.commands.bind(self)
        self._fix_tab_order()
        self.setWindowTitle("Briefing Reader")
        self.setWindowIcon(app_icon())

    # -- wiring -------------------------------------------------------------------------------

    def _connect(self) -> None:
        """The parts' signals to what follows them; the commands' own wiring is their table
        (:mod:`reader.ui.commands`), whose rules are asked again when these signals say."""
        a, s = self.commands, self.session
        for changed in (
            s.history.changed,
            self.comparisons.changed,
            self.appearance.changed,
            self.list_pane.sort_changed,
            self.problems.visibilityChanged,
            self.menus.toolbar.visibilityChanged,
            self.sources.toggled,
        ):
            changed.connect(a.refresh)
        self.presenter.shown.connect(self.sources.show)
        self.presenter.source_open = self.sources.is_open  # "Show source" or "Hide source"
        self.sources.toggled.connect(self.presenter.redraw)
        self.sources.message.connect(self.status.timed(MESSAGE_MS))
        self.comparisons.changed.connect(
            lambda: self.sources.step_aside(self.comparisons.comparing)
        )
        self.problems.follow(self.sources.evidence)
        self.problems.counted.connect(self.status.show_problems)
        self.appearance.changed.connect(self._render)
        self.presenter.message.connect(self.status.show_match)
        self.comparisons.message.connect(self.status.timed(MESSAGE_MS))
        self.comparisons.tag_chosen.connect(self.filtering.follow_tag)
        self.comparisons.item_chosen.connect(self.show_item)
        self._drop = FolderDrop(self)
        self._drop.dropped.connect(self.open_set)
        self.comparison_page.made.connect(partial(dress_workspace, self))
        self.list_pane.set_context_actions([a.add_to_comparison, a.compare, None, *a.card_file()])
        self.list_pane.set_clear_action(a.clear_filters)
        self.status.set_namer(self.sidebar.model.label_of)
        self.list_pane.filter_bar.set_namer(self.sidebar.model.label_of)
        self.list_pane.set_hits(self.session.hit)
        self.card_view.set_card_actions([a.add_to_comparison, a.compare, *a.card_file()])
        self.card_view.set_item_actions([a.copy_citation])
        self.menus.recent.aboutToShow.connect(self._fill_recent)

        self.sets.ready.connect(self._on_snapshot)
        self.sets.loading.connect(self.status.show_loading)
        self.sets.failed.connect(self.status.show_failed)

        s.catalog_changed.connect(self._on_catalog)
        s.results_changed.connect(self._on_results)
        s.current_changed.connect(self._on_current)

        self.sidebar.filter_clicked.connect(self.filtering.click)
        self.sidebar.filter_removed.connect(self.filtering.remove)
        self.list_pane.filter_removed.connect(self.filtering.remove)
        self.list_pane.card_chosen.connect(s.open_card)
        self.list_pane.sort_changed.connect(self._on_sort_changed)
        self.list_pane.row_activated.connect(self.card_view.setFocus)
        self.card_view.tag_clicked.connect(self.filtering.follow_tag)
        self.card_view.card_clicked.connect(s.open_card)
        self.card_view.command_clicked.connect(self._on_command)
        self.card_view.hovered_link.connect(self.status.show_hover)
        self.search.search.connect(self.filtering.search)
        self.search.leave.connect(self.list_pane.setFocus)
        self.status.problems_clicked.connect(a.show_problems.trigger)

    @property
    def workspace(self) -> ComparisonWorkspace:
        """The comparison views' workspace (made if it has not been yet)."""
        return self.comparisons.workspace

    def _fix_tab_order(self) -> None:
        chain = [self.search, *self.sidebar.tab_chain(), *self.list_pane.tab_chain()]
        chain += [self.card_view, *self.sources.tab_chain()]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- sets ---------------------------------------------------------------------------------

    def open_set(self, path: Path) -> None:
        """Open another folder of cards (it loads in the background)."""
        path = path.expanduser()
        if not path.is_dir():
            self.status.showMessage(f"{path} is not a folder of cards", 8000)
            self.settings.forget_set(path)
            return
        self.settings.remember_set(path)
        self.sets.open(path.resolve())

    def choose_set(self) -> None:
        start = str(self.sets.root or self.settings.last_set or Path.home())
        from PySide6.QtWidgets import QFileDialog  # on first use: reader/ui/lazy.py

        folder = QFileDialog.getExistingDirectory(self, "Open Card Set", start)
        if folder:
            self.open_set(Path(folder))

    def _fill_recent(self) -> None:
        fill_recent(
            self.menus.recent, self.settings.recent_sets, self.open_set, self.commands.clear_recent
        )

    def _on_snapshot(self, snapshot: Snapshot, fresh: bool) -> None:
        catalog = snapshot.catalog
        if catalog is not self.session.catalog or fresh:
            self._prepared = snapshot.prepared
            self.session.set_catalog(catalog, fresh=fresh)
            if self.isVisible():
                card_list_shown(self.list_pane.model.rowCount())  # start-up benchmark hook
        if snapshot.final:
            self.problems.set_problems(snapshot.root, catalog.problems)
            note: str | None = getattr(catalog, "note", None)  # the index's
            self.status.show_loaded(len(catalog.summaries()), snapshot.seconds, note)

    def _on_catalog(self) -> None:
        catalog = self.session.catalog
        assert catalog is not None
        info = catalog.info
        prepared, self._prepared = self._prepared, None
        tags = prepared.tags if prepared is not None else None
        keys = prepared.sort_keys if prepared is not None else None
        self.sidebar.show_catalog(catalog, tags)
        self.list_pane.model.set_summaries(catalog.summaries(), keys, self.sidebar.model.names)
        self.setWindowTitle(info.title)
        self.status.name_loading(info.title)
        self.setWindowFilePath(str(catalog.root))
        self.status.show_problems(list(catalog.problems))

    # -- filter, list, card ---------------------------------------------------------------

    def _on_results(self) -> None:
        s = self.session
        self.list_pane.show_rows(list(s.matched), s.total(), s.current_id)
        self.sidebar.show_results(s.matched, s.query)
        self.list_pane.show_query(s.query)
        self.search.set_text_quietly(s.query.text)
        self.status.show_results(len(s.matched), s.total(), s.query)
        self._fix_tab_order()
        self._render()

    def _on_current(self) -> None:
        self.list_pane.select(self.session.current_id)
        self._render()

    def _on_command(self, command: str) -> None:
        if f"reader:{command}" == CLEAR_FILTERS_HREF:
            self.commands.clear_filters.trigger()

    def show_item(self, card_id: str, field: str, index: int) -> None:
        """Open ``card_id`` at one of its located items (``field`` "argument",
        "recommendations" or "quotes", ``index`` 0-based) with its passage in the source pane:
        the drill-down from a comparison view. The card opens through the history, so Back
        returns to where the reader was. Other fields (a perspective) have no passage."""
        self.comparisons.show_reading()
        self.session.open_card(card_id)
        if self.card_view.card_id == card_id:
            self.sources.show_cite(field, index)  # first: the pane narrows the card
            self.card_view.scroll_to_item(field, index)

    def focus_list(self) -> None:
        self.comparisons.show_reading()
        self.list_pane.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_tags(self) -> None:
        if not self.sidebar.isVisible():  # beside the compare view
            self.comparisons.show_reading()
        self.sidebar.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def escape(self) -> None:
        """Escape: back to reading, else clear the search, else leave the search box."""
        if self.comparisons.comparing and not self.search.hasFocus():
            self.comparisons.show_reading()
        elif self.search.text():
            self.search.clear()
        elif self.search.hasFocus():
            if self.comparisons.comparing:
                self.workspace.focus_view()
            else:
                self.list_pane.setFocus()

    @property
    def export(self) -> PdfExport:
        return self._export()

    def export_context(self) -> ExportContext:
        """What Export to PDF… and Print… start from: what the window is showing."""
        return shown_context(self)

    def _render(self) -> None:
        """Draw the card (or overview) and the comparison views in the current look."""
        if self.session.catalog is None:
            return
        theme, look = self.appearance.theme(), self.appearance
        self.comparison_page.set_style(theme, look.comparison_point_size())
        self.presenter.render(theme, look.reading_point_size())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._render()

    # -- settings -------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        s = self.settings
        if (geometry := s.geometry) is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(WINDOW_WIDTH, WINDOW_HEIGHT)
        if (state := s.window_state) is not None:
            self.restoreState(state)
        if (splitter := s.splitter_state) is not None:
            self.splitter.restoreState(splitter)
            # A state saved while comparing must not hide the panes comparing hides.
            self.sidebar.show()
            self.list_pane.show()
        self.list_pane.set_sort(s.sort_key)
        self.appearance.apply_saved_palette()

    def _on_sort_changed(self, key: str) -> None:
        self.settings.sort_key = key

    def save_settings(self) -> None:
        s = self.settings
        s.geometry = self.saveGeometry()
        s.window_state = self.saveState()
        s.splitter_state = self.splitter.saveState()
        s.sort_key = self.list_pane.sort_key()
        s.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.focusWidget():
            self.list_pane.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.sets.shutdown()
        self.comparison_page.shutdown()
        if (export := self._export.made) is not None:
            export.shutdown()
        self.sources.evidence.shutdown()
        self.set_edits.shutdown()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._mouse_nav)
        super().closeEvent(event)


def settings_at(path: Path) -> Settings:
    """Settings kept in an ini file at ``path`` (tests, portable installs)."""
    return Settings(QSettings(str(path), QSettings.Format.IniFormat))
