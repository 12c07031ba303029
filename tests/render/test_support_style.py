"""An argument point's support is its evidence: set in the text colour at nearly the body size,
set off by an indent, not as a small grey wall (review #30), on screen and on paper alike."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextBlock

from reader.cards.load import load_set
from reader.qt.document import make_document
from reader.render import DARK, LIGHT, Theme
from reader.render.card import render_card
from tests.conftest import SHIPPED_CARDS

CARDS = load_set(SHIPPED_CARDS)
CRISIS_GROUP = next(c for c in CARDS.cards if c.id == "crisis-group-mali-isolation-2023")
BASE = 12.0


def _blocks_starting(doc_text: str, blocks: list[QTextBlock]) -> QTextBlock:
    return next(b for b in blocks if b.text().startswith(doc_text))


@pytest.mark.parametrize("for_print", [False, True])
@pytest.mark.parametrize("theme", [LIGHT, DARK])
def test_support_reads_as_body_text(theme: Theme, for_print: bool) -> None:
    card = CRISIS_GROUP
    html = render_card(card, CARDS.info, theme=theme, for_print=for_print)
    doc = make_document(html, theme, BASE, for_print=for_print)
    blocks = []
    block = doc.begin()
    while block.isValid():
        blocks.append(block)
        block = block.next()
    point = card.argument[0]
    assert point.support
    claim = _blocks_starting(point.claim[:40], blocks)
    support = _blocks_starting(point.support[:40], blocks)
    fmt = support.begin().fragment().charFormat()
    assert fmt.foreground().color().name() == theme.text  # not the muted grey
    assert fmt.fontPointSize() >= 0.95 * BASE - 0.01
    assert support.blockFormat().leftMargin() > claim.blockFormat().leftMargin()  # set off
