"""Item data roles the comparison models share with their delegates and headers."""

from __future__ import annotations

from PySide6.QtCore import Qt

#: Rich text for a cell or a header section (a string of the comparison HTML subset).
HtmlRole = Qt.ItemDataRole.UserRole + 40
#: The id of the card behind a column, a cell or a row.
CardIdRole = Qt.ItemDataRole.UserRole + 41
#: A cell's :class:`reader.cards.model.Perspective`, or None for a blindspot.
PerspectiveRole = Qt.ItemDataRole.UserRole + 42
#: Whether a topic row's stances differ (bool).
DiffersRole = Qt.ItemDataRole.UserRole + 43
#: The place in a card that a cell stands for (a :class:`reader.ui.compare.items.Item`), where
#: double-click or Enter drills down to; None for a cell that stands for no card.
ItemRole = Qt.ItemDataRole.UserRole + 44

#: The flags of a row in a flat list of thousands (ledger rows, timeline events): selectable,
#: and never a parent, so a tree view laying the list out asks no row for children (each
#: question a call into Python, tens of thousands of them before the first paint).
LEAF = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
