"""Set-wide tag changes: rename, merge, delete and describe, as previewable plans.

Tags nest with ``/``, and a nested tag belongs to its parent: renaming ``actor`` to ``org``
renames ``actor/wagner`` to ``org/wagner`` too, in every card under the set folder (sub-folders
included) and in the set file's ``tags:`` descriptions. A card that ends up listing a tag twice
keeps it once; a description moved onto a tag that has one already gives way to it (merging
keeps the target's words).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from reader.authoring.plan import Plan, SetFiles, plan_changes
from reader.cards.resources import schema


class TagError(ValueError):
    """The change cannot be planned: a tag nobody uses, a malformed or unchanged name."""


@cache
def _tag_pattern() -> re.Pattern[str]:
    return re.compile(schema("briefing-card")["properties"]["tags"]["items"]["pattern"])


def within(tag: str, parent: str) -> bool:
    """Whether ``tag`` is ``parent`` or nested under it."""
    return tag == parent or tag.startswith(parent + "/")


def moved(tag: str, old: str, new: str) -> str:
    """``tag`` after ``old`` (and what nests under it) became ``new``."""
    return new + tag[len(old) :] if within(tag, old) else tag


def used_tags(files: SetFiles) -> set[str]:
    """Every tag a card lists or the set file describes."""
    found: set[str] = set()
    for _, _, data in files.cards:
        tags = data.get("tags") if isinstance(data, dict) else None
        found |= {t for t in tags or () if isinstance(t, str)} if isinstance(tags, list) else set()
    found |= set(_descriptions(files.set_file[2] if files.set_file else None) or {})
    return found


def _descriptions(data: Any) -> dict[str, Any] | None:
    tags = data.get("tags") if isinstance(data, dict) else None
    return tags if isinstance(tags, dict) else None


def _known(files: SetFiles, tag: str) -> None:
    if not any(within(t, tag) for t in used_tags(files)):
        raise TagError(f"no card or set file uses the tag '{tag}'")


def _valid(tag: str) -> None:
    if not _tag_pattern().fullmatch(tag):
        raise TagError(
            f"'{tag}' is not a valid tag: write levels separated by single '/', "
            "with no empty parts or spaces at their ends (like actor/wagner)"
        )


def _retag_card(data: Any, old: str, new: str | None) -> int:
    """Rename (or with ``new`` None, remove) ``old`` and its nested tags in a card's list."""
    tags = data.get("tags") if isinstance(data, dict) else None
    if not isinstance(tags, list):
        return 0
    count = 0
    staying = {t for t in tags if isinstance(t, str) and not within(t, old)}
    result: list[Any] = []
    for tag in tags:
        if isinstance(tag, str) and within(tag, old):
            count += 1
            target = None if new is None else moved(tag, old, new)
            if target is not None and target not in staying and target not in result:
                result.append(target)  # a tag the card lists already stays where it is
        else:
            result.append(tag)
    data["tags"] = result
    return count


def _retag_descriptions(data: Any, old: str, new: str | None) -> int:
    """The same in the set file's descriptions, in place (a target's own text wins)."""
    described = _descriptions(data)
    if described is None:
        return 0
    count = 0
    result: dict[str, Any] = {}
    for tag, text in described.items():
        if not within(tag, old):
            result.setdefault(tag, text)
            continue
        count += 1
        if new is not None:
            target = moved(tag, old, new)
            result[target] = described.get(target, text) if target != tag else text
    data["tags"] = result
    return count


def _retag(files: SetFiles, old: str, new: str | None, title: str) -> Plan:
    _known(files, old)
    warnings = list(files.skipped)
    if new is not None and any(within(t, new) for t in used_tags(files)):
        warnings.append(f"'{new}' is used already: '{old}' is merged into it")
    emptied: list[str] = []

    def change(data: Any) -> int:
        count = _retag_card(data, old, new)
        if count and not data["tags"]:
            emptied.append(str(data.get("id") or "?"))
        return count + _retag_descriptions(data, old, new)

    plan = plan_changes(title, list(files.every()), change, warnings)
    if emptied:
        left = ", ".join(emptied)
        plan = Plan(plan.title, plan.changes, (*plan.warnings, f"cards left with no tag: {left}"))
    return plan


def plan_tag_rename(root: Path, old: str, new: str) -> Plan:
    """Rename ``old`` (and the tags nested under it) to ``new`` across the set."""
    _valid(new)
    if new == old:
        raise TagError(f"'{old}' already has that name")
    return _retag(SetFiles.read(root, (old, new)), old, new, f"Rename Tag '{old}' to '{new}'")


def plan_tag_merge(root: Path, tag: str, into: str) -> Plan:
    """Merge ``tag`` into ``into``: its cards get ``into``; ``into``'s description is kept."""
    _valid(into)
    if within(into, tag) or within(tag, into):
        raise TagError(f"'{tag}' and '{into}' nest in one another; rename instead")
    files = SetFiles.read(root, (tag, into))
    _known(files, into)
    return _retag(files, tag, into, f"Merge Tag '{tag}' into '{into}'")


def plan_tag_delete(root: Path, tag: str) -> Plan:
    """Remove ``tag`` and the tags nested under it from every card and the set file."""
    return _retag(SetFiles.read(root, (tag,)), tag, None, f"Delete Tag '{tag}'")


def plan_tag_describe(root: Path, tag: str, description: str) -> Plan:
    """Set (or with blank text, remove) ``tag``'s description in the set file."""
    _valid(tag)
    files = SetFiles.read(root, ())
    if files.set_file is None:
        raise TagError("the set has no cardset.yaml to hold tag descriptions")
    text = description.strip()

    def change(data: Any) -> int:
        if not isinstance(data, dict):
            return 0
        described = dict(_descriptions(data) or {})
        if described.get(tag) == (text or None):
            return 0
        if text:
            described[tag] = text
        else:
            described.pop(tag, None)
        if described:
            data["tags"] = described
        else:
            data.pop("tags", None)
        return 1

    return plan_changes(f"Describe Tag '{tag}'", [files.set_file], change, files.skipped)
