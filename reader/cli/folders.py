"""The check every command and the window make of a set folder named on the command line: it
exists and is a folder, else one line on stderr and the usage exit code."""

from __future__ import annotations

import sys
from pathlib import Path

from reader.cli.exits import EXIT_USAGE


def check_folder(path: Path, prog: str) -> int | None:
    """``None`` when ``path`` is a folder; else the exit code, the reason printed."""
    try:
        exists, is_dir = path.exists(), path.is_dir()
    except OSError as exc:  # a name too long for the file system, say
        print(f"{prog}: error: cannot use {path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    if not exists:
        print(f"{prog}: error: {path} does not exist", file=sys.stderr)
        return EXIT_USAGE
    if not is_dir:
        print(f"{prog}: error: {path} is not a folder of cards", file=sys.stderr)
        return EXIT_USAGE
    return None
