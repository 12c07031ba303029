"""What a screen reader is told: every interactive element of the window, each comparison view
and the Help dialogs has a name, and the comparison tables give their cells row and column
headers (the issue's "accessibility, measured")."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QTableView, QWidget
from pytestqt.qtbot import QtBot

from reader.ui.help.about import AboutDialog
from reader.ui.help.guide import FormatGuideDialog
from reader.ui.help.shortcuts import ShortcutsDialog
from reader.ui.main_window import MainWindow
from tests.ui.conftest import CRISIS_GROUP, LEVERAGE, SANCTIONS
from tests.ui.test_comparisons import select_cards

Role = QAccessible.Role
#: Roles a reader acts on: each must say what it is.
INTERACTIVE = {
    Role.PushButton,
    Role.CheckBox,
    Role.RadioButton,
    Role.ComboBox,
    Role.EditableText,
    Role.List,
    Role.Tree,
    Role.Table,
    Role.PageTab,
    Role.PageTabList,
    Role.ButtonMenu,
    Role.ButtonDropDown,
    Role.SpinBox,
    Role.Slider,
    Role.Link,
    Role.ListItem,
    Role.TreeItem,
    Role.Cell,
    Role.MenuItem,
}
#: Items of a big view: the first rows show whether the model names them.
MAX_CHILDREN = 40


def _walk(
    iface: QAccessibleInterface, path: str = ""
) -> Iterator[tuple[str, QAccessibleInterface]]:
    if iface.state().invisible:
        return
    here = f"{path}/{iface.role().name}:{iface.text(QAccessible.Text.Name)}"
    yield here, iface
    for i in range(min(iface.childCount(), MAX_CHILDREN)):
        child = iface.child(i)
        if child is not None and child.isValid():
            yield from _walk(child, here)


def unnamed(widget: QWidget) -> list[str]:
    """Every visible interactive element under ``widget`` without an accessible name."""
    root = QAccessible.queryAccessibleInterface(widget)
    assert root is not None
    found = list(_walk(root))
    assert len(found) > 5
    return [
        path
        for path, iface in found
        if iface.role() in INTERACTIVE and not iface.text(QAccessible.Text.Name).strip()
    ]


def _headers_of_first_cell(table: QTableView) -> tuple[list[str], list[str]]:
    iface = QAccessible.queryAccessibleInterface(table)
    assert iface is not None
    assert iface.role() is Role.Table
    # PySide6 does not wrap the table interface; the table's children are its cells.
    children = (iface.child(i) for i in range(min(iface.childCount(), MAX_CHILDREN)))
    cell = next(c for c in children if c is not None and c.role() is Role.Cell)
    info = cell.tableCellInterface()
    assert info is not None
    name = QAccessible.Text.Name
    rows = [h.text(name) for h in info.rowHeaderCells()]
    columns = [h.text(name) for h in info.columnHeaderCells()]
    return rows, columns


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_the_window_the_views_and_help_name_everything(qtbot: QtBot, window: MainWindow) -> None:
    assert unnamed(window) == []
    tree = QAccessible.queryAccessibleInterface(window.sidebar.tree)
    assert tree is not None
    cells = [tree.child(i) for i in range(min(tree.childCount(), MAX_CHILDREN))]
    names = [c.text(QAccessible.Text.Name) for c in cells if c is not None]
    assert "Actor, 3 cards" in names
    assert "3 cards" in names  # its count's cell says only that, not the name again
    assert all(a != b for a, b in itertools.pairwise(names) if a)

    select_cards(qtbot, window, LEVERAGE, SANCTIONS, CRISIS_GROUP)
    window.commands.compare.trigger()
    compare = window.workspace.compare_view()
    assert compare is not None
    assert unnamed(window) == []
    [table] = [t for t in compare.findChildren(QTableView) if t.isVisible()]
    rows, columns = _headers_of_first_cell(table)
    assert columns  # each card's column is named by its header
    assert all(columns), columns
    assert rows  # each question's row by its label
    assert all(rows), rows

    for command in ("topic_matrix", "recommendations", "timeline"):
        getattr(window.commands, command).trigger()
        assert unnamed(window) == [], command

    for command, kind in (
        ("shortcuts", ShortcutsDialog),
        ("format_guide", FormatGuideDialog),
        ("about", AboutDialog),
    ):
        getattr(window.commands, command).trigger()
        [dialog] = window.findChildren(kind)
        qtbot.waitExposed(dialog)
        assert unnamed(dialog) == [], command
        dialog.close()
