"""``briefing-reader tag rename``: rename a tag, and the tags nested under it, set-wide.

Every card under the set folder (sub-folders included) and the set file's descriptions change
through the editing core (reader.authoring), so nothing else in those files moves. Each file
changed is printed, set-relative, one a line; ``--dry-run`` prints them and writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.authoring.plan import PlanConflictError
from reader.authoring.tags import TagError, plan_tag_rename
from reader.cards.wording import plural
from reader.cli.exits import EXIT_FAILED, EXIT_OK, EXIT_USAGE

_PROG = "briefing-reader tag rename"


def rename_command(root: Path, args: argparse.Namespace) -> int:
    """Rename ``args.old`` to ``args.new`` in the set folder ``root``."""
    try:
        plan = plan_tag_rename(root, args.old, args.new)
    except TagError as exc:
        print(f"{_PROG}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for warning in plan.warnings:
        print(f"{_PROG}: warning: {warning}", file=sys.stderr)
    for change in plan.changes:
        print(change.path.relative_to(root).as_posix())
    if not args.dry_run:
        try:
            plan.apply()
        except (PlanConflictError, OSError) as exc:
            print(f"{_PROG}: error: {exc}; nothing written", file=sys.stderr)
            return EXIT_FAILED
    verb = "would rename" if args.dry_run else "renamed"
    files = plural(len(plan.changes), "file")
    count = plural(plan.occurrences, "occurrence")
    print(f"{verb} '{args.old}' to '{args.new}' in {files} ({count})")
    return EXIT_OK
