"""A set-wide change as a plan: every file it touches, before and after, applied all or nothing.

Renaming a tag or a topic rewrites many files. Computing the whole change first lets the window
preview it (which files, how many occurrences), apply it as one undoable step (the inverse plan
swaps before and after) and refuse it when a file changed on disk since the plan was made: the
plan was made from text that is no longer there, and writing it would undo someone's edit.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.authoring.files import read_text, save_atomically
from reader.authoring.patch import apply_edits
from reader.cards.file_reading import UnreadableFileError
from reader.cards.model import SET_FILE
from reader.cards.safe_yaml import YamlError, read_yaml
from reader.cards.set_walk import find_card_files


class PlanConflictError(Exception):
    """Files changed on disk since the plan was made; nothing was written."""

    def __init__(self, paths: list[Path]) -> None:
        names = ", ".join(str(p) for p in paths)
        super().__init__(f"changed on disk since the change was previewed: {names}")
        self.paths = paths


@dataclass(frozen=True, slots=True)
class FileChange:
    """One file's text before and after; ``occurrences``: how many values change in it."""

    path: Path
    before_text: str
    after_text: str
    occurrences: int = 1


@dataclass(frozen=True, slots=True)
class Plan:
    """What a set-wide change does: a title for menus and undo ("Rename Tag 'a' to 'b'"),
    the file changes in the set's order, and warnings to show in the preview."""

    title: str
    changes: tuple[FileChange, ...]
    warnings: tuple[str, ...] = field(default=())

    @property
    def occurrences(self) -> int:
        return sum(change.occurrences for change in self.changes)

    def inverse(self) -> Plan:
        """The plan that undoes this one once applied (its before is this one's after)."""
        undone = tuple(
            FileChange(c.path, c.after_text, c.before_text, c.occurrences) for c in self.changes
        )
        return Plan(f"Undo {self.title}", undone)

    def conflicts(self) -> list[Path]:
        """The files that no longer hold the text this plan was made from."""
        return [c.path for c in self.changes if _current(c.path) != c.before_text]

    def apply(self) -> None:
        """Write every file, or none: raise :class:`PlanConflictError` before writing anything
        when a file changed on disk; if a write fails, the files already written are put back
        and the error raised."""
        stale = self.conflicts()
        if stale:
            raise PlanConflictError(stale)
        written: list[FileChange] = []
        try:
            for change in self.changes:
                save_atomically(change.path, change.after_text, expected=change.before_text)
                written.append(change)
        except BaseException:
            for change in reversed(written):
                with contextlib.suppress(OSError):
                    save_atomically(change.path, change.before_text)
            raise


def apply(plan: Plan) -> None:
    """Apply ``plan`` (see :meth:`Plan.apply`)."""
    plan.apply()


def _current(path: Path) -> str | None:
    try:
        return read_text(path)
    except (UnreadableFileError, YamlError):
        return None


@dataclass(slots=True)
class SetFiles:
    """The set's card files and set file as text and data, and the ones that cannot be read
    as YAML (a plan cannot change what it cannot parse; the preview says so)."""

    root: Path
    cards: list[tuple[Path, str, Any]] = field(default_factory=list)
    set_file: tuple[Path, str, Any] | None = None
    skipped: list[str] = field(default_factory=list)

    @staticmethod
    def read(root: Path, needles: Sequence[str] | None = None) -> SetFiles:
        """Read the set file and the cards; with ``needles``, only the cards whose text holds
        one of them (a tag or topic key), since no other can change: parsing is most of the
        time of a plan over thousands of cards."""
        files = SetFiles(root)
        for card_file in () if needles == () else find_card_files(root):
            found = files._read(card_file.path, card_file.rel, needles)
            if found is not None:
                files.cards.append(found)
        if (root / SET_FILE).exists():
            files.set_file = files._read(root / SET_FILE, SET_FILE)
        return files

    def _read(
        self, path: Path, rel: str, needles: Sequence[str] | None = None
    ) -> tuple[Path, str, Any] | None:
        try:
            text = read_text(path)
            if needles is not None and not any(needle in text for needle in needles):
                return None
            return path, text, read_yaml(text.removeprefix("\ufeff")).data
        except (UnreadableFileError, YamlError) as exc:
            reason = getattr(exc, "message", None) or str(exc)
            self.skipped.append(f"{rel} is left as it is: {reason}")
            return None

    def every(self) -> Iterator[tuple[Path, str, Any]]:
        yield from self.cards
        if self.set_file is not None:
            yield self.set_file


#: Changes a file's data in place and returns how many values it changed.
Change = Callable[[Any], int]


def plan_changes(
    title: str,
    files: list[tuple[Path, str, Any]],
    change: Change,
    warnings: list[str] | None = None,
) -> Plan:
    """A plan from ``change`` run on each file's data (a copy); files it leaves alone are not
    in the plan, and each changed one is rewritten by :func:`apply_edits`."""
    changes: list[FileChange] = []
    for path, text, data in files:
        copy = json.loads(json.dumps(data))  # plain data: the quickest deep copy
        count = change(copy)
        if count and copy != data:
            after = apply_edits(text, copy, old_data=data)
            changes.append(FileChange(path, text, after, count))
    return Plan(title, tuple(changes), tuple(warnings or ()))
