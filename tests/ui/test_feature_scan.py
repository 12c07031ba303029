"""PySide6's ``__feature__`` table is filled before the window's imports, so PySide6 does not
read the source of each module imported after Qt (reader/ui/feature_scan.py)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

from reader.ui.feature_scan import NO_FEATURE, package_modules, skip_feature_scans

READER = Path(__file__).resolve().parents[2] / "reader"


def feature_module() -> ModuleType:
    import PySide6.QtCore  # noqa: F401  (makes the __feature__ module)

    feature = sys.modules.get("__feature__")
    if feature is None or not isinstance(getattr(feature, "pyside_feature_dict", None), dict):
        pytest.skip("this PySide6 keeps no __feature__ table")
    return feature


def test_the_package_modules_are_named_from_their_files() -> None:
    names = set(package_modules(READER, "reader"))
    assert {"reader", "reader.ui", "reader.ui.main_window", "reader.index._store"} <= names
    assert len(names) == len(list(READER.rglob("*.py")))
    assert all(importlib.util.find_spec(name) is not None for name in sorted(names)[:20])


def scans_of_a_from_import(scanned: list[str]) -> list[str]:
    """The modules PySide6's hook reads while a `from ... import` statement runs (it looks at
    the module of every such statement it has not seen yet)."""
    scanned.clear()
    from reader.ui.main_window import MainWindow

    assert MainWindow.__name__ == "MainWindow"
    return list(scanned)


def test_a_module_entered_first_is_not_scanned(monkeypatch: pytest.MonkeyPatch) -> None:
    feature = feature_module()
    table: dict[str, int] = feature.pyside_feature_dict
    scanned: list[str] = []
    monkeypatch.setattr(feature, "_mod_uses_pyside", lambda m: scanned.append(m.__name__))
    scans_of_a_from_import(scanned)  # imported, if it was not yet
    monkeypatch.delitem(table, "reader.ui.main_window")
    if not scans_of_a_from_import(scanned):
        pytest.skip("PySide6's import hook is not installed in this process")
    monkeypatch.delitem(table, "reader.ui.main_window")
    assert skip_feature_scans() >= 1
    assert scans_of_a_from_import(scanned) == []
    assert table["reader.ui.main_window"] == NO_FEATURE
    assert all(name in table for name in list(sys.modules))
