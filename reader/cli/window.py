"""``briefing-reader [PATH] [--sources DIR]``: telling the window's command line from a
subcommand's, and starting the window, without building the argument parser.

The window is what most starts are, and it has nothing for argparse to do: importing the
parser's module and building it (some 60 arguments, each checked through a help formatter,
which asks for the terminal's size) cost ~20 M instructions, only to be thrown away. So the
subcommands' names are known here as words (:data:`COMMANDS`, checked against the parser by
tests/cli/test_window_args.py) and the parser is built only for a command.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reader.cli.exits import EXIT_USAGE
from reader.cli.folders import check_folder

#: The words :func:`reader.cli.parser.build_parser` takes as subcommands, in its order.
COMMANDS = ("check", "export", "table", "index", "search", "new", "tag")


def window_path(argv: list[str]) -> str | None:
    """``""`` for a bare command, PATH for ``briefing-reader PATH``; ``None``: not the window.

    A lone word that names no folder and has no slash is left to argparse, so a mistyped
    command still gets "invalid choice" rather than "does not exist".
    """
    if not argv:
        return ""
    if len(argv) != 1 or argv[0].startswith("-"):
        return None
    word = argv[0]
    if word in COMMANDS:
        return None
    looks_like_path = "/" in word or word.startswith((".", "~")) or _exists(Path(word))
    return word if looks_like_path else None


def _exists(path: Path) -> bool:
    """Whether ``path`` exists; a name that cannot be looked up (too long) is taken as one
    meant to, so that it is reported as a path rather than as an unknown command."""
    try:
        return path.exists()
    except OSError:
        return True


def window_sources(argv: list[str]) -> tuple[list[str], str | None]:
    """The window's ``--sources DIR`` taken out of ``argv``, and DIR (``None``: not given).
    Only the window uses the result: for a command, its own parser reads the option."""
    for i, arg in enumerate(argv):
        if arg == "--sources" and i + 1 < len(argv):
            return [*argv[:i], *argv[i + 2 :]], argv[i + 1]
        if arg.startswith("--sources="):
            return [*argv[:i], *argv[i + 1 :]], arg.partition("=")[2]
    return argv, None


def cmd_window(path: str, sources: str | None = None) -> int:
    root = Path(path).expanduser() if path else None
    if root is not None and (bad := check_folder(root, "briefing-reader")) is not None:
        return bad
    folder = Path(sources).expanduser() if sources is not None else None
    if folder is not None and not _is_folder(folder):
        print(f"briefing-reader: error: --sources {folder} is not a folder", file=sys.stderr)
        return EXIT_USAGE
    from reader.ui.app import run_window  # Qt loads only for the window

    return run_window(root, folder)


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False
