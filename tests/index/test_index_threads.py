"""The index imports nothing on the thread that drives it (PySide6's import hook is not
thread-safe; see reader.app.loading). A fresh interpreter, so no earlier test warms anything."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import index
from tests.conftest import REPO
from tests.support.facet_builds import retitle_a_card
from tests.support.synthetic import write_set

SCRIPT = r"""
import builtins, sys, threading
from pathlib import Path
from reader import index
from reader.index import _sync as indexbuild
from reader.cards.query import Query

root, cache, threshold = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
index.prepare_for_threads()
indexbuild.PARALLEL_THRESHOLD = threshold
indexbuild.CHUNK = 8
original = builtins.__import__
seen = []

def recording(name, *args, **kwargs):
    if threading.current_thread() is not threading.main_thread():
        seen.append(name)
    return original(name, *args, **kwargs)

def drive():
    catalog = list(index.index_snapshots(root, cache_dir=cache, workers=2))[-1]
    catalog.card(catalog.summaries()[0].id)
    catalog.matching(Query(text="mali", include_tags=("theme",), exclude_tags=("region",)))
    catalog.search(Query(text='"the military"'))
    catalog.refresh([root / "broken.yaml", root / "invalid.yaml"]).refresh()
    list(index.index_snapshots(root, cache_dir=cache))

builtins.__import__ = recording
worker = threading.Thread(target=drive)
worker.start()
worker.join()
builtins.__import__ = original
print(sorted(set(seen)))
"""


@pytest.mark.parametrize("threshold", [1_000_000, 1], ids=["in-process", "worker-processes"])
def test_driving_the_index_from_a_thread_imports_nothing(tmp_path: Path, threshold: int) -> None:
    root = tmp_path / "set"
    write_set(root, 20, seed=6)
    (root / "broken.yaml").write_text("format: briefing-card/1\nid: [\n", encoding="utf-8")
    (root / "invalid.yaml").write_text("format: briefing-card/1\nid: X\nmore: 1\n", "utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(root), str(tmp_path / "cache"), str(threshold)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    assert done.stdout.strip() == "[]", done.stderr


WARM = r"""
import builtins, json, sys, threading
from pathlib import Path
from reader import index

root, cache = Path(sys.argv[1]), Path(sys.argv[2])
original = builtins.__import__
seen, events = [], []
at_gate, go_on = threading.Event(), threading.Event()

def recording(name, *args, **kwargs):
    if threading.current_thread() is not threading.main_thread():
        seen.append(name)
    return original(name, *args, **kwargs)

def before_parse():
    parser = sorted(m for m in ("yaml", "jsonschema", "reader.cards.schema") if m in sys.modules)
    events.append(["gate", sorted(seen), parser])
    at_gate.set()
    go_on.wait(60)

def drive():
    for catalog in index.index_snapshots(root, cache_dir=cache, before_parse=before_parse):
        events.append(["catalog", sorted(s.title for s in catalog.summaries())[-1], sorted(seen)])

builtins.__import__ = recording
worker = threading.Thread(target=drive)
worker.start()
at_gate.wait(60)
index.prepare_for_threads()  # as the window's UI thread does once it has painted the list
go_on.set()
worker.join()
builtins.__import__ = original
print(json.dumps(events))
"""


def test_a_warm_open_lists_the_stored_catalog_before_it_parses_or_imports(tmp_path: Path) -> None:
    """Without prepare_for_threads: the stored catalog comes before the gate, nothing imported
    on the thread by then, nor the parser at all (YAML, jsonschema, the schema's validators:
    reader/index/_parser.py); past the gate (prepared), a changed card is found."""
    root, cache = tmp_path / "set", tmp_path / "cache"
    write_set(root, 20, seed=6)
    index.open_index(root, cache_dir=cache)  # its state stored
    retitle_a_card(root, 4, "Zebra")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", WARM, str(root), str(cache)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    stored, gate, updated = json.loads(done.stdout)
    assert stored == ["catalog", stored[1], []]
    assert stored[1] != "Zebra"
    assert gate == ["gate", [], []]  # nothing imported on the thread, no parser in the process
    assert updated == ["catalog", "Zebra", []]
