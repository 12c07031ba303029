"""Test-wide setup: headless Qt, and helpers every test folder shares."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# Before any Qt import: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: Free space a memory file system needs before the run's temporary folders go there.
_SHM_NEEDED = 1 << 30


def _temporary_root_in_memory(shm: Path = Path("/dev/shm")) -> None:
    """Put the run's temporary folders (tmp_path, the index cache, settings) on ``/dev/shm``.

    The product syncs what it writes (SQLite commits, QSaveFile, the export's fsync): some
    1,100 fdatasync calls in 108 tests, 2.8 s of the workers' wall time blocked on this VM's
    disk (2.5 ms each, ``strace -f -w -c``) and none on a memory file system. Only where
    the user chose no temporary folder (TMPDIR, PYTEST_DEBUG_TEMPROOT, which pytest reads
    for its root) and the memory file system has room (a container's is often 64 MB).
    """
    if os.environ.get("TMPDIR") or os.environ.get("PYTEST_DEBUG_TEMPROOT"):
        return
    try:
        free = os.statvfs(shm)
    except OSError:
        return
    if free.f_bavail * free.f_frsize >= _SHM_NEEDED and os.access(shm, os.W_OK | os.X_OK):
        os.environ["PYTEST_DEBUG_TEMPROOT"] = str(shm)


_temporary_root_in_memory()

# CI replays the same examples every run, so a submission's result does not depend on luck;
# developers' runs keep exploring new ones (and a failure found there becomes a fixed test).
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto`` (pyproject's addopts) starts one worker more than the machine has cores.

    Many UI tests wait on the event loop (a watcher's debounce, a background job, a signal),
    leaving their core idle meanwhile; a worker more fills it. On the 2-core VM, the whole suite
    in pytest's summary, alternated on the idle VM: 2 workers 78.0 and 88.8 s, 3 workers 74.3
    and 82.2 s (and 84.8-97.0 s with 2 in fresh clones the same hour).
    """
    return (os.cpu_count() or 1) + 1


REPO = Path(__file__).resolve().parent.parent
SHIPPED_CARDS = REPO / "cards"
SHARED_SOURCES = REPO.parent / "shared" / "sources"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True, scope="session")
def _index_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The persistent index (reader.index) writes to a temporary cache, never ~/.cache; the
    log (reader.app.log) to a temporary state folder, never ~/.local/state; the editor's
    drafts (reader.ui.editor.drafts) to a temporary data folder."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFING_READER_CACHE_DIR", str(tmp_path_factory.mktemp("index-cache")))
        patch.setenv("BRIEFING_READER_STATE_DIR", str(tmp_path_factory.mktemp("state")))
        patch.setenv("BRIEFING_READER_DATA_DIR", str(tmp_path_factory.mktemp("data")))
        yield


@pytest.fixture
def card_set(tmp_path: Path) -> Path:
    """A private copy of the shipped set, safe to edit and break."""
    root = tmp_path / "cards"
    shutil.copytree(SHIPPED_CARDS, root)
    return root


@pytest.fixture
def write_set(tmp_path: Path) -> Callable[[dict[str, str]], Path]:
    """Write ``{relative path: text}`` into a fresh set folder and return the folder."""

    def write(files: dict[str, str]) -> Path:
        root = tmp_path / "set"
        root.mkdir(exist_ok=True)
        for rel, text in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return root

    return write
