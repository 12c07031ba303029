"""The authoring commands: new cards and sets (File), the card's file (File, and the list's
and card's context menus), capture from the source and the preferences (Edit).

They act through ``window.authoring`` (:class:`reader.ui.authoring.Authoring`), which owns
the editor in the window; :mod:`file_menu` and :mod:`edit_menu` place these tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.ui.actions import Command, Key
from reader.ui.commands.conditions import card_reason

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def _quote_reason(w: MainWindow) -> str | None:
    return w.authoring.quote_reason()


def escape(w: MainWindow) -> None:
    """Escape: leave the editor (asking about unsaved changes), else the window's Escape."""
    if not w.authoring.escape():
        w.escape()


#: First in the File menu.
NEW_COMMANDS: tuple[Command[MainWindow], ...] = (
    Command(
        "new_card",
        "&New Card…",
        "Write a new card from a source text (its title, id and required fields filled in)",
        "&File",
        lambda w: w.authoring.new_files.new_card(),
        (Key.New,),
    ),
    Command(
        "new_set",
        "New &Set…",
        "Make a folder of cards with its cardset.yaml, and open it",
        "&File",
        lambda w: w.authoring.new_files.new_set(),
    ),
)

#: The open card's file: in the File menu and the list's and card's context menus.
CARD_FILE_COMMANDS: tuple[Command[MainWindow], ...] = (
    Command(
        "edit_card",
        "&Edit Card",
        "Edit the card's fields here, beside its source",
        "&File",
        lambda w: w.authoring.edit_card(),
        ("Ctrl+E",),
        when=card_reason,
        separated=True,
    ),
    Command(
        "open_external",
        "Open in E&xternal Editor",
        "Open the card's file in the text editor named in Preferences",
        "&File",
        lambda w: w.authoring.open_external(),
        when=card_reason,
    ),
    Command(
        "reveal_file",
        "Reveal in &Folder",
        "Open the folder that holds the card's file",
        "&File",
        lambda w: w.authoring.reveal_file(),
        when=card_reason,
    ),
    Command(
        "copy_path",
        "Copy File &Path",
        "Copy the card file's full path",
        "&File",
        lambda w: w.authoring.copy_path(),
        when=card_reason,
    ),
)

#: Last in the Edit menu.
EDIT_CARD_COMMANDS: tuple[Command[MainWindow], ...] = (
    Command(
        "add_quote",
        "Add Selection as &Quote",
        "Add the words selected in the source pane to the card being edited, with their locator",
        "&Edit",
        lambda w: w.authoring.capture.add_quote(),
        ("Ctrl+Shift+Q",),
        when=_quote_reason,
        separated=True,
    ),
    Command(
        "preferences",
        "Pre&ferences…",
        "Choose the external editor",
        "&Edit",
        lambda w: w.authoring.preferences(),
        (Key.Preferences,),
        separated=True,
    ),
)
