"""``briefing-reader new``: write a new card's skeleton into a set folder.

The skeleton (reader.authoring.skeleton) fails ``check`` until its placeholder text is
replaced, and ``check`` names each field left. The new card's path is printed alone on the last
line, so a script can open it (``$EDITOR "$(briefing-reader new --source s.txt | tail -1)"``).
A card is never written over an existing file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.authoring.files import ChangedOnDiskError, save_atomically
from reader.authoring.skeleton import NewCardError, new_card
from reader.cli.exits import EXIT_FAILED, EXIT_OK, EXIT_USAGE

_PROG = "briefing-reader new"


def new_command(root: Path, args: argparse.Namespace) -> int:
    """Write a skeleton card into the set folder ``root`` (already checked to be a folder)."""
    source: Path | None = args.source
    if source is not None and not source.is_file():
        print(f"{_PROG}: error: --source {source} is not a file", file=sys.stderr)
        return EXIT_USAGE
    try:
        path, text = new_card(source, root, args.id)
    except NewCardError as exc:
        print(f"{_PROG}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        save_atomically(path, text, expected="")
    except ChangedOnDiskError:
        print(f"{_PROG}: error: {path} exists already; nothing written", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:
        print(f"{_PROG}: error: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    origin = f" from {source}" if source is not None else ""
    print(f"New card{origin}. Replace each 'TODO: …'; `briefing-reader check` lists those left.")
    print(path)
    return EXIT_OK
