"""The Compare commands of one window: which cards to compare, and reading vs comparing.

Compare opens the cards selected in the list when there are two to four; otherwise the cards
collected one at a time with Add to Comparison (the "basket", which is also what an open
compare view shows). What the commands do and when they can is asked of this controller by the
command table (:mod:`reader.ui.commands`); ``changed`` says when the answers may differ.
Compare stays enabled while a set is open: Ctrl+D with too few cards says why in the status
bar rather than doing nothing. Closing the compare tab keeps its cards in the basket, so
Compare (or the basket button) reopens it. While comparing, the comparison workspace takes the
place of the card list and card view; the tag sidebar stays where it is on every tab, so the
tabs do not jump sideways. Escape, Back to Reading, a click on a column header or on a tag
return to reading. ``compared_ids()`` names the cards in the comparison, for the list to mark.

Drilling down (double-click or Enter on a cell, a ledger entry, a timeline event) opens the card
at the item behind it through the window (``item_chosen``, answered by ``show_item``). The
history step the reader left is marked with the view (:attr:`reader.app.history.Step.view`),
so Back shows that view again, on the tab it was on, and Forward the card.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QStackedWidget, QToolButton, QWidget

from reader.analysis.compare_rules import MAX_COMPARE, MIN_COMPARE, compare_unavailable_reason
from reader.app.history import Step
from reader.app.session import ReaderSession
from reader.cards.wording import plural
from reader.render import anchor_name
from reader.render.located import item_anchor
from reader.ui.actions import with_key
from reader.ui.commands import Actions
from reader.ui.compare.keep_focus import keep_focus
from reader.ui.compare.kinds import ViewKind
from reader.ui.compare_page import ComparisonPage
from reader.ui.reading.card_list import CardListPane
from reader.ui.reading.card_view import CardView

if TYPE_CHECKING:
    from reader.ui.compare.workspace import ComparisonWorkspace

MESSAGE_MS = 6000


class ComparisonController(QObject):
    #: What the Compare commands may do, or why not, may have changed.
    changed = Signal()
    #: A line for the status bar.
    message = Signal(str)
    #: A tag clicked in the compare view: filter the cards by it (reading again).
    tag_chosen = Signal(str)
    #: Drill down: open this card at this item and show its passage (card id, field, index).
    item_chosen = Signal(str, str, int)

    def __init__(
        self,
        session: ReaderSession,
        actions: Actions,
        sidebar: QWidget,
        list_pane: CardListPane,
        content: QStackedWidget,
        reading: CardView,
        page: ComparisonPage,
    ) -> None:
        super().__init__(page)
        self._session = session
        self._actions = actions  # named in the hints, with their keys
        self._sidebar = sidebar
        self._list = list_pane
        self._content = content
        self._reading = reading
        #: The content stack's page the workspace is made into on first use (#17 §4).
        self.page = page
        #: The cards collected for comparing, or those of the open compare view.
        self.basket: list[str] = []
        self._root: object = None
        #: A drill-down is opening its card (the window leaves the views meanwhile).
        self._drilling = False
        #: The step the last drill-down opened: Forward to it from the view reads it again.
        self._drilled_to: Step | None = None
        #: The basket, for the status bar, where the reader sees it while reading; a click
        #: compares.
        self.basket_button = QToolButton()
        self.basket_button.setObjectName("comparisonBasket")
        self.basket_button.setAutoRaise(True)
        self.basket_button.clicked.connect(self.compare_basket)
        session.catalog_changed.connect(self._on_catalog)
        session.results_changed.connect(self._on_results)
        session.current_changed.connect(self._update)
        list_pane.selection_changed.connect(self._update)
        session.history.changed.connect(self._follow_history)
        page.made.connect(self._follow_workspace)
        self._update()

    @property
    def workspace(self) -> ComparisonWorkspace:
        """The comparison views' workspace, made if it has not been yet."""
        return self.page.workspace()

    def _follow_workspace(self, workspace: ComparisonWorkspace) -> None:
        """The workspace has just been made: it shows the set and filter shown, and its
        signals reach this controller."""
        from reader.ui.compare.items import SECTION  # with the workspace: not at start-up

        workspace.compared.connect(self._on_compared)
        workspace.open_card.connect(lambda card_id: self.drill_down(card_id, "header", SECTION))
        workspace.item_activated.connect(self.drill_down)
        workspace.tag_clicked.connect(self._tag_clicked)
        workspace.emptied.connect(self.show_reading)
        workspace.view_changed.connect(self._fit_sidebar)
        if self._session.catalog is not None:
            workspace.set_catalog(self._session.catalog, self._session.matched, self._filter_text())

    # -- state --------------------------------------------------------------------------------

    @property
    def comparing(self) -> bool:
        """Whether the comparison views are on screen (rather than the list and a card)."""
        return self._content.currentWidget() is self.page

    @property
    def on_compare_view(self) -> bool:
        """Whether the side-by-side view is on screen."""
        return self.comparing and self.workspace.current_kind() is ViewKind.COMPARE

    def compared_ids(self) -> list[str]:
        """The cards in the comparison (open, closed or being collected), in column order."""
        return list(self.basket)

    def candidates(self) -> list[str]:
        """What Compare would compare: the selection when it is 2+ cards, else the basket."""
        selected = self._list.selected_ids()
        return selected if len(selected) >= MIN_COMPARE else list(self.basket)

    def _targets(self) -> list[str]:
        """The cards Add to Comparison would add: the selected ones, or the open card."""
        selected = self._list.selected_ids()
        if selected:
            return selected
        current = self._session.current_id
        return [current] if current is not None else []

    # -- commands -----------------------------------------------------------------------------

    def compare(self) -> None:
        """Compare the candidates side by side (or go back to the open comparison)."""
        ids = self.candidates()
        reason = self._compare_reason(ids)
        if reason is not None:
            self.message.emit(reason)
            return
        if len(ids) >= MIN_COMPARE:
            self.workspace.compare(ids)
        else:
            self.workspace.show_view(ViewKind.COMPARE)
        self._show_workspace()

    def compare_basket(self) -> None:
        """Compare the cards collected with Add to Comparison, whatever is selected."""
        if len(self.basket) < MIN_COMPARE and self.page.compare_view() is None:
            self.message.emit(self._basket_tip())
            return
        self.workspace.compare(self.basket)
        self._show_workspace()

    def add_selected(self) -> None:
        """Add the selected cards (or the open one) to the comparison."""
        added = [card_id for card_id in self._targets() if self.add(card_id)]
        if not added:
            reason = self.add_reason()
            if reason is not None:
                self.message.emit(reason)
            return
        count = len(self.basket)
        what = self._title(added[0]) if len(added) == 1 else plural(len(added), "card")
        compare = with_key("Compare", self._actions.compare)
        hint = f"; {compare} shows them" if count >= MIN_COMPARE else ""
        self.message.emit(f"Added {what} to the comparison ({plural(count, 'card')}){hint}")

    def add(self, card_id: str) -> bool:
        """Add one card to the comparison (to the open compare view, if there is one)."""
        if card_id in self.basket or len(self.basket) >= MAX_COMPARE:
            return False
        view = self.page.compare_view()
        if view is not None:
            return view.add_card(card_id)  # the view reports its cards back
        self.basket.append(card_id)
        self._update()
        return True

    def show_view(self, kind: ViewKind) -> None:
        """Show the topic matrix, the ledger or the timeline of the cards of the filter."""
        if self._session.catalog is None:
            return
        self.workspace.show_view(kind)
        self._show_workspace()

    def show_matrix(self) -> None:
        self.show_view(ViewKind.MATRIX)

    def show_ledger(self) -> None:
        self.show_view(ViewKind.LEDGER)

    def show_timeline(self) -> None:
        self.show_view(ViewKind.TIMELINE)

    def show_reading(self) -> None:
        step = self._session.history.current
        if step is not None and step.view is not None and not self._drilling:
            # Left for reading (Escape…), not for a card: Back no longer returns to the view.
            self._session.history.replace_current(step._replace(view=None))
        if not self.comparing:
            return
        keep_focus(self._content, self.page)
        self._content.setCurrentWidget(self._reading)
        self._list.show()
        self._fit_sidebar()
        self._list.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update()

    def _show_workspace(self) -> None:
        keep_focus(self._content, self._list, self._content.currentWidget())
        self._list.hide()
        self._content.setCurrentWidget(self.page)
        self._fit_sidebar()
        self.workspace.focus_view()
        self._update()

    def _fit_sidebar(self) -> None:
        """The sidebar stays on every tab: hiding it beside the compare view made the tab bar
        jump sideways as the reader went from tab to tab. (Shown only if hidden: showing it
        again repainted the tag tree whole, 110 rows, as a view was first opened.)"""
        if self._sidebar.isHidden():
            self._sidebar.show()

    # -- availability -------------------------------------------------------------------------

    def compare_reason(self) -> str | None:
        """Why Compare cannot run now, or None."""
        return self._compare_reason(self.candidates())

    def compare_blocked(self) -> str | None:
        """Why Compare is disabled: only when there is nothing to compare at all. With too
        few cards it runs, and says why in the status bar (a disabled Ctrl+D said nothing)."""
        return None if self._session.catalog is not None else "Open a set of cards first."

    def views_reason(self) -> str | None:
        """Why the topic matrix, the ledger and the timeline cannot be shown now, or None."""
        if self._session.catalog is None:
            return "Open a set of cards first."
        if not self._session.matched:
            return "No card matches the filter; clear it to see these views."
        return None

    def _update(self) -> None:
        """The basket shows what it holds; the commands' availability may have changed."""
        self._list.model.set_compared(self.basket)  # marked in the list
        basket = self.basket_button
        basket.setVisible(bool(self.basket) and not self.comparing)
        basket.setText(f"Comparison: {plural(len(self.basket), 'card')}")
        basket.setAccessibleName(basket.text())
        ready = len(self.basket) >= MIN_COMPARE
        basket.setToolTip("Compare these cards side by side" if ready else self._basket_tip())
        self.changed.emit()

    def _compare_reason(self, ids: list[str]) -> str | None:
        if self._session.catalog is None:
            return "Open a set of cards first."
        if len(ids) < MIN_COMPARE and self.page.compare_view() is not None:
            return None  # Ctrl+D goes back to the open comparison
        reason = compare_unavailable_reason(len(ids), self._session.total())
        if reason is not None and len(ids) < MIN_COMPARE and self._session.total() >= MIN_COMPARE:
            add = with_key("Add to Comparison", self._actions.add_to_comparison)
            if self.basket:
                reason = (
                    f"One card is in the comparison: add another with {add}, or select "
                    f"{MIN_COMPARE}–{MAX_COMPARE} cards in the list (Ctrl+click)."
                )
            else:
                reason = (
                    f"Select {MIN_COMPARE}–{MAX_COMPARE} cards in the list (Ctrl+click) to "
                    f"compare them, or collect them one at a time with {add}."
                )
        return reason

    def _basket_tip(self) -> str:
        titles = ", ".join(self._title(i) for i in self.basket)
        return f"In the comparison: {titles}. Add another card to compare."

    def add_reason(self) -> str | None:
        """Why Add to Comparison cannot run now, or None."""
        targets = self._targets()
        if not targets:
            return "Select a card to add it to the comparison."
        if len(self.basket) >= MAX_COMPARE:
            return f"The comparison has {MAX_COMPARE} cards, the most shown side by side."
        if all(t in self.basket for t in targets):
            return "Already in the comparison."
        return None

    # -- following the session and the views --------------------------------------------------

    def _on_catalog(self) -> None:
        catalog = self._session.catalog
        assert catalog is not None
        if self._root is not None and catalog.root != self._root:
            # Another set: its cards have nothing to do with the old comparison.
            self.basket.clear()
            if (made := self.page.made_workspace) is not None:
                made.close_all()
            self.show_reading()
        self._root = catalog.root
        self.basket = [i for i in self.basket if self._session.summary(i) is not None]
        if (made := self.page.made_workspace) is not None:
            made.set_catalog(catalog, self._session.matched, self._filter_text())
        else:
            self.page.make_when_idle()  # it then takes the set shown (_follow_workspace)
        self._update()

    def _on_results(self) -> None:
        made = self.page.made_workspace
        if made is not None and self._session.catalog is not None:
            made.set_filtered(self._session.matched, self._filter_text())
        self._update()

    def _filter_text(self) -> str:
        query = self._session.query
        return "" if query.is_empty() else query.describe()

    def _on_compared(self, ids: list[str]) -> None:
        if not ids and self.page.compare_view() is None:
            # The compare tab was closed: its cards stay collected, for Compare to reopen.
            if len(self.basket) >= MIN_COMPARE:
                compare = with_key("Compare", self._actions.compare)
                self.message.emit(f"Comparison closed: {compare} opens it again")
            self._update()
            return
        self.basket = list(ids)
        if ids and set(self._list.selected_ids()) != set(ids):
            # The reader changed the columns: a stale selection must not undo that on Ctrl+D.
            self._list.keep_only_current()
        self._update()

    def drill_down(self, card_id: str, field: str, index: int) -> None:
        """Open ``card_id`` at an item (``index`` 0-based, or :data:`SECTION` for ``field``'s
        section as a whole) from the view shown, so that Back returns to the view."""
        if self._session.summary(card_id) is None:
            return
        history = self._session.history
        here, kind = history.current, self.workspace.current_kind()
        if here is not None and kind is not None and self.comparing:
            history.replace_current(here._replace(view=kind.value))
        self._drilling = True
        try:
            self.item_chosen.emit(card_id, field, index)
        finally:
            self._drilling = False
        now = history.current
        if now is not None and now.view is not None:
            # The card was open already, so no step was added; without one Back would skip
            # the view.
            history.push(Step(now.query, card_id))
        self._drilled_to = history.current
        self._list.select(card_id)
        from reader.ui.compare.items import SECTION  # imported by now (_follow_workspace)

        if index == SECTION or self._reading.anchor_position(item_anchor(field, index)) is None:
            self._show_section(card_id, field)

    def _show_section(self, card_id: str, field: str) -> None:
        """The card at a section: the section as a whole was meant, or the item has no anchor
        of its own to scroll to."""
        if field == "header":
            self._reading.verticalScrollBar().setValue(0)  # above the title's margin too
        else:
            self._reading.scrollToAnchor(anchor_name(card_id, field))

    def _follow_history(self) -> None:
        """Back to a step left for a card shows its view again; Forward to that card, the card."""
        step = self._session.history.current
        if step is None or self._drilling:
            return
        if step.view is not None:
            kind = ViewKind(step.view)
            shown = self.comparing and self.workspace.current_kind() is kind
            if not shown and (kind is not ViewKind.COMPARE or self.page.compare_view()):
                self.show_view(kind)
        elif step is self._drilled_to and self.comparing:
            self.show_reading()

    def _tag_clicked(self, tag: str) -> None:
        self.show_reading()
        self.tag_chosen.emit(tag)
        compare = with_key("Compare", self._actions.compare)
        self.message.emit(f"The comparison stays open: {compare} goes back to it")

    def _title(self, card_id: str) -> str:
        summary = self._session.summary(card_id)
        return f"“{summary.title}”" if summary is not None else card_id
