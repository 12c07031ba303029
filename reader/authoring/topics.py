"""Set topics: add, edit, rename and remove them, as previewable plans.

A topic key is what cards' perspectives point at, so renaming one is a set-wide change: the set
file's entry and every perspective using it, in one plan (one undoable step in the window).
Removing a topic that perspectives still use would make those cards fail to load, so it is
refused with the cards named, unless the caller insists.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.authoring.plan import Plan, SetFiles, plan_changes
from reader.cards.model import ID_PATTERN


class TopicError(ValueError):
    """The topic change cannot be planned; the message says why."""


def _topics(data: Any) -> list[Any]:
    topics = data.get("topics") if isinstance(data, dict) else None
    return topics if isinstance(topics, list) else []


def _keys(files: SetFiles) -> list[str]:
    data = files.set_file[2] if files.set_file else None
    return [t["key"] for t in _topics(data) if isinstance(t, dict) and "key" in t]


def _set_file(files: SetFiles) -> tuple[Path, str, Any]:
    if files.set_file is None:
        raise TopicError("the set has no cardset.yaml: create the set file first")
    return files.set_file


def _valid_key(key: str) -> None:
    if not ID_PATTERN.fullmatch(key):
        raise TopicError(
            f"'{key}' is not a topic key: use 1–64 lowercase letters, digits or hyphens"
        )


def _perspectives(data: Any) -> list[Any]:
    found = data.get("perspectives") if isinstance(data, dict) else None
    return [p for p in found if isinstance(p, dict)] if isinstance(found, list) else []


def cards_using(files: SetFiles, key: str) -> list[str]:
    """The set-relative paths of the cards with a perspective on ``key``."""
    return [
        path.relative_to(files.root).as_posix()
        for path, _, data in files.cards
        if any(p.get("topic") == key for p in _perspectives(data))
    ]


def plan_topic_add(root: Path, key: str, label: str, question: str) -> Plan:
    """Add a topic at the end of the set file's ``topics`` (made when missing)."""
    files = SetFiles.read(root, ())
    _valid_key(key)
    if key in _keys(files):
        raise TopicError(f"the set has a topic '{key}' already")
    if not label.strip() or not question.strip():
        raise TopicError("a topic needs a label and a question")
    entry = {"key": key, "label": label.strip(), "question": question.strip()}

    def change(data: Any) -> int:
        data["topics"] = [*_topics(data), entry]
        return 1

    return plan_changes(f"Add Topic '{key}'", [_set_file(files)], change, files.skipped)


def plan_topic_edit(root: Path, key: str, label: str, question: str) -> Plan:
    """Change a topic's label and question (its key, and so the cards, stay)."""
    files = SetFiles.read(root, ())
    if key not in _keys(files):
        raise TopicError(f"the set has no topic '{key}'")

    def change(data: Any) -> int:
        for topic in _topics(data):
            if isinstance(topic, dict) and topic.get("key") == key:
                topic.update(label=label.strip(), question=question.strip())
        return 1

    return plan_changes(f"Edit Topic '{key}'", [_set_file(files)], change, files.skipped)


def plan_topic_rename(root: Path, old: str, new: str) -> Plan:
    """Rename topic ``old`` to ``new`` in the set file and in every card's perspectives."""
    files = SetFiles.read(root, (old,))
    _valid_key(new)
    keys = _keys(files)
    if old not in keys:
        raise TopicError(f"the set has no topic '{old}'")
    if new in keys:
        raise TopicError(f"the set has a topic '{new}' already")

    def change(data: Any) -> int:
        count = 0
        entries = [(t, "key") for t in _topics(data) if isinstance(t, dict)]
        entries += [(p, "topic") for p in _perspectives(data)]
        for entry, field in entries:
            if entry.get(field) == old:
                entry[field] = new
                count += 1
        return count

    return plan_changes(
        f"Rename Topic '{old}' to '{new}'", list(files.every()), change, files.skipped
    )


def plan_topic_remove(root: Path, key: str, *, force: bool = False) -> Plan:
    """Remove topic ``key`` from the set file. Refused while cards have perspectives on it
    (the message names them); with ``force`` the plan warns instead, and those cards fail
    to load until their perspectives are changed."""
    files = SetFiles.read(root, (key,))
    if key not in _keys(files):
        raise TopicError(f"the set has no topic '{key}'")
    users = cards_using(files, key)
    if users and not force:
        raise TopicError(
            f"the topic '{key}' is not removed: these cards have perspectives on it, "
            f"change them first: {', '.join(users)}"
        )
    warnings = [*files.skipped]
    if users:
        warnings.append(f"these cards will fail to load until changed: {', '.join(users)}")

    def change(data: Any) -> int:
        topics = _topics(data)
        data["topics"] = [t for t in topics if not (isinstance(t, dict) and t.get("key") == key)]
        return len(topics) - len(data["topics"])

    return plan_changes(f"Remove Topic '{key}'", [_set_file(files)], change, warnings)
