"""The source pane: a locator clicked shows its passage, a paragraph clicked shows what cites
it, the keyboard steps through the cited passages, and a source is only ever text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QPalette, QTextImageFormat
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from reader.app.settings import PaletteMode
from reader.render import DARK
from reader.ui.main_window import MainWindow
from reader.verify.source_text import Paragraph
from tests.ui.conftest import MakeWindow
from tests.ui.evidence_support import DAM, click_link, copy_evidence, open_checked

QUOTE = "filling the reservoir quickly would cut the flood by a third"


def dam_window(make_window: MakeWindow, tmp_path: Path) -> MainWindow:
    return make_window(copy_evidence(tmp_path / "evidence"))


def tinted_blocks(window: MainWindow) -> list[str]:
    """The text of the blocks of the pane's document that are tinted as the passage."""
    view = window.sources.pane.view
    return [view.document().findBlockByNumber(n).text() for n in view.tinted_blocks()]


def paragraph(window: MainWindow, locator: str) -> Paragraph:
    evidence = window.sources.pane.evidence
    assert evidence is not None
    assert evidence.source is not None
    return next(p for p in evidence.source.paragraphs if p.locator == locator)


def paragraph_point(window: MainWindow, locator: str) -> QPoint:
    """A point inside the paragraph, in the pane's viewport (scrolled into view first)."""
    view = window.sources.pane.view
    view.scroll_to(paragraph(window, locator))
    rect = view.paragraph_rect(paragraph(window, locator))
    assert rect is not None
    top = int(rect.top()) - view.verticalScrollBar().value()
    return QPoint(int(rect.left() + 40), top + 12)


def test_a_locator_opens_the_pane_at_its_passage(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = dam_window(make_window, tmp_path)
    open_checked(qtbot, window, DAM)
    pane = window.sources.pane
    assert not pane.isVisible()

    click_link(qtbot, window, "cite:argument/1")  # §I ¶2–3: a range
    assert pane.isVisible()
    assert window.commands.show_source.isChecked()
    qtbot.waitUntil(lambda: pane.highlighted() == ["§I ¶2", "§I ¶3"])
    assert tinted_blocks(window) == [
        paragraph(window, "§I ¶2").text,
        paragraph(window, "§I ¶3").text,
    ]
    assert "Argument 2" in pane.footer.text()
    bar = pane.view.verticalScrollBar()
    rect = pane.view.paragraph_rect(paragraph(window, "§I ¶2"))
    assert rect is not None
    assert bar.value() <= rect.top() <= bar.value() + pane.view.viewport().height()
    # The quote is marked where its words are.
    assert pane.quote_marks() == [QUOTE]

    click_link(qtbot, window, "cite:argument/2")  # §II ¶1, ¶2: a list
    assert pane.highlighted() == ["§II ¶1", "§II ¶2"]
    click_link(qtbot, window, "cite:recommendations/1")
    assert pane.highlighted() == ["§III ¶2"]
    assert "Recommendation 2" in pane.footer.text()


# The offscreen platform speaks up for the tooltip as for size hints (tests/ui/conftest.py).
@pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
def test_a_paragraph_says_which_items_cite_it(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = dam_window(make_window, tmp_path)
    open_checked(qtbot, window, DAM)
    window.commands.show_source.trigger()
    pane = window.sources.pane
    qtbot.waitUntil(lambda: pane.evidence is not None and pane.evidence.source is not None)
    assert "cited (7 of 12 paragraphs) · dotted: not cited (5)" in pane.legend.text()

    qtbot.mouseClick(
        pane.view.viewport(), Qt.MouseButton.LeftButton, pos=paragraph_point(window, "§I ¶2")
    )
    assert pane.highlighted() == ["§I ¶2"]
    footer = pane.footer.text()
    assert "§I ¶2" in footer
    assert "Argument 2" in footer
    assert "Quote 1" in footer
    assert "Argument 1" not in footer

    point = paragraph_point(window, "§I ¶2")
    viewport = pane.view.viewport()
    QApplication.sendEvent(
        viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    )
    assert "§I ¶2 is cited by" in QToolTip.text()
    assert "Quote 1" in QToolTip.text()

    qtbot.mouseClick(
        pane.view.viewport(), Qt.MouseButton.LeftButton, pos=paragraph_point(window, "§II ¶3")
    )
    assert "§II ¶3</b> is not cited by this card" in pane.footer.text()

    # The reverse link: an item named under the text brings the card to it.
    pane.footer.linkActivated.emit("cite:recommendations/0")
    view = window.card_view
    position = view.anchor_position("item-recommendations-0")
    assert position is not None
    assert view.textCursor().position() == position
    assert pane.highlighted() == ["§III ¶1"]


def test_the_keyboard_steps_through_the_cited_passages(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = dam_window(make_window, tmp_path)
    open_checked(qtbot, window, DAM)
    pane = window.sources.pane
    qtbot.keyClick(window.card_view, Qt.Key.Key_F8)
    assert pane.isVisible()
    qtbot.waitUntil(lambda: pane.highlighted() == ["§I ¶1"])  # the front matter is not cited
    qtbot.keyClick(window.card_view, Qt.Key.Key_F8)
    assert pane.highlighted() == ["§I ¶2"]
    qtbot.keyClick(window.card_view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert pane.highlighted() == ["§I ¶1"]
    window.commands.previous_cited.trigger()  # round the start, to the last cited passage
    assert pane.highlighted() == ["§III ¶2"]
    window.commands.next_cited.trigger()
    assert pane.highlighted() == ["§I ¶1"]


def test_the_pane_follows_the_zoom_and_the_colours(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = dam_window(make_window, tmp_path)
    open_checked(qtbot, window, DAM)
    window.commands.show_source.trigger()
    view = window.sources.pane.view
    qtbot.waitUntil(lambda: view.source_layout is not None)
    size = view.document().defaultFont().pointSizeF()
    window.commands.zoom_in.trigger()
    assert view.document().defaultFont().pointSizeF() > size
    window.appearance.set_palette_mode(PaletteMode.DARK)
    assert view.palette().color(QPalette.ColorRole.Base).name() == DARK.background
    window.sources.step_cited(1)
    assert window.sources.pane.highlighted() == ["§I ¶1"]


def test_the_pane_steps_aside_for_the_comparison_views(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = dam_window(make_window, tmp_path)
    open_checked(qtbot, window, DAM)
    window.commands.show_source.trigger()
    window.commands.timeline.trigger()
    assert window.comparisons.comparing
    assert not window.sources.pane.isVisible()
    window.commands.back_to_reading.trigger()
    assert window.sources.pane.isVisible()
    window.sources.pane.close_button.click()
    assert not window.sources.pane.isVisible()
    assert not window.commands.show_source.isChecked()


def test_a_source_is_shown_as_plain_text(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "cardset.yaml").write_text('format: briefing-set/1\ntitle: "Hostile"\n', "utf-8")
    script = '<script>alert("x")</script>'
    image = '<img src="file:///etc/passwd"> and <a href="https://evil.example">a link</a>'
    (folder / "hostile.txt").write_text(f"{script}\n\n{image}\n\n<b>Bold</b> words.\n", "utf-8")
    (folder / "card.yaml").write_text(
        "format: briefing-card/1\nid: hostile\ntitle: Hostile source\n"
        'source:\n  publisher: "P"\n  published: "2024"\n  file: hostile.txt\n'
        'thesis: "T."\nsummary: "S."\n'
        'argument:\n  - claim: "A script."\n    where: "¶1"\n'
        'quotes:\n  - text: "<b>Bold</b> words."\n    where: "¶3"\n'
        "tags: [t]\n",
        "utf-8",
    )
    window = make_window(folder)
    open_checked(qtbot, window, "hostile")
    click_link(qtbot, window, "cite:argument/0")
    pane = window.sources.pane
    qtbot.waitUntil(lambda: pane.highlighted() == ["¶1"])
    doc = pane.view.document()
    assert doc.toPlainText().split("\n") == [script, image, "<b>Bold</b> words."]
    assert pane.quote_marks() == ["<b>Bold</b> words."]
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            assert not fmt.isAnchor()
            assert not fmt.isImageFormat()
            assert not isinstance(fmt, QTextImageFormat)
            it += 1
        block = block.next()
