"""Load a set folder into a :class:`CardSet`: every valid card, and a problem for everything else.

A bad file never stops the others. The walk stays inside the set folder (a link to a folder
elsewhere is reported, not followed) and remembers where it has been, so a link loop ends;
anything that cannot be read, or whose name is not text, becomes a diagnostic.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.cards.card_file import parse_card
from reader.cards.model import SET_FILE, Card, CardSet, SetInfo
from reader.cards.problems import Problem, error, warning
from reader.cards.safe_yaml import MAX_BYTES, YamlError, read_yaml_bytes
from reader.cards.set_file import parse_set_file, title_of

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


@dataclass(frozen=True, slots=True)
class CardFile:
    """A candidate card file found by the walk, or something the walk could not take."""

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


class UnreadableFileError(Exception):
    """A file whose bytes cannot be had; the message says why in plain words."""


#: What a source text (``source.file``) may weigh: long reports are a few MiB of text.
MAX_SOURCE_BYTES = 16 * 1024 * 1024
_NONBLOCKING = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


def read_limited(path: Path, limit: int = MAX_BYTES, noun: str = "a card") -> bytes:
    """Read a file of the set (a card, the set file, a source text) of at most ``limit`` bytes.

    Every read of a set's files goes through here, because a shared folder can hold
    anything under a card's name: a FIFO blocks a plain read forever, a link to
    ``/dev/zero`` never ends. So only regular files are read: the type and size are checked
    before opening (opening some devices does something), the file is opened without
    blocking and checked again on the open descriptor (it may have been replaced
    meanwhile), and no more than ``limit`` + 1 bytes are read (it may have grown).
    """
    try:
        _check_regular(path.stat(), limit, noun)
    except FileNotFoundError:
        if path.is_symlink():
            raise UnreadableFileError("the file cannot be read: it is a broken link") from None
        raise UnreadableFileError("the file disappeared while the set was loading") from None
    except OSError as exc:
        raise UnreadableFileError(_os_reason(exc)) from None
    try:
        descriptor = os.open(path, _NONBLOCKING)
        try:
            _check_regular(os.fstat(descriptor), limit, noun)
            data = _read_at_most(descriptor, limit + 1)
        finally:
            os.close(descriptor)
    except OSError as exc:
        raise UnreadableFileError(_os_reason(exc)) from None
    if len(data) > limit:
        raise UnreadableFileError(_too_big(len(data), limit, noun))
    return data


def _read_at_most(descriptor: int, count: int) -> bytes:
    """Plain ``os.read`` calls: ``os.fdopen`` imports :mod:`io` when first called, and the
    index reads files on threads where nothing may be imported (see reader.app.loading)."""
    chunks: list[bytes] = []
    while count > 0:
        chunk = os.read(descriptor, min(count, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        count -= len(chunk)
    return b"".join(chunks)


def _check_regular(info: os.stat_result, limit: int, noun: str) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFileError(
            "this is a folder, not a card file; rename it or move the cards inside"
            if noun == "a card"
            else f"this is a folder, not {noun}"
        )
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFileError("this is not a regular file (a device or a pipe?)")
    if info.st_size > limit:
        raise UnreadableFileError(_too_big(info.st_size, limit, noun))


def _too_big(size: int, limit: int, noun: str) -> str:
    return (
        f"the file is {size / 1024 / 1024:.1f} MiB; {noun} may be at most "
        f"{limit // 1024 // 1024} MiB"
    )


def _os_reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "the file cannot be read: permission denied"
    if exc.errno == errno.ELOOP:
        return "the file cannot be read: it is a link that loops back on itself"
    return f"the file cannot be read: {exc.strerror or exc}"


def load_card_file(
    card_file: CardFile, topics: frozenset[str] | None
) -> tuple[Card | None, list[Problem]]:
    if card_file.problem is not None:
        return None, [card_file.problem]
    try:
        data = read_limited(card_file.path)
    except UnreadableFileError as exc:
        return None, [error(card_file.rel, (1, 1), str(exc))]
    return parse_card(card_file.rel, data, topics)


def _set_file(root: Path) -> tuple[Path | None, str]:
    """The set's file (None when it has none) and the name that stands in for a missing title:
    the folder's, shown, so that even a name that is not UTF-8 is text."""
    path = root / SET_FILE
    folder = shown_name(root.resolve().name)
    if not path.exists() and not path.is_symlink():
        return None, folder or shown_name(str(root))
    return path, folder


def load_set_info(root: Path) -> tuple[SetInfo, list[Problem]]:
    path, folder = _set_file(root)
    if path is None:
        return SetInfo(title=folder), []
    try:
        data = read_limited(path, noun="the set file")
    except UnreadableFileError as exc:
        return SetInfo(folder, has_file=True), [error(SET_FILE, (1, 1), str(exc))]
    return parse_set_file(data, folder, root)


def load_set_title(root: Path) -> str:
    """The title :func:`load_set_info` gives, from the set file's YAML alone: without its
    schema check, whose validator a window would otherwise compile before its first paint
    (the title does not depend on the check: :func:`title_of`)."""
    path, folder = _set_file(root)
    if path is None:
        return folder
    try:
        data = read_yaml_bytes(read_limited(path, noun="the set file")).data
    except (UnreadableFileError, YamlError):
        return folder
    return title_of(data, folder)


def topic_keys(info: SetInfo) -> frozenset[str] | None:
    return frozenset(t.key for t in info.topics) if info.has_file else None


def load_set(root: Path) -> CardSet:
    """Load every card under ``root``; cards with errors are left out and reported."""
    info, problems = load_set_info(root)
    topics = topic_keys(info)
    loaded: list[Card] = []
    for card_file in walk_set(root):
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
    # A card that did not load may be the one using an alias: blaming the set file for it
    # sends the reader to the wrong file (review #12). Checked once every card reads.
    if not any(p.is_error and p.path != SET_FILE for p in problems):
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
