"""The Help menu: the keyboard shortcuts, the card format guide, About (reader.ui.help)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.ui.actions import Command, Key

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

# The Help windows are imported when first asked for, not with this table: the guide brings
# the comparison views' styling and About the editor's drafts, none of it in the first paint
# (tests/ui/test_startup_imports.py).


def show_shortcuts(window: MainWindow) -> object:
    from reader.ui.help.shortcuts import show_shortcuts

    return show_shortcuts(window)


def show_format_guide(window: MainWindow) -> object:
    from reader.ui.help.guide import show_format_guide

    return show_format_guide(window)


def show_about(window: MainWindow) -> object:
    from reader.ui.help.about import show_about

    return show_about(window)


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
