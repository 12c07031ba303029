"""A copy of the fictional evidence set (tests/data/evidence) for the window, and helpers to
wait for a card's evidence and to find its marks."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument, QTextDocumentFragment
from pytestqt.qtbot import QtBot

from reader.ui.main_window import MainWindow
from tests.conftest import REPO
from tests.ui.conftest import anchor_point

EVIDENCE = REPO / "tests" / "data" / "evidence"
DAM, DAM_WRONG, ORCHARD = "dam-report", "dam-report-wrong", "orchard-article-right"
MARKS = "✓⚠○"


def copy_evidence(folder: Path, *, sources_line: bool = False) -> Path:
    """The evidence set copied to ``folder``; ``sources_line`` names its sources folder in
    cardset.yaml (the set's health totals are worked out only with one)."""
    shutil.copytree(EVIDENCE, folder)
    if sources_line:
        set_file = folder / "cardset.yaml"
        set_file.write_text(set_file.read_text("utf-8") + "sources: sources\n", "utf-8")
    return folder


def open_checked(qtbot: QtBot, window: MainWindow, card_id: str) -> None:
    """Open ``card_id`` and wait until its source has been read and its items marked."""
    window.session.open_card(card_id)
    qtbot.waitUntil(lambda: any(m in window.card_view.toPlainText() for m in MARKS))


def click_link(qtbot: QtBot, window: MainWindow, href: str) -> None:
    view = window.card_view
    point = anchor_point(view, href)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def marks(doc: QTextDocument) -> list[tuple[str, str]]:
    """Every health mark of a document, with its tooltip, in reading order."""
    found = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.text() in MARKS:
                found.append((fragment.text(), tooltip_text(fragment.charFormat().toolTip())))
            it += 1
        block = block.next()
    return found


def tooltip_text(tooltip: str) -> str:
    """What a tooltip shows (they are escaped rich text: reader.render.tooltips.safe_tooltip)."""
    assert tooltip.startswith("<p"), tooltip  # never plain text that Qt might take for markup
    return QTextDocumentFragment.fromHtml(tooltip).toPlainText()
