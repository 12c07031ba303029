"""``briefing-reader index`` and ``search``: output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cards.catalog import MemoryCatalog
from reader.cards.load import load_set
from reader.cards.query import Query
from reader.cli import main
from reader.index import _store as indexdb
from tests.conftest import DATA
from tests.support.synthetic import LOCALITIES, write_set


@pytest.fixture
def cards(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(indexdb.CACHE_ENV, str(tmp_path / "cache"))
    root = tmp_path / "set"
    write_set(root, 30, seed=21)
    return root


def test_index_builds_then_parses_nothing(
    cards: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["index", str(cards)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("30 cards, 0 errors, 0 warnings; 30 files parsed (")
    assert out[1] == f"index: {indexdb.index_path(cards, tmp_path / 'cache')}"
    assert main(["index", str(cards)]) == 0
    assert "; 0 files parsed (" in capsys.readouterr().out


def test_index_of_a_set_with_errors_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(indexdb.CACHE_ENV, str(tmp_path / "cache"))
    assert main(["index", str(DATA / "bad")]) == 1
    out = capsys.readouterr().out
    errors = sum(1 for p in load_set(DATA / "bad").problems if p.is_error)
    assert f" {errors} errors, " in out
    assert "briefing-reader check" in out


@pytest.mark.parametrize("command", ["index", "search"])
def test_a_missing_folder_exits_2(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [command, str(tmp_path / "nowhere")] + (["x"] if command == "search" else [])
    assert main(argv) == 2
    assert "does not exist" in capsys.readouterr().err


def test_search_prints_ids_best_first(cards: Path, capsys: pytest.CaptureFixture[str]) -> None:
    place = LOCALITIES[0][:-2]  # a prefix of a place name a few cards mention
    assert main(["search", str(cards), place]) == 0
    printed = capsys.readouterr().out.split()
    expected = MemoryCatalog(load_set(cards)).matching(Query(text=place))
    assert sorted(printed) == sorted(expected)
    assert 0 < len(printed) < 30


def test_search_with_tags_and_json(cards: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["search", str(cards), "", "--tag", "theme", "--exclude-tag", "theme/economy"]
    assert main([*argv, "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    query = Query(include_tags=("theme",), exclude_tags=("theme/economy",))
    assert [f["id"] for f in found] == MemoryCatalog(load_set(cards)).matching(query)
    first = found[0]
    assert set(first) == {"id", "title", "publisher", "published", "kind", "tags", "path"}
    assert (cards / first["path"]).is_file()


def test_search_without_a_match_exits_1(cards: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", str(cards), "zzzz-nothing"]) == 1
    assert capsys.readouterr().out == ""


def test_search_with_a_bad_format_is_a_usage_error(
    cards: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["search", str(cards), "x", "--format", "xml"])
    assert stop.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
