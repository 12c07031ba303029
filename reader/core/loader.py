"""Load a set folder into a :class:`CardSet`: every valid card, and a problem for everything else.

A bad file never stops the others. The walk follows links to folders but remembers where it
has been, so a link loop ends; anything that cannot be read becomes a diagnostic.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.core.cardfile import parse_card
from reader.core.diagnostics import Problem, error, warning
from reader.core.model import SET_FILE, Card, CardSet, SetInfo
from reader.core.setfile import parse_set_file
from reader.core.yamlread import MAX_BYTES

CARD_SUFFIXES = (".yaml", ".yml")


def is_card_name(name: str) -> bool:
    """Whether the walk takes a file of this name for a card (the set file aside)."""
    return name.lower().endswith(CARD_SUFFIXES) and not name.startswith(".")


def is_walked_folder(name: str) -> bool:
    """Whether the walk goes into a folder of this name (it skips ``.git`` and the like)."""
    return not name.startswith(".") and name != "__pycache__"


@dataclass(frozen=True, slots=True)
class CardFile:
    """A candidate card file found by the walk."""

    path: Path
    rel: str


def find_card_files(root: Path) -> Iterator[CardFile]:
    """Every ``*.yaml``/``*.yml`` under ``root`` (but the set file), in a stable order.

    Hidden folders (``.git``) are skipped; folders reached twice through links are walked
    once.
    """
    visited: set[tuple[int, int]] = set()
    top = os.fspath(root)
    for folder, dirs, files in os.walk(root, followlinks=True):
        try:
            info = os.stat(folder)
        except OSError:
            dirs[:] = []
            continue
        key = (info.st_dev, info.st_ino)
        if key in visited:
            dirs[:] = []
            continue
        visited.add(key)
        dirs[:] = sorted(d for d in dirs if is_walked_folder(d))
        names = files + [d for d in dirs if is_card_name(d)]
        # String arithmetic, not pathlib, for the relative path: a 10,000-card walk spent
        # most of its time in Path.relative_to.
        base = Path(folder)
        prefix = folder[len(top) :].lstrip(os.sep).replace(os.sep, "/")
        for name in sorted(names):
            if not is_card_name(name):
                continue
            rel = f"{prefix}/{name}" if prefix else name
            if rel == SET_FILE:
                continue
            yield CardFile(base / name, rel)


class UnreadableFileError(Exception):
    """A card file whose bytes cannot be had; the message says why in plain words."""


def read_limited(path: Path) -> bytes:
    """Read a card file, refusing folders, broken links and oversized files up front."""
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise UnreadableFileError("the file cannot be read: it is a broken link") from None
        raise UnreadableFileError("the file disappeared while the set was loading") from None
    except OSError as exc:
        raise UnreadableFileError(_os_reason(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFileError(
            "this is a folder, not a card file; rename it or move the cards inside"
        )
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFileError("this is not a regular file (a device or a pipe?)")
    if info.st_size > MAX_BYTES:
        raise UnreadableFileError(
            f"the file is {info.st_size / 1024 / 1024:.1f} MiB; a card may be at most "
            f"{MAX_BYTES // 1024 // 1024} MiB"
        )
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise UnreadableFileError(_os_reason(exc)) from None


def _os_reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "the file cannot be read: permission denied"
    if exc.errno == errno.ELOOP:
        return "the file cannot be read: it is a link that loops back on itself"
    return f"the file cannot be read: {exc.strerror or exc}"


def load_card_file(
    card_file: CardFile, topics: frozenset[str] | None
) -> tuple[Card | None, list[Problem]]:
    try:
        data = read_limited(card_file.path)
    except UnreadableFileError as exc:
        return None, [error(card_file.rel, (1, 1), str(exc))]
    return parse_card(card_file.rel, data, topics)


def load_set_info(root: Path) -> tuple[SetInfo, list[Problem]]:
    path = root / SET_FILE
    if not path.exists() and not path.is_symlink():
        return SetInfo(title=root.resolve().name or str(root)), []
    try:
        data = read_limited(path)
    except UnreadableFileError as exc:
        return SetInfo(root.resolve().name, has_file=True), [error(SET_FILE, (1, 1), str(exc))]
    return parse_set_file(data, root.resolve().name)


def topic_keys(info: SetInfo) -> frozenset[str] | None:
    return frozenset(t.key for t in info.topics) if info.has_file else None


def load_set(root: Path) -> CardSet:
    """Load every card under ``root``; cards with errors are left out and reported."""
    info, problems = load_set_info(root)
    topics = topic_keys(info)
    loaded: list[Card] = []
    for card_file in find_card_files(root):
        card, found = load_card_file(card_file, topics)
        problems.extend(found)
        if card is not None:
            loaded.append(card)
    return assemble(root, info, loaded, problems)


def assemble(root: Path, info: SetInfo, loaded: list[Card], problems: list[Problem]) -> CardSet:
    """Cross-file checks (duplicate ids, unused aliases) and the final, sorted set."""
    cards: list[Card] = []
    first_by_id: dict[str, Card] = {}
    for card in sorted(loaded, key=lambda c: c.path):
        first = first_by_id.get(card.id)
        if first is not None:
            line, column = first.position("id")
            problems.append(
                error(
                    card.path,
                    card.position("id"),
                    f"duplicate id '{card.id}': {first.path}:{line}:{column} uses it already; "
                    "this card is left out until one of them is renamed",
                )
            )
            continue
        first_by_id[card.id] = card
        cards.append(card)
    problems.extend(_unused_aliases(info, cards))
    return CardSet(root=root, info=info, cards=tuple(cards), problems=tuple(sorted(problems)))


def _unused_aliases(info: SetInfo, cards: list[Card]) -> Iterator[Problem]:
    used = {rec.to for card in cards for rec in card.recommendations}
    used |= {actor.name for card in cards for actor in card.actors}
    for canonical, names in info.actor_aliases.items():
        for j, name in enumerate(names):
            if name not in used:
                yield warning(
                    SET_FILE,
                    info.position("actors", canonical, j),
                    f"the alias '{name}' of '{canonical}' is used by no card",
                )
