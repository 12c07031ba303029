"""Pictures of every shipped card for a person to look at (``pytest -m screenshots -s``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QTextBrowser

from reader.cards.catalog import CardSummary, related
from reader.cards.model import CardSet
from reader.cards.query import parse_search
from reader.qt.document import SafeTextDocument
from reader.render import DARK, LIGHT, Theme, stylesheet
from reader.render.card import render_card

WIDTH, HEIGHT, POINT_SIZE = 760, 1400, 10.5


def browser_for(theme: Theme) -> QTextBrowser:
    browser = QTextBrowser()
    browser.setOpenLinks(False)
    palette = browser.palette()
    for role, colour in (
        (QPalette.ColorRole.Base, theme.background),
        (QPalette.ColorRole.Text, theme.text),
    ):
        palette.setColor(role, QColor(colour))
    browser.setPalette(palette)
    doc = SafeTextDocument(browser)
    font = doc.defaultFont()
    font.setPointSizeF(POINT_SIZE)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(stylesheet(theme, POINT_SIZE))
    doc.setDocumentMargin(28)
    browser.setDocument(doc)
    browser.resize(WIDTH, HEIGHT)
    return browser


@pytest.mark.screenshots
@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_shipped_cards_screenshots(
    qapp: QApplication, shipped: CardSet, theme: Theme, tmp_path_factory: pytest.TempPathFactory
) -> None:
    out: Path = tmp_path_factory.mktemp(f"render-{theme.name}")
    summaries = [CardSummary.of(c) for c in shipped.cards]
    for card in shipped.cards:
        browser = browser_for(theme)
        html = render_card(
            card,
            shipped.info,
            theme=theme,
            terms=parse_search("wagner"),
            related=related(card.id, summaries),
        )
        browser.setHtml(html)
        browser.show()
        browser.document().size()  # lay out, so the scroll range is the document's
        qapp.processEvents()
        bar = browser.verticalScrollBar()
        for page, y in enumerate(range(0, bar.maximum() + HEIGHT, HEIGHT)):
            bar.setValue(y)
            path = out / f"{card.id}-{page}.png"
            assert browser.grab().save(str(path))
            assert path.stat().st_size > 10_000
        browser.close()
    print(f"\nscreenshots in {out}")
