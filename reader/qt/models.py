"""The item flags every read-only model of the window answers with.

``flags`` is called for every item a view lays out, tens of thousands of times for a large
timeline; combining two enum members in Python costs microseconds each time, so the
combination is made once here.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

#: Enabled and selectable, not editable: what a row of a list, tree or table may be.
SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def read_only_flags(index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
    """:data:`SELECTABLE` for an item, no flags for the invisible root."""
    return SELECTABLE if index.isValid() else Qt.ItemFlag.NoItemFlags
