"""The Compare menu: the comparison and the set-wide views."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.ui.actions import Command

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


COMPARE_COMMANDS: tuple[Command[MainWindow], ...] = (
    Command(
        "compare",
        "&Compare Cards…",
        "Compare the selected cards, or the cards added to the comparison, side by side",
        "&Compare",
        lambda w: w.comparisons.compare(),
        ("Ctrl+D",),
        icon=("view-split-left-right", None),
        when=lambda w: w.comparisons.compare_blocked(),
    ),
    Command(
        "add_to_comparison",
        "&Add to Comparison",
        "Collect the selected card for a side-by-side comparison",
        "&Compare",
        lambda w: w.comparisons.add_selected(),
        ("Ctrl+Shift+D",),
        when=lambda w: w.comparisons.add_reason(),
    ),
    Command(
        "topic_matrix",
        "&Topic Matrix",
        "Each card's stance on each question of the set",
        "&Compare",
        lambda w: w.comparisons.show_matrix(),
        ("Ctrl+Shift+T",),
        icon=("view-grid", None),
        when=lambda w: w.comparisons.views_reason(),
        separated=True,
    ),
    Command(
        "recommendations",
        "&Recommendations by Addressee",
        "Who is told to do what, by which card",
        "&Compare",
        lambda w: w.comparisons.show_ledger(),
        ("Ctrl+Shift+R",),
        icon=("view-list-details", None),
        when=lambda w: w.comparisons.views_reason(),
    ),
    Command(
        "timeline",
        "T&imeline",
        "The events of every card shown, in one timeline",
        "&Compare",
        lambda w: w.comparisons.show_timeline(),
        ("Ctrl+Shift+I",),
        icon=("view-calendar-timeline", None),
        when=lambda w: w.comparisons.views_reason(),
    ),
    # Escape belongs to Clear Search, which hands it on (one key, one action).
    Command(
        "back_to_reading",
        "Back to &Reading",
        "Close the comparison views and read cards",
        "&Compare",
        lambda w: w.comparisons.show_reading(),
        when=lambda w: None if w.comparisons.comparing else "The cards are shown.",
        separated=True,
        keys_of="clear_search",
    ),
)
