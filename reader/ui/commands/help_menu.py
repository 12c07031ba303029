"""The Help menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.ui.actions import Command

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


HELP_COMMANDS: tuple[Command[MainWindow], ...] = (
    Command(
        "about",
        "&About Briefing Reader",
        "Version and licence",
        "&Help",
        lambda w: w.about(),
    ),
)
