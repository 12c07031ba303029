"""The menu bar and toolbar, laid out from the command tables.

Only placement lives here: each command says which menu it belongs in
(:mod:`reader.ui.commands`), and what it does is its own ``run``. The Compare menu also lists
the commands of the comparison view on screen, while it is open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QSizePolicy, QToolBar, QWidget

from reader.render.tooltips import safe_tooltip
from reader.ui.commands import Actions
from reader.ui.recent_sets import recent_label

#: The toolbar, by command id; ``None`` is a separator.
TOOLBAR = (
    "back",
    "forward",
    None,
    "open_set",
    "reload",
    None,
    "compare",
    "topic_matrix",
    "recommendations",
    "timeline",
    None,
    "show_source",
    "export_pdf",
)


class Menus(NamedTuple):
    file: QMenu
    recent: QMenu
    edit: QMenu
    view: QMenu
    go: QMenu
    compare: QMenu
    help: QMenu
    toolbar: QToolBar


def build_menus(window: QMainWindow, a: Actions) -> Menus:
    """Every command in its menu, in the order of the table; separators where it says."""
    menus: dict[str, QMenu] = {}
    for command, action in a.pairs():
        known = command.menu in menus
        menu = _menu_at(window.menuBar(), menus, command.menu, separated=command.separated)
        if command.separated and known:
            menu.addSeparator()
        menu.addAction(action)
    recent = menus["&File/Open &Recent"]
    recent.setObjectName("recentMenu")
    _hide_when_empty(menus["&Compare"])
    return Menus(
        menus["&File"],
        recent,
        menus["&Edit"],
        menus["&View"],
        menus["&Go"],
        menus["&Compare"],
        menus["&Help"],
        _toolbar(window, a),
    )


def _menu_at(bar: QMenuBar, menus: dict[str, QMenu], path: str, *, separated: bool) -> QMenu:
    """The menu at ``path`` ("&View/&Colours"), made with its parents when first asked for;
    ``separated``: a new submenu comes after a separator."""
    if path in menus:
        return menus[path]
    parent_path, _, title = path.rpartition("/")
    if not parent_path:
        menu = bar.addMenu(title)
    else:
        parent = _menu_at(bar, menus, parent_path, separated=False)
        if separated and parent.actions():
            parent.addSeparator()
        menu = parent.addMenu(title)
    menus[path] = menu
    return menu


def _toolbar(window: QMainWindow, a: Actions) -> QToolBar:
    toolbar = QToolBar("Toolbar", window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setAccessibleName("Toolbar")
    toolbar.setMovable(False)
    toolbar.setFloatable(False)
    toolbar.setIconSize(QSize(20, 20))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    for command_id in TOOLBAR:
        if command_id is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(getattr(a, command_id))
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    return toolbar


def follow_views(menu: QMenu, current: Callable[[], Sequence[QAction]]) -> None:
    """While ``menu`` is open it also lists ``current()``: the commands of the comparison
    view on screen. They leave it once it closes (after a chosen one has run), so that their
    keys act only where the view itself puts them."""
    shown: list[QAction] = []

    def add() -> None:
        actions = list(current())
        if actions:
            shown.append(menu.addSeparator())
            shown.extend(actions)
            menu.addActions(actions)

    def remove() -> None:
        if menu.isVisible():
            return  # opened again meanwhile
        for action in shown:
            menu.removeAction(action)
        shown.clear()

    menu.aboutToShow.connect(add)
    menu.aboutToHide.connect(lambda: QTimer.singleShot(0, menu, remove))


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
    """Numbered entries, most recent first, by title and path; a folder that has gone is
    shown disabled."""
    menu.clear()
    for n, path in enumerate(paths, start=1):
        action = menu.addAction(recent_label(n, path))
        action.setToolTip(safe_tooltip(str(path)))
        action.setStatusTip(str(path))
        action.setEnabled(path.is_dir())
        action.triggered.connect(lambda _=False, p=path: open_path(p))
    if paths:
        menu.addSeparator()
    menu.addAction(clear)
    clear.setEnabled(bool(paths))
