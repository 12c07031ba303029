"""Preferences, typed, over a :class:`QSettings` the caller owns.

The window never opens the user's settings itself: ``app.py`` passes the real store and tests
pass an ini file in a temporary folder, so a test run can never overwrite someone's
preferences.
"""

from __future__ import annotations

import hashlib
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8
DEFAULT_ZOOM = 0
MIN_ZOOM, MAX_ZOOM = -4, 10


class PaletteMode(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


class Settings:
    def __init__(self, store: QSettings) -> None:
        self._store = store

    @property
    def store(self) -> QSettings:
        return self._store

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _int(self, key: str, default: int) -> int:
        value = self._store.value(key, default)  # ini files give strings back
        try:
            return int(str(value))
        except ValueError:
            return default

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._store.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._store.setValue("window/state", value)

    @property
    def splitter_state(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    @splitter_state.setter
    def splitter_state(self, value: QByteArray) -> None:
        self._store.setValue("window/splitter", value)

    @property
    def zoom(self) -> int:
        return max(MIN_ZOOM, min(MAX_ZOOM, self._int("view/zoom", DEFAULT_ZOOM)))

    @zoom.setter
    def zoom(self, value: int) -> None:
        self._store.setValue("view/zoom", max(MIN_ZOOM, min(MAX_ZOOM, value)))

    @property
    def palette_mode(self) -> PaletteMode:
        value = self._store.value("view/palette", PaletteMode.SYSTEM.value)
        try:
            return PaletteMode(str(value))
        except ValueError:
            return PaletteMode.SYSTEM

    @palette_mode.setter
    def palette_mode(self, value: PaletteMode) -> None:
        self._store.setValue("view/palette", value.value)

    @property
    def sort_key(self) -> str:
        return str(self._store.value("list/sort", ""))

    @sort_key.setter
    def sort_key(self, value: str) -> None:
        self._store.setValue("list/sort", value)

    @property
    def last_set(self) -> Path | None:
        value = self._store.value("sets/last", "")
        return Path(str(value)) if value else None

    @property
    def recent_sets(self) -> list[Path]:
        value = self._store.value("sets/recent", [])
        if isinstance(value, str):  # QSettings collapses a one-item list to a string
            value = [value]
        if not isinstance(value, list):
            return []
        return [Path(str(v)) for v in value if v][:MAX_RECENT]

    def remember_set(self, path: Path) -> None:
        """Make ``path`` the last set and the first of the recent ones."""
        path = path.resolve()
        recent = [p for p in self.recent_sets if p != path]
        self._store.setValue("sets/last", str(path))
        self._store.setValue("sets/recent", [str(p) for p in [path, *recent][:MAX_RECENT]])

    def forget_set(self, path: Path) -> None:
        recent = [p for p in self.recent_sets if p != path]
        self._store.setValue("sets/recent", [str(p) for p in recent])

    def clear_recent(self) -> None:
        self._store.setValue("sets/recent", [])

    @staticmethod
    def _sources_key(set_root: Path) -> str:
        # A path makes a poor settings key (slashes are groups in QSettings): its digest.
        digest = hashlib.sha256(str(set_root.resolve()).encode("utf-8", "surrogateescape"))
        return f"sources/{digest.hexdigest()[:24]}"

    def source_folder(self, set_root: Path) -> Path | None:
        """The folder the reader chose (Locate…) for this set's source texts, if any."""
        value = self._store.value(self._sources_key(set_root), "")
        return Path(str(value)) if value else None

    def set_source_folder(self, set_root: Path, folder: Path | None) -> None:
        """Remember ``folder`` as this set's sources folder (``None`` forgets it)."""
        key = self._sources_key(set_root)
        if folder is None:
            self._store.remove(key)
        else:
            self._store.setValue(key, str(folder.resolve()))

    @property
    def external_editor(self) -> str:
        """The external editor's command (``{file}``, ``{line}``); "" chooses one by itself."""
        return str(self._store.value("editing/external_editor", "") or "")

    @external_editor.setter
    def external_editor(self, value: str) -> None:
        self._store.setValue("editing/external_editor", value.strip())

    @property
    def problems_open_externally(self) -> bool:
        """Whether a problem double-clicked opens the external editor (else the built-in one)."""
        return str(self._store.value("editing/problems_external", "false")).lower() == "true"

    @problems_open_externally.setter
    def problems_open_externally(self, value: bool) -> None:
        self._store.setValue("editing/problems_external", "true" if value else "false")

    def _set_key(self, group: str, set_root: Path) -> str:
        return self._sources_key(set_root).replace("sources/", f"{group}/", 1)

    def last_card(self, set_root: Path) -> str | None:
        """The card last open in this set (reopened at the next launch), if any."""
        value = self._store.value(self._set_key("reading", set_root), "")
        return str(value) if value else None

    def set_last_card(self, set_root: Path, card_id: str | None) -> None:
        """Remember the card open in this set; ``None``: the reader left it on its overview."""
        self._store.setValue(self._set_key("reading", set_root), card_id or "")

    def last_section(self, set_root: Path) -> str | None:
        """The section of that card being read (its key: "argument"), if any."""
        value = self._store.value(self._set_key("place", set_root), "")
        return str(value) if value else None

    def set_last_section(self, set_root: Path, section: str | None) -> None:
        self._store.setValue(self._set_key("place", set_root), section or "")

    def sync(self) -> None:
        self._store.sync()
