"""A warm open lists the stored catalog before it parses anything, the set file included: its
declarations are stored with the state (keyed by the set file's digest), and ``before_parse``
is called only after that catalog (the window's loader waits there for its parser,
reader/app/parser_gate.py). Anything that may parse comes after the gate."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.cards.load import load_set_info
from reader.cards.model import SET_FILE
from reader.index import IndexCatalog, _parse, index_snapshots, open_index
from tests.index.conftest import assert_agrees
from tests.support.facet_builds import retitle_a_card
from tests.support.synthetic import set_file_text


class Recorder:
    """What happened, in order: each catalog yielded, the gate, and each set file parse."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.events: list[str] = []
        monkeypatch.setattr(_parse, "load_set_info", self._parse)

    def _parse(self, root: Path) -> object:
        self.events.append("set file parsed")
        return load_set_info(root)

    def gate(self) -> None:
        self.events.append("gate")

    def catalogs(self, root: Path, cache: Path) -> Iterator[IndexCatalog]:
        for catalog in index_snapshots(root, cache_dir=cache, before_parse=self.gate):
            assert isinstance(catalog, IndexCatalog)
            self.events.append(f"catalog of {len(catalog.summaries())}")
            yield catalog


def test_an_unchanged_set_is_listed_without_parsing_and_a_change_is_found_after_the_gate(
    cards: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_index(cards, cache_dir=cache)  # indexed, its state stored
    recorder = Recorder(monkeypatch)
    assert list(recorder.catalogs(cards, cache))
    assert recorder.events == ["catalog of 40", "gate"]  # nothing parsed, nothing changed

    retitle_a_card(cards, 3, "Zebra")
    recorder.events.clear()
    first, last = list(recorder.catalogs(cards, cache))
    assert recorder.events == ["catalog of 40", "gate", "set file parsed", "catalog of 40"]
    assert "Zebra" not in {s.title for s in first.summaries()}  # as stored
    assert "Zebra" in {s.title for s in last.summaries()}  # the card changed since
    assert first.info == last.info == load_set_info(cards)[0]  # topics, aliases, descriptions
    assert first.info.topics
    assert first.info.actor_aliases
    assert first.info.tag_descriptions
    assert dict(first.info.positions) == dict(load_set_info(cards)[0].positions)
    assert_agrees(last, cards)


def test_a_changed_set_file_is_parsed_after_the_gate_before_any_catalog(
    cards: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_index(cards, cache_dir=cache)
    (cards / SET_FILE).write_text(set_file_text("A new title"), "utf-8")
    recorder = Recorder(monkeypatch)
    catalogs = list(recorder.catalogs(cards, cache))
    assert recorder.events == ["gate", "set file parsed", "catalog of 40"]
    assert catalogs[-1].info.title == "A new title"


def test_a_cold_open_waits_at_the_gate_before_it_parses(
    cards: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = Recorder(monkeypatch)
    catalogs = list(recorder.catalogs(cards, cache))
    assert recorder.events[:2] == ["gate", "set file parsed"]
    assert_agrees(catalogs[-1], cards)


def test_a_stored_sources_folder_that_now_leads_outside_the_set_is_not_trusted(
    cards: Path, cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (cards / SET_FILE).write_text(set_file_text() + "sources: texts\n", "utf-8")
    (cards / "texts").mkdir()
    assert open_index(cards, cache_dir=cache).info.sources == "texts"
    (cards / "texts").rmdir()
    (tmp_path / "elsewhere").mkdir()
    (cards / "texts").symlink_to(tmp_path / "elsewhere")  # the set file as it was
    recorder = Recorder(monkeypatch)
    catalogs = list(recorder.catalogs(cards, cache))
    assert recorder.events[:2] == ["gate", "set file parsed"]  # no stored catalog first
    assert catalogs[-1].info.sources is None
    assert any("`sources` must be a folder inside" in p.message for p in catalogs[-1].problems)
