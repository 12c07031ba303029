"""Quote verification: every quote occurs verbatim in the source, every locator exists and
cites the passage that best supports its point (:mod:`reader.verify.relevance`).

Runs for cards whose ``source.file`` names a text found in the sources folder given on the
command line, or in the set folder itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from reader.cards.load import MAX_SOURCE_BYTES, UnreadableFileError, read_limited, shown_name
from reader.cards.model import Card, CardSet
from reader.cards.problems import Problem, error, warning
from reader.cards.safe_yaml import YamlError, decode
from reader.verify.relevance import relevance_problems
from reader.verify.source_text import SourceText

_LOCATED_LISTS = ("argument", "recommendations", "quotes")


def find_source_file(card: Card, folders: list[Path]) -> Path | None:
    """The source text for ``card`` in the first folder that has it, never outside them.

    Whatever exists under the name is returned, so that reading it says what is wrong with
    it (a folder, a pipe, too large). A name no file can have (a NUL character, too long, a
    link loop) raises :class:`UnreadableFileError`.
    """
    name = card.source.file
    if not name:
        return None
    if "\0" in name:
        raise UnreadableFileError("it holds a NUL character, which no file name can")
    for folder in folders:
        try:
            base = folder.resolve()
            candidate = (base / name).resolve()
            if candidate.is_relative_to(base) and candidate.exists():
                return candidate
        except (OSError, RuntimeError) as exc:  # RuntimeError: resolve() found a link loop
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise UnreadableFileError(f"the name cannot be looked up ({reason})") from None
    return None


def read_source(path: Path) -> str:
    """A source text: a regular UTF-8 file of at most ``MAX_SOURCE_BYTES``."""
    try:
        return decode(read_limited(path, MAX_SOURCE_BYTES, "a source text"))
    except YamlError as exc:
        raise UnreadableFileError(exc.message) from None


def verify_set(card_set: CardSet, sources: Path | None) -> list[Problem]:
    """Problems for every card whose source text can be found.

    With an explicit ``sources`` folder, a card naming a file that is in neither folder gets a
    warning (its quotes went unchecked); without one, such cards are passed over silently.
    """
    folders = [sources, card_set.root] if sources else [card_set.root]
    problems: list[Problem] = []
    for card in card_set.cards:
        where = card.position("source", "file")
        try:
            path = find_source_file(card, folders)
        except UnreadableFileError as exc:
            problems.append(error(card.path, where, f"`file` cannot name a source text: {exc}"))
            continue
        if path is None:
            if sources is not None and card.source.file:
                problems.append(
                    warning(
                        card.path,
                        where,
                        f"source file '{card.source.file}' is not in {sources} or the set "
                        "folder, so its quotes were not checked",
                    )
                )
            continue
        try:
            text = read_source(path)
        except UnreadableFileError as exc:
            problems.append(error(card.path, where, f"cannot read {shown_name(str(path))}: {exc}"))
            continue
        problems.extend(verify_card(card, SourceText.parse(text, card.source.lines)))
    return sorted(problems)


def verify_card(card: Card, source: SourceText) -> Iterator[Problem]:
    yield from _check_locators(card, source)
    yield from relevance_problems(card, source)
    for i, quote in enumerate(card.quotes):
        found = source.find(quote.text)
        if not found:
            closest = source.closest(quote.text)
            yield error(
                card.path,
                card.position("quotes", i, "text"),
                f"quote {i + 1} is not in the source text word for word; "
                f"the closest passage is: “{closest}”",
            )
            continue
        if quote.where is None:
            continue
        named = source.resolve(quote.where)
        if isinstance(named, list) and not set(named) & set(found):
            actual = ", ".join(p.locator for p in found)
            yield error(
                card.path,
                card.position("quotes", i, "where"),
                f"quote {i + 1} is in {actual}, not {quote.where}",
            )


def _check_locators(card: Card, source: SourceText) -> Iterator[Problem]:
    for field in _LOCATED_LISTS:
        items = getattr(card, field)
        for i, item in enumerate(items):
            if item.where is None:
                continue
            named = source.resolve(item.where)
            if isinstance(named, str):
                yield error(card.path, card.position(field, i, "where"), named)
