"""Renders the app icon's PNG sizes from its SVG (resources/icons/hicolor/NxN/apps/).

Desktops want PNGs at fixed sizes beside the scalable SVG. They are committed, so installing
needs no rendering; ``python -m tests.support.render_icons`` makes them again after the SVG
changes, and tests/ui/test_icons.py checks they still match it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from reader.ui.icons import APP_ICON, icons_dir

#: The sizes the freedesktop icon theme spec's hicolor theme lists for apps.
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def png_path(size: int, root: Path | None = None) -> Path:
    base = root if root is not None else icons_dir()
    return base / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ICON}.png"


def render(size: int) -> QImage:
    """The app icon's SVG drawn at ``size`` pixels square."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(icons_dir() / f"{APP_ICON}.svg")).render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for size in SIZES:
        path = png_path(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(path), "PNG"):
            print(f"could not write {path}", file=sys.stderr)
            return 1
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
