"""F7: readers of an index that other processes update see one consistent snapshot.

An update deletes the rows of the files it re-parses and writes them again under new rowids,
and may hand a number a reader still holds to another file. A catalog (the CLI's for one
search, the window's for as long as it shows the set) must never lose a card to that, nor
answer with another card's content.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from reader.cards.catalog import MemoryCatalog
from reader.cards.load import load_set
from reader.cards.query import Query
from reader.index import open_index
from tests.conftest import REPO
from tests.hostile.conftest import card_text
from tests.support.synthetic import write_set

#: How long the processes race, counted from when both indexers have started (their imports
#: took most of a shorter race, which then missed a catalog that ignores the updates); each
#: catalog is held and searched for a slice of it.
RACE_SECONDS = 1.5
HOLD_SECONDS = 0.4

#: An ``index`` run after another until the deadline, each after touching a fifth of the
#: cards (same content, new modification time: the update rewrites their rows). It says
#: "ready" once imported and reads the deadline from its input.
INDEXER = r"""
import contextlib, io, os, sys, time
from pathlib import Path
from reader.cli import main
root, offset = Path(sys.argv[1]), int(sys.argv[2])
files = sorted(p for p in root.rglob("*.yaml") if p.name != "cardset.yaml")
print("ready", flush=True)
deadline = float(sys.stdin.readline())
runs = 0
while time.time() < deadline:
    for path in files[(offset + runs) % 5 :: 5]:
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1000))
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["index", str(root)]) == 0
    runs += 1
print(runs)
"""


def test_a_search_while_two_index_runs_update_the_set_finds_every_card(tmp_path: Path) -> None:
    root, cache = tmp_path / "set", tmp_path / "cache"
    write_set(root, 150, seed=4)
    query = Query(text="gold")
    expected = sorted(MemoryCatalog(load_set(root)).matching(query))
    assert 0 < len(expected) < 150
    open_index(root, cache_dir=cache)
    env = {**os.environ, "PYTHONPATH": str(REPO), "BRIEFING_READER_CACHE_DIR": str(cache)}
    indexers = [
        subprocess.Popen(
            [sys.executable, "-c", INDEXER, str(root), str(offset)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )
        for offset in (0, 2)
    ]
    wrong: list[int] = []
    searches = 0
    try:
        for process in indexers:
            assert process.stdout is not None
            assert process.stdout.readline().strip() == "ready"
        deadline = time.time() + RACE_SECONDS
        for process in indexers:
            assert process.stdin is not None
            process.stdin.write(f"{deadline}\n")
            process.stdin.flush()  # communicate() closes it
        while time.time() < deadline:
            held = open_index(root, cache_dir=cache, workers=1)  # as `search` opens it
            until = min(deadline, time.time() + HOLD_SECONDS)
            while True:  # then held, as the window holds it, while the indexers go on
                found = sorted(held.search(query))
                searches += 1
                if found != expected:
                    wrong.append(len(found))
                if time.time() >= until:
                    break
    finally:
        runs = [int(p.communicate(timeout=60)[0] or 0) for p in indexers]
    assert all(run > 0 for run in runs), runs  # the race took place
    assert wrong == [], f"{len(wrong)} of {searches} searches found {sorted(set(wrong))} cards"


def test_a_held_catalog_never_answers_with_another_cards_content(tmp_path: Path) -> None:
    """The review's stale rowid: x.yaml's number goes to y.yaml after another update."""
    root, cache = tmp_path / "set", tmp_path / "cache"
    root.mkdir()
    (root / "y.yaml").write_text(card_text("card-y"), encoding="utf-8")
    open_index(root, cache_dir=cache)
    (root / "x.yaml").write_text(card_text("card-x"), encoding="utf-8")
    held = open_index(root, cache_dir=cache)  # the window's catalog
    (root / "x.yaml").write_text(card_text("card-x", "card-x xquokka"), encoding="utf-8")
    (root / "y.yaml").write_text(card_text("card-y", "card-y yquokka"), encoding="utf-8")
    open_index(root, cache_dir=cache)  # another window, or the CLI, updates the index

    card = held.card("card-x")
    assert card is not None
    assert card.id == "card-x"
    assert "yquokka" not in card.title
    assert held.search(Query(text="yquokka")) == ["card-y"]
    assert held.matching(Query(text="yquokka")) == ["card-y"]
    assert held.matching(Query(text="xquokka")) == ["card-x"]


def test_a_held_catalog_does_not_show_a_card_whose_file_now_holds_another(
    tmp_path: Path,
) -> None:
    root, cache = tmp_path / "set", tmp_path / "cache"
    root.mkdir()
    (root / "x.yaml").write_text(card_text("card-x"), encoding="utf-8")
    held = open_index(root, cache_dir=cache)
    (root / "x.yaml").write_text(card_text("card-z"), encoding="utf-8")
    open_index(root, cache_dir=cache)
    assert held.card("card-x") is None
