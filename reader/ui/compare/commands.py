"""The comparison views' own commands: they act on the view that makes actions of them.

Declared with the same :class:`reader.ui.actions.Command` record as the window's
(:mod:`reader.ui.commands`), and checked by the same test for text, keys and menus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.ui.actions import Command, Key

if TYPE_CHECKING:
    from reader.ui.compare.compare_view import CompareView
    from reader.ui.compare.timeline import TimelineView
    from reader.ui.compare.workspace import ComparisonWorkspace

#: The comparison workspace's: it holds the views as tabs.
WORKSPACE_COMMANDS: tuple[Command[ComparisonWorkspace], ...] = (
    Command(
        "close_view",
        "Close &View",
        "Close the comparison view shown",
        "&Compare",
        lambda w: w.close_current(),
        (Key.Close,),
        local=True,
    ),
    Command(
        "export_table",
        "Export &Table…",
        "Save the rows of the view shown as CSV, TSV, JSON, Markdown or an Excel workbook",
        "&Compare",
        lambda w: w.tables.export_current(),
        when=lambda w: w.tables.unavailable_reason(),
    ),
)

COMPARE_VIEW_COMMANDS: tuple[Command[CompareView], ...] = (
    Command(
        "show_argument",
        "Show &Argument",
        "Show or hide every card's argument points",
        "&Compare",
        lambda v: v.set_argument_expanded(not v.argument_expanded()),
        ("Ctrl+Shift+A",),
        when=lambda v: v.unavailable_reason(),
        checked=lambda v: v.argument_expanded(),
    ),
    Command(
        "remove_column",
        "&Remove Column",
        "Remove the card of the selected cell's column from the comparison",
        "&Compare",
        lambda v: v.remove_current(),
        (Key.Delete,),
        when=lambda v: v.remove_current_reason(),
        local=True,
    ),
)

TIMELINE_COMMANDS: tuple[Command[TimelineView], ...] = (
    Command(
        "show_publications",
        "Show &Publications",
        "Show when each source was published",
        "&Compare",
        lambda v: v.set_show_publications(not v.shows_publications()),
        checked=lambda v: v.shows_publications(),
    ),
)
