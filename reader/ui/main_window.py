"""The main window: builds the parts and connects them; the parts do the work.

Data flows one way: the set controller loads catalogs, the session holds what is being read
(catalog, filter, open card, history), and the sidebar, list, chips, card view and status bar
show the session. Every command goes through the session, so back/forward and live reload
see all of them.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, QUrl
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QPalette,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from reader import __version__
from reader.analysis.side_by_side import MAX_COMPARE, MIN_COMPARE
from reader.app.export_request import ExportContext, Scope
from reader.app.loading import INDEX_SOURCES, CatalogSource, CatalogSources, Snapshot
from reader.app.prepare import Prepared
from reader.app.session import ReaderSession
from reader.app.set_controller import SetController
from reader.app.settings import PaletteMode, Settings
from reader.cards import filters
from reader.cards.catalog import related
from reader.cards.filters import Filter
from reader.cards.query import Query
from reader.cards.wording import plural
from reader.render.overview import CLEAR_FILTERS_HREF, overview_html
from reader.ui.actions import Actions
from reader.ui.compare.controller import ComparisonController
from reader.ui.compare.workspace import ComparisonWorkspace, ViewKind
from reader.ui.export.pdf_export import PdfExport
from reader.ui.menus import add_toolbar_stretch_and, build_menus, fill_recent
from reader.ui.mouse_nav import MouseNavigation
from reader.ui.palette import apply_palette, card_theme
from reader.ui.reading.card_list import CardListPane
from reader.ui.reading.card_view import ZOOM_FACTOR, CardView
from reader.ui.reading.problems_dock import ProblemsDock
from reader.ui.reading.search_field import SearchField
from reader.ui.reading.sidebar import Sidebar
from reader.ui.reading.status_bar import StatusBar
from reader.ui.startup_probe import card_list_shown

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
        self.setAcceptDrops(True)
        self.settings = settings
        self.session = ReaderSession(self)
        sources = source if isinstance(source, CatalogSources) else CatalogSources.same(source)
        self.sets = SetController(sources, self, debounce_ms=debounce_ms)
        self.commands = Actions(self)

        self.sidebar = Sidebar(self)
        self.list_pane = CardListPane(self)
        self.card_view = CardView(self)
        self.search = SearchField(self)
        self.problems = ProblemsDock(self)
        self.problems.hide()
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)

        # The card view, or while comparing the comparison views in place of list and card.
        self.workspace = ComparisonWorkspace(self)
        self.content = QStackedWidget(self)
        self.content.setObjectName("content")
        self.content.addWidget(self.card_view)
        self.content.addWidget(self.workspace)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        for pane in (self.sidebar, self.list_pane, self.content):
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes(default_sizes(self.sidebar.comfortable_width()))
        self.sidebar.setMinimumWidth(170)
        self.list_pane.setMinimumWidth(240)
        self.content.setMinimumWidth(360)
        self.setCentralWidget(self.splitter)

        problems_toggle = self.problems.toggleViewAction()
        problems_toggle.setText("&Problems")
        problems_toggle.setShortcut("Ctrl+Shift+M")
        self.menus = build_menus(self, self.commands, [problems_toggle])
        self.menus.view.insertAction(problems_toggle, self.menus.toolbar.toggleViewAction())
        add_toolbar_stretch_and(self.menus.toolbar, self.search)
        self._mouse_nav = MouseNavigation(self, self.session.back, self.session.forward)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._mouse_nav)

        self._zoom = settings.zoom
        self._rendered: tuple[object, ...] | None = None
        self._prepared: Prepared | None = None  # the loader's work for the catalog arriving
        self.comparisons = ComparisonController(
            self.session,
            self.commands,
            self.sidebar,
            self.list_pane,
            self.content,
            self.card_view,
            self.workspace,
            self.status,
            lambda tag: self._on_tag_link(tag, False),
        )
        self.export = PdfExport(self, settings.store, self.export_context)
        self._connect()
        self._restore_settings()
        self._update_history_actions()
        self._fix_tab_order()
        self.setWindowTitle("Briefing Reader")

    # -- wiring -------------------------------------------------------------------------------

    def _connect(self) -> None:
        a, s = self.commands, self.session
        a.open_set.triggered.connect(self.choose_set)
        a.reload.triggered.connect(self.reload)
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(self.focus_search)
        a.find_next.triggered.connect(lambda: self.show_match(1))
        a.find_previous.triggered.connect(lambda: self.show_match(-1))
        a.clear_search.triggered.connect(self._escape)
        a.clear_filters.triggered.connect(lambda: s.set_query(Query()))
        a.zoom_in.triggered.connect(lambda: self.set_zoom(self._zoom + 1))
        a.zoom_out.triggered.connect(lambda: self.set_zoom(self._zoom - 1))
        a.zoom_reset.triggered.connect(lambda: self.set_zoom(0))
        a.palette_group.triggered.connect(
            lambda act: self.set_palette_mode(PaletteMode(str(act.data())))
        )
        a.sort_group.triggered.connect(lambda act: self.list_pane.set_sort(str(act.data())))
        a.back.triggered.connect(s.back)
        a.forward.triggered.connect(s.forward)
        a.focus_list.triggered.connect(self.focus_list)
        a.focus_tags.triggered.connect(self.focus_tags)
        a.about.triggered.connect(self._about)
        a.export_pdf.triggered.connect(self.export.export_pdf)
        a.print.triggered.connect(self.export.print_preview)
        for action in (a.export_pdf, a.print):
            a.offer(action)
            a.set_available(action, "Open a set of cards first.")
        self.export.exported.connect(
            lambda path, pages: self.status.showMessage(
                f"Exported {plural(pages, 'page')} to {path}", 10000
            )
        )
        self.export.failed.connect(lambda message: self.status.showMessage(message, 15000))
        self.workspace.add_corner_actions([a.export_pdf, a.print, a.back_to_reading])
        self.list_pane.set_context_actions([a.add_to_comparison, a.compare])
        self.card_view.set_card_actions([a.add_to_comparison, a.compare])
        a.clear_recent.triggered.connect(self.settings.clear_recent)
        self.menus.recent.aboutToShow.connect(self._fill_recent)

        self.sets.ready.connect(self._on_snapshot)
        self.sets.loading.connect(self._on_loading)
        self.sets.failed.connect(self._on_failed)

        s.catalog_changed.connect(self._on_catalog)
        s.results_changed.connect(self._on_results)
        s.current_changed.connect(self._on_current)
        s.history.changed.connect(self._update_history_actions)

        self.sidebar.filter_clicked.connect(self._on_filter_clicked)
        self.sidebar.filter_removed.connect(self.remove_filter)
        self.list_pane.filter_bar.removed.connect(self.remove_filter)
        self.list_pane.filter_bar.clear_requested.connect(a.clear_filters.trigger)
        self.list_pane.card_chosen.connect(s.open_card)
        self.list_pane.sort_changed.connect(self._on_sort_changed)
        self.list_pane.view.activated.connect(lambda _index: self.card_view.setFocus())
        self.card_view.tag_clicked.connect(self._on_tag_link)
        self.card_view.card_clicked.connect(s.open_card)
        self.card_view.command_clicked.connect(self._on_command)
        self.card_view.hovered_link.connect(self._show_hover)
        self.search.search.connect(self._on_search)
        self.search.leave.connect(self.list_pane.view.setFocus)
        self.status.problems_clicked.connect(self._toggle_problems)

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = [self.search, self.sidebar.tree]
        chain += self.list_pane.filter_bar.chips()
        chain += [self.list_pane.sort, self.list_pane.view, self.card_view]
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
        folder = QFileDialog.getExistingDirectory(self, "Open Card Set", start)
        if folder:
            self.open_set(Path(folder))

    def reload(self) -> None:
        self.sets.reload()

    def _fill_recent(self) -> None:
        fill_recent(
            self.menus.recent, self.settings.recent_sets, self.open_set, self.commands.clear_recent
        )

    def _on_loading(self, folder: str) -> None:
        self.status.showMessage(f"Loading {folder}…")

    def _on_failed(self, message: str) -> None:
        self.status.showMessage(f"Could not load the set: {message}", 15000)

    def _on_snapshot(self, snapshot: Snapshot, fresh: bool) -> None:
        catalog = snapshot.catalog
        if catalog is not self.session.catalog or fresh:
            self._prepared = snapshot.prepared
            self.session.set_catalog(catalog, fresh=fresh)
            if self.isVisible():
                card_list_shown(self.list_pane.model.rowCount())  # start-up benchmark hook
        if snapshot.final:
            self.problems.set_problems(snapshot.root, catalog.problems)
            n = len(catalog.summaries())
            loaded = f"Loaded {n} cards in {snapshot.seconds:.2f} s"
            # The index's note: a temporary index, an index worker that failed.
            note: str | None = getattr(catalog, "note", None)
            if note:
                self.status.showMessage(f"{loaded}; note: {note}", 15000)
            else:
                self.status.showMessage(loaded, 4000)

    def _on_catalog(self) -> None:
        catalog = self.session.catalog
        assert catalog is not None
        info = catalog.info
        prepared, self._prepared = self._prepared, None
        tags = prepared.tags if prepared is not None else None
        keys = prepared.sort_keys if prepared is not None else None
        self.sidebar.show_catalog(catalog, tags)
        self.list_pane.model.set_summaries(catalog.summaries(), keys)
        self.setWindowTitle(info.title)
        self.setWindowFilePath(str(catalog.root))
        for action in (self.commands.export_pdf, self.commands.print):
            self.commands.set_available(action, None)
        self.status.show_problems(list(catalog.problems))

    # -- filter, list, card ---------------------------------------------------------------

    def _on_results(self) -> None:
        s = self.session
        self.list_pane.show_rows(list(s.matched), s.total(), s.current_id)
        self.sidebar.show_results(s.matched, s.query)
        self.list_pane.filter_bar.show_query(s.query)
        self.search.set_text_quietly(s.query.text)
        self.status.show_results(len(s.matched), s.total(), s.query)
        self._fix_tab_order()
        self._render()

    def _on_current(self) -> None:
        self.list_pane.select(self.session.current_id)
        self._render()

    def _on_filter_clicked(self, item: Filter, exclude: bool) -> None:
        query = self.session.query
        if exclude:
            self.session.set_query(filters.exclude_tag(query, item.value))
        else:
            self.session.set_query(filters.toggle(query, item))

    def _on_tag_link(self, tag: str, exclude: bool) -> None:
        query = self.session.query
        if exclude:
            self.session.set_query(filters.exclude_tag(query, tag))
        else:
            self.session.set_query(filters.include_tag(query, tag))

    def remove_filter(self, item: Filter) -> None:
        query = self.session.query
        if item.kind is filters.FilterKind.TAG:  # the tree removes by tag, included or not
            query = filters.remove(query, Filter(filters.FilterKind.NOT_TAG, item.value))
        self.session.set_query(filters.remove(query, item))

    def _on_search(self, text: str) -> None:
        self.session.set_query(filters.with_text(self.session.query, text), typing=True)

    def _on_command(self, command: str) -> None:
        if f"reader:{command}" == CLEAR_FILTERS_HREF:
            self.commands.clear_filters.trigger()

    def focus_list(self) -> None:
        self.comparisons.show_reading()
        self.list_pane.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_tags(self) -> None:
        if not self.sidebar.isVisible():  # beside the compare view
            self.comparisons.show_reading()
        self.sidebar.focus_tree()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _escape(self) -> None:
        if self.comparisons.comparing and not self.search.hasFocus():
            self.comparisons.show_reading()
        elif self.search.text():
            self.search.clear()
        elif self.search.hasFocus():
            if self.comparisons.comparing:
                self.workspace.focus_view()
            else:
                self.list_pane.view.setFocus()

    def export_context(self) -> ExportContext:
        """What Export to PDF… and Print… start from: what the window is showing."""
        s = self.session
        assert s.catalog is not None
        selected = self.list_pane.selected_ids()
        comparison = self.workspace.compared_ids()
        if not MIN_COMPARE <= len(comparison) <= MAX_COMPARE:
            comparison = []
        viewing = self.workspace.current_kind() if self.comparisons.comparing else None
        if viewing is ViewKind.COMPARE and comparison:
            prefer = Scope.COMPARISON
        elif viewing is None and len(selected) >= MIN_COMPARE:
            prefer = Scope.SELECTION
        else:
            prefer = Scope.WHOLE_SET if s.query.is_empty() else Scope.FILTER
        return ExportContext(s.catalog, s.query, selected, comparison, prefer)

    def _render(self) -> None:
        """Show the open card (or the overview); only when something it shows has changed."""
        s = self.session
        catalog = s.catalog
        if catalog is None:
            return
        theme = card_theme(QGuiApplication.palette())
        size = self.reading_point_size()
        self.workspace.set_style(theme, self.comparison_point_size())
        card_id = s.current_id
        key = (id(catalog), card_id, s.query if card_id is None else s.query.terms, theme, size)
        if key == self._rendered:
            return
        previous = self._rendered
        keep_scroll = previous is not None and previous[1] == card_id
        self._rendered = key
        self.card_view.set_base_point_size(size)
        self._match_card_background(theme.background)
        card = catalog.card(card_id) if card_id is not None else None
        if card is None:
            broken = len({p.path for p in catalog.problems if p.is_error})
            html = overview_html(catalog.info, s.total(), len(s.matched), s.query, broken)
            self.card_view.show_page(html, theme, keep_scroll=keep_scroll)
            return
        near = related(card.id, catalog.summaries())
        terms = s.query.terms
        self.card_view.show_card(
            card, catalog.info, theme, terms=terms, related=near, keep_scroll=keep_scroll
        )
        if terms and previous is not None and previous[1:3] != key[1:3]:
            self.show_match(0)  # a new search, or a card opened from the results

    def show_match(self, step: int) -> None:
        which, total = self.card_view.show_match(step)
        if total:
            self.status.showMessage(f"Match {which} of {total} in this card", 4000)
        elif self.session.query.terms:
            self.status.showMessage("No match in this card", 4000)

    def _match_card_background(self, colour: str) -> None:
        palette = QGuiApplication.palette()
        palette.setColor(QPalette.ColorRole.Base, colour)
        self.card_view.setPalette(palette)

    def _show_hover(self, text: str) -> None:
        if text:
            self.status.showMessage(text)
        else:
            self.status.clearMessage()

    def _update_history_actions(self) -> None:
        self.commands.back.setEnabled(self.session.history.can_go_back())
        self.commands.forward.setEnabled(self.session.history.can_go_forward())

    def _toggle_problems(self) -> None:
        self.problems.setVisible(not self.problems.isVisible())

    # -- zoom and colours -----------------------------------------------------------------

    def reading_point_size(self) -> float:
        """Card text a little larger than the interface text, times the zoom."""
        base = max(11.0, QApplication.font().pointSizeF() * 1.15)
        return round(base * ZOOM_FACTOR**self._zoom, 2)

    def comparison_point_size(self) -> float:
        """The comparison views' text: denser than a card's (tables), zoomed with it."""
        base = max(9.5, QApplication.font().pointSizeF())
        return round(base * ZOOM_FACTOR**self._zoom, 2)

    def set_zoom(self, steps: int) -> None:
        self.settings.zoom = steps
        self._zoom = self.settings.zoom
        self.commands.zoom_reset.setEnabled(self._zoom != 0)
        self._render()

    @property
    def zoom(self) -> int:
        return self._zoom

    def set_palette_mode(self, mode: PaletteMode) -> None:
        self.settings.palette_mode = mode
        self.commands.palette_modes[mode].setChecked(True)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_palette(app, mode)
        self._render()

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
        self.commands.sort_orders[self.list_pane.sort_key()].setChecked(True)
        self.commands.palette_modes[s.palette_mode].setChecked(True)
        self.commands.zoom_reset.setEnabled(self._zoom != 0)
        app = QApplication.instance()
        if isinstance(app, QApplication) and s.palette_mode is not PaletteMode.SYSTEM:
            apply_palette(app, s.palette_mode)

    def _on_sort_changed(self, key: str) -> None:
        self.settings.sort_key = key
        self.commands.sort_orders[key].setChecked(True)

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
            self.list_pane.view.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.sets.shutdown()
        self.workspace.shutdown()
        self.export.shutdown()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._mouse_nav)
        super().closeEvent(event)

    # -- drag and drop --------------------------------------------------------------------

    @staticmethod
    def _dropped_folder(urls: list[QUrl]) -> Path | None:
        local = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
        if len(local) == 1 and local[0].is_dir():
            return local[0]
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() and self._dropped_folder(mime.urls()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        folder = self._dropped_folder(event.mimeData().urls())
        if folder is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_set(folder)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About Briefing Reader",
            f"Briefing Reader {__version__}\n\n"
            "Read, compare and export briefing cards: structured summaries of sources on a "
            "contested question.",
        )


def settings_at(path: Path) -> Settings:
    """Settings kept in an ini file at ``path`` (tests, portable installs)."""
    return Settings(QSettings(str(path), QSettings.Format.IniFormat))
