"""F12: a search is bounded (terms, length) and a repeated term costs nothing.

Ranking (bm25) compares every pair of matched terms in each card, so 1,000 copies of "m" took
34 s on 500 cards. The CLI refuses a search beyond the bounds with a clear message (exit 2);
the window's search field, which cannot refuse what is typed, ignores the excess.
"""

from __future__ import annotations

from pathlib import Path

from reader.cards.query import MAX_SEARCH_CHARS, MAX_SEARCH_TERMS, Query, parse_search
from reader.index import open_index
from reader.index._search import fts_expression
from tests.hostile.conftest import Cli, assert_no_traceback
from tests.support.synthetic import write_set

MANY_WORDS = " ".join(f"w{i}" for i in range(1000))


def test_too_many_words_is_a_usage_error(tmp_path: Path, run_main: Cli) -> None:
    write_set(tmp_path / "set", 3, seed=1)
    searched = run_main("search", tmp_path / "set", " ".join(f"w{i}" for i in range(100)))
    assert_no_traceback(searched)
    assert searched.returncode == 2
    assert searched.stdout == ""
    assert searched.stderr.strip() == (
        "briefing-reader search: error: the search has 100 different words or phrases; "
        f"a search takes at most {MAX_SEARCH_TERMS}"
    )


def test_too_long_a_search_is_a_usage_error(tmp_path: Path, run_main: Cli) -> None:
    write_set(tmp_path / "set", 3, seed=1)
    searched = run_main("search", tmp_path / "set", MANY_WORDS)
    assert_no_traceback(searched)
    assert searched.returncode == 2
    assert searched.stderr.strip() == (
        f"briefing-reader search: error: the search is {len(MANY_WORDS):,} characters long; "
        f"a search takes at most {MAX_SEARCH_CHARS:,}"
    )


def test_a_repeated_term_is_searched_once(tmp_path: Path, run_main: Cli) -> None:
    """The review's case, within the bounds: "m" 300 times is the search "m"."""
    root = tmp_path / "set"
    write_set(root, 30, seed=1)
    assert parse_search("m " * 300) == parse_search("m")
    assert parse_search('mali MALI Malí "the junta" "The Junta"') == parse_search(
        'mali "the junta"'
    )
    assert fts_expression(Query(text="m " * 300).terms) == '"m"*'
    repeated, once = run_main("search", root, "m " * 300), run_main("search", root, "m")
    assert repeated.returncode == 0, repeated.stderr
    assert repeated.stdout == once.stdout


def test_the_window_ignores_what_goes_beyond_the_bounds(tmp_path: Path) -> None:
    """What the search field keeps: the first 32 different terms of the first 1,000 characters,
    never a word cut short."""
    terms = parse_search(MANY_WORDS)
    assert [t.words for t in terms] == [(f"w{i}",) for i in range(MAX_SEARCH_TERMS)]
    cut = "a" * (MAX_SEARCH_CHARS - 2) + " sanctions"
    assert [t.words for t in parse_search(cut)] == [("a" * (MAX_SEARCH_CHARS - 2),)]
    root = tmp_path / "set"
    write_set(root, 10, seed=1)
    catalog = open_index(root, cache_dir=tmp_path / "cache")
    assert catalog.matching(Query(text="m " * 5000)) == catalog.matching(Query(text="m"))


def test_export_search_is_bounded_like_search(tmp_path: Path, run_main: Cli) -> None:
    # export --search used the same query rules but dropped the excess without a word.
    write_set(tmp_path / "set", 3, seed=1)
    exported = run_main(
        "export", tmp_path / "set", "-o", tmp_path / "out.pdf", "--search", MANY_WORDS
    )
    assert_no_traceback(exported)
    assert exported.returncode == 2
    assert exported.stderr.strip() == (
        f"briefing-reader export: error: the search is {len(MANY_WORDS):,} characters long; "
        f"a search takes at most {MAX_SEARCH_CHARS:,}"
    )
    assert not (tmp_path / "out.pdf").exists()
