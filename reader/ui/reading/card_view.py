"""The card view: a QTextBrowser that shows a rendered card and never loads anything.

Card text is untrusted. Three locks keep it harmless: the renderer escapes text and emits no
images; the document is a :class:`SafeTextDocument` and this view's own ``loadResource``
answers nothing, so even a stray ``<img src="file:…">`` reads no file; and links are never
followed by Qt (``setOpenLinks(False)``) — ``tag:``, ``card:``, ``cite:`` (a locator) and
``source:`` (the header's Show source and Locate…) links become signals, http(s) and mailto
links go to the system browser only when clicked, and every other scheme is ignored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from PySide6.QtCore import QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QDesktopServices,
    QFontMetricsF,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QWidget

from reader.cards.set_info import SetInfo
from reader.cards.tag_labels import TagNames
from reader.qt.document import SafeTextDocument
from reader.render import Theme, stylesheet
from reader.render.located import item_anchor, parse_cite
from reader.ui.reading.anchors import anchor_position, highlighted_ranges
from reader.ui.reading.copy_citation import item_at

if TYPE_CHECKING:
    from reader.cards.model import Card

#: Zoom steps scale the type by this factor each.
ZOOM_FACTOR = 1.1
#: The longest line of body text, in average characters: comfortable reading, not a banner.
MEASURE_CHARS = 78
#: Space kept on each side of the text even in a narrow window.
MIN_SIDE_MARGIN = 24
EXTERNAL_SCHEMES = ("http", "https", "mailto")


def link_target(url: QUrl) -> tuple[str, str]:
    """("tag" | "card" | "cite" | "source" | "command" | "external" | "ignore", value) for a
    rendered link.

    ``command`` links come only from the window's own pages (``reader:clear-filters``).
    """
    scheme = url.scheme().lower()
    if scheme in ("tag", "card", "cite", "source"):
        return scheme, unquote(url.path())
    if scheme == "reader":
        return "command", url.path()
    if scheme in EXTERNAL_SCHEMES and (url.host() or scheme == "mailto"):
        return "external", url.toString()
    return "ignore", ""


class CardView(QTextBrowser):
    #: A tag link was clicked; ``True`` when the reader asked to exclude it (Ctrl+click).
    tag_clicked = Signal(str, bool)
    card_clicked = Signal(str)
    #: A link on one of the window's own pages asked for a command ("clear-filters").
    command_clicked = Signal(str)
    #: The link under the mouse, for the status bar ("" when none).
    hovered_link = Signal(str)
    #: An item's locator was clicked: (field, index), to show its passage.
    cite_clicked = Signal(str, int)
    #: The header asked to show the source ("show") or to look for it ("locate").
    source_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = SafeTextDocument(self)
        self.setDocument(self._document)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setObjectName("cardView")
        self.setAccessibleName("Card")
        self.setAccessibleDescription("The selected briefing card")
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self._click_modifiers = Qt.KeyboardModifier.NoModifier
        self._base_point_size = 11.0
        self._card_id: str | None = None
        self._tag_names = TagNames({})
        self._restore_to: int | None = None
        self._item: tuple[str, int] | None = None  # the item shown (scroll_to_item)
        self._highlight: str | None = None
        self._card_actions: list[QAction] = []
        self._item_actions: list[QAction] = []
        #: Where the open context menu was asked for (document position), else None.
        self._menu_at: int | None = None
        self.verticalScrollBar().rangeChanged.connect(lambda _lo, _hi: self._restore_scroll())
        self.verticalScrollBar().actionTriggered.connect(self._reader_scrolled)
        self.anchorClicked.connect(self._on_anchor)
        self.highlighted.connect(self._on_highlighted)

    # -- what is shown --------------------------------------------------------------------

    @property
    def card_id(self) -> str | None:
        return self._card_id

    @property
    def base_point_size(self) -> float:
        return self._base_point_size

    def show_card(
        self,
        card: Card,
        html: str,
        info: SetInfo,
        theme: Theme,
        *,
        searched: bool = False,
        keep_scroll: bool = False,
    ) -> None:
        """Show ``card``'s page, ``html`` (rendered by the presenter, which imports the
        renderer with the first card: :mod:`reader.ui.reading.card_page`) in ``theme``, from
        ``info``'s set; ``searched``: it highlights a search's matches."""
        self._tag_names = TagNames.of(info)  # a hovered chip is named as it shows
        self._highlight = theme.highlight.background if searched else None
        same = keep_scroll and card.id == self._card_id
        self._set_html(html, theme, keep_scroll=same)
        self._card_id = card.id
        if same and self._item is not None:  # drawn again (its marks came): still there
            self.scroll_to_item(*self._item)
        self._item = self._item if same else None
        self.setAccessibleDescription(f"Card: {card.title}")

    def show_page(self, html: str, theme: Theme, *, keep_scroll: bool = False) -> None:
        """A page that is not a card (the set overview, "no cards match")."""
        self._set_html(html, theme, keep_scroll=keep_scroll and self._card_id is None)
        self._highlight = None
        self._card_id = self._item = None
        self.setAccessibleDescription("Overview of the card set")

    def _set_html(self, html: str, theme: Theme, *, keep_scroll: bool) -> None:
        bar = self.verticalScrollBar()
        position = bar.value() if keep_scroll else 0
        doc = self._document
        font = doc.defaultFont()
        font.setPointSizeF(self._base_point_size)
        doc.setDefaultFont(font)
        doc.setDefaultStyleSheet(stylesheet(theme, self._base_point_size))
        self.setHtml(html)
        self._apply_measure()
        self._restore_to = position
        self._restore_scroll()

    def _restore_scroll(self) -> None:
        """Scroll back to where the reader was once the text is tall enough again.

        QTextEdit updates the scroll range a moment after ``setHtml``, so a position near the
        end of a long card would be clamped if it were set at once.
        """
        if self._restore_to is None:
            return
        bar = self.verticalScrollBar()
        bar.setValue(self._restore_to)
        if bar.value() == self._restore_to:
            self._restore_to = None

    # -- search matches -------------------------------------------------------------------

    def matches(self) -> list[tuple[int, int]]:
        """Document ranges the renderer highlighted as search matches, in reading order."""
        if self._highlight is None:
            return []
        return highlighted_ranges(self._document, self._highlight)

    def show_match(self, step: int) -> tuple[int, int]:
        """Select the next (``step`` 1), previous (-1) or first (0) match and scroll to it.

        Returns (which, how many), 1-based; (0, 0) when the card has no match.
        """
        found = self.matches()
        if not found:
            return 0, 0
        here = self.textCursor().selectionStart()
        if step == 0:
            index = 0
        elif step > 0:
            index = next((i for i, (a, _) in enumerate(found) if a > here), 0)
        else:
            index = next((i for i in range(len(found) - 1, -1, -1) if found[i][0] < here), -1)
            index %= len(found)
        start, end = found[index]
        cursor = QTextCursor(self._document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self._show_cursor(cursor)
        return index + 1, len(found)

    def _show_cursor(self, cursor: QTextCursor, *, place: bool = False) -> None:
        """Select ``cursor`` and scroll to it, a third of the way down if it was hidden (or
        always, with ``place``: an item jumped to stays there as the text reflows)."""
        self._restore_to = None  # a jump outranks restoring the old position
        bar = self.verticalScrollBar()
        y = self.cursorRect(cursor).top() + bar.value()  # in document coordinates
        height = self.viewport().height()
        hidden = place or not bar.value() <= y <= bar.value() + height * 0.85
        self.setTextCursor(cursor)  # scrolls just enough to show it; placed better below
        if hidden:
            # A third of the way down the view, where the eye looks for it.
            self._restore_to = max(0, y - height // 3)
            self._restore_scroll()

    # -- located items --------------------------------------------------------------------

    def scroll_to_item(self, field: str, index: int) -> bool:
        """Scroll to a point, recommendation or quote (its anchor, :func:`item_anchor`) and
        keep it in view until the reader scrolls; False when the card has no such item."""
        position = self.anchor_position(item_anchor(field, index))
        if position is None:  # (or not yet: setHtml resizes the view while it is empty)
            return False
        self._item = (field, index)
        cursor = QTextCursor(self._document)
        cursor.setPosition(position)
        self._show_cursor(cursor, place=True)
        return True

    def scroll_to_anchor(self, name: str) -> bool:
        """Put the named anchor (a section's first text) at the top of the view, with the text
        cursor there for the keyboard; False when the card shown has no such anchor."""
        position = self.anchor_position(name)
        if position is None:
            return False
        cursor = QTextCursor(self._document)
        cursor.setPosition(position)
        self._item = None
        y = self.cursorRect(cursor).top() + self.verticalScrollBar().value()
        self.setTextCursor(cursor)
        self._restore_to = max(0, y - MIN_SIDE_MARGIN)  # its heading's own space above it
        self._restore_scroll()
        return True

    def anchor_position(self, name: str) -> int | None:
        """Where the named anchor is in the card shown, or None."""
        return anchor_position(self._document, name)

    def _reader_scrolled(self, _action: int) -> None:
        self._restore_to = self._item = None

    def set_base_point_size(self, size: float) -> None:
        self._base_point_size = size

    # -- comfortable measure --------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_measure()
        if self._item is not None:  # the text reflowed (the source pane opened, say)
            self.scroll_to_item(*self._item)

    def _apply_measure(self) -> None:
        """Centre a column of about :data:`MEASURE_CHARS` characters; no horizontal scroll."""
        font = self._document.defaultFont()
        measure = QFontMetricsF(font).averageCharWidth() * MEASURE_CHARS
        available = self.viewport().width()
        side = max(MIN_SIDE_MARGIN, (available - measure) / 2)
        frame = self._document.rootFrame()
        fmt = frame.frameFormat()
        if abs(fmt.leftMargin() - side) < 0.5:
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(28)
        fmt.setBottomMargin(40)
        frame.setFrameFormat(fmt)

    # -- nothing is ever loaded -----------------------------------------------------------

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        """Refuse every resource (images, style sheets): a card may not read files or URLs."""
        return None

    def setSource(self, name: QUrl | str, type: Any = None) -> None:
        """Never navigate: a link is a request to the window, not a page to load."""

    # -- links ----------------------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._click_modifiers = event.modifiers()
        super().mouseReleaseEvent(event)
        self._click_modifiers = Qt.KeyboardModifier.NoModifier

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter follows the link Tab moved to; Ctrl+Enter hides a tag's cards, as Ctrl+click.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._click_modifiers = event.modifiers()
        super().keyPressEvent(event)
        self._click_modifiers = Qt.KeyboardModifier.NoModifier

    def _on_anchor(self, url: QUrl) -> None:
        kind, value = link_target(url)
        exclude = bool(self._click_modifiers & Qt.KeyboardModifier.ControlModifier)
        if kind == "tag" and value:
            self.tag_clicked.emit(value, exclude)
        elif kind == "card" and value:
            self.card_clicked.emit(value)
        elif kind == "cite" and (cited := parse_cite(value)) is not None:
            self.cite_clicked.emit(*cited)
        elif kind == "source" and value in ("show", "hide", "locate"):
            self.source_clicked.emit(value)
        elif kind == "command" and self._card_id is None:
            self.command_clicked.emit(value)
        elif kind == "external":
            self._open_external(url)

    def _open_external(self, url: QUrl) -> None:
        QDesktopServices.openUrl(url)

    def _on_highlighted(self, url: QUrl) -> None:
        kind, value = link_target(url)
        if kind == "tag":
            name = self._tag_names(value)
            self.hovered_link.emit(f"Show cards tagged {name} (Ctrl+click: hide them)")
        elif kind == "card":
            self.hovered_link.emit("Open this card")
        elif kind == "cite":
            self.hovered_link.emit("Show the passage this cites in the source")
        elif kind == "source":
            self.hovered_link.emit(
                {
                    "show": "Show the source text beside the card",
                    "hide": "Close the source text beside the card",
                }.get(value, "Choose the folder that holds this card's source text")
            )
        elif kind == "external":
            self.hovered_link.emit(f"Open {value} in the browser")
        else:
            self.hovered_link.emit("")

    def set_card_actions(self, actions: list[QAction]) -> None:
        """Commands about the card shown, at the end of the context menu (not on a page)."""
        self._card_actions = list(actions)

    def set_item_actions(self, actions: list[QAction]) -> None:
        """Commands about the item right-clicked (Copy with Citation), first in its menu; they
        ask :meth:`pointed_item` which item that is."""
        self._item_actions = list(actions)

    def pointed_item(self) -> tuple[str, int] | None:
        """The argument point, recommendation or quote (field, index) the reader points at:
        under the open context menu, else at the text cursor (a click, a link Tab reached)."""
        if self._card_id is None:
            return None
        at = self.textCursor().position() if self._menu_at is None else self._menu_at
        return item_at(self._document, at)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        self._add_link_actions(menu, event.pos())
        self._menu_at = self.cursorForPosition(event.pos()).position()
        items = [a for a in self._item_actions if a.isVisible()]
        if items and self.pointed_item() is not None:
            first = menu.actions()[0]  # the standard menu's Copy
            menu.insertActions(first, items)
            menu.insertSeparator(first)
        shown = [a for a in self._card_actions if a.isVisible()]
        if self._card_id is not None and shown:
            menu.addSeparator()
            menu.addActions(shown)
        menu.exec(event.globalPos())
        self._menu_at = None
        menu.deleteLater()

    def _add_link_actions(self, menu: QMenu, pos: QPoint) -> None:
        href = self.anchorAt(pos)
        if not href:
            return
        url = QUrl(href)
        kind, value = link_target(url)
        first = menu.actions()[0] if menu.actions() else None
        actions = []
        if kind == "tag":
            show = menu.addAction(f"Show Only Cards Tagged “{value}”")
            show.triggered.connect(lambda: self.tag_clicked.emit(value, False))
            hide = menu.addAction(f"Hide Cards Tagged “{value}”")
            hide.triggered.connect(lambda: self.tag_clicked.emit(value, True))
            actions = [show, hide]
        elif kind == "card":
            open_card = menu.addAction("Open Card")
            open_card.triggered.connect(lambda: self.card_clicked.emit(value))
            actions = [open_card]
        elif kind == "external":
            open_link = menu.addAction("Open Link in Browser")
            open_link.triggered.connect(lambda: self._open_external(url))
            copy = menu.addAction("Copy Link Address")
            copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(value))
            actions = [open_link, copy]
        if first is not None and actions:
            for action in actions:
                menu.removeAction(action)
            menu.insertActions(first, actions)
            menu.insertSeparator(first)
