"""Icons: the desktop theme's where it has one, else our own, drawn in the palette's colours.

Qt's standard pixmaps are a few generic glyphs (the review: "look like a toy") and have nothing
for comparing or a timeline, so every toolbar command has a bundled SVG in
``resources/icons/<theme name>.svg``, drawn in ``currentColor``. The bundled icons paint
themselves at paint time in the widget palette's button text colour, so one set of files
serves light, dark and disabled.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from reader.cards.resources import resources_dir

#: The application's own icon, in resources/icons/ (and installed under this name).
APP_ICON = "briefing-reader"


def icons_dir() -> Path:
    return resources_dir() / "icons"


@cache
def _svg(name: str) -> bytes | None:
    path = icons_dir() / f"{name}.svg"
    return path.read_bytes() if path.is_file() else None


class _TintedSvg(QIconEngine):
    """Paints an SVG whose strokes are ``currentColor`` in the palette's colour for the mode."""

    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self._svg = svg

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        palette = QGuiApplication.palette()
        group = (
            QPalette.ColorGroup.Disabled
            if mode is QIcon.Mode.Disabled
            else QPalette.ColorGroup.Active
        )
        colour = palette.color(group, QPalette.ColorRole.ButtonText).name()
        svg = self._svg.replace(b"currentColor", colour.encode("ascii"))
        renderer = QSvgRenderer(QByteArray(svg))
        renderer.render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _TintedSvg(self._svg)


def bundled_icon(name: str) -> QIcon:
    """Our own icon ``name`` (null when we ship none)."""
    svg = _svg(name)
    if svg is None:
        return QIcon()
    if b"currentColor" in svg:
        return QIcon(_TintedSvg(svg))
    return QIcon(str(icons_dir() / f"{name}.svg"))


def themed_icon(name: str) -> QIcon:
    """The desktop theme's icon ``name`` (freedesktop naming), else the bundled one."""
    return QIcon.fromTheme(name, bundled_icon(name))


def app_icon() -> QIcon:
    """The application's icon, from its PNG sizes (16 to 512, rendered from its SVG)."""
    icon = QIcon()
    for png in sorted((icons_dir() / "hicolor").glob(f"*/apps/{APP_ICON}.png")):
        icon.addFile(str(png))
    return icon
