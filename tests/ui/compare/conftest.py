"""Fixtures for the comparison views: the shipped set, generated sets, a view-making helper.

These views paint with many void Qt calls, each of which costs ``None`` a reference under
PySide6 6.12 on CPython 3.11 (see :mod:`reader.qt.compat`): protect it before any test runs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from reader.cards.catalog import MemoryCatalog
from reader.cards.load import load_set
from reader.cards.model import Card, SetInfo
from reader.qt.compat import protect_none
from tests.analysis.compare_cards import catalog_of, generated_cards, make_card
from tests.conftest import SHIPPED_CARDS

protect_none()

LEVERAGE = "mali-wagner-leverage-2021"
CRISIS_GROUP = "crisis-group-mali-isolation-2023"
SANCTIONS = "mali-sanctions-2023"
DATE_ORDER = [LEVERAGE, CRISIS_GROUP, SANCTIONS]

W = TypeVar("W", bound=QWidget)


@pytest.fixture(scope="session")
def shipped() -> MemoryCatalog:
    return MemoryCatalog(load_set(Path(SHIPPED_CARDS)))


@pytest.fixture(scope="session")
def fifty() -> tuple[MemoryCatalog, list[str]]:
    cards = generated_cards(50)
    return catalog_of(cards), [c.id for c in cards]


@pytest.fixture
def show(qtbot: QtBot) -> Callable[[W], W]:
    """Show a widget at a laptop's window size and wait until it is on screen."""

    def shown(widget: W) -> W:
        qtbot.addWidget(widget)
        widget.resize(1280, 800)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return shown


def bare_set(cards: list[Card]) -> MemoryCatalog:
    """A catalog whose set defines no topics (no cardset.yaml)."""
    return catalog_of(cards, SetInfo(title="Bare"))


def two_cards() -> list[Card]:
    return [make_card("a", "2021"), make_card("b", "2022")]
