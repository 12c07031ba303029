"""Fixtures for the comparison views: the shipped set, generated sets, a view-making helper.

PySide6 6.12.0 on CPython 3.11 returns ``None`` from every void method without a new
reference (harmless from 3.12, where None is immortal): each call takes one reference from
``None`` and the interpreter aborts ("none_dealloc") once they run out, mid-test or at exit.
These views paint with many such calls, so under that combination the test process gives
None a reference count it cannot exhaust, which is what Python 3.12 does by design.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import PySide6
import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from reader.core.catalog import MemoryCatalog
from reader.core.loader import load_set
from reader.core.model import Card, SetInfo
from tests.conftest import SHIPPED_CARDS
from tests.core.compare_cards import catalog_of, generated_cards, make_card

if sys.version_info < (3, 12) and PySide6.__version__ == "6.12.0":
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40

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
