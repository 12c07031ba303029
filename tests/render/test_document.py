"""Nothing in a card makes Qt read a file or touch the network."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from PySide6.QtCore import QSize, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QApplication, QTextBrowser

from reader.cards.model import Card, Point, Quote, Source
from reader.qt.document import SafeTextDocument, make_document
from reader.render import LIGHT
from reader.render.card import render_card
from tests.render.conftest import INFO, fragments, make_card

IMAGE = QTextDocument.ResourceType.ImageResource.value
TRAPS = (
    '<img src="file:///etc/passwd"> <img src="http://evil.example/pixel.png"> '
    "![a](file:///etc/passwd) ![b](https://evil.example/b.png) ![c](data:image/png;base64,AAAA) "
    "[js](javascript:alert(1)) <script>alert(1)</script> "
    "<link rel=stylesheet href='http://evil.example/x.css'> "
    '<table background="file:///etc/passwd"><tr><td>cell</td></tr></table>'
)


class CountingDocument(SafeTextDocument):
    """Records every resource Qt asks for, then refuses it as SafeTextDocument does."""

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[str] = []

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        self.requests.append(QUrl(name).toString())
        return super().loadResource(type, name)


class CountingBrowser(QTextBrowser):
    def __init__(self) -> None:
        super().__init__()
        self.requests: list[str] = []

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        self.requests.append(QUrl(name).toString())
        return super().loadResource(type, name)


def malicious_card() -> Card:
    card = make_card(
        title=TRAPS,
        thesis=TRAPS,
        summary=TRAPS,
        notes=TRAPS,
        argument=(Point(TRAPS, TRAPS, "¶1"),),
        quotes=(Quote(TRAPS, None),),
    )
    source = Source(
        publisher=TRAPS, published=card.source.published, url="file:///etc/passwd", title=TRAPS
    )
    return dataclasses.replace(card, source=source)


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "http://evil.example/x.png", "data:image/png;base64,AAAA", "x.png"],
)
def test_every_resource_is_refused(qapp: QApplication, url: str) -> None:
    doc = SafeTextDocument()
    # Blank, not None: Qt loads an image itself, by its name, when given nothing.
    for answer in (doc.loadResource(IMAGE, QUrl(url)), doc.resource(IMAGE, QUrl(url))):
        assert isinstance(answer, QImage)
        assert answer.size() == QSize(1, 1)
        assert answer.pixelColor(0, 0).alpha() == 0


def test_counting_document_does_see_a_raw_image(qapp: QApplication) -> None:
    """The detector works: raw HTML with an image does reach loadResource (and gets nothing)."""
    doc = CountingDocument()
    doc.setHtml('<p>x <img src="file:///etc/passwd"></p>')
    doc.setTextWidth(500)
    doc.size()
    assert "file:///etc/passwd" in doc.requests


def test_malicious_card_requests_no_resource(qapp: QApplication) -> None:
    html = render_card(malicious_card(), INFO, theme=LIGHT)
    assert "<img" not in html
    assert 'href="javascript' not in html
    assert 'href="file' not in html
    doc = CountingDocument()
    doc.setHtml(html)
    doc.setTextWidth(700)
    doc.size()
    assert doc.requests == []
    assert not any(fmt.isImageFormat() for _, fmt in fragments(doc))
    assert not any(
        fmt.anchorHref().startswith(("file:", "javascript:", "data:")) for _, fmt in fragments(doc)
    )


def test_browser_with_safe_document_never_loads(qapp: QApplication) -> None:
    """A QTextBrowser's own loadResource reads files; SafeTextDocument keeps it out of reach."""
    browser = CountingBrowser()
    browser.setOpenLinks(False)
    browser.setDocument(SafeTextDocument(browser))
    browser.resize(760, 600)
    browser.setHtml(render_card(malicious_card(), INFO, theme=LIGHT) + TRAPS)
    browser.show()
    browser.document().size()
    browser.viewport().grab()
    assert browser.requests == []
    browser.close()


def test_make_document_applies_style_font_and_width(qapp: QApplication) -> None:
    html = render_card(make_card(), INFO, theme=LIGHT)
    doc = make_document(html, LIGHT, 12.0, 640.0)
    assert isinstance(doc, SafeTextDocument)
    assert doc.textWidth() == 640.0
    assert doc.defaultFont().pointSizeF() == 12.0
    assert block_size(doc, "Goïta and the junta") == pytest.approx(12.0 * 1.85, abs=0.05)
    assert block_size(doc, "Summary") == pytest.approx(12.0 * 1.22, abs=0.05)
    bigger = make_document(html, LIGHT, 24.0)
    assert block_size(bigger, "Summary") == pytest.approx(24.0 * 1.22, abs=0.05)


def block_size(doc: QTextDocument, text: str) -> float:
    block = doc.begin()
    while block.text() != text:
        block = block.next()
        assert block.isValid(), text
    return block.begin().fragment().charFormat().fontPointSize()
