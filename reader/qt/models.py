"""What every model of the window shares: the index type its methods take, the invisible
root, and the item flags every read-only model answers with.

``flags`` is called for every item a view lays out, tens of thousands of times for a large
timeline; combining two enum members in Python costs microseconds each time, so the
combination is made once here.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

#: What a model's methods are given: Qt passes either kind of index.
Index = QModelIndex | QPersistentModelIndex
#: The invisible root, as Qt's default ``parent`` argument.
ROOT = QModelIndex()

#: Enabled and selectable, not editable: what a row of a list, tree or table may be.
SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def read_only_flags(index: Index) -> Qt.ItemFlag:
    """:data:`SELECTABLE` for an item, no flags for the invisible root."""
    return SELECTABLE if index.isValid() else Qt.ItemFlag.NoItemFlags
