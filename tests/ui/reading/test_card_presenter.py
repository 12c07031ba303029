"""The card view is drawn again when what it shows changed, not at every new catalog: a cold
index delivers a catalog a second, most of them leaving the open card as it was (#17)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.cards.catalog import MemoryCatalog
from reader.cards.load import load_set
from reader.ui.main_window import MainWindow
from tests.ui.conftest import SANCTIONS


def test_a_new_catalog_redraws_the_open_card_only_if_it_changed(
    qtbot: QtBot, window: MainWindow, card_set: Path
) -> None:
    window.session.open_card(SANCTIONS)
    shown = window.card_view.toPlainText()
    with qtbot.assertNotEmitted(window.presenter.shown):
        window.session.set_catalog(MemoryCatalog(load_set(card_set)), fresh=False)
    assert window.card_view.toPlainText() == shown
    path = card_set / f"{SANCTIONS}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: ", "title: Retitled ", 1), encoding="utf-8")
    with qtbot.waitSignal(window.presenter.shown):
        window.session.set_catalog(MemoryCatalog(load_set(card_set)), fresh=False)
    assert "Retitled" in window.card_view.toPlainText()
