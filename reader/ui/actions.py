"""What a command is (:class:`Command`), and the QActions made from the command tables of
:mod:`reader.ui.commands`.

Menus, the toolbar, context menus and the tests all use these objects, so a command has one
keyboard shortcut and one name everywhere. An action stays hidden until :meth:`bind` (or
:meth:`offer`) gives it something to act on (the window's, bound at once, start shown); after
that :meth:`refresh` keeps it enabled and checked as its command's ``when`` and ``checked``
say. A disabled command says why, in its tooltip and status tip.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from reader.ui.icons import themed_icon

Key = QKeySequence.StandardKey
Shortcut = Key | str
Pixmap = QStyle.StandardPixmap
T = TypeVar("T")
NATIVE = QKeySequence.SequenceFormat.NativeText


@dataclass(frozen=True, slots=True)
class Command(Generic[T]):
    """One command, acting on a ``T`` (the window, or one comparison view)."""

    #: The attribute its action is found under (``window.commands.find``).
    id: str
    #: Menu text, ``&`` before the mnemonic letter.
    text: str
    #: The status tip: what it does, in a few words.
    tip: str
    #: Where it is in the menu bar: ``"&View"``, or a submenu ``"&View/&Colours"``.
    menu: str
    #: What it does.
    run: Callable[[T], object]
    keys: tuple[Shortcut, ...] = ()
    #: Why it cannot run now (it is disabled and says so), or None when it can.
    when: Callable[[T], str | None] | None = None
    #: For a command that is on or off: whether it is on.
    checked: Callable[[T], bool] | None = None
    #: Commands with the same group are one choice (radio items).
    group: str = ""
    #: A separator before it in its menu (before its submenu, for a submenu's first).
    separated: bool = False
    #: Its keys act only while the focus is inside the widget that owns it.
    local: bool = False
    #: Shows (but does not claim) the keys of this other command, which hands them on.
    keys_of: str = ""
    #: A theme icon name (freedesktop naming), and the style's icon for a name that neither
    #: the theme nor our bundled icons (resources/icons/NAME.svg, reader.ui.icons) have.
    icon: tuple[str, Pixmap | None] | None = None


def _sequences(shortcuts: Sequence[Shortcut]) -> list[QKeySequence]:
    """The key sequences of a command, standard keys as this platform binds them, no repeats."""
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


def key_sequences(command: Command[Any]) -> list[QKeySequence]:
    """The keys ``command``'s action claims, as this platform binds them (the Help sheet)."""
    return _sequences(command.keys)


def key_text(action: QAction, *, every: bool = False) -> str:
    """The action's key as the platform writes it ("Ctrl+D"), or all of them ("Ctrl+F or /"),
    for text that tells the reader a key: it never goes stale when the key changes."""
    keys = [seq.toString(NATIVE) for seq in action.shortcuts()]
    if not keys:
        return action.text().partition("\t")[2]  # a key shown, handled by another command
    return " or ".join(keys) if every else keys[0]


def with_key(text: str, action: QAction) -> str:
    """``text`` followed by the action's key in brackets: "Compare (Ctrl+D)"."""
    key = key_text(action)
    return f"{text} ({key})" if key else text


class CommandActions(Generic[T]):
    """One QAction per command of a table, owned by ``parent`` (whose focus scopes local
    keys); ``actions.find`` is the action of the command with id ``find``."""

    def __init__(
        self, parent: QWidget, commands: Sequence[Command[T]], *, shown: bool = False
    ) -> None:
        """``shown``: the actions start shown, for a target bound before anything can show or
        trigger them (the window's, bound at the end of its construction): hiding each and
        showing it again sends a change to every menu and toolbar that holds it."""
        self._parent = parent
        self._shown = shown
        self._commands = tuple(commands)
        self._tips: dict[QAction, tuple[str, str]] = {}
        self._groups: dict[str, QActionGroup] = {}
        self._by_id = {c.id: self._make(c) for c in self._commands}
        for command in self._commands:
            if command.keys_of:
                self._show_keys_of(self._by_id[command.id], self._by_id[command.keys_of])
        self._target: T | None = None

    def __getattr__(self, name: str) -> QAction:
        """The action of the command ``name`` (Python asks only for names that are no
        attribute)."""
        by_id: dict[str, QAction] = self.__dict__.get("_by_id", {})
        if name not in by_id:
            raise AttributeError(name)
        return by_id[name]

    def pairs(self) -> list[tuple[Command[T], QAction]]:
        """Every command with its action, in table (menu) order."""
        return [(c, self._by_id[c.id]) for c in self._commands]

    def actions(self) -> list[QAction]:
        return [self._by_id[c.id] for c in self._commands]

    def bind(self, target: T) -> None:
        """Make every command act on ``target``; show them, enabled as their rules say."""
        self._target = target
        for command, action in self.pairs():
            action.triggered.connect(lambda _=False, run=command.run: run(target))
            self.offer(action)
        self.refresh()

    def refresh(self) -> None:
        """Enable and check every action as its command's rules say for the target now."""
        target = self._target
        if target is None:
            return
        for command, action in self.pairs():
            if command.when is not None:
                self.set_available(action, command.when(target))
            if command.checked is not None:
                action.setChecked(command.checked(target))

    def offer(self, action: QAction) -> None:
        """Show an action once something acts on it."""
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

    def _make(self, command: Command[T]) -> QAction:
        action = QAction(command.text, self._parent)
        plain = command.text.replace("&", "").rstrip("…")
        action.setObjectName(plain.lower().replace(" ", "-"))
        sequences = _sequences(command.keys)
        if sequences:
            action.setShortcuts(sequences)
        if command.local:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(with_key(plain, action))
        action.setIconText(plain)  # for buttons: without the menu's key column
        action.setStatusTip(command.tip)
        action.setWhatsThis(command.tip)
        if command.icon is not None:
            name, fallback = command.icon
            icon = themed_icon(name)
            if icon.isNull() and fallback is not None:
                icon = self._parent.style().standardIcon(fallback)
            if not icon.isNull():
                action.setIcon(icon)
        if command.checked is not None:
            action.setCheckable(True)
        if command.group:
            group = self._groups.get(command.group)
            if group is None:
                group = self._groups[command.group] = QActionGroup(self._parent)
                group.setExclusive(True)
            group.addAction(action)
        if not self._shown:
            action.setVisible(False)  # until something acts on it (bind, offer)
        self._parent.addAction(action)
        return action

    @staticmethod
    def _show_keys_of(action: QAction, other: QAction) -> None:
        """Show ``other``'s key beside ``action`` (in the menu's key column) without claiming
        it: one key, one action."""
        key = key_text(other)
        action.setText(f"{action.text()}\t{key}")
        action.setToolTip(f"{action.iconText()} ({key})")
