"""What the index keeps and how it reads it back: the stored state's layout, the modules its
fingerprint covers, and cards parsed once per change."""

from __future__ import annotations

import marshal
import re
from pathlib import Path

import grimp
import pytest

from reader.cards.catalog import CardSummary
from reader.cards.dates import PartialDate
from reader.cards.facets import build_facets
from reader.cards.model import SET_FILE, Card, Source
from reader.cards.problems import Problem, Severity
from reader.cards.query import Query
from reader.cards.sorting import sort_keys
from reader.index import _catalog as index_catalog
from reader.index import _parse as parsing
from reader.index import open_index
from reader.index._state import State, _decode_state
from reader.index._state_blob import Contents, checksum, pack
from reader.index._store import PARSING_MODULES, CorruptIndex
from tests.support.synthetic import write_set


def test_the_fingerprint_covers_every_module_the_row_maker_imports() -> None:
    """A helper the parser starts to use, left off the list, would serve stale cached cards."""
    graph = grimp.build_graph("reader", cache_dir=None)
    imported = graph.find_upstream_modules("reader.index._parse")
    assert set(PARSING_MODULES) == {"reader.index._parse", *imported}


SUMMARY = ("an-id", "A title", "A publisher", 2021, 9, None, "report", ("a", "b/c"), "x/y.yaml")
PROBLEM = ("x/y.yaml", 3, 4, "warning", "a message")


def test_the_stored_state_keeps_its_layout() -> None:
    """Indexes stored by earlier versions decode alike (changing the layout means bumping
    SCHEMA_VERSION, which discards them): the summaries as columns (one per summary field),
    the rowids, each problem's values, then the facets, the sort keys and the set file's
    declarations (None: not stored), all in this order."""
    columns = tuple((value,) for value in SUMMARY)
    payload = marshal.dumps((columns, (7,), [PROBLEM], None, None, None))
    state = _decode_state(checksum(payload) + payload, 5)
    summary = CardSummary(
        "an-id", "A title", "A publisher", PartialDate(2021, 9), "report", ("a", "b/c"), "x/y.yaml"
    )
    problem = Problem("x/y.yaml", 3, 4, Severity.WARNING, "a message")
    assert state == State((summary,), (7,), (problem,), 5)
    assert state.facets is None
    assert state.sort_keys is None
    assert not state.prepared
    assert marshal.loads(pack(Contents((summary,), (7,), (problem,), None, None))) == (
        columns,
        (7,),
        [PROBLEM],
        None,
        None,
        None,
    )


def test_the_stored_facets_and_sort_keys_are_what_the_loader_would_make(tmp_path: Path) -> None:
    """Made once for a state's summaries, they are stored with it and read back equal, in the
    summaries' order (queries select cards by position), and handed to the loader's asks."""
    write_set(tmp_path / "set", 40, seed=2)
    shown = open_index(tmp_path / "set", cache_dir=tmp_path / "cache")
    summaries = tuple(shown.summaries())
    state = State(summaries, tuple(range(len(summaries))), (), 3)
    facets, keys = build_facets(summaries), sort_keys(summaries)
    payload = pack(Contents(summaries, state.rowids, (), facets, keys))
    blob = checksum(payload) + payload
    back = _decode_state(blob, 3)
    assert back == state
    assert back.prepared
    assert back.facets == facets
    assert list(back.facets.card_nodes) == [s.id for s in summaries]
    assert back.sort_keys == keys
    assert build_facets(back.summaries) is back.facets  # the loader is handed them
    assert sort_keys(back.summaries) is back.sort_keys
    assert back.facets.select(Query(include_tags=("theme",))) == facets.select(
        Query(include_tags=("theme",))
    )


def test_a_damaged_stored_state_is_refused() -> None:
    """Columns that do not line up are damage, whatever the digest says."""
    columns = tuple((value,) for value in SUMMARY)
    payload = marshal.dumps(((*columns[:3], (), *columns[4:]), (7,), [], None, None))
    with pytest.raises(CorruptIndex):
        _decode_state(checksum(payload) + payload, 5)


def count_card_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """From now on, the cards a catalog parses from the index's stored files (their paths)."""
    parsed: list[str] = []
    original = parsing.restore_card

    def counting(rel: str, data: bytes, topics: frozenset[str] | None) -> Card | None:
        parsed.append(rel)
        return original(rel, data, topics)

    monkeypatch.setattr(parsing, "restore_card", counting)
    return parsed


def retitle(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^title: .*$", f'title: "{title}"', text, flags=re.M), "utf-8")


def test_a_card_is_parsed_once_per_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "set"
    write_set(root, 12, seed=3)
    shown, other = sorted(p for p in root.rglob("*.yaml") if p.name != SET_FILE)[:2]
    unique = tmp_path.name  # content no other test parsed: the cache is the process's
    retitle(shown, f"Shown {unique}")
    catalog = open_index(root, cache_dir=tmp_path / "cache")
    rel = shown.relative_to(root).as_posix()
    card_id = next(s.id for s in catalog.summaries() if s.path == rel)
    parsed = count_card_parses(monkeypatch)

    first = catalog.card(card_id)
    assert first is not None
    assert first.title == f"Shown {unique}"
    assert [catalog.card(card_id) for _ in range(3)] == [first] * 3  # as export asks
    assert parsed == [rel]

    retitle(other, f"Other {unique}")  # another card changes: this one is not parsed again
    reloaded = catalog.refresh([other])
    assert reloaded.card(card_id) == first
    assert parsed == [rel]

    retitle(shown, f"Edited {unique}")  # this card changes: parsed once more, new content
    edited = reloaded.refresh([shown])
    for held in (edited, reloaded, catalog):
        again = held.card(card_id)
        assert again is not None
        assert again.title == f"Edited {unique}"
    assert parsed == [rel, rel]


def test_the_parsed_cards_are_bounded() -> None:
    cards = index_catalog.ParsedCards(size=2)
    source = Source(publisher="p", published=PartialDate(2020))
    made = {name: Card(name, name, source, "thesis", "summary", (), ()) for name in "abc"}
    for name, card in made.items():
        cards.put((name, b"digest", None), card)
    assert cards.get(("a", b"digest", None)) is None  # the oldest went
    assert cards.get(("b", b"digest", None)) is made["b"]
    cards.put(("d", b"digest", None), made["a"])
    assert cards.get(("c", b"digest", None)) is None  # b was used since: c was the oldest
    assert cards.get(("b", b"digest", None)) is made["b"]
