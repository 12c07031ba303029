"""The ``briefing-reader`` command: subcommands are declared here, in one place; the top layer,
it may import every other package.

With no command (``briefing-reader [PATH] [--sources DIR]``) it opens the reader window
instead; ``--sources`` names a folder of source texts for this run.

Exit codes (defined in :mod:`reader.cli.exits`): 0 success, 1 problems in the cards, a failed
write or no display for the window, 2 bad arguments or a PATH that is not a folder (or cannot
be looked up: a name too long), 130 for Ctrl+C, and 128 + the signal's number for SIGTERM
(143) and SIGHUP (129), which end a command the way Ctrl+C does (a half-written export is
removed); each of those with one line on stderr. Bad input never produces a traceback.
Everything a command prints goes through :func:`reader.cli.terminal.safe_output`: card text
and file names cannot drive the terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType

from reader import __version__
from reader.app.log import setup_logging
from reader.cards.resources import shipped_cards_dir
from reader.cli.exits import EXIT_OK, EXIT_USAGE, interrupted
from reader.cli.terminal import Stopped, safe_output

#: Signals that end a command the way Ctrl+C does.
STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors exit with 2 and a one-line hint, as documented."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _set_folder(value: str | None) -> Path:
    return Path(value) if value else shipped_cards_dir()


def _check_folder(path: Path, prog: str) -> int | None:
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


def cmd_check(args: argparse.Namespace) -> int:
    root = _set_folder(args.path)
    if (bad := _check_folder(root, "briefing-reader check")) is not None:
        return bad
    from reader.cli.check import check_command

    return check_command(root, args)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="briefing-reader",
        usage="%(prog)s [PATH] [--sources DIR]\n       %(prog)s COMMAND [options]",
        description="Read, compare and export briefing cards. With no command, open the "
        "reader window on PATH (default: the last set opened, else the shipped set); "
        "--sources DIR: a folder of the cards' source texts, for this run.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(  # taken off argv by _main, before the window's PATH is looked for
        "--debug", action="store_true", help="log everything, to stderr too (before COMMAND)"
    )
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument(
        "--install-desktop", action="store_true", help="add the app to this user's launcher"
    )
    desktop.add_argument("--uninstall-desktop", action="store_true", help="take it out again")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_Parser, prog="briefing-reader"
    )

    check = commands.add_parser(
        "check",
        help="check a card set and print every problem",
        description="Check a card set folder (default: the shipped set) and print every "
        "problem as FILE:LINE:COL: severity: message, then a summary line.",
    )
    check.add_argument("path", nargs="?", metavar="PATH", help="the card set folder")
    check.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default text)"
    )
    check.add_argument(
        "--sources",
        type=Path,
        metavar="DIR",
        help="folder with the sources' text files: verify quotes and locators against them",
    )
    check.set_defaults(run=cmd_check)
    _add_export(commands)
    _add_table(commands)
    _add_index_commands(commands)
    _add_authoring(commands)
    return parser


def _compare_ids(value: str) -> tuple[str, ...]:
    ids = tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))
    if not 2 <= len(ids) <= 4:
        raise argparse.ArgumentTypeError(f"give 2 to 4 different card ids, not '{value}'")
    return ids


def _page_size(value: str) -> str:
    sizes = {"a4": "A4", "letter": "Letter"}
    if value.lower() not in sizes:
        raise argparse.ArgumentTypeError(f"choose A4 or Letter, not '{value}'")
    return sizes[value.lower()]


def _add_tag_filters(parser: argparse.ArgumentParser) -> None:
    """``--tag`` and ``--exclude-tag``, the same for every command that filters cards."""
    parser.add_argument(
        "--tag", action="append", default=[], metavar="T", help="only cards with this tag"
    )
    parser.add_argument(
        "--exclude-tag", action="append", default=[], metavar="T", help="leave out this tag"
    )


def _add_export(commands: argparse._SubParsersAction[_Parser]) -> None:
    export = commands.add_parser(
        "export",
        prog="briefing-reader export",
        help="export a card set to a PDF briefing book",
        description="Export a card set folder (default: the shipped set) to a PDF with a cover, "
        "contents, each card on new pages, comparison pages, a tag index and bookmarks. "
        "The filters are the window's: tags combine with AND and match nested tags, the "
        "search matches word starts in any card text. SOURCE_DATE_EPOCH fixes the date, "
        "for byte-identical output.",
    )
    export.add_argument("path", nargs="?", metavar="PATH", help="the card set folder")
    export.add_argument(
        "-o", "--output", type=Path, required=True, metavar="OUT.pdf", help="the PDF to write"
    )
    _add_tag_filters(export)
    export.add_argument(
        "--card", action="append", default=[], metavar="ID", help="only this card (repeatable)"
    )
    export.add_argument("--search", metavar="TEXT", help="only cards matching this search")
    export.add_argument(
        "--compare",
        type=_compare_ids,
        metavar="ID,ID[,ID,ID]",
        help="add a side-by-side comparison page of these 2 to 4 cards",
    )
    export.add_argument(
        "--page-size", type=_page_size, default="A4", metavar="A4|Letter", help="default A4"
    )
    export.add_argument(
        "--no-tag-index", action="store_true", help="leave out the printed index of tags"
    )
    # The option's first name, kept working; hidden, as it read like the persistent index.
    export.add_argument(
        "--no-index", dest="no_tag_index", action="store_true", help=argparse.SUPPRESS
    )
    export.add_argument(
        "--evidence",
        action="store_true",
        help="add an appendix with the passage each locator cites, for every card whose "
        "source text is found, and link the locators to it",
    )
    export.add_argument(
        "--sources",
        type=Path,
        metavar="DIR",
        help="folder with the sources' text files, looked in after the set's own (as check)",
    )
    export.set_defaults(run=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    root = _set_folder(args.path)
    if (bad := _check_folder(root, "briefing-reader export")) is not None:
        return bad
    from reader.cli.export import export_command  # Qt loads only for the export

    return export_command(root, args)


def _add_table(commands: argparse._SubParsersAction[_Parser]) -> None:
    table = commands.add_parser(
        "table",
        prog="briefing-reader table",
        help="write a set-wide view (matrix, ledger, timeline) as a table",
        description="Write the rows of a set-wide view as the window shows them: matrix (one "
        "row per topic and card), ledger (one per recommendation) or timeline (one per "
        "card's account of an event), each with the card's id, title, publisher and date. "
        "The filters are the window's. Cells that a spreadsheet would run as a formula get "
        "a leading '.",
    )
    table.add_argument("view", choices=("matrix", "ledger", "timeline"), help="which view")
    table.add_argument("path", nargs="?", metavar="PATH", help="the card set folder")
    _add_tag_filters(table)
    table.add_argument("--search", metavar="TEXT", help="only cards matching this search")
    table.add_argument(
        "--format",
        choices=("csv", "tsv", "json", "markdown", "xlsx"),
        default="csv",
        help="output format (default csv)",
    )
    table.add_argument(
        "--bom", action="store_true", help="CSV/TSV: start with a UTF-8 byte-order mark (Excel)"
    )
    table.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE (default: stdout)"
    )
    table.set_defaults(run=cmd_table)


def cmd_table(args: argparse.Namespace) -> int:
    root = _set_folder(args.path)
    if (bad := _check_folder(root, "briefing-reader table")) is not None:
        return bad
    from reader.cli.table import table_command

    return table_command(root, args)


def _add_index_commands(commands: argparse._SubParsersAction[_Parser]) -> None:
    index = commands.add_parser(
        "index",
        prog="briefing-reader index",
        help="build or bring up to date the search index of a card set",
        description="Build the index of a card set folder (default: the shipped set) in the "
        "user cache folder, or bring it up to date by parsing only the files that changed; "
        "print the counts and the time taken. The window uses the same index.",
    )
    index.add_argument("path", nargs="?", metavar="PATH", help="the card set folder")
    index.add_argument(
        "--rebuild",
        action="store_true",
        help="delete the set's index and build it again from every card",
    )
    index.set_defaults(run=cmd_index)
    search = commands.add_parser(
        "search",
        prog="briefing-reader search",
        help="print the ids of the cards matching a search, best first",
        description="Search a card set folder (default: the shipped set) with the window's "
        'rules: every word must start a word of the card, "quoted words" must follow each '
        "other, case and accents do not matter; tags combine with AND and match nested tags. "
        "Exit status 0 when some card matches, 1 when none does.",
    )
    search.add_argument("path", nargs="?", metavar="PATH", help="the card set folder")
    search.add_argument("query", metavar="QUERY", help='the search text ("" for every card)')
    _add_tag_filters(search)
    search.add_argument(
        "--format", choices=("ids", "json"), default="ids", help="output format (default ids)"
    )
    search.set_defaults(run=cmd_search)


def cmd_index(args: argparse.Namespace) -> int:
    root = _set_folder(args.path)
    if (bad := _check_folder(root, "briefing-reader index")) is not None:
        return bad
    from reader.cli.index import index_command

    return index_command(root, args)


def cmd_search(args: argparse.Namespace) -> int:
    root = _set_folder(args.path)
    if (bad := _check_folder(root, "briefing-reader search")) is not None:
        return bad
    from reader.cli.index import search_command

    return search_command(root, args)


def _add_authoring(commands: argparse._SubParsersAction[_Parser]) -> None:
    new = commands.add_parser(
        "new",
        prog="briefing-reader new",
        help="write a new card's skeleton, ready to fill in",
        description="Write a new card into a set folder (default: the shipped set): "
        "source.file, the title from the source's opening lines, a unique id made from it, and "
        "'TODO: …' text in the other required fields, which check reports until replaced. "
        "The new card's path is printed alone on the last line.",
    )
    new.add_argument("path", nargs="?", metavar="PATH", help="the card set folder")
    new.add_argument("--source", type=Path, metavar="FILE", help="the source text it summarises")
    new.add_argument("--id", metavar="ID", help="the card's id (default: made from the title)")
    new.set_defaults(run=cmd_new)
    tag = commands.add_parser(
        "tag", prog="briefing-reader tag", help="change a tag in every card of a set"
    )
    actions = tag.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=_Parser
    )
    rename = actions.add_parser(
        "rename",
        prog="briefing-reader tag rename",
        help="rename a tag and the tags nested under it",
        description="Rename tag OLD (and the tags nested under it: actor -> org renames "
        "actor/wagner to org/wagner) to NEW in every card of the set folder (default: the "
        "shipped set), sub-folders included, and in cardset.yaml's descriptions, touching "
        "nothing else in those files; print each file changed.",
    )
    rename.add_argument("path", nargs="?", metavar="PATH", help="the card set folder")
    rename.add_argument("old", metavar="OLD", help="the tag to rename")
    rename.add_argument("new", metavar="NEW", help="its new name")
    rename.add_argument("--dry-run", action="store_true", help="print the files, write nothing")
    rename.set_defaults(run=cmd_tag_rename)


def cmd_new(args: argparse.Namespace) -> int:
    root = _set_folder(args.path)
    if (bad := _check_folder(root, "briefing-reader new")) is not None:
        return bad
    from reader.cli.new import new_command

    return new_command(root, args)


def cmd_tag_rename(args: argparse.Namespace) -> int:
    root = _set_folder(args.path)
    if (bad := _check_folder(root, "briefing-reader tag rename")) is not None:
        return bad
    from reader.cli.tags import rename_command

    return rename_command(root, args)


def _window_path(parser: argparse.ArgumentParser, argv: Sequence[str]) -> str | None:
    """``""`` for a bare command, PATH for ``briefing-reader PATH``; ``None``: not the window.

    A lone word that names no folder and has no slash is left to argparse, so a mistyped
    command still gets "invalid choice" rather than "does not exist".
    """
    if not argv:
        return ""
    if len(argv) != 1 or argv[0].startswith("-"):
        return None
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    word = argv[0]
    if word in commands.choices:
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


def _window_sources(argv: list[str]) -> tuple[list[str], str | None]:
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
    if root is not None and (bad := _check_folder(root, "briefing-reader")) is not None:
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


def _stop(signum: int, _frame: FrameType | None) -> None:
    raise Stopped(signum)


@contextlib.contextmanager
def _stop_signals_interrupt() -> Iterator[None]:
    """SIGTERM and SIGHUP raise :class:`Stopped` meanwhile (only the main thread can say so)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, _stop) for signum in STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``briefing-reader ARGS``; returns the exit code (see the module docstring)."""
    with safe_output():
        try:
            return _main(argv)
        except KeyboardInterrupt as exc:
            signum = exc.signum if isinstance(exc, Stopped) else signal.SIGINT
            print(f"briefing-reader: interrupted ({signal.Signals(signum).name})", file=sys.stderr)
            return interrupted(signum)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else list(argv)
    debug = argv[:1] == ["--debug"]  # a global option: before the command, or alone
    argv = argv[1:] if debug else argv
    window_argv, sources = _window_sources(argv)
    if (window := _window_path(parser, window_argv)) is not None:
        setup_logging(logging.INFO, debug=debug)
        return cmd_window(window, sources)
    setup_logging(logging.WARNING, debug=debug)  # commands log problems only, to the file
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if run is None and (args.install_desktop or args.uninstall_desktop):
        from reader.cli.desktop import desktop_command

        return desktop_command(uninstalling=args.uninstall_desktop)
    if run is None:
        parser.print_help()
        return EXIT_OK
    try:
        with _stop_signals_interrupt():  # a command's, not the window's (Qt has its own loop)
            return run(args)
    except BrokenPipeError:
        return EXIT_OK
