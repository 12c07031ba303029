"""The menu bar and toolbar, laid out from the declared actions.

Only placement lives here; what each action does is connected in the main window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QSizePolicy, QToolBar, QWidget

from reader.ui.actions import Actions


@dataclass
class Menus:
    file: QMenu
    recent: QMenu
    edit: QMenu
    view: QMenu
    go: QMenu
    compare: QMenu
    help: QMenu
    toolbar: QToolBar


def build_menus(window: QMainWindow, a: Actions, extra_view: list[QAction]) -> Menus:
    bar = window.menuBar()
    file = bar.addMenu("&File")
    file.addAction(a.open_set)
    recent = file.addMenu("Open &Recent")
    recent.setObjectName("recentMenu")
    file.addAction(a.reload)
    file.addSeparator()
    file.addAction(a.export_pdf)
    file.addAction(a.print)
    file.addSeparator()
    file.addAction(a.quit)

    edit = bar.addMenu("&Edit")
    edit.addAction(a.find)
    edit.addAction(a.find_next)
    edit.addAction(a.find_previous)
    edit.addAction(a.clear_search)
    edit.addAction(a.clear_filters)

    view = bar.addMenu("&View")
    view.addAction(a.zoom_in)
    view.addAction(a.zoom_out)
    view.addAction(a.zoom_reset)
    view.addSeparator()
    colours = view.addMenu("&Colours")
    colours.addActions(list(a.palette_modes.values()))
    sort = view.addMenu("&Sort Cards By")
    sort.addActions(list(a.sort_orders.values()))
    view.addSeparator()
    view.addActions(extra_view)

    go = bar.addMenu("&Go")
    go.addAction(a.back)
    go.addAction(a.forward)
    go.addSeparator()
    go.addAction(a.focus_tags)
    go.addAction(a.focus_list)

    compare = bar.addMenu("&Compare")
    for action in a.compare_actions:
        if action is None:
            compare.addSeparator()
        else:
            compare.addAction(action)
    _hide_when_empty(compare)

    help_menu = bar.addMenu("&Help")
    help_menu.addAction(a.about)

    toolbar = QToolBar("Toolbar", window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setAccessibleName("Toolbar")
    toolbar.setMovable(False)
    toolbar.setFloatable(False)
    toolbar.setIconSize(QSize(18, 18))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    toolbar.toggleViewAction().setText("&Toolbar")
    toolbar.addAction(a.back)
    toolbar.addAction(a.forward)
    toolbar.addSeparator()
    toolbar.addAction(a.open_set)
    toolbar.addAction(a.reload)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    return Menus(file, recent, edit, view, go, compare, help_menu, toolbar)


def add_toolbar_stretch_and(toolbar: QToolBar, widget: QWidget) -> None:
    """Push ``widget`` (the search box) to the toolbar's right end."""
    spacer = QWidget(toolbar)
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    spacer.setAccessibleName("")
    toolbar.addWidget(spacer)
    toolbar.addWidget(widget)


def _hide_when_empty(menu: QMenu) -> None:
    """A menu whose actions are all hidden (features not wired yet) leaves the menu bar."""

    def update() -> None:
        shown = (act.isVisible() and not act.isSeparator() for act in menu.actions())
        menu.menuAction().setVisible(any(shown))

    for action in menu.actions():
        action.changed.connect(update)
    update()


def fill_recent(
    menu: QMenu, paths: list[Path], open_path: Callable[[Path], None], clear: QAction
) -> None:
    """Numbered entries, most recent first; a folder that has gone is shown disabled."""
    menu.clear()
    for n, path in enumerate(paths, start=1):
        label = f"&{n}  {path.name or path}" if n < 10 else f"{path.name or path}"
        action = menu.addAction(label)
        action.setToolTip(str(path))
        action.setStatusTip(str(path))
        action.setEnabled(path.is_dir())
        action.triggered.connect(lambda _=False, p=path: open_path(p))
    if paths:
        menu.addSeparator()
    menu.addAction(clear)
    clear.setEnabled(bool(paths))
