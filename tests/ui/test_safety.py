"""A card is untrusted text: nothing in it may load a resource or open a link by itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from reader.qt.document import SafeTextDocument, blank_resource
from reader.ui.reading.card_view import CardView
from tests.ui.conftest import MakeWindow, anchor_point

EVIL = "evil-card"
CARD = """\
format: briefing-card/1
id: evil-card
title: "<b>Q3</b> <script>alert('title')</script>"
source:
  publisher: "<img src='http://example.com/pub.png'>Evil Press"
  published: "2024-01"
  url: "https://example.org/evil"
thesis: "<img src=\\"file:///etc/passwd\\"> and <iframe src='http://example.com'></iframe>"
summary: |
  Raw <img src="http://example.com/tracker.png"> and <script>alert(1)</script> stay text.

  ![remote](http://example.com/remote.png) and ![local](file:///etc/hosts)

  [a script link](javascript:alert(1)), [a file link](file:///etc/passwd),
  [a data link](data:text/html,hi) and [a safe link](https://example.org/ok).

  <a href="file:///etc/passwd">raw anchor</a> <style>body{background:url(http://example.com/x)}</style>
argument:
  - claim: "![again](http://example.com/again.png)"
    support: "<img src=x onerror=alert(1)>"
tags:
  - "evil/<b>tag</b>"
"""


@pytest.fixture
def requested(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, str]]:
    """Every resource Qt asked the card view or its document for (each still refused)."""
    asked: list[tuple[int, str]] = []

    def spy(self: QTextDocument, kind: int, name: QUrl | str) -> Any:
        asked.append((int(kind), QUrl(name).toString()))
        return None

    monkeypatch.setattr(SafeTextDocument, "loadResource", spy)
    monkeypatch.setattr(CardView, "loadResource", spy)
    return asked


@pytest.fixture
def evil_set(tmp_path: Path) -> Path:
    root = tmp_path / "evil"
    root.mkdir()
    (root / "evil.yaml").write_text(CARD, encoding="utf-8")
    (root / "cardset.yaml").write_text(
        'format: briefing-set/1\ntitle: "<i>Evil</i> set"\n', encoding="utf-8"
    )
    return root


def test_a_malicious_card_loads_nothing_and_opens_nothing(
    qtbot: QtBot,
    make_window: MakeWindow,
    evil_set: Path,
    requested: list[tuple[int, str]],
    opened_urls: list[QUrl],
) -> None:
    window = make_window(evil_set)
    assert window.list_pane.visible_ids() == [EVIL], window.problems.model.problems()
    window.session.open_card(EVIL)
    view = window.card_view
    view.grab()  # paint it: images are fetched when laid out and drawn
    text = view.toPlainText()
    assert "<b>Q3</b> <script>alert('title')</script>" in text
    assert '<img src="http://example.com/tracker.png">' in text
    # With images off, Markdown image syntax is at most a link the reader may click.
    assert "![local](file:///etc/hosts)" in text
    assert "[a script link](javascript:alert(1))" in text
    html = view.toHtml()
    assert "<img" not in html
    assert "javascript:" not in html.replace("[a script link](javascript:alert(1))", "")
    assert requested == []

    # Links that survive are http(s) only, and open in the browser only when clicked.
    assert opened_urls == []
    point = anchor_point(view, "https://example.org/ok")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened_urls == [QUrl("https://example.org/ok")]
    assert view.card_id == EVIL  # the view did not navigate away

    # Set and card titles are plain text in labels, list rows and the window title.
    assert window.sidebar.title.text() == "<i>Evil</i> set"
    assert window.sidebar.title.textFormat() == Qt.TextFormat.PlainText
    assert window.windowTitle().startswith("<i>Evil</i> set")
    row = window.list_pane.model.index(0, 0)
    assert row.data() == "<b>Q3</b> <script>alert('title')</script>"


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.com/file",
        "qrc:/icons/x.png",
        "/etc/passwd",
        "#top",
        "http:relative",
    ],
)
def test_other_link_schemes_are_ignored(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path, opened_urls: list[QUrl], href: str
) -> None:
    window = make_window(card_set)
    window.session.open_card("mali-sanctions-2023")
    before = window.card_view.toHtml()
    window.card_view.anchorClicked.emit(QUrl(href))
    assert opened_urls == []
    assert window.card_view.toHtml() == before
    assert window.card_view.source() == QUrl()


def test_mailto_and_https_links_go_to_the_system(
    make_window: MakeWindow, card_set: Path, opened_urls: list[QUrl]
) -> None:
    window = make_window(card_set)
    window.card_view.anchorClicked.emit(QUrl("mailto:someone@example.org"))
    window.card_view.anchorClicked.emit(QUrl("https://example.org/x"))
    assert opened_urls == [QUrl("mailto:someone@example.org"), QUrl("https://example.org/x")]


def test_the_view_refuses_images_even_in_hand_made_html(
    qtbot: QtBot, requested: list[tuple[int, str]], tmp_path: Path
) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\n")
    view = CardView()
    qtbot.addWidget(view)
    view.setHtml(f'<p>x<img src="{QUrl.fromLocalFile(str(secret)).toString()}" width="20"></p>')
    view.show()
    view.grab()
    # Qt asked (the HTML bypassed the renderer) and got nothing back.
    assert requested
    assert all(kind == QTextDocument.ResourceType.ImageResource.value for kind, _ in requested)


def test_the_view_and_its_document_answer_every_resource_request_with_nothing(
    qtbot: QtBot, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.css"
    secret.write_text("p { color: red }", encoding="utf-8")
    url = QUrl.fromLocalFile(str(secret))
    view = CardView()
    qtbot.addWidget(view)
    for kind in QTextDocument.ResourceType:
        assert view.loadResource(kind.value, url) is None
        assert view.document().loadResource(kind.value, url) == blank_resource(kind.value)
    assert isinstance(view.document(), SafeTextDocument)
    assert not view.openLinks()
    assert not view.openExternalLinks()
