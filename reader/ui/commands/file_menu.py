"""The File menu: new cards and sets, sets, sources, the card's file, export, print, quit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.ui.actions import Command, Key, Pixmap
from reader.ui.commands.card_menu import CARD_FILE_COMMANDS, NEW_COMMANDS
from reader.ui.commands.conditions import card_reason, set_reason

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


FILE_COMMANDS: tuple[Command[MainWindow], ...] = (
    *NEW_COMMANDS,
    Command(
        "open_set",
        "&Open Set…",
        "Open a folder of briefing cards",
        "&File",
        lambda w: w.choose_set(),
        (Key.Open,),
        icon=("document-open", Pixmap.SP_DirOpenIcon),
    ),
    Command(
        "clear_recent",
        "&Clear Menu",
        "Forget the recently opened sets",
        "&File/Open &Recent",
        lambda w: w.settings.clear_recent(),
    ),
    Command(
        "reload",
        "&Reload",
        "Read the card files again",
        "&File",
        lambda w: w.sets.reload(),
        (Key.Refresh, "F5", "Ctrl+R"),
        icon=("view-refresh", Pixmap.SP_BrowserReload),
    ),
    Command(
        "locate_sources",
        "&Locate Source Texts…",
        "Choose the folder that holds this set's source texts (remembered for the set)",
        "&File",
        lambda w: w.sources.locate(),
        when=set_reason,
    ),
    *CARD_FILE_COMMANDS,
    Command(
        "export_pdf",
        "&Export to PDF…",
        "Save the cards shown as a PDF briefing",
        "&File",
        lambda w: w.export.export_pdf(),
        ("Ctrl+Shift+E",),
        icon=("document-export", None),
        when=set_reason,
        separated=True,
    ),
    Command(
        "print",
        "&Print…",
        "Print the cards shown as a book: cover, contents and every card",
        "&File",
        lambda w: w.export.print_preview(),
        (Key.Print,),
        when=set_reason,
    ),
    Command(
        "print_card",
        "Print C&ard…",
        "Print the open card alone, without the book's cover and contents",
        "&File",
        lambda w: w.aids.print_card(),
        ("Ctrl+Shift+P",),
        when=card_reason,
    ),
    Command(
        "quit",
        "&Quit",
        "Close Briefing Reader",
        "&File",
        lambda w: w.close(),
        (Key.Quit, "Ctrl+Q"),
        separated=True,
    ),
)
