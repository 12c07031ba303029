"""The set-wide edits' commands (Edit menu): Undo and Redo, and Set Topics….

Undo and Redo act on the card editor's history while the focus is in the editor and on the
set-wide changes (tags renamed, merged, deleted or described; topics) otherwise: see
:class:`reader.ui.set_edits.SetEdits`. :mod:`edit_menu` places these tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.ui.actions import Command, Key
from reader.ui.commands.conditions import set_reason

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


#: First in the Edit menu.
UNDO_COMMANDS: tuple[Command[MainWindow], ...] = (
    Command(
        "undo",
        "&Undo",
        "Take back the last change: the card editor's while it has the focus, else the "
        "last set-wide change (a tag or topic renamed, merged or removed)",
        "&Edit",
        lambda w: w.set_edits.undo(),
        (Key.Undo,),
        when=lambda w: w.set_edits.undo_reason(),
        icon=("edit-undo", None),
    ),
    Command(
        "redo",
        "&Redo",
        "Make the last change taken back again",
        "&Edit",
        lambda w: w.set_edits.redo(),
        (Key.Redo,),
        when=lambda w: w.set_edits.redo_reason(),
        icon=("edit-redo", None),
    ),
)

#: After the filters in the Edit menu.
TOPIC_COMMANDS: tuple[Command[MainWindow], ...] = (
    Command(
        "set_topics",
        "Set &Topics…",
        "Add, edit, rename or remove the set's topics (a rename updates every card)",
        "&Edit",
        lambda w: w.set_edits.show_topics(),
        when=set_reason,
        separated=True,
    ),
)
