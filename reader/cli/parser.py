"""The ``briefing-reader`` subcommands, declared in one place: each one's arguments, and the
function that runs it (importing the command's module only then, so ``--help`` and a quick
command load nothing they do not use). :mod:`reader.cli` reads the command line with
:func:`build_parser` and runs the window when no command is given.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader import __version__
from reader.cards.resources import shipped_cards_dir
from reader.cli.exits import EXIT_USAGE
from reader.cli.folders import check_folder


class Parser(argparse.ArgumentParser):
    """argparse, but usage errors exit with 2 and a one-line hint, as documented."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _set_folder(value: str | None) -> Path:
    return Path(value) if value else shipped_cards_dir()


def cmd_check(args: argparse.Namespace) -> int:
    root = _set_folder(args.path)
    if (bad := check_folder(root, "briefing-reader check")) is not None:
        return bad
    from reader.cli.check import check_command

    return check_command(root, args)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
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
        dest="command", metavar="COMMAND", parser_class=Parser, prog="briefing-reader"
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


def _add_export(commands: argparse._SubParsersAction[Parser]) -> None:
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
    if (bad := check_folder(root, "briefing-reader export")) is not None:
        return bad
    from reader.cli.export import export_command  # Qt loads only for the export

    return export_command(root, args)


def _add_table(commands: argparse._SubParsersAction[Parser]) -> None:
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
    if (bad := check_folder(root, "briefing-reader table")) is not None:
        return bad
    from reader.cli.table import table_command

    return table_command(root, args)


def _add_index_commands(commands: argparse._SubParsersAction[Parser]) -> None:
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
    if (bad := check_folder(root, "briefing-reader index")) is not None:
        return bad
    from reader.cli.index import index_command

    return index_command(root, args)


def cmd_search(args: argparse.Namespace) -> int:
    root = _set_folder(args.path)
    if (bad := check_folder(root, "briefing-reader search")) is not None:
        return bad
    from reader.cli.index import search_command

    return search_command(root, args)


def _add_authoring(commands: argparse._SubParsersAction[Parser]) -> None:
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
        dest="action", metavar="ACTION", required=True, parser_class=Parser
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
    if (bad := check_folder(root, "briefing-reader new")) is not None:
        return bad
    from reader.cli.new import new_command

    return new_command(root, args)


def cmd_tag_rename(args: argparse.Namespace) -> int:
    root = _set_folder(args.path)
    if (bad := check_folder(root, "briefing-reader tag rename")) is not None:
        return bad
    from reader.cli.tags import rename_command

    return rename_command(root, args)
