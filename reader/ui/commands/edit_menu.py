"""The Edit menu: copy with citation, find, filters, capture a quote, preferences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.cards.query import Query
from reader.ui.actions import Command, Key
from reader.ui.commands.card_menu import EDIT_CARD_COMMANDS, escape
from reader.ui.commands.set_commands import TOPIC_COMMANDS, UNDO_COMMANDS
from reader.ui.reading.copy_citation import copy_pointed

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


EDIT_COMMANDS: tuple[Command[MainWindow], ...] = (
    *UNDO_COMMANDS,
    Command(
        "copy_citation",
        "Copy with &Citation",
        "Copy the point, quote or recommendation at the cursor with its source and locator",
        "&Edit",
        lambda w: w.status.showMessage(copy_pointed(w.card_view, w.session.catalog), 6000),
        ("Ctrl+Shift+C",),
        when=lambda w: None if w.card_view.card_id is not None else "Open a card first.",
    ),
    Command(
        "find",
        "&Find…",
        "Search the text of every card",
        "&Edit",
        lambda w: w.focus_search(),
        (Key.Find, "/"),
        icon=("edit-find", None),
    ),
    Command(
        "find_next",
        "Find &Next",
        "Go to the next search match in the card",
        "&Edit",
        lambda w: w.presenter.show_match(1),
        (Key.FindNext,),
    ),
    Command(
        "find_previous",
        "Find Pre&vious",
        "Go to the previous search match in the card",
        "&Edit",
        lambda w: w.presenter.show_match(-1),
        (Key.FindPrevious,),
    ),
    Command(
        "clear_search",
        "Clear Search",
        "Clear the search box",
        "&Edit",
        escape,
        ("Escape",),
    ),
    Command(
        "clear_filters",
        "C&lear All Filters",
        "Show every card again",
        "&Edit",
        lambda w: w.session.set_query(Query()),
        ("Ctrl+Shift+Backspace",),
    ),
    *TOPIC_COMMANDS,
    *EDIT_CARD_COMMANDS,
)
