"""The tag tree answers an item delegate's roles in one call (``multiData``), the same as one a
role: what a cell is painted and measured with does not change."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from reader.cards.catalog import MemoryCatalog
from reader.cards.load import load_set
from reader.cards.query import Query
from reader.cards.tag_labels import TagNames
from reader.qt.models import Index
from reader.ui.reading.tag_tree_model import COUNT, NAME, TagTreeModel
from tests.conftest import SHIPPED_CARDS


class CountedModel(TagTreeModel):
    """Counts the calls of ``data``."""

    def __init__(self) -> None:
        super().__init__()
        self.asked = 0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        self.asked += 1
        return super().data(index, role)


def cells(model: TagTreeModel, parent: QModelIndex | None = None) -> Iterator[QModelIndex]:
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        yield model.index(row, NAME, parent)
        yield model.index(row, COUNT, parent)
        yield from cells(model, model.index(row, NAME, parent))


@pytest.mark.usefixtures("qapp")
def test_a_delegate_gets_every_role_of_a_cell_in_one_call_with_what_data_says() -> None:
    catalog = MemoryCatalog(load_set(SHIPPED_CARDS))
    model = CountedModel()
    model.set_catalog(catalog.summaries(), TagNames.of(catalog.info))
    query = Query(include_tags=("theme/coups",), exclude_tags=("country/united-states",))
    model.set_current(catalog.matching(query), query)  # bold, tinted, struck through, muted
    delegate = QStyledItemDelegate()
    looks: set[tuple[object, ...]] = set()
    for index in cells(model):
        option = QStyleOptionViewItem()
        model.asked = 0
        delegate.initStyleOption(option, index)
        assert model.asked == 0  # one multiData call, no data call a role
        font = index.data(Qt.ItemDataRole.FontRole)
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        look = (
            option.text,
            option.font.bold(),
            option.font.strikeOut(),
            option.palette.text().color().name() if foreground is not None else None,
            option.backgroundBrush.color().name(),
            int(option.displayAlignment),
        )
        assert look == (
            index.data() or "",
            font.bold() if font is not None else False,
            font.strikeOut() if font is not None else False,
            foreground.name() if foreground is not None else None,
            background.name() if background is not None else option.backgroundBrush.color().name(),
            index.data(Qt.ItemDataRole.TextAlignmentRole) or int(option.displayAlignment),
        )
        looks.add(look[1:4])
    assert len(looks) >= 4  # headings, plain, muted counts, an included and an excluded tag
