"""The editor's source pane, when the source is not found, offers Locate… itself (N11): the
card's header, where Locate… also is, is hidden while the card is edited."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.ui.conftest import MakeWindow
from tests.ui.evidence_support import DAM
from tests.ui.test_evidence_window import moved_sources


def test_locate_from_the_editors_source_pane(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, elsewhere = moved_sources(tmp_path)
    asked: list[str] = []

    def choose(_parent: object, title: str, _start: str) -> str:
        asked.append(title)
        return str(elsewhere)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(choose))
    window = make_window(root)
    window.session.open_card(DAM)
    window.commands.edit_card.trigger()
    pane = window.sources.pane
    qtbot.waitUntil(pane.locate_button.isVisible)
    assert "was not found" in pane.message.text()
    assert "header" not in pane.message.text()  # it pointed at a header the editor hides
    qtbot.mouseClick(pane.locate_button, Qt.MouseButton.LeftButton)
    assert asked == ["Locate the Source Texts"]
    qtbot.waitUntil(lambda: pane.evidence is not None and pane.evidence.source is not None)
    assert pane.stack.currentWidget() is pane.view
