"""Every command of the window, declared once: text, shortcuts, accessible name, status tip.

Menus, the toolbar and the tests all use these objects, so a command has one keyboard
shortcut and one name everywhere. Shortcuts use Qt's standard key sequences where one exists
(Open, Refresh, Find, Back, Zoom…), so each platform gets its own convention.

Some commands belong to features built elsewhere (PDF export, printing, comparisons). Their
actions are declared here so that menus have a fixed place for them, but they stay hidden
until the feature connects ``triggered`` and calls :meth:`Actions.offer`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from reader.app.settings import PaletteMode
from reader.ui.reading.card_list_model import SORT_CHOICES

Key = QKeySequence.StandardKey
Shortcut = Key | str


def _sequences(shortcuts: Sequence[Shortcut]) -> list[QKeySequence]:
    found: list[QKeySequence] = []
    for shortcut in shortcuts:
        if isinstance(shortcut, Key):
            found.extend(QKeySequence.keyBindings(shortcut))
        else:
            found.append(QKeySequence(shortcut))
    unique: list[QKeySequence] = []
    for seq in found:
        if not seq.isEmpty() and seq not in unique:
            unique.append(seq)
    return unique


class Actions:
    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self._tips: dict[QAction, tuple[str, str]] = {}
        style = parent.style()
        icon = style.standardIcon
        px = QStyle.StandardPixmap

        # File
        self.open_set = self._make(
            "&Open Set…",
            [Key.Open],
            "Open a folder of briefing cards",
            QIcon.fromTheme("document-open", icon(px.SP_DirOpenIcon)),
        )
        self.reload = self._make(
            "&Reload",
            [Key.Refresh, "F5", "Ctrl+R"],
            "Read the card files again",
            QIcon.fromTheme("view-refresh", icon(px.SP_BrowserReload)),
        )
        self.export_pdf = self._make(
            "&Export to PDF…", ["Ctrl+Shift+E"], "Save the cards shown as a PDF briefing", slot=True
        )
        self.print = self._make("&Print…", [Key.Print], "Print the cards shown", slot=True)
        self.clear_recent = self._make("&Clear Menu", [], "Forget the recently opened sets")
        self.quit = self._make("&Quit", [Key.Quit, "Ctrl+Q"], "Close Briefing Reader")

        # Edit
        self.find = self._make(
            "&Find…",
            [Key.Find, "/"],
            "Search the text of every card",
            QIcon.fromTheme("edit-find"),
        )
        self.find_next = self._make(
            "Find &Next", [Key.FindNext], "Go to the next search match in the card"
        )
        self.find_previous = self._make(
            "Find Pre&vious", [Key.FindPrevious], "Go to the previous search match in the card"
        )
        self.clear_search = self._make("Clear Search", ["Escape"], "Clear the search box")
        self.clear_filters = self._make(
            "C&lear All Filters", ["Ctrl+Shift+Backspace"], "Show every card again"
        )

        # View
        self.zoom_in = self._make("Zoom &In", [Key.ZoomIn, "Ctrl+="], "Larger card text")
        self.zoom_out = self._make("Zoom &Out", [Key.ZoomOut], "Smaller card text")
        self.zoom_reset = self._make("&Actual Size", ["Ctrl+0"], "Card text at normal size")
        self.palette_group = QActionGroup(parent)
        self.palette_group.setExclusive(True)
        self.palette_modes: dict[PaletteMode, QAction] = {}
        for mode, text in (
            (PaletteMode.SYSTEM, "Follow &System"),
            (PaletteMode.LIGHT, "&Light"),
            (PaletteMode.DARK, "&Dark"),
        ):
            action = self._make(text, [], f"{text.replace('&', '')} colours")
            action.setCheckable(True)
            action.setData(mode.value)
            self.palette_group.addAction(action)
            self.palette_modes[mode] = action
        self.sort_group = QActionGroup(parent)
        self.sort_group.setExclusive(True)
        #: One checkable action per sort order of the card list, by its key.
        self.sort_orders: dict[str, QAction] = {}
        for choice in SORT_CHOICES:
            action = self._make(choice.label, [], f"Sort the card list: {choice.label.lower()}")
            action.setCheckable(True)
            action.setData(choice.key.value)
            self.sort_group.addAction(action)
            self.sort_orders[choice.key.value] = action

        # Go
        self.back = self._make(
            "&Back",
            [Key.Back],
            "Back to the previous card or filter",
            QIcon.fromTheme("go-previous", icon(px.SP_ArrowBack)),
        )
        self.forward = self._make(
            "&Forward",
            [Key.Forward],
            "Forward again",
            QIcon.fromTheme("go-next", icon(px.SP_ArrowForward)),
        )
        self.focus_list = self._make("Card &List", ["Ctrl+L"], "Move the focus to the card list")
        self.focus_tags = self._make("&Tags", ["Ctrl+T"], "Move the focus to the tag browser")

        # Compare (wired by the comparison feature)
        self.compare = self._make(
            "&Compare Cards…",
            ["Ctrl+D"],
            "Compare the selected cards, or the cards added to the comparison, side by side",
            slot=True,
        )
        self.add_to_comparison = self._make(
            "&Add to Comparison",
            ["Ctrl+Shift+D"],
            "Collect the selected card for a side-by-side comparison",
            slot=True,
        )
        self.topic_matrix = self._make(
            "&Topic Matrix",
            ["Ctrl+Shift+T"],
            "Each card's stance on each question of the set",
            slot=True,
        )
        self.recommendations = self._make(
            "&Recommendations by Addressee",
            ["Ctrl+Shift+R"],
            "Who is told to do what, by which card",
            slot=True,
        )
        self.timeline = self._make(
            "T&imeline",
            ["Ctrl+Shift+I"],
            "The events of every card shown, in one timeline",
            slot=True,
        )
        # Escape belongs to Clear Search, which hands it on (one key, one action); the menu
        # shows it all the same.
        self.back_to_reading = self._make(
            "Back to &Reading\tEsc", [], "Close the comparison views and read cards", slot=True
        )

        # Help
        self.about = self._make("&About Briefing Reader", [], "Version and licence")

    def _make(
        self,
        text: str,
        shortcuts: Sequence[Shortcut],
        tip: str,
        icon: QIcon | None = None,
        *,
        slot: bool = False,
    ) -> QAction:
        action = QAction(text, self._parent)
        label, _, key_hint = text.partition("\t")  # "Text\tKey": a key handled elsewhere
        plain = label.replace("&", "").rstrip("…")
        action.setObjectName(plain.lower().replace(" ", "-"))
        sequences = _sequences(shortcuts)
        if sequences:
            action.setShortcuts(sequences)
            key_hint = sequences[0].toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{plain} ({key_hint})" if key_hint else plain)
        action.setIconText(plain)  # for buttons: without the menu's key column
        action.setStatusTip(tip)
        action.setWhatsThis(tip)
        if icon is not None and not icon.isNull():
            action.setIcon(icon)
        if slot:
            action.setVisible(False)
        self._parent.addAction(action)
        return action

    def offer(self, action: QAction) -> None:
        """Show a slot action once its feature has connected to it."""
        action.setVisible(True)
        action.setEnabled(True)

    def set_available(self, action: QAction, reason: str | None) -> None:
        """Enable ``action``, or disable it with ``reason`` as its tooltip and status tip.

        A disabled command says why, in the menu's status line and on hover; once it is
        available again it gets its own tips back.
        """
        tips = self._tips.setdefault(action, (action.toolTip(), action.statusTip()))
        action.setEnabled(reason is None)
        action.setToolTip(tips[0] if reason is None else reason)
        action.setStatusTip(tips[1] if reason is None else reason)

    @property
    def compare_actions(self) -> list[QAction | None]:
        """The Compare menu, in order; ``None`` is a separator."""
        return [
            self.compare,
            self.add_to_comparison,
            None,
            self.topic_matrix,
            self.recommendations,
            self.timeline,
            None,
            self.back_to_reading,
        ]
