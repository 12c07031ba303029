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
