"""The navigation sidebar: the set's title and counts over the tag and facet browser.

A click on a tag or facet value filters by it (a second click removes it again); Ctrl+click
or the context menu hides the cards carrying a tag. The keyboard does the same: Enter or Space
filters, Ctrl+Enter hides, Delete removes the filter. A reloaded set keeps the branches the
reader had opened; a first load opens the headings, and their tags too while there are few.

The tree selects nothing: the filter's own marks (a tint, bold, strike-through) are its only
highlight, so "Clear all" leaves nothing painted, and moving with the arrow keys shows only the
focus frame, never what looks like a filter.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QSizePolicy,
    QStyle,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.cards.catalog import Catalog
from reader.cards.facets import Facets
from reader.cards.filters import Filter, FilterKind
from reader.cards.problems import count
from reader.cards.query import Query
from reader.cards.set_info import SetInfo
from reader.cards.tag_labels import TagNames
from reader.cards.wording import plural
from reader.qt.models import Index
from reader.render.tooltips import safe_tooltip
from reader.ui.labels import MutedLabel, PlainLabel
from reader.ui.reading.tag_row import TagRowDelegate
from reader.ui.reading.tag_tree_model import (
    COUNT,
    COUNT_ROLES,
    NAME,
    FilterRole,
    StateRole,
    TagTreeModel,
)

#: A long tag of the kind sets use; the sidebar opens wide enough to show it whole.
LONG_TAG = "international-crisis-group"
MIN_WIDTH = 270
#: Expand every first-level tag while the tree is at most this big; collapse beyond.
EXPAND_ALL_BELOW = 80
#: The roles of a change that leaves every row's size as it was (see TagTreeView.dataChanged).
_COUNTED = frozenset(int(role) for role in COUNT_ROLES)
#: Adds commands for a tag (its slug) to the tree's context menu, after the filter's own.
TagMenuHook = Callable[[QMenu, str], None]


def _window_coloured_viewport() -> QWidget:
    """A viewport filled with the window's colour (a new widget's own background role).

    Made here rather than recoloured through ``viewport()``: PySide6 has no wrapper for the
    viewport Qt made, and finding its type the first time resolved every QtWidgets class
    (some 70 of their enums): 5 ms of the window's start, before its first paint.
    """
    viewport = QWidget()
    viewport.setObjectName("qt_scrollarea_viewport")  # as Qt names its own, for the style
    viewport.setAutoFillBackground(True)
    return viewport


class TagTreeView(QTreeView):
    #: Switch this filter on or off; ``True`` to hide the cards with the tag instead.
    filter_clicked = Signal(object, bool)
    #: Remove this filter, whether it includes or excludes.
    filter_removed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagTree")
        self.setAccessibleName("Tags and facets")
        self.setAccessibleDescription(
            "Click a tag to show only its cards, Control-click to hide them"
        )
        self.setHeaderHidden(True)
        # A long name takes more lines (tag_row.py), measured again as the width changes.
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        # No selection: its colour would claim a filter (see the module's docstring).
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setMouseTracking(True)
        self.setAnimated(False)
        self.setIndentation(12)
        self._count_digits = 3
        self.setFrameShape(QTreeView.Shape.NoFrame)
        self.tag_menu_hook: TagMenuHook | None = None
        self.setItemDelegate(TagRowDelegate(self))
        # A source list: the sidebar's own colour, so the card list stands out beside it.
        self.setViewport(_window_coloured_viewport())
        self.customContextMenuRequested.connect(self._context_menu)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        # A fixed width: sizing to contents would measure every row on every count change.
        header.setSectionResizeMode(COUNT, QHeaderView.ResizeMode.Fixed)
        self._fit_counts()

    def set_largest_count(self, largest: int) -> None:
        """The largest count the tree can show (the set's size): the count column is as wide
        as its digits, leaving the rest of a narrow sidebar to the names."""
        self._count_digits = len(str(max(1, largest)))
        self._fit_counts()

    def _fit_counts(self) -> None:
        digits = "0" * self._count_digits
        self.header().resizeSection(COUNT, self.fontMetrics().horizontalAdvance(digits) + 12)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_counts()  # zoomed: wider digits

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Measure the rows again when the width changes: a name may now need two lines, or
        fit on one (Qt keeps a tree's row heights until told)."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()

    def paint_later(self) -> None:
        """Lay the tree out and paint it on later turns of the event loop, not on this one's.

        A new catalog or filter changes the list, the card and the tree in one slot, and Qt
        then laid out and painted them all in one go: at a cold index's first catalog of
        10,000 cards some 50 ms of the window's thread without a break (the tree's first
        paint, which measures every row on screen, is the largest part), and 25-30 ms at each
        later catalog. Now the tree is laid out on the next turn (twice when its rows overflow
        and the scroll bar that comes narrows it) and painted on the turn after; what it
        shows has changed already."""
        if self.isVisible() and self.updatesEnabled():
            self.setUpdatesEnabled(False)
            # Timers of 1 ms, not zero ones: Qt posts those as events, sent before the
            # window's paint in the same turn.
            QTimer.singleShot(1, self, self._lay_out)

    def _lay_out(self) -> None:
        self.executeDelayedItemsLayout()
        self.executeDelayedItemsLayout()  # again if the scroll bar's coming narrowed it
        QTimer.singleShot(1, self, self._paint_now)

    def _paint_now(self) -> None:
        self.setUpdatesEnabled(True)

    def dataChanged(self, top_left: Index, bottom_right: Index, roles: Sequence[int] = ()) -> None:
        """Rows whose counts alone changed are painted again; other changes may change a
        row's height, and the rows are laid out again on the event loop's next turn.

        Qt's tree measures every row of a changed range again at once, and a tree's ranges
        overlap (a parent's children take in the rows of their own children): the counts
        of 10,000 cards, changed at each catalog a cold index delivers and at each filter,
        took 15 ms there, where one layout takes 3 ms and a count needs no layout at all.

        While the tree waits to be painted whole (:meth:`paint_later`), working out which
        rows to paint is skipped too (Qt looks up every row of the range), unless a screen
        reader listens for the change."""
        if self.updatesEnabled() or QAccessible.isActive():
            QAbstractItemView.dataChanged(self, top_left, bottom_right, roles)
        if not roles or not set(roles) <= _COUNTED:
            self.scheduleDelayedItemsLayout()

    def _filter_at(self, index: QModelIndex) -> Filter | None:
        item = index.siblingAtColumn(NAME).data(FilterRole) if index.isValid() else None
        return item if isinstance(item, Filter) else None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        on_item = index.isValid() and self.visualRect(index).contains(event.position().toPoint())
        pressed_current = index == self.currentIndex()
        super().mouseReleaseEvent(event)
        item = self._filter_at(index)
        if event.button() != Qt.MouseButton.LeftButton or not on_item:
            return
        if item is None:
            if pressed_current:
                self.setExpanded(index.siblingAtColumn(NAME), not self.isExpanded(index))
            return
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        self.filter_clicked.emit(item, ctrl and item.kind is FilterKind.TAG)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self._filter_at(self.currentIndex())
        key = event.key()
        if item is not None and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            self.filter_clicked.emit(item, ctrl and item.kind is FilterKind.TAG)
            return
        if item is not None and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.filter_removed.emit(item)
            return
        super().keyPressEvent(event)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.indexAt(pos)
        item = self._filter_at(index)
        if item is None:
            return
        state = index.siblingAtColumn(NAME).data(StateRole)
        name = index.siblingAtColumn(NAME).data() or "unspecified"
        menu = QMenu(self)
        if state != "include":
            show = menu.addAction(f"Show Only Cards With “{name}”")
            show.triggered.connect(lambda: self.filter_clicked.emit(item, False))
        if item.kind is FilterKind.TAG and state != "exclude":
            hide = menu.addAction(f"Hide Cards With “{name}”")
            hide.triggered.connect(lambda: self.filter_clicked.emit(item, True))
        if state:
            remove = menu.addAction("Remove From Filter")
            remove.triggered.connect(lambda: self.filter_removed.emit(item))
        if self.tag_menu_hook is not None and item.kind is FilterKind.TAG:
            menu.addSeparator()
            self.tag_menu_hook(menu, item.value)
        menu.exec(self.viewport().mapToGlobal(pos))
        menu.deleteLater()


class Sidebar(QWidget):
    """The set's title and counts over the tag tree; owns the tree's model."""

    #: The tree's: switch this filter on or off; ``True`` to hide the cards with the tag.
    filter_clicked = Signal(object, bool)
    #: The tree's: remove this filter, whether it includes or excludes.
    filter_removed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.model = TagTreeModel(self)
        self.title = PlainLabel(self, accessible_name="Card set")
        self.title.setObjectName("setTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        # As tall empty as with a line of text (the line's fractional height rounded up): a
        # set's title growing the label by a pixel made the tree below it lay out again in the
        # middle of taking a cold index's first catalog (10 ms of the window's thread).
        self.title.setMinimumHeight(math.ceil(QFontMetricsF(font).height()))
        self.counts = MutedLabel(self, accessible_name="Card counts")
        self.counts.setObjectName("setCounts")
        self.tree = TagTreeView(self)
        self.tree.setModel(self.model)
        #: The set file shown, and the names it gives the tags (made again when it changes).
        self._info: SetInfo | None = None
        self._names = TagNames({})
        #: The branches open before the tree was rebuilt, and whether it was a first load.
        self._opened: tuple[set[object], bool] = (set(), True)
        self.model.modelAboutToBeReset.connect(self._note_expansion)
        self.model.modelReset.connect(self._reopen)
        self.setFocusProxy(self.tree)
        self.tree.filter_clicked.connect(self.filter_clicked)
        self.tree.filter_removed.connect(self.filter_removed)
        self.title.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        header = QVBoxLayout()
        header.setContentsMargins(12, 10, 12, 8)
        header.setSpacing(2)
        header.addWidget(self.title)
        header.addWidget(self.counts)
        layout.addLayout(header)
        tree_box = QVBoxLayout()
        tree_box.setContentsMargins(6, 0, 0, 0)
        tree_box.addWidget(self.tree)
        layout.addLayout(tree_box, 1)

    def comfortable_width(self) -> int:
        """Wide enough for a long tag two levels down ("international-crisis-group") and its
        count: names of that length are common, and elided ones are hard to tell apart."""
        tree = self.tree
        name = tree.fontMetrics().horizontalAdvance(LONG_TAG)
        count = tree.header().sectionSize(COUNT)
        scroll = tree.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return max(MIN_WIDTH, name + 3 * tree.indentation() + count + scroll + 24)

    def show_catalog(self, catalog: Catalog, tags: Facets | None = None) -> None:
        """A newly (re)loaded set: its title and counts, and its tags with the branches the
        reader had opened still open. ``tags``: the loader's index of them, if it made one."""
        info = catalog.info
        if info != self._info:  # else the same names, and the tree may change in place
            self._info, self._names = info, TagNames.of(info)
        self.tree.paint_later()
        self.model.set_catalog(catalog.summaries(), self._names, tags)
        self.tree.set_largest_count(len(catalog.summaries()))
        errors, warnings = count(list(catalog.problems))
        counts = [plural(len(catalog.summaries()), "card")]
        if errors:
            counts.append(plural(errors, "error"))
        if warnings:
            counts.append(plural(warnings, "warning"))
        self.title.setText(info.title)
        # Escaped for the tooltip; said as written to a screen reader (which reads the
        # tooltip, markup and all, when a widget has no description of its own).
        self.title.setToolTip(safe_tooltip(info.description) if info.description else "")
        self.title.setAccessibleDescription(info.description or "")
        self.counts.setText(" · ".join(counts))

    def tab_chain(self) -> list[QWidget]:
        """Its widgets in Tab order."""
        return [self.tree]

    def set_tag_context_menu(self, hook: TagMenuHook | None) -> None:
        """Let ``hook`` add commands for the tag right-clicked (rename, merge, …) to the
        tree's context menu, below Show Only / Hide / Remove From Filter."""
        self.tree.tag_menu_hook = hook

    def show_results(self, matched: Sequence[str], query: Query) -> None:
        """The tree's counts and marks follow the filter; a filter newly set elsewhere (a tag
        in a card, a chip in a comparison) is brought into view, its branch opened."""
        before = self.model.marked()
        self.tree.paint_later()
        self.model.set_current(matched, query)
        for item, state in self.model.marked().items():
            if state == "include" and item not in before:
                index = self.model.index_of(item)
                if index.isValid():
                    self.tree.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    # -- expansion ----------------------------------------------------------------------------

    def _branches(self) -> Iterator[tuple[QModelIndex, object, bool]]:
        """Every heading and every node with children, with the key its expansion is kept
        under across reloads (a heading's row, or the node's filter: rows move when tags come
        and go), and whether it is a heading's child."""
        model = self.model
        for row in range(model.rowCount()):
            top = model.index(row, NAME)
            yield top, ("heading", row), False
            stack = [model.index(r, NAME, top) for r in range(model.rowCount(top))]
            while stack:
                index = stack.pop()
                if model.rowCount(index):
                    yield index, index.data(FilterRole), index.parent() == top
                    stack += [model.index(r, NAME, index) for r in range(model.rowCount(index))]

    def _note_expansion(self) -> None:
        expanded = self._expanded()
        self._opened = expanded, self.model.rowCount() == 0 or not expanded

    def _reopen(self) -> None:
        expanded, first_load = self._opened
        self._restore_expansion(expanded, default=first_load)

    def _expanded(self) -> set[object]:
        return {key for index, key, _ in self._branches() if self.tree.isExpanded(index)}

    def _restore_expansion(self, expanded: set[object], *, default: bool) -> None:
        """Reopen ``expanded``; with ``default``, the headings, and their first level of tags
        too when the tree is small enough to take in at a glance."""
        model = self.model
        nodes = sum(model.rowCount(model.index(row, NAME)) for row in range(model.rowCount()))
        small = nodes <= EXPAND_ALL_BELOW
        for index, key, level_one in self._branches():
            heading = not index.parent().isValid()
            if key in expanded or (default and (heading or (level_one and small))):
                self.tree.setExpanded(index, True)
