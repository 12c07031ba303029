"""What the reader is looking at: the catalog, the filter, the open card, and the history.

Every view reads from here and every command writes through here, so the tag tree, the list,
the chips, the card view and back/forward cannot disagree. It knows nothing about widgets.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from reader.app.history import History, Step
from reader.cards.catalog import SUMMARY_ID, CardSummary, Catalog, related
from reader.cards.query import Query, SearchTerm
from reader.render.snippets import Hit, card_hit

if TYPE_CHECKING:
    from reader.cards.model import Card


class ReaderSession(QObject):
    #: A new catalog (first load, reload or another set): structure may have changed.
    catalog_changed = Signal()
    #: The filter or the cards matching it changed.
    results_changed = Signal()
    #: Another card is open, or the open card was reloaded (``None``: the overview page).
    current_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.history = History(self)
        self._catalog: Catalog | None = None
        self._by_id: dict[str, CardSummary] = {}
        self._query = Query()
        self._matched: list[str] = []
        self._current: str | None = None

    # -- reading ----------------------------------------------------------------------------

    @property
    def catalog(self) -> Catalog | None:
        return self._catalog

    @property
    def query(self) -> Query:
        return self._query

    @property
    def matched(self) -> Sequence[str]:
        return self._matched

    @property
    def current_id(self) -> str | None:
        return self._current

    def summary(self, card_id: str) -> CardSummary | None:
        return self._by_id.get(card_id)

    def card(self, card_id: str) -> Card | None:
        """The card itself, read from the catalog (a search's snippets need its text)."""
        return self._catalog.card(card_id) if self._catalog is not None else None

    def hit(self, card_id: str, terms: Sequence[SearchTerm]) -> Hit:
        """A search's matches in the card, counted on the page the card view shows (the set's
        topics, the related cards under it), so the list row and F3 count the same."""
        card = self.card(card_id)
        if card is None or self._catalog is None:
            return Hit(0)
        near = related(card_id, self._catalog.summaries())
        return card_hit(card, terms, self._catalog.info, near)

    def total(self) -> int:
        return len(self._by_id)

    # -- changing -----------------------------------------------------------------------------

    def set_catalog(self, catalog: Catalog, *, fresh: bool) -> None:
        """Show ``catalog``; ``fresh`` for another set (filters and history start over).

        On a reload the filter stays, and so does the open card if it still exists.
        """
        self._catalog = catalog
        summaries = catalog.summaries()
        self._by_id = dict(zip(map(SUMMARY_ID, summaries), summaries, strict=True))  # in C
        if fresh:
            self._query = Query()
            self._current = None
            self.history.clear()
        self._matched = catalog.matching(self._query)
        if self._current is not None and self._current not in self._by_id:
            self._current = None
        self.catalog_changed.emit()
        self.results_changed.emit()
        self.current_changed.emit()
        step = Step(self._query, self._current)
        if fresh or self.history.current is None:
            self.history.push(step)
        else:
            self.history.replace_current(step)

    def set_query(self, query: Query, *, typing: bool = False) -> None:
        """Filter the list; the open card stays open while it still matches."""
        if query == self._query or self._catalog is None:
            return
        self._apply_query(query)
        self.history.push(Step(self._query, self._current), typing=typing)

    def _apply_query(self, query: Query) -> None:
        assert self._catalog is not None
        self._query = query
        self._matched = self._catalog.matching(query)
        self.results_changed.emit()
        if self._current is not None and self._current not in self._matched:
            self._current = self._matched[0] if self._matched else None
            self.current_changed.emit()
        elif self._current is None and len(self._matched) == 1:
            # Narrowed down to one card from the overview: that card is what the reader wants.
            self._current = self._matched[0]
            self.current_changed.emit()

    def open_card(self, card_id: str | None) -> None:
        """Open ``card_id`` (None: the overview). A card the filter leaves out (a related
        card's link, a comparison's column, a card just made in the editor) clears the filter
        first: the card shown is always one the list shows (review N3); Back restores both."""
        if card_id == self._current or (card_id is not None and card_id not in self._by_id):
            return
        if card_id is not None and card_id not in self._matched and self._catalog is not None:
            self._query = Query()
            self._matched = self._catalog.matching(self._query)
            self.results_changed.emit()
        self._current = card_id
        self.current_changed.emit()
        self.history.push(Step(self._query, self._current))

    def back(self) -> None:
        step = self.history.back()
        if step is not None:
            self._restore(step)

    def forward(self) -> None:
        step = self.history.forward()
        if step is not None:
            self._restore(step)

    def _restore(self, step: Step) -> None:
        if self._catalog is None:
            return
        if step.query != self._query:
            self._query = step.query
            self._matched = self._catalog.matching(step.query)
            self.results_changed.emit()
        card = step.card_id if step.card_id in self._by_id else None
        if card != self._current:
            self._current = card
            self.current_changed.emit()
