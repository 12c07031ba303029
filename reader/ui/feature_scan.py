"""PySide6's per-module ``__feature__`` switch, told in advance that this program uses none.

PySide6 replaces ``__import__`` so that ``from __feature__ import snake_case`` can change how
one module sees Qt's classes. After an import statement it looks the imported module up in its
table of modules, and reads the whole source of one it has not seen yet (``inspect.getsource``)
to learn whether it names PySide6. At the window's start that was some
130 modules, ours and the standard library's: 10-14 ms of CPU on the way to the first paint,
for a switch this program never uses.

So the window enters in that table, first, every module already loaded and every module of
this package, with the values the scan gives: 0 ("no feature", what a module that uses PySide6
gets) for ours, -1 ("ignore this module") for the rest loaded so far and the standard
library's (the top-level names Python lists; their submodules are scanned as before). Either way no
module's view of Qt changes, as none asks for a feature; one that did would set its own entry
with its ``from __feature__ import``, as before.

The table is PySide6's own (``__feature__.pyside_feature_dict``), not a documented interface:
without it nothing is entered, and PySide6 scans as it always did.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

#: A module the scan found without PySide6 (PySide6's own value for it).
IGNORED = -1
#: A module with no feature switched on: what the scan gives any module that uses PySide6.
NO_FEATURE = 0


def skip_feature_scans() -> int:
    """Enter this package's modules, the loaded ones and the standard library's in PySide6's
    table (after Qt is imported); returns how many were new to it (0 without the table)."""
    feature = sys.modules.get("__feature__")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return 0
    before = len(table)
    for name in package_modules(Path(__file__).resolve().parents[1], "reader"):
        table.setdefault(name, NO_FEATURE)
    for name in chain(sys.modules, sys.stdlib_module_names):
        table.setdefault(name, IGNORED)
    return len(table) - before


def package_modules(folder: Path, package: str) -> Iterator[str]:
    """The dotted names of the modules in ``folder``'s package tree, from the file names
    alone (nothing is imported; strings, not paths: this runs at every start)."""
    top = os.fspath(folder)
    for parent, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if d.isidentifier() and d != "__pycache__"]
        inner = parent[len(top) + 1 :].replace(os.sep, ".")
        prefix = f"{package}.{inner}" if inner else package
        for file in files:
            if file.endswith(".py"):
                stem = file[: -len(".py")]
                yield prefix if stem == "__init__" else f"{prefix}.{stem}"
