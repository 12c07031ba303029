"""An open card's page as the card view shows it: the card rendered with its evidence on
screen (its source's status, its locators as links, its items' marks).

Imported by :class:`reader.ui.reading.card_presenter.CardPresenter` with the first card it
draws, or before, once the window has been idle after showing the set's overview
(:mod:`reader.ui.reading.card_preload`), not with the window: a set opens on its overview,
and the card's renderer is no part of that first paint (#17 §4).
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.cards.catalog import CardSummary
from reader.cards.model import SetInfo
from reader.cards.query import SearchTerm
from reader.render.card import render_card
from reader.render.screen_evidence import ScreenEvidence
from reader.render.theme import Theme
from reader.ui.reading.evidence import CardEvidence


def card_page(
    evidence: CardEvidence,
    info: SetInfo,
    theme: Theme,
    *,
    terms: Sequence[SearchTerm],
    related: Sequence[tuple[CardSummary, int]],
    source_open: bool,
) -> str:
    """The page of ``evidence``'s card, with what is known of its source (``source_open``:
    the header's button closes the source pane)."""
    card = evidence.card
    screen = ScreenEvidence(evidence.status, card.source.file, evidence.health, theme, source_open)
    return render_card(card, info, theme=theme, terms=terms, related=related, screen=screen)
