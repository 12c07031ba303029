"""Which files of a set folder are its cards: the walk, and the names it takes or refuses.

The walk stays inside the set folder (a link to a folder elsewhere is reported, not followed)
and remembers where it has been, so a link loop ends; anything it cannot list, or whose name
is not text, becomes a diagnostic. The index's scan and the watcher use it without parsing a
card, so this module imports no parser (#17 §4: a warm set is listed before it is imported).
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

from reader.cards.problems import Problem, error, warning
from reader.cards.set_info import SET_FILE

CARD_SUFFIXES = (".yaml", ".yml")
#: What ``os.walk``/``os.scandir`` make of bytes in a name that are not UTF-8.
_ESCAPED_BYTE = re.compile("[\ud800-\udfff]")


def is_text_name(name: str) -> bool:
    """Whether a name read from the file system is text (UTF-8), not undecodable bytes.

    Such names cannot be stored in the index, printed to a UTF-8 terminal or shown in the
    window, so the walk reports them instead of passing them on.
    """
    return _ESCAPED_BYTE.search(name) is None


def shown_name(name: str) -> str:
    """A name for people: each byte that is not UTF-8 shown as the replacement character �."""
    return _ESCAPED_BYTE.sub("\ufffd", name)


def is_card_name(name: str) -> bool:
    """Whether the walk takes a file of this name for a card (the set file aside)."""
    return _has_card_suffix(name) and is_text_name(name)


def _has_card_suffix(name: str) -> bool:
    return name.lower().endswith(CARD_SUFFIXES) and not name.startswith(".")


def is_walked_folder(name: str) -> bool:
    """Whether the walk goes into a folder of this name (it skips ``.git`` and the like)."""
    return not name.startswith(".") and name != "__pycache__"


class CardFile(NamedTuple):
    """A candidate card file found by the walk, or something the walk could not take.

    A named tuple, not a dataclass: its class is made in a tenth of the time (0.05 against
    0.45 ms), and the window imports this module before its first paint (#17 §4).
    """

    path: Path
    rel: str
    #: Why the walk does not read this entry (a name that is not text, a folder it cannot
    #: list, a link to a folder outside the set); None for a card file to read.
    problem: Problem | None = None


def find_card_files(root: Path) -> Iterator[CardFile]:
    """The card files of :func:`walk_set`, without the entries it reports problems for."""
    return (card_file for card_file in walk_set(root) if card_file.problem is None)


def walk_set(root: Path, on_folder: Callable[[str], None] | None = None) -> Iterator[CardFile]:
    """Every ``*.yaml``/``*.yml`` under ``root`` (but the set file), in a stable order, and an
    entry with a problem for each thing the walk refuses (see :func:`walk_locations`)."""
    for location, rel, problem in walk_locations(root, on_folder):
        yield CardFile(Path(location), rel, problem)


def walk_locations(
    root: Path, on_folder: Callable[[str], None] | None = None
) -> Iterator[tuple[str, str, Problem | None]]:
    """:func:`walk_set`'s entries as (path as a string, relative path, problem): what the
    index's scan and the watcher need of 10,000 files, without a path object each (making
    them took as long as the ``stat`` of every file).

    Hidden folders (``.git``) are skipped; folders reached twice through links are walked
    once. A link to a folder is followed only when it resolves inside the set folder: a
    shared folder holding a link to ``/`` must not make the reader walk the whole machine.
    A folder that cannot be listed is an error, not a silent gap in the set. ``on_folder``
    hears of every folder listed (the window watches exactly those).
    """
    top = os.fspath(root)
    inside = os.path.realpath(top)
    visited: set[tuple[int, int]] = set()
    pending = [(top, "")]
    while pending:
        folder, prefix = pending.pop()
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in visited:
                continue
            visited.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            yield folder, prefix or ".", _unlisted(prefix or ".", exc)
            continue
        if on_folder is not None:
            on_folder(folder)
        folders: list[tuple[str, str]] = []
        for entry in entries:
            name = entry.name
            is_card = _has_card_suffix(name)
            is_folder = _is_folder(entry) and is_walked_folder(name)
            if not (is_card or is_folder):
                continue
            is_text = name.isascii() or is_text_name(name)
            # String arithmetic, not pathlib, for the relative path: a 10,000-card walk
            # spent most of its time in Path.relative_to.
            shown = name if is_text else shown_name(name)
            rel = f"{prefix}/{shown}" if prefix else shown
            if is_folder:
                refusal = _refused_folder(entry, rel, inside)
                if refusal is not None:
                    yield entry.path, rel, refusal
                    continue
                folders.append((entry.path, rel))
            if is_card and rel != SET_FILE:
                yield entry.path, rel, None if is_text else _not_text(rel, "file")
        pending.extend(reversed(folders))


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _refused_folder(entry: os.DirEntry[str], rel: str, inside: str) -> Problem | None:
    """Why the walk does not enter this folder, or None when it does."""
    if not is_text_name(entry.name):
        return _not_text(rel, "folder")
    if not entry.is_symlink():
        return None
    target = os.path.realpath(entry.path)
    if target == inside or target.startswith(inside.rstrip(os.sep) + os.sep):
        return None
    return warning(
        rel,
        (1, 1),
        f"this link leads to a folder outside the set ({shown_name(target)}), so it is not "
        "followed; copy or move the cards into the set folder instead",
    )


def _not_text(rel: str, kind: str) -> Problem:
    return error(
        rel,
        (1, 1),
        f"the {kind} name is not UTF-8 text (shown here with \ufffd for the bytes that cannot be "
        f"read), so it is left out; rename the {kind}",
    )


def _unlisted(rel: str, exc: OSError) -> Problem:
    reason = "permission denied" if exc.errno in (errno.EACCES, errno.EPERM) else exc.strerror
    return error(
        rel,
        (1, 1),
        f"the folder cannot be read ({reason or exc}), so the cards in it are left out",
    )
