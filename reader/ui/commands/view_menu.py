"""The View menu: zoom, colours, sort order, panes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.app.settings import PaletteMode
from reader.ui.actions import Command, Key
from reader.ui.commands.conditions import toggle
from reader.ui.reading.card_list_model import SORT_CHOICES

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def _palette(mode: PaletteMode, text: str) -> Command[MainWindow]:
    return Command(
        f"palette_{mode.value}",
        text,
        f"{text.replace('&', '')} colours",
        "&View/&Colours",
        lambda w: w.appearance.set_palette_mode(mode),
        checked=lambda w: w.appearance.palette_mode is mode,
        group="palette",
        separated=mode is PaletteMode.SYSTEM,
    )


def _sort(key: str, label: str) -> Command[MainWindow]:
    return Command(
        f"sort_{key}",
        label,
        f"Sort the card list: {label.lower()}",
        "&View/&Sort Cards By",
        lambda w: w.list_pane.set_sort(key),
        checked=lambda w: w.list_pane.sort_key() == key,
        group="sort",
    )


VIEW_COMMANDS: tuple[Command[MainWindow], ...] = (
    Command(
        "zoom_in",
        "Zoom &In",
        "Larger card text",
        "&View",
        lambda w: w.appearance.zoom_by(1),
        (Key.ZoomIn, "Ctrl+="),
    ),
    Command(
        "zoom_out",
        "Zoom &Out",
        "Smaller card text",
        "&View",
        lambda w: w.appearance.zoom_by(-1),
        (Key.ZoomOut,),
    ),
    Command(
        "zoom_reset",
        "&Actual Size",
        "Card text at normal size",
        "&View",
        lambda w: w.appearance.set_zoom(0),
        ("Ctrl+0",),
        when=lambda w: "The text is at its normal size." if w.appearance.zoom == 0 else None,
    ),
    _palette(PaletteMode.SYSTEM, "Follow &System"),
    _palette(PaletteMode.LIGHT, "&Light"),
    _palette(PaletteMode.DARK, "&Dark"),
    *(_sort(choice.key.value, choice.label) for choice in SORT_CHOICES),
    Command(
        "show_toolbar",
        "&Toolbar",
        "Show or hide the toolbar",
        "&View",
        lambda w: toggle(w.menus.toolbar),
        checked=lambda w: not w.menus.toolbar.isHidden(),
        separated=True,
    ),
    Command(
        "show_problems",
        "&Problems",
        "Show or hide the list of problems in the card files",
        "&View",
        lambda w: toggle(w.problems),
        ("Ctrl+Shift+M",),
        checked=lambda w: not w.problems.isHidden(),
    ),
    Command(
        "show_source",
        "&Source",
        "Show or hide the open card's source text beside it",
        "&View",
        lambda w: w.sources.toggle(),
        ("Ctrl+Shift+S",),
        icon=("view-list-text", None),
        checked=lambda w: w.sources.is_open(),
    ),
)
