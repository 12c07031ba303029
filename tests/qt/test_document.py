"""Whatever HTML reaches a SafeTextDocument (or a clone of one), no picture or style sheet is
loaded: not from a file, a path, the working directory, a ``data:`` URL or the network.

Each case is first drawn by a plain QTextDocument, which does show the red picture: the
check that the safe one shows none can fail.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QApplication

from reader.export.pdf import print_document
from reader.qt.document import SafeTextDocument, make_document
from reader.render import LIGHT
from tests.qt.resources import drawn, red_pixels, traps


@pytest.fixture
def cases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.chdir(tmp_path)
    return traps(tmp_path)


def plain(html: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc


def test_a_plain_document_loads_every_trap(qapp: QApplication, cases: dict[str, str]) -> None:
    """The control: each trap does draw red in a document that is not made safe."""
    assert {
        name: red_pixels(drawn(plain(html))) > 0 for name, html in cases.items()
    } == dict.fromkeys(cases, True)


def test_make_document_loads_nothing(qapp: QApplication, cases: dict[str, str]) -> None:
    shown = {
        name: red_pixels(drawn(make_document(html, LIGHT, 11.0))) for name, html in cases.items()
    }
    assert shown == dict.fromkeys(cases, 0)


def test_an_image_keeps_its_place_blank(qapp: QApplication, cases: dict[str, str]) -> None:
    """The picture is not drawn, yet the text around it is laid out as the HTML says."""
    doc = make_document(cases["file"], LIGHT, 11.0, 240)
    assert doc.size().height() >= 24
    assert "x" in doc.toPlainText()


def test_a_clone_loads_nothing(qapp: QApplication, cases: dict[str, str]) -> None:
    prototype = SafeTextDocument()
    shown = {}
    for name, html in cases.items():
        clone = prototype.clone()
        assert clone.parent() is prototype
        clone.setHtml(html)
        shown[name] = red_pixels(drawn(clone))
    assert shown == dict.fromkeys(cases, 0)


def test_a_clone_must_belong_to_a_safe_document(qapp: QApplication) -> None:
    """A clone is a plain QTextDocument: under any other parent it would read files."""
    doc, other = SafeTextDocument(), SafeTextDocument()
    assert doc.clone(other).parent() is other
    with pytest.raises(TypeError):
        doc.clone(QTextDocument())


def test_the_print_document_loads_nothing_off_the_ui_thread(
    qapp: QApplication, cases: dict[str, str]
) -> None:
    """The PDF's documents are laid out and painted by a job, where Qt's image handler takes
    another way (QImage, not QPixmap): nothing is loaded there either."""
    shown: dict[str, int] = {}

    def typeset() -> None:
        for name, html in cases.items():
            image: QImage = drawn(print_document(html))
            shown[name] = red_pixels(image)

    worker = threading.Thread(target=typeset)
    worker.start()
    worker.join(timeout=60)
    assert shown == dict.fromkeys(cases, 0)
    on_ui_thread = {name: red_pixels(drawn(print_document(html))) for name, html in cases.items()}
    assert on_ui_thread == dict.fromkeys(cases, 0)
