"""Quote verification: every quote occurs verbatim in the source, every locator exists and
cites the passage that best supports its point (:mod:`reader.verify.relevance`).

Runs for cards whose ``source.file`` names a text found where
:func:`reader.verify.sources.source_folders` looks: the set folder, the set's sources folder,
the folder given on the command line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from reader.cards.file_reading import UnreadableFileError
from reader.cards.model import Card, CardSet
from reader.cards.problems import Problem, error, warning
from reader.cards.set_walk import shown_name
from reader.verify.health import item_checks
from reader.verify.source_text import SourceText
from reader.verify.sources import SourceTexts, find_source_file, source_folders


def verify_set(card_set: CardSet, sources: Path | None) -> list[Problem]:
    """Problems for every card whose source text can be found.

    With an explicit ``sources`` folder, a card naming a file that is in neither folder gets a
    warning (its quotes went unchecked); without one, such cards are passed over silently.
    """
    folders = source_folders(card_set.root, card_set.info, sources)
    texts = SourceTexts()
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
                        f"source file '{card.source.file}' is not in "
                        f"{_where_looked(card_set, sources)}, so its quotes were not checked",
                    )
                )
            continue
        try:
            source = texts.load(path, card.source.lines)
        except UnreadableFileError as exc:
            problems.append(error(card.path, where, f"cannot read {shown_name(str(path))}: {exc}"))
            continue
        problems.extend(verify_card(card, source))
    return sorted(problems)


def _where_looked(card_set: CardSet, sources: Path) -> str:
    named = f", the set's sources folder ({card_set.info.sources})" if card_set.info.sources else ""
    return f"{sources}{named} or the set folder"


def verify_card(card: Card, source: SourceText) -> Iterator[Problem]:
    """Every finding of :func:`reader.verify.health.item_checks` as a diagnostic."""
    for check in item_checks(card, source):
        problem = (error if check.is_error else warning)(
            card.path, card.position(check.field, check.index, check.part), check.message
        )
        yield replace(problem, suggestion=check.suggestion)
