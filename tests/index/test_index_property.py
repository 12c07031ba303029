"""After any edits, adds, deletes and renames, the index agrees with a fresh load of the set."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.cards.model import SET_FILE
from reader.index import IndexCatalog, index_refreshes, open_index
from tests.index.test_index import assert_agrees
from tests.support.synthetic import generate_card, set_file_text, write_set

START = 10
OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["edit", "add", "delete", "rename", "break", "duplicate", "topics"]),
        st.integers(0, 10_000),
    ),
    min_size=1,
    max_size=6,
)
REFRESH = st.sampled_from(["reopen", "refresh-paths", "refresh-all", "live-reload"])


def cards_in(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.y*ml") if p.name != SET_FILE)


def apply(root: Path, operation: str, n: int) -> list[Path]:
    """Change the set; return the paths touched (old and new)."""
    files = cards_in(root)
    if operation == "add" or not files:
        path = root / f"added-{n}" / f"card-{n}.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(generate_card(100 + n, seed=8).text, encoding="utf-8")
        return [path]
    target = files[n % len(files)]
    if operation == "edit":
        target.write_text(generate_card(n, seed=9).text, encoding="utf-8")
    elif operation == "delete":
        target.unlink()
    elif operation == "rename":
        moved = root / "moved" / f"{n}-{target.stem}.yml"
        moved.parent.mkdir(exist_ok=True)
        target.rename(moved)
        return [target, moved]
    elif operation == "break":
        target.write_text("format: briefing-card/1\nid: [unclosed\n", encoding="utf-8")
    elif operation == "duplicate":
        copy = root / f"copy-{n}.yaml"
        copy.write_bytes(target.read_bytes())
        return [copy]
    else:
        text = set_file_text()
        if n % 2:
            text = text.replace("- key: civilian-harm", "- key: civilian-harms")
        (root / SET_FILE).write_text(text, encoding="utf-8")
        return [root / SET_FILE]
    return [target]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(OPERATIONS, REFRESH), min_size=1, max_size=3))
def test_the_index_follows_any_edits(rounds: list[tuple[list[tuple[str, int]], str]]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "set"
        cache = Path(scratch) / "cache"
        write_set(root, START, seed=3)
        old = 1_600_000_000 * 10**9  # most files predate the index: trusted on size and time
        for path in cards_in(root):
            os.utime(path, ns=(old, old))
        catalog = open_index(root, cache_dir=cache)
        for operations, refresh in rounds:
            touched = [p for op, n in operations for p in apply(root, op, n)]
            if refresh == "reopen":
                catalog = open_index(root, cache_dir=cache)
            elif refresh == "refresh-paths":
                catalog = catalog.refresh(touched)
            elif refresh == "live-reload":  # as the window does it: the state stored after
                (reloaded,) = index_refreshes(root, catalog, map(str, touched), cache_dir=cache)
                assert isinstance(reloaded, IndexCatalog)
                catalog = reloaded
            else:
                catalog = catalog.refresh()
            assert_agrees(catalog, root)
