"""Every command of the window, declared once: its text, keys, what it does, when it can.

One :class:`reader.ui.actions.Command` per command, in menu order, each menu's table in its
own module (``file_menu``, ``edit_menu``…); the QActions are made from them
(:class:`reader.ui.actions.CommandActions`) and :mod:`reader.ui.menus` places them by ``menu``.
Keys are Qt's standard key sequences where one exists (Open, Refresh, Find, Back, Zoom…), so
each platform gets its own convention. Text that names a key (the overview page, the search
box, the comparison hints) takes it from the command (:func:`reader.ui.actions.key_text`),
so a key changed here changes everywhere.

The window's commands act on the window (:data:`WINDOW_COMMANDS`). A comparison view's own
commands act on that view and are declared beside this table, in :mod:`reader.ui.compare.commands`
(the same record, the same rules): each view makes its actions from its table, so a view works
on its own as well as in the window, whose Compare menu lists the current view's commands
while it is open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from reader.app.settings import PaletteMode
from reader.ui.actions import Command, CommandActions
from reader.ui.commands.card_menu import CARD_FILE_COMMANDS
from reader.ui.commands.compare_menu import COMPARE_COMMANDS
from reader.ui.commands.edit_menu import EDIT_COMMANDS
from reader.ui.commands.file_menu import FILE_COMMANDS
from reader.ui.commands.go_menu import GO_COMMANDS
from reader.ui.commands.help_menu import HELP_COMMANDS
from reader.ui.commands.view_menu import VIEW_COMMANDS
from reader.ui.reading.card_list_model import SORT_CHOICES

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

#: Every window command, in menu order (each menu's table is its own module).
WINDOW_COMMANDS: tuple[Command[MainWindow], ...] = (
    *FILE_COMMANDS,
    *EDIT_COMMANDS,
    *VIEW_COMMANDS,
    *GO_COMMANDS,
    *COMPARE_COMMANDS,
    *HELP_COMMANDS,
)


class Actions(CommandActions["MainWindow"]):
    """The window's commands (:data:`WINDOW_COMMANDS`) as actions of ``parent``."""

    def __init__(self, parent: QWidget, *, shown: bool = False) -> None:
        super().__init__(parent, WINDOW_COMMANDS, shown=shown)
        #: One checkable action per palette choice.
        self.palette_modes = {m: getattr(self, f"palette_{m.value}") for m in PaletteMode}
        #: One checkable action per sort order of the card list, by its key.
        self.sort_orders = {c.key.value: getattr(self, f"sort_{c.key.value}") for c in SORT_CHOICES}

    def card_file(self) -> list[QAction]:
        """The open card's file commands (Edit Card…), for the list's and the card's menus."""
        return [getattr(self, c.id) for c in CARD_FILE_COMMANDS]
