"""The comparison views' page in the window's content stack: the workspace is made into it on
first use, not with the window.

The first window imports only what its first paint needs (#17 §4). The comparison workspace
(its tabs, Export Table…, the background jobs, the views' preload) is some 60 modules and
30 ms of the start that no first paint shows, so the page the content stack switches to
starts empty. The workspace is made into it when something first asks for it (a Compare or
view command, Back to a view, a test), or once the window has listed a set, had a moment
to paint it and is done loading it (:meth:`ComparisonPage.make_when_idle`): then the views'
modules preload while the reader reads, as they did when the workspace was made with the
window. Not while a load goes on: a cold index delivers a catalog every second, the window
lists each, and making the workspace (20-25 ms) between two of them held the window up, as
did giving every later catalog to it. Those who follow it (the comparison controller, the
window) connect to :attr:`ComparisonPage.made`.

The page stays what the content stack, the zoom and the focus see as "the comparison views",
with or without the workspace in it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from reader.render.theme import Theme
    from reader.ui.compare import CompareView
    from reader.ui.compare.workspace import ComparisonWorkspace
    from reader.ui.main_window import MainWindow

#: How long after a set is listed the workspace is made when nothing asked for it sooner:
#: after the list's first paint, and well before the views' preload (1.2 s of idle). While
#: the set is still loading, it is asked again this much later.
IDLE_MS = 200
#: The workspace's modules, imported one per turn of the event loop before it is made when
#: idle, a part of the tree at a time: in two parts (the tables' export, then the rest) the
#: first took 20-35 ms of the window's thread, within the half second after a cold index
#: that benchmark row 5 watches. Made at one go, the workspace held the window for some 25 ms.
WORKSPACE_MODULES = (
    "reader.analysis.ledger",
    "reader.analysis.tables",
    "reader.app.table_export",
    "reader.analysis.side_by_side",
    "reader.ui.compare.pane",
    "reader.ui.compare.table_dialog",
    "reader.ui.compare.export_table",
    "reader.ui.compare.making",
    "reader.ui.compare.workspace",
)


class ComparisonPage(QWidget):
    #: The workspace, just made (once per window).
    made = Signal(object)

    def __init__(
        self, parent: QWidget | None = None, *, loading: Callable[[], bool] = lambda: False
    ) -> None:
        """``loading`` says whether a set is loading (the window's set controller is busy)."""
        super().__init__(parent)
        self.setObjectName("comparisonPage")
        self._loading = loading
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._workspace: ComparisonWorkspace | None = None
        self._timer: QTimer | None = None
        self._closed = False  # the window has closed: nothing more is made

    @property
    def made_workspace(self) -> ComparisonWorkspace | None:
        """The workspace if it has been made, else None: asking makes nothing."""
        return self._workspace

    def workspace(self) -> ComparisonWorkspace:
        """The workspace, made (and :attr:`made` emitted) on the first call."""
        if self._workspace is None:
            # Imported here: the workspace's modules are no part of the first paint
            # (tests/ui/test_startup_imports.py).
            from reader.ui.compare.workspace import ComparisonWorkspace

            workspace = self._workspace = ComparisonWorkspace(self)
            self._layout.addWidget(workspace)
            self.setFocusProxy(workspace)
            self.made.emit(workspace)
        return self._workspace

    def compare_view(self) -> CompareView | None:
        """The open compare view, without making the workspace to ask it."""
        return self._workspace.compare_view() if self._workspace is not None else None

    def view_commands(self) -> list[QAction]:
        """The commands of the view on screen, for the Compare menu (none before the
        workspace is made: no view is on screen)."""
        made = self._workspace
        return made.view_commands() if made is not None else []

    def set_style(self, theme: Theme, point_size: float) -> None:
        """The window's look, for a workspace made (one made later takes it then)."""
        if self._workspace is not None:
            self._workspace.set_style(theme, point_size)

    def shutdown(self) -> None:
        """Stop the workspace's background work, if it was made; nothing is made now."""
        self._closed = True
        if self._timer is not None:
            self._timer.stop()
        if self._workspace is not None:
            self._workspace.shutdown()

    def make_when_idle(self) -> None:
        """Make the workspace :data:`IDLE_MS` after the event loop next turns (when what
        is being shown now has been painted) and the set is loaded, unless it is made
        sooner."""
        if self._workspace is not None or self._timer is not None:
            return
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._when_loaded)
        QTimer.singleShot(0, self._timer, self._start_timer)

    def _when_loaded(self) -> None:
        if self._loading():
            self._start_timer()
        else:
            self._make_in_steps(list(WORKSPACE_MODULES))

    def _make_in_steps(self, modules: list[str]) -> None:
        """Import the next of ``modules``, or with none left make the workspace: one step a
        turn, unless something asked for the workspace meanwhile (or the window closed)."""
        if self._workspace is not None or self._closed:
            return
        if not modules:
            self.workspace()
            return
        import_module(modules.pop(0))
        # 1 ms, not 0: Qt posts a zero timer as an event, sent in the same turn as this one.
        QTimer.singleShot(1, self, partial(self._make_in_steps, modules))

    def _start_timer(self) -> None:
        if self._timer is not None and not self._closed:
            self._timer.start(IDLE_MS)


def dress_workspace(window: MainWindow, workspace: ComparisonWorkspace) -> None:
    """The window's part in a workspace just made: where Export Table… saves (and how), the
    buttons beside its tabs, and the window's look (which the window gives it from then on)."""
    a, look = window.commands, window.appearance
    workspace.tables.store = window.settings.store
    table = workspace.commands.export_table
    workspace.add_corner_actions([a.export_pdf, table, a.print, a.back_to_reading])
    if window.session.catalog is not None:  # as the window's own drawing does
        workspace.set_style(look.theme(), look.comparison_point_size())
