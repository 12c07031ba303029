"""Artefacts made once per test run and shared by every pytest-xdist worker.

A module-scoped fixture is made once per worker that runs one of its tests: with ``--dist
load`` the tests of a module go to both workers, so an expensive artefact (a PDF book, a
fresh interpreter's report) was made twice. Made here instead, the first worker to ask makes
it under a lock in the run's shared temporary folder and the others wait and read it (the
pattern pytest-xdist documents, with ``fcntl.flock`` instead of the filelock package).
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

#: Written into a folder last: its folder is complete.
_DONE = ".made"


def run_folder(factory: pytest.TempPathFactory) -> Path:
    """The temporary folder the whole run shares: the workers' base folders are inside it."""
    base = factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def made_once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder ``name``, filled by ``make(folder)`` in the first worker that asks for it.

    A ``make`` that fails leaves nothing behind, so the next worker to ask tries again (and
    fails with its own traceback).
    """
    shared = run_folder(factory)
    folder = shared / f"once-{name}"
    with (shared / f"once-{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not (folder / _DONE).exists():
                shutil.rmtree(folder, ignore_errors=True)
                folder.mkdir()
                try:
                    make(folder)
                except BaseException:
                    shutil.rmtree(folder, ignore_errors=True)
                    raise
                (folder / _DONE).touch()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return folder
