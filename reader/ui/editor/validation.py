"""The loader's own diagnostics for the text the editor would save, placed at form fields.

The editor does not check cards itself: it hands the exact text a save would write to
:func:`reader.cards.card_file.parse_card`, the function the set loader runs, and maps each
problem's line and column back to the path of the key or value it points at (the composed
document records both). What the loader would say is what the editor shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reader.cards.card_file import parse_card
from reader.cards.catalog import Catalog
from reader.cards.problems import Problem, error
from reader.cards.safe_yaml import PathKey, YamlError, read_yaml
from reader.cards.set_info import topic_keys


@dataclass(frozen=True, slots=True)
class Verdict:
    """The problems of one text, and which field each belongs to (``()``: the whole card)."""

    problems: tuple[Problem, ...]
    at: dict[PathKey, list[Problem]] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def summary(self) -> str:
        """One line for the editor's status: clean, or what keeps the card out of the list."""
        errors = len(self.errors)
        warnings = len(self.problems) - errors
        if not self.problems:
            return "No problems: the card loads as it is."
        parts = []
        if errors:
            parts.append(f"{errors} error{'s' if errors > 1 else ''}")
        if warnings:
            parts.append(f"{warnings} warning{'s' if warnings > 1 else ''}")
        fixed = "they are" if errors > 1 else "it is"
        tail = f" — the card is left out of the list until {fixed} fixed" if errors else ""
        return ", ".join(parts) + tail


def check_text(
    rel_path: str,
    text: str,
    topics: frozenset[str] | None,
    other_ids: Mapping[str, str] | None = None,
) -> Verdict:
    """Check ``text`` as the loader would check the file ``rel_path`` of a set whose other
    cards use ``other_ids`` (id → their file): a card reusing one is left out of the list."""
    card, problems = parse_card(rel_path, text.encode("utf-8"), topics)
    if card is not None and other_ids and card.id in other_ids:
        line, column = card.position("id")
        problems.append(
            error(
                rel_path,
                (line, column),
                f"duplicate id '{card.id}': {other_ids[card.id]} uses it already; one of the "
                "two cards is left out until one of them is renamed",
            )
        )
    return Verdict(tuple(problems), _place(text, problems))


def check_in_set(catalog: Catalog | None, path: Path, text: str) -> Verdict:
    """Check ``text`` as the file ``path`` of the set ``catalog`` holds (its topics, the ids
    its other cards use); without a set, as a card of a folder without ``cardset.yaml``."""
    root = catalog.root.absolute() if catalog is not None else None
    rel = path.relative_to(root).as_posix() if root and path.is_relative_to(root) else path.name
    if catalog is None:
        return check_text(rel, text, None)
    others = {s.id: s.path for s in catalog.summaries() if s.path != rel}
    return check_text(rel, text, topic_keys(catalog.info), others)


def _place(text: str, problems: list[Problem]) -> dict[PathKey, list[Problem]]:
    try:
        doc = read_yaml(text)
    except YamlError:
        return {(): list(problems)}
    where: dict[tuple[int, int], PathKey] = {}
    # Keys first, then values: a value's own position wins where both start on one spot.
    for path, position in doc.key_positions.items():
        where.setdefault(position, path)
    for path, position in doc.value_positions.items():
        where[position] = path
    placed: dict[PathKey, list[Problem]] = {}
    for problem in problems:
        path = where.get((problem.line, problem.column), ())
        placed.setdefault(path, []).append(problem)
    return placed
