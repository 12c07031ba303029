"""What the card view shows: the open card, or the set's overview while none is open.

The view is drawn again only when something it shows has changed (the set, the card, the
search terms, the colours, the text size): a filter change that leaves the open card alone
keeps its scroll position and costs no render. Opening a card from search results, or a new
search, goes to the card's first match.

A card is drawn with what :class:`reader.ui.reading.evidence.Evidence` knows of its source:
at once with the source's status, again with its items' marks once its source has been read
and checked (in the background). The source pane follows the card shown (:attr:`shown`).

The card's page is drawn by :mod:`reader.ui.reading.card_page`, imported with the first card
shown or, ahead of it, once the window is idle after drawing the overview
(:class:`reader.ui.reading.card_preload.CardPreload`): the overview a set opens on needs
neither the card's renderer nor the checks of its evidence (#17 §4).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication, QPalette

from reader.app.session import ReaderSession
from reader.cards.catalog import related
from reader.render import Theme
from reader.render.overview import EvidenceTotals, overview_html
from reader.ui.actions import key_text
from reader.ui.commands import Actions
from reader.ui.reading.card_preload import CardPreload
from reader.ui.reading.card_view import CardView
from reader.ui.reading.evidence import Evidence

#: The commands whose (first) key the overview page names, besides Find's every key.
OVERVIEW_KEYS = ("find_next", "clear_search", "back", "forward", "show_source", "next_cited")


class CardPresenter(QObject):
    #: A line for the status bar: where the search matches are.
    message = Signal(str)
    #: The card drawn, with its evidence (None: the overview), the theme and the text size.
    shown = Signal(object, object, float)

    def __init__(
        self,
        session: ReaderSession,
        view: CardView,
        commands: Actions,
        evidence: Evidence,
        parent: QObject | None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._view = view
        self._evidence = evidence
        self._look: tuple[Theme, float] | None = None
        #: Whether the source pane is open (the window's source controller says): the
        #: card's Show source button reads Hide source then.
        self.source_open: Callable[[], bool] = lambda: False
        evidence.checked.connect(self._on_checked)
        evidence.scanned.connect(self.redraw)
        #: The keys the overview page names, from the commands that have them.
        self._keys = {
            "find": key_text(commands.find, every=True),
            **{c: key_text(getattr(commands, c)) for c in OVERVIEW_KEYS},
        }
        #: What the view shows: catalog, card, query or terms, theme, size.
        self._shown: tuple[object, ...] | None = None
        self._preload = CardPreload(self)

    def render(self, theme: Theme, point_size: float) -> None:
        """Show the open card (or the overview), if it differs from what is shown."""
        s = self._session
        catalog = s.catalog
        if catalog is None:
            return
        self._look = (theme, point_size)
        card_id = s.current_id
        card = catalog.card(card_id) if card_id is not None else None
        evidence = self._evidence.lookup(card) if card is not None else None
        # What the page is drawn from, not which catalog: a load's next catalog (a cold index
        # delivers one a second) leaves an unchanged card or overview as it is.
        if card is not None and evidence is not None:
            near = related(card.id, catalog.summaries())
            drawn: tuple[object, ...] = (catalog.info, card, tuple(near))
        else:
            broken = len({p.path for p in catalog.problems if p.is_error})
            drawn = (catalog.info, s.total(), len(s.matched), broken)
        # Asked once: each asks the settings for the set's sources folder and resolves it.
        totals = self._totals() if card is None or evidence is None else None
        key = (
            drawn,
            card_id,
            s.query if card_id is None else s.query.terms,
            theme,
            point_size,
            evidence if card is not None else totals,
            self.source_open(),
        )
        if key == self._shown:
            return
        self._preload.start()  # once the window is idle after this
        previous, self._shown = self._shown, key
        keep_scroll = previous is not None and previous[1] == card_id
        self._view.set_base_point_size(point_size)
        self._match_background(theme.background)
        if card is None or evidence is None:
            html = overview_html(
                catalog.info, s.total(), len(s.matched), s.query, broken, self._keys, totals
            )
            self._view.show_page(html, theme, keep_scroll=keep_scroll)
            self.shown.emit(None, theme, point_size)
            return
        # Imported with the first card drawn, if the preload has not yet: see the docstring.
        from reader.ui.reading.card_page import card_page

        terms = s.query.terms
        html = card_page(
            evidence,
            catalog.info,
            theme,
            terms=terms,
            related=near,
            source_open=self.source_open(),
        )
        self._view.show_card(
            card, html, catalog.info, theme, searched=bool(terms), keep_scroll=keep_scroll
        )
        self.shown.emit(evidence, theme, point_size)
        if terms and previous is not None and previous[1:3] != key[1:3]:
            self.show_match(0)  # a new search, or a card opened from the results

    def redraw(self) -> None:
        """Draw again in the last look, if what is shown has changed (a card checked)."""
        if self._look is not None:
            self.render(*self._look)

    def _on_checked(self, card_id: str) -> None:
        if card_id == self._session.current_id:
            self.redraw()

    def _totals(self) -> EvidenceTotals | None:
        """The set's health totals for the overview, or None when the set is not scanned. A
        set none of whose source texts is at hand gets them too: the overview then says so,
        and how to find them, which explains the ○ after every locator (review N14)."""
        evidence = self._evidence
        if not evidence.scans_set():
            return None
        named = evidence.has_sources_folder()
        health = evidence.set_health
        if health is None:
            return EvidenceTotals.checking() if named else None
        return EvidenceTotals(dict(health.totals), health.found, health.cards)

    def show_match(self, step: int) -> None:
        """Go ``step`` matches on (0: the nearest) and say which it is."""
        which, total = self._view.show_match(step)
        if total:
            self.message.emit(f"Match {which} of {total} in this card")
        elif self._session.query.terms:
            self.message.emit("No match in this card")

    def _match_background(self, colour: str) -> None:
        """The view's own background is the card's, so no band of another colour shows."""
        palette = QGuiApplication.palette()
        palette.setColor(QPalette.ColorRole.Base, colour)
        self._view.setPalette(palette)
