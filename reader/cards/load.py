"""Load a set folder into a :class:`CardSet`: every valid card, and a problem for everything else.

A bad file never stops the others. This is the parsing half of loading: the walk
(:mod:`reader.cards.set_walk`), the reading of files (:mod:`reader.cards.file_reading`) and the
checks across cards (:mod:`reader.cards.assembly`) need no parser, and live apart so that what
uses only them (the index's stored state, the watcher) does not import it.
"""

from __future__ import annotations

from pathlib import Path

from reader.cards.assembly import assemble
from reader.cards.card_file import parse_card
from reader.cards.file_reading import UnreadableFileError, YamlError, read_limited
from reader.cards.model import Card, CardSet
from reader.cards.problems import Problem, error
from reader.cards.safe_yaml import read_yaml_bytes
from reader.cards.set_file import parse_set_file, title_of
from reader.cards.set_info import SET_FILE, SetInfo, topic_keys
from reader.cards.set_walk import CardFile, shown_name, walk_set


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
