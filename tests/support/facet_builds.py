"""Helpers for tests of what an open after an edit makes anew: an edited card, and a count of
the facets built from nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.cards import facets as facet_module
from reader.cards.facets import Facets
from reader.cards.model import SET_FILE


def retitle_a_card(root: Path, which: int, title: str) -> Path:
    """Give the ``which``-th card file under ``root`` (by path) the title ``title``."""
    edited = sorted(p for p in root.rglob("*.yaml") if p.name != SET_FILE)[which]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(re.sub(r"^title: .*$", f'title: "{title}"', text, flags=re.M), "utf-8")
    return edited


def count_facet_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that gets an item each time facets are built from nothing, from now on."""
    built: list[int] = []
    making = facet_module._build

    def counted(summaries: object) -> Facets:
        built.append(1)
        return making(summaries)  # type: ignore[arg-type]

    monkeypatch.setattr(facet_module, "_build", counted)
    return built
