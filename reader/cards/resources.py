"""Where the shipped card set and resources live, installed or in a source checkout.

A wheel carries them inside the package (``reader/_data``); an editable install or a plain
checkout finds them beside the package. Nothing else in the program needs to know which.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent.parent


def _data_dir(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def shipped_cards_dir() -> Path:
    return _data_dir("cards")


def resources_dir() -> Path:
    return _data_dir("resources")


@cache
def schema(name: str) -> dict[str, Any]:
    """A JSON Schema from ``resources/`` (``briefing-card`` or ``briefing-set``)."""
    path = resources_dir() / f"{name}.schema.json"
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded
