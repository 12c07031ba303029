"""The tag browser's model: nested tags, then the publisher, year and kind facets.

Each node shows how many cards of the *current* filter carry it, so the tree answers "how many
would I get if I clicked this?". The structure comes from the whole set and stays put while
the filter changes (only counts and marks change), so the reader never loses their place.

Tags show the names the set file gives them (:func:`tag_label`), sorted by name, with the slug
in the tooltip. The ``publisher/…`` and ``kind/…`` tags are left out where the Publishers and
Kinds facets list the same value from the cards' own fields: one facet shown twice reads as two.
The only marks are the filter's: an included node is bold on a tint, an excluded one struck
through; the view never paints a selection of its own, so the tree cannot claim a filter that
is not in force.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Sequence
from enum import IntEnum
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from reader.cards.catalog import CardSummary
from reader.cards.facets import FACETS, Facets, build_facets
from reader.cards.filters import Filter, FilterKind, active_filters
from reader.cards.query import Query
from reader.cards.tag_labels import TagNames
from reader.cards.wording import plural
from reader.qt.models import ROOT, Index, read_only_flags
from reader.ui.reading.tag_nodes import Node, make_node, order_of, shown_filters, sort_children

NAME, COUNT = 0, 1
#: The :class:`Filter` a node stands for (``None`` for the category headings).
FilterRole = Qt.ItemDataRole.UserRole + 1
#: "include", "exclude" or "" — how the node's filter is used in the current query.
StateRole = Qt.ItemDataRole.UserRole + 2
#: Cards in the current filter that the node matches.
CountRole = Qt.ItemDataRole.UserRole + 3
#: What a change of counts alone changes: the count's text, its tooltip and spoken text, the
#: muted colour of a node with none; never a row's size (its name and font stay).
COUNT_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    CountRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.ForegroundRole,
)


class Category(IntEnum):
    TAGS = 0
    PUBLISHER = 1
    YEAR = 2
    KIND = 3


_CATEGORY_LABELS = {
    Category.TAGS: "Tags",
    Category.PUBLISHER: "Publishers",
    Category.YEAR: "Years",
    Category.KIND: "Kinds",
}


_FACETS = tuple(zip((Category.PUBLISHER, Category.YEAR, Category.KIND), FACETS, strict=True))
#: Each facet's heading, by its row under the root (the tags' is row 0).
_HEADING_ROWS = {kind: row for row, (_category, kind) in enumerate(_FACETS, 1)}


class TagTreeModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._root = Node("", None)
        self._nodes: dict[Filter, Node] = {}
        self._states: dict[Filter, str] = {}
        #: (position in the facet index, node) for every node the tree shows.
        self._serial: list[tuple[int, Node]] = []
        self._index = Facets((), {}, Counter())
        self._shown = 0
        self._names = TagNames({})

    # -- feeding --------------------------------------------------------------------------

    def set_catalog(
        self,
        summaries: Sequence[CardSummary],
        names: TagNames,
        index: Facets | None = None,
    ) -> bool:
        """Show a newly loaded set; counts start at the whole set. ``names`` names its tags
        as the card, the list and the comparison do. Whether the tree changed in place:

        A catalog of the same set (the same ``names``) that keeps every node shown changes the
        tree in place: the nodes it adds are inserted where they belong (a cold index's later
        parts bring a few more years, publishers or tags each) and the counts change, so a
        view keeps what it had opened and where it was. Otherwise the tree is built again and
        the model reset.

        ``index`` is :func:`build_facets` of ``summaries``, if the loader made it already.
        """
        index = build_facets(summaries) if index is None else index
        if names is self._names and self._serial and self._grow(index):
            self._index = index
            self._shown = len(index.card_nodes)
            self._apply_counts(index.totals, totals=True)
            self._emit_all_changed(self._root, COUNT_ROLES)
            return True
        self.beginResetModel()
        self._names = names
        self._index = index
        self._root = Node("", None)
        self._nodes = {}
        tags = self._root.add(Node(_CATEGORY_LABELS[Category.TAGS], None))
        for category, _kind in _FACETS:
            self._root.add(Node(_CATEGORY_LABELS[category], None))
        for n, item in shown_filters(index):
            node = self._nodes[item] = make_node(item, n, names)
            self._parent_of(item, tags).add(node)
        sort_children(self._root)
        self._number(index)
        self._apply_counts(index.totals, totals=True)
        self.endResetModel()
        return False

    def _grow(self, index: Facets) -> bool:
        """Insert the nodes ``index`` shows that the tree lacks; False (and nothing done) when
        the tree shows one that ``index`` does not."""
        if index.filters == self._index.filters:
            return True
        shown = list(shown_filters(index))
        if not self._nodes.keys() <= {item for _, item in shown}:
            return False
        for n, item in shown:  # the nodes kept sort among the new ones by their new places
            node = self._nodes.get(item)
            if node is not None:
                node.order = order_of(item, node.label, n)
        tags = self._root.children[0]
        for n, item in shown:  # parents before their children
            if item not in self._nodes:
                node = self._nodes[item] = make_node(item, n, self._names)
                self._insert(self._parent_of(item, tags), node)
        self._number(index)
        return True

    def _parent_of(self, item: Filter, tags: Node) -> Node:
        if item.kind is FilterKind.TAG:
            up = item.value.rpartition("/")[0]
            return self._nodes[Filter(FilterKind.TAG, up)] if up else tags
        return self._root.children[_HEADING_ROWS[item.kind]]

    def _insert(self, parent: Node, node: Node) -> None:
        row = bisect.bisect(parent.children, node.order, key=lambda child: child.order)
        where = QModelIndex()
        if parent is not self._root:
            where = self.createIndex(parent.row, NAME, parent)
        self.beginInsertRows(where, row, row)
        node.parent = parent
        parent.children.insert(row, node)
        for number, child in enumerate(parent.children[row:], row):
            child.row = number
        self.endInsertRows()

    def _number(self, index: Facets) -> None:
        """Each shown node with its position in ``index``, which its counts are kept under."""
        shown = self._nodes
        self._serial = [(n, shown[f]) for n, f in enumerate(index.filters) if f in shown]

    def set_current(self, matched: Sequence[str], query: Query) -> None:
        """New counts and marks for the cards ``matched``; the structure does not change."""
        marked, self._states = self._states, {}
        for item in active_filters(query):
            state = "exclude" if item.kind is FilterKind.NOT_TAG else "include"
            key = Filter(FilterKind.TAG, item.value) if state == "exclude" else item
            self._states[key] = state
        self._shown = len(matched)
        self._apply_counts(self._index.counts(matched), totals=False)
        # New marks restyle their rows (bold names may wrap anew); else only counts changed.
        self._emit_all_changed(self._root, () if self._states != marked else COUNT_ROLES)

    @property
    def names(self) -> TagNames:
        """The tags' names in the loaded set, for the list and anything else that shows a tag."""
        return self._names

    def marked(self) -> dict[Filter, str]:
        """The filters the tree marks, and how ("include" or "exclude"): the query's."""
        return dict(self._states)

    def _apply_counts(self, counts: Counter[int], *, totals: bool) -> None:
        for n, node in self._serial:
            node.count = counts.get(n, 0)
            if totals:
                node.total = node.count

    def _emit_all_changed(self, node: Node, roles: Sequence[int]) -> None:
        if not node.children:
            return
        first = self.createIndex(0, NAME, node.children[0])
        last = self.createIndex(len(node.children) - 1, COUNT, node.children[-1])
        self.dataChanged.emit(first, last, list(roles))
        for child in node.children:
            self._emit_all_changed(child, roles)

    # -- lookups for the view -------------------------------------------------------------

    def label_of(self, item: Filter) -> str:
        """``item``'s name as the tree shows it, or made the tree's way if it has no node
        (a ``publisher/…`` tag, a tag of another set kept in history)."""
        node = self._nodes.get(item)
        if node is not None:
            return node.label
        if item.kind is FilterKind.TAG:
            return self._names(item.value)
        return item.value or "unspecified"

    def index_of(self, item: Filter) -> QModelIndex:
        node = self._nodes.get(item)
        return QModelIndex() if node is None else self.createIndex(node.row, NAME, node)

    def _node(self, index: Index) -> Node:
        if not index.isValid():
            return self._root
        node: Node = index.internalPointer()
        return node

    # -- QAbstractItemModel ---------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._node(parent).children[row])

    def parent(self, index: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        up = self._node(index).parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, NAME, up)

    def rowCount(self, parent: Index = ROOT) -> int:
        if parent.isValid() and parent.column() != NAME:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 2

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ("Tag", "Cards")[section] if 0 <= section < 2 else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        state = self._state_of(node)
        return self._value(node, index.column(), state, role)

    def multiData(self, index: Index, span: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role a delegate asks for at once (Qt's item delegate asks seven to paint or
        measure a cell), in one call from Qt into Python instead of one a role: a call into
        Python waits for the interpreter whenever another thread runs Python (a cold index's
        loader), and the tree is painted again at each catalog the index delivers."""
        if not index.isValid():
            return
        node = self._node(index)
        column = index.column()
        state = self._state_of(node)
        # PySide6 iterates a span, though its stubs do not say so.
        roles = [span] if isinstance(span, QModelRoleData) else cast(Iterable[QModelRoleData], span)
        for role_data in roles:
            role_data.setData(self._value(node, column, state, role_data.role()))

    def _state_of(self, node: Node) -> str:
        """How the query uses ``node``'s filter ("" when it does not, as for every node while
        no filter is in force: asked at every cell of every paint, a filter's hash is dear)."""
        if not self._states or node.filter is None:
            return ""
        return self._states.get(node.filter, "")

    def _value(self, node: Node, column: int, state: str, role: int) -> Any:
        """What the cell of ``node`` in ``column`` holds for ``role``; ``state`` is how the
        query uses its filter."""
        heading = node.filter is None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return node.label
            return "" if heading else str(node.count)
        if role == FilterRole:
            return node.filter
        if role == StateRole:
            return state
        if role == CountRole:
            return node.count
        if role == Qt.ItemDataRole.ToolTipRole:
            return None if heading else self._tooltip(node)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == COUNT:  # the name's cell says it all; a screen reader reads both
                return plural(len(node.children), "item") if heading else plural(node.count, "card")
            if heading:
                return node.label
            marks = {"include": ", filtering", "exclude": ", hidden"}
            return f"{node.label}, {plural(node.count, 'card')}{marks.get(state, '')}"
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return node.description or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            return self._font(heading, state)
        if role == Qt.ItemDataRole.ForegroundRole and not heading:
            return self._foreground(node, state, column)
        if role == Qt.ItemDataRole.BackgroundRole and state == "include":
            return filter_tint()
        return None

    def _tooltip(self, node: Node) -> str:
        """The slug (what a card file says), the description, and the counts: of the cards
        shown now, and of the whole set when that differs."""
        assert node.filter is not None
        what = node.filter.value if node.filter.kind is FilterKind.TAG else node.label
        lines = [what]
        if node.description and node.description != node.label:
            lines.append(node.description)
        counted = f"{node.count} of the {plural(self._shown, 'card')} shown"
        if node.total != node.count:
            counted += f" ({node.total} in the whole set)"
        lines.append(counted)
        if node.filter.kind is FilterKind.TAG:
            lines.append("Click to show only these cards; Ctrl+click to hide them.")
        else:
            lines.append("Click to show only these cards.")
        return "\n".join(lines)

    @staticmethod
    def _font(heading: bool, state: str) -> QFont | None:
        if not heading and not state:
            return None
        font = QFont()
        font.setBold(heading or state == "include")
        font.setStrikeOut(state == "exclude")
        return font

    @staticmethod
    def _foreground(node: Node, state: str, column: int) -> Any:
        if state == "include" and column == NAME:
            return QGuiApplication.palette().color(QPalette.ColorRole.Link)
        if node.count == 0 or state == "exclude" or column == COUNT:
            return muted_text()
        return None


# The tree's colours, in one place (the contrast check reads and may change them).


def muted_text() -> QColor:
    """Counts, tags with no card in the view, excluded tags: information, so the muted text
    colour (at 4.5:1, reader.ui.contrast), not a disabled control's (1.6:1 in Fusion)."""
    return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)


def filter_tint() -> QColor:
    """Behind an included filter's row: the highlight colour, faint enough for text in the
    ordinary colours to read on it, and unlike a selection's full highlight."""
    tint = QColor(QGuiApplication.palette().color(QPalette.ColorRole.Highlight))
    tint.setAlpha(48)
    return tint
