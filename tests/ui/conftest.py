"""Fixtures for driving the real window: a copy of the shipped set, private settings.

The window reads its set as the product does, through the persistent index (the default
source, ``INDEX_SOURCES``), in the test session's private cache (tests/conftest.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.app.settings import PaletteMode, Settings
from reader.ui.main_window import MainWindow, settings_at
from reader.ui.palette import apply_palette
from reader.ui.reading.card_view import CardView

WAGNER_CARDS = {
    "crisis-group-mali-isolation-2023",
    "mali-sanctions-2023",
    "mali-wagner-leverage-2021",
}
CRISIS_GROUP = "crisis-group-mali-isolation-2023"
SANCTIONS = "mali-sanctions-2023"
LEVERAGE = "mali-wagner-leverage-2021"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform cannot pass size hints to a window manager and says so as a
    # warning whenever a layout's minimum size changes; that is the test platform talking,
    # not the window misbehaving.
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(
                pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
            )


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings" / "briefing-reader.ini"


@pytest.fixture
def settings(settings_file: Path) -> Settings:
    return settings_at(settings_file)


def _colours(app: QApplication) -> tuple[QPalette, Qt.ColorScheme]:
    return QPalette(app.palette()), QGuiApplication.styleHints().colorScheme()


@pytest.fixture(autouse=True)
def _system_palette() -> Iterator[None]:
    """A test that switches to dark must not leave the next one dark. Put back only when a
    test changed it: each change goes to every widget still alive (the closed window too)."""
    app = QApplication.instance()
    before = _colours(app) if isinstance(app, QApplication) else None
    yield
    app = QApplication.instance()
    if isinstance(app, QApplication) and _colours(app) != before:
        apply_palette(app, PaletteMode.SYSTEM)


@pytest.fixture
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """Every URL handed to the system (browser, editor) instead of opening it."""
    opened: list[QUrl] = []

    def record(url: QUrl) -> bool:
        opened.append(QUrl(url))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(record))
    return opened


MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot, settings_file: Path) -> MakeWindow:
    """A shown main window on ``root`` (loaded through the index unless a ``source`` is
    given), with settings in ``settings_file``. pytest-qt closes it at the test's end, which
    closes its inotify instance too (SetController.shutdown)."""

    def make(root: Path | None = None, **kwargs: object) -> MainWindow:
        window = MainWindow(settings_at(settings_file), **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        if root is not None:
            window.open_set(root)
            qtbot.waitUntil(lambda: window.session.catalog is not None and not window.sets.busy)
        return window

    return make


@pytest.fixture
def window(make_window: MakeWindow, card_set: Path) -> MainWindow:
    return make_window(card_set)


def list_titles(window: MainWindow) -> list[str]:
    pane = window.list_pane
    return [pane.model.summary(i).title for i in pane.visible_ids()]  # type: ignore[union-attr]


def laid_out(window: MainWindow) -> bool:
    """Whether the card view's scroll range covers the whole card yet (Qt extends it lazily)."""
    view = window.card_view
    height = view.document().size().height() - view.viewport().height()
    return view.verticalScrollBar().maximum() >= int(height) - 2


def anchor_point(view: CardView, href: str) -> QPoint:
    """Scroll the link ``href`` into view and return a point on it, in viewport coordinates."""
    doc = view.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isAnchor() and fmt.anchorHref() == href:
                cursor = QTextCursor(doc)
                cursor.setPosition(fragment.position() + max(1, fragment.length() // 2))
                view.setTextCursor(cursor)
                view.ensureCursorVisible()
                rect = view.cursorRect(cursor)
                return QPoint(rect.center().x(), rect.center().y())
            it += 1
        block = block.next()
    raise AssertionError(f"no link to {href} in the card view")


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where screenshot tests save images: ``$BRIEFING_SCREENSHOTS`` or a temporary folder."""
    folder = Path(os.environ.get("BRIEFING_SCREENSHOTS", tmp_path / "screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_window(window: MainWindow, folder: Path, name: str) -> None:
    """Grab ``window`` into ``folder/name.png`` and print the path, for a person to look at."""
    QApplication.processEvents()  # let layouts settle, as they would before a repaint
    path = folder / f"{name}.png"
    assert window.grab().save(str(path))
    print(path)
