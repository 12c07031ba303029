"""The Help menu: the keyboard shortcuts, the card format guide, About (reader.ui.help)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.ui.actions import Command, Key
from reader.ui.help import show_about, show_format_guide, show_shortcuts

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


HELP_COMMANDS: tuple[Command[MainWindow], ...] = (
    Command(
        "shortcuts",
        "&Keyboard Shortcuts",
        "Every command's keys, searchable",
        "&Help",
        show_shortcuts,
        (Key.HelpContents,),
    ),
    Command(
        "format_guide",
        "Card &Format Guide",
        "How to write briefing cards: the format, with a complete example",
        "&Help",
        show_format_guide,
    ),
    Command(
        "about",
        "&About Briefing Reader",
        "Version, licence and where the app keeps its data",
        "&Help",
        show_about,
        separated=True,
        icon=("help-about", None),
    ),
)
