"""The Problems panel through the real window: a broken card is blamed on its own file only
(review #12), and the panel closes by itself once the card is fixed (review #10)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.conftest import LEVERAGE, MakeWindow


def test_a_broken_card_is_blamed_alone_and_the_panel_goes_when_it_is_fixed(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    window = make_window(card_set)
    assert not window.problems.isVisible()
    path = card_set / f"{LEVERAGE}.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("thesis:", "thesis: [", 1), encoding="utf-8")
    qtbot.waitUntil(window.problems.isVisible, timeout=5000)
    where = {p.path for p in window.problems.model.problems()}
    # The aliases only this card used are not reported against cardset.yaml.
    assert where == {path.name}
    path.write_text(good, encoding="utf-8")
    qtbot.waitUntil(lambda: not window.problems.isVisible(), timeout=5000)
    assert window.problems.model.problems() == []
    assert window.status.problems.text() == "No problems"
