"""The index's fingerprint changes with what decides what a card parses into: the parsing
modules and PyYAML, found without importing them (a warm open computes it before the parser is
imported, #17 §4; tests/ui/test_startup_imports.py checks that it is not)."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import shutil
from importlib.machinery import ModuleSpec
from pathlib import Path

import pytest

from reader.index import _store
from reader.index._store import PARSING_MODULES, fingerprint


def copy_parsing_modules(folder: Path) -> None:
    """The parsing modules' sources, laid out under ``folder`` as in the package."""
    for name in PARSING_MODULES:
        spec = importlib.util.find_spec(name)
        assert spec is not None
        assert spec.origin is not None
        target = folder.joinpath(*name.split(".")[1:]).with_suffix(".py")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(spec.origin, target)


def test_the_fingerprint_changes_when_a_parsing_module_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = fingerprint()
    copy_parsing_modules(tmp_path)
    monkeypatch.setattr(_store, "_PACKAGE", tmp_path)
    assert fingerprint() == real  # the very files the modules were imported from
    source = tmp_path / "cards" / "safe_yaml.py"
    source.write_text(source.read_text("utf-8") + "\n# a change\n", "utf-8")
    assert fingerprint() != real


class _FoundYaml:
    """PathFinder, but PyYAML is found in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def find_spec(self, name: str, path: list[str] | None = None) -> ModuleSpec | None:
        if name == "yaml":
            return importlib.util.spec_from_file_location(
                "yaml", self.folder / "__init__.py", submodule_search_locations=[str(self.folder)]
            )
        return importlib.machinery.PathFinder.find_spec(name, path)


def test_the_fingerprint_changes_with_pyyaml_and_libyaml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = fingerprint()
    spec = importlib.util.find_spec("yaml")
    libyaml = importlib.util.find_spec("yaml._yaml")
    assert spec is not None
    assert spec.origin is not None
    assert libyaml is not None  # the C parser is installed
    assert libyaml.origin is not None
    copy = tmp_path / "yaml"
    copy.mkdir()
    shutil.copyfile(spec.origin, copy / "__init__.py")
    (copy / Path(libyaml.origin).name).touch()
    monkeypatch.setattr(_store, "PathFinder", _FoundYaml(copy))
    assert fingerprint() == real  # found as the real one is
    (copy / Path(libyaml.origin).name).unlink()
    without_libyaml = fingerprint()
    assert without_libyaml != real
    text = (copy / "__init__.py").read_text("utf-8")
    assert "__version__ = " in text
    (copy / "__init__.py").write_text(text.replace("__version__ = ", "__version__ = '0' and "))
    assert fingerprint() not in (real, without_libyaml)
