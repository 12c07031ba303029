"""Red pictures where untrusted HTML might point, and a way to tell whether any was drawn.

Shared by the tests that every document the app makes loads no resource (tests/qt and
tests/ui): each names a real red PNG in every way Qt could reach it, so a document that
loaded any of them shows red pixels.
"""

from __future__ import annotations

import base64
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument

RED = QColor(255, 0, 0)


def red_png(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = QImage(24, 24, QImage.Format.Format_RGB32)
    image.fill(RED)
    assert image.save(str(path))  # PNG, from the name
    return path


def traps(folder: Path) -> dict[str, str]:
    """HTML that names a red picture by each way in, by what it tries. ``folder`` must be the
    working directory: Qt resolves relative names, and the ``http:`` URL taken as a file
    name, against it."""
    red = red_png(folder / "red.png")
    red_png(folder / "http:" / "example.com" / "red.png")  # what "http://example.com/…" names
    (folder / "red.css").write_text("p { background-color: #ff0000; }", encoding="utf-8")
    url = QUrl.fromLocalFile(str(red)).toString()
    data = base64.b64encode(red.read_bytes()).decode("ascii")
    return {
        "file": f'<p>x <img src="{url}" width="24" height="24"></p>',
        "file, no size": f'<p>x <img src="{url}"></p>',
        "path": f'<p>x <img src="{red}" width="24" height="24"></p>',
        "relative": '<p>x <img src="red.png" width="24" height="24"></p>',
        "http": '<p>x <img src="http://example.com/red.png" width="24" height="24"></p>',
        "data": f'<p>x <img src="data:image/png;base64,{data}" width="24" height="24"></p>',
        "table background": (
            f'<table background="{url}" width="120"><tr><td height="40">cell</td></tr></table>'
        ),
        "css background": f'<p style="background-image: url({url})">words words</p>',
        "style sheet": (
            '<html><head><link rel="stylesheet" type="text/css" href="'
            + QUrl.fromLocalFile(str(folder / "red.css")).toString()
            + '"></head><body><p>words words</p></body></html>'
        ),
    }


def red_pixels(image: QImage) -> int:
    """How many pixels of ``image`` are (nearly) pure red."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    data = bytes(rgb.constBits())  # B, G, R, A per pixel
    return sum(
        1 for i in range(0, len(data), 4) if data[i + 2] > 200 and data[i + 1] < 60 and data[i] < 60
    )


def drawn(doc: QTextDocument, width: int = 240, height: int = 120) -> QImage:
    """``doc`` laid out ``width`` wide and painted on white."""
    doc.setTextWidth(width)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    doc.drawContents(painter)
    painter.end()
    return image
