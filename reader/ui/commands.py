"""Every command of the window, declared once: its text, keys, what it does, when it can.

One :class:`reader.ui.actions.Command` per command, in menu order; the QActions are made from
them (:class:`reader.ui.actions.CommandActions`) and :mod:`reader.ui.menus` places them by
``menu``. Keys are Qt's standard key sequences where one exists (Open, Refresh, Find, Back,
Zoom…), so each platform gets its own convention. Text that names a key (the overview page,
the search box, the comparison hints) takes it from the command
(:func:`reader.ui.actions.key_text`), so a key changed here changes everywhere.

The window's commands act on the window (:data:`WINDOW_COMMANDS`). A comparison view's own
commands act on that view and are declared beside this table, in :mod:`reader.ui.compare.commands`
(the same record, the same rules): each view makes its actions from its table, so a view works
on its own as well as in the window, whose Compare menu lists the current view's commands
while it is open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from reader.app.settings import PaletteMode
from reader.cards.query import Query
from reader.ui.actions import Command, CommandActions, Key, Pixmap
from reader.ui.reading.card_list_model import SORT_CHOICES
from reader.ui.reading.copy_citation import copy_pointed

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

NEEDS_SET = "Open a set of cards first."


def _toggle(widget: QWidget) -> None:
    widget.setVisible(widget.isHidden())


def _back_reason(w: MainWindow) -> str | None:
    return None if w.session.history.can_go_back() else "Nothing to go back to yet."


def _forward_reason(w: MainWindow) -> str | None:
    return None if w.session.history.can_go_forward() else "Nothing to go forward to."


def _set_reason(w: MainWindow) -> str | None:
    return None if w.session.catalog is not None else NEEDS_SET


def _card_reason(w: MainWindow) -> str | None:
    return None if w.session.current_id is not None else "Open a card first."


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


WINDOW_COMMANDS: tuple[Command[MainWindow], ...] = (
    # File
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
        when=_set_reason,
    ),
    Command(
        "export_pdf",
        "&Export to PDF…",
        "Save the cards shown as a PDF briefing",
        "&File",
        lambda w: w.export.export_pdf(),
        ("Ctrl+Shift+E",),
        when=_set_reason,
        separated=True,
    ),
    Command(
        "print",
        "&Print…",
        "Print the cards shown",
        "&File",
        lambda w: w.export.print_preview(),
        (Key.Print,),
        when=_set_reason,
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
    # Edit
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
        lambda w: w.escape(),
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
    # View
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
        lambda w: _toggle(w.menus.toolbar),
        checked=lambda w: not w.menus.toolbar.isHidden(),
        separated=True,
    ),
    Command(
        "show_problems",
        "&Problems",
        "Show or hide the list of problems in the card files",
        "&View",
        lambda w: _toggle(w.problems),
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
        checked=lambda w: w.sources.is_open(),
    ),
    # Go
    Command(
        "back",
        "&Back",
        "Back to the previous card or filter",
        "&Go",
        lambda w: w.session.back(),
        (Key.Back,),
        when=_back_reason,
        icon=("go-previous", Pixmap.SP_ArrowBack),
    ),
    Command(
        "forward",
        "&Forward",
        "Forward again",
        "&Go",
        lambda w: w.session.forward(),
        (Key.Forward,),
        when=_forward_reason,
        icon=("go-next", Pixmap.SP_ArrowForward),
    ),
    Command(
        "next_cited",
        "Next &Cited Passage",
        "Go to the next passage of the source that the card cites",
        "&Go",
        lambda w: w.sources.step_cited(1),
        ("F8",),
        when=_card_reason,
        separated=True,
    ),
    Command(
        "previous_cited",
        "Previous C&ited Passage",
        "Go to the previous passage of the source that the card cites",
        "&Go",
        lambda w: w.sources.step_cited(-1),
        ("Shift+F8",),
        when=_card_reason,
    ),
    Command(
        "focus_tags",
        "&Tags",
        "Move the focus to the tag browser",
        "&Go",
        lambda w: w.focus_tags(),
        ("Ctrl+T",),
        separated=True,
    ),
    Command(
        "focus_list",
        "Card &List",
        "Move the focus to the card list",
        "&Go",
        lambda w: w.focus_list(),
        ("Ctrl+L",),
    ),
    # Compare
    Command(
        "compare",
        "&Compare Cards…",
        "Compare the selected cards, or the cards added to the comparison, side by side",
        "&Compare",
        lambda w: w.comparisons.compare(),
        ("Ctrl+D",),
        when=lambda w: w.comparisons.compare_reason(),
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
        when=lambda w: w.comparisons.views_reason(),
    ),
    Command(
        "timeline",
        "T&imeline",
        "The events of every card shown, in one timeline",
        "&Compare",
        lambda w: w.comparisons.show_timeline(),
        ("Ctrl+Shift+I",),
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
    # Help
    Command(
        "about",
        "&About Briefing Reader",
        "Version and licence",
        "&Help",
        lambda w: w.about(),
    ),
)


class Actions(CommandActions["MainWindow"]):
    """The window's commands (:data:`WINDOW_COMMANDS`) as actions of ``parent``."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, WINDOW_COMMANDS)
        #: One checkable action per palette choice.
        self.palette_modes = {m: getattr(self, f"palette_{m.value}") for m in PaletteMode}
        #: One checkable action per sort order of the card list, by its key.
        self.sort_orders = {c.key.value: getattr(self, f"sort_{c.key.value}") for c in SORT_CHOICES}
