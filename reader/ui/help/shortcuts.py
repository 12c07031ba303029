"""Help › Keyboard Shortcuts: every key of every command, made from the command tables.

The sheet is generated from the one place commands are declared (the window's tables,
:mod:`reader.ui.commands`, and the comparison views', :mod:`reader.ui.compare.commands`), with
the keys as this platform binds them, so it cannot fall behind a key that changes. A search
box keeps the rows whose command, keys, menu or description contain what is typed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.qt.models import ROOT, Index
from reader.ui.actions import NATIVE, Command, key_sequences
from reader.ui.focus import frame_focus
from reader.ui.help.single import show_once

HEADERS = ("Command", "Keys", "Menu", "What it does")
#: Where the comparison views' commands are listed: they act in the view on screen.
VIEWS_MENU = "Comparison views"


@dataclass(frozen=True, slots=True)
class Shortcut:
    command: str
    keys: str
    menu: str
    tip: str

    def cells(self) -> tuple[str, str, str, str]:
        return (self.command, self.keys, self.menu, self.tip)


def _typed(seq: QKeySequence) -> bool:
    """Whether ``seq`` is typed on an ordinary keyboard: Qt's standard keys also bind the
    dedicated "Open", "Find", "Help"… keys of some keyboards, which would read as words."""
    first = seq[0]  # type: ignore[index]  # QKeySequence.operator[], missing from the stubs
    if seq.count() > 1 or first.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        return True
    key: Qt.Key = first.key()
    return key != Qt.Key.Key_Help and key < Qt.Key.Key_Back


def _plain(text: str) -> str:
    return text.replace("&", "").rstrip("…").partition("\t")[0]


def shortcuts(
    tables: Sequence[tuple[str | None, Sequence[Command[Any]]]],
) -> list[Shortcut]:
    """Every command of ``tables`` that has keys, in table order. Each table comes with the
    menu name to show, or None for each command's own menu; a command that shows another's
    keys (``keys_of``) is listed with them."""
    by_id = {c.id: c for _, table in tables for c in table}
    found: list[Shortcut] = []
    for menu, table in tables:
        for command in table:
            owner = by_id[command.keys_of] if command.keys_of else command
            keys = [seq.toString(NATIVE) for seq in key_sequences(owner) if _typed(seq)]
            if not keys:
                continue
            where = menu or " › ".join(_plain(part) for part in command.menu.split("/"))
            found.append(Shortcut(_plain(command.text), " or ".join(keys), where, command.tip))
    return found


def command_tables() -> list[tuple[str | None, Sequence[Command[Any]]]]:
    """The window's table and every comparison view's (each module-level table of
    :mod:`reader.ui.compare.commands`, so a view's new table is listed without a change here)."""
    # Imported when asked: the window's table imports the Help menu's, which imports this.
    from reader.ui.commands import WINDOW_COMMANDS
    from reader.ui.compare import commands as view_commands

    tables: list[tuple[str | None, Sequence[Command[Any]]]] = [(None, WINDOW_COMMANDS)]
    for value in vars(view_commands).values():
        if isinstance(value, tuple) and value and all(isinstance(c, Command) for c in value):
            tables.append((VIEWS_MENU, value))
    return tables


class ShortcutsModel(QAbstractTableModel):
    def __init__(self, rows: Sequence[Shortcut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = list(rows)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.cells()[index.column()]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.command}: {row.keys}" if index.column() == 0 else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def __iter__(self) -> Iterator[Shortcut]:
        return iter(self._rows)


class ShortcutsDialog(QDialog):
    def __init__(self, rows: Sequence[Shortcut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard Shortcuts")
        self.setAccessibleName("Keyboard Shortcuts")
        self.model = ShortcutsModel(rows, self)
        self.rows = QSortFilterProxyModel(self)
        self.rows.setSourceModel(self.model)
        self.rows.setFilterKeyColumn(-1)
        self.rows.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.search = QLineEdit(self)
        self.search.setObjectName("shortcutsSearch")
        self.search.setAccessibleName("Search shortcuts")
        self.search.setPlaceholderText("Search commands, keys or menus")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.rows.setFilterFixedString)

        self.table = QTableView(self)
        frame_focus(self.table)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName("Shortcuts")
        self.table.setModel(self.rows)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(len(HEADERS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(940, 600)
        self.search.setFocus()

    def shown(self) -> list[Shortcut]:
        """The rows the search keeps, in order."""
        rows = list(self.model)
        return [
            rows[self.rows.mapToSource(self.rows.index(r, 0)).row()]
            for r in range(self.rows.rowCount())
        ]


def show_shortcuts(parent: QWidget) -> ShortcutsDialog:
    return show_once(
        parent, ShortcutsDialog, lambda p: ShortcutsDialog(shortcuts(command_tables()), p)
    )
