"""The optional ``cardset.yaml``: the set's title, topics, tag descriptions and actor aliases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.cards.file_reading import YamlError
from reader.cards.model import ID_PATTERN, SET_FILE, SetInfo, Topic
from reader.cards.problems import Problem, error, shorten
from reader.cards.safe_yaml import read_yaml_bytes
from reader.cards.schema import check


def title_of(data: object, fallback_title: str) -> str:
    """The set's title in the set file's data: its ``title`` when that is text that is not
    blank, else ``fallback_title``. It does not depend on the rest of the file being valid."""
    title = data.get("title") if isinstance(data, dict) else None
    return title if isinstance(title, str) and title.strip() else fallback_title


def parse_set_file(
    raw: bytes, fallback_title: str, root: Path | None = None
) -> tuple[SetInfo, list[Problem]]:
    """Read the set file. With errors, the set still loads with what could be understood.

    A broken set file must not hide the cards, so on errors the title falls back to the
    folder name and only well-formed topics are kept.
    """
    try:
        doc = read_yaml_bytes(raw)
    except YamlError as exc:
        return SetInfo(fallback_title, has_file=True), [error(SET_FILE, exc.position, exc.message)]
    if not isinstance(doc.data, dict):
        problem = error(
            SET_FILE,
            doc.value_position(()),
            "cardset.yaml must be a YAML mapping (format:, title:, topics: …)",
        )
        return SetInfo(fallback_title, has_file=True), [problem]
    problems = list(check(doc, "briefing-set", SET_FILE))
    data: dict[str, Any] = doc.data

    topics: list[Topic] = []
    seen: set[str] = set()
    raw_topics = data.get("topics") if isinstance(data.get("topics"), list) else []
    for i, entry in enumerate(raw_topics or []):
        if not _is_topic(entry):
            continue  # the schema check has reported what is wrong with it
        if entry["key"] in seen:
            position = doc.value_position(("topics", i, "key"))
            problems.append(error(SET_FILE, position, f"topic key '{entry['key']}' is used twice"))
            continue
        seen.add(entry["key"])
        topics.append(Topic(entry["key"], entry["label"], entry["question"]))

    tags = data.get("tags") if isinstance(data.get("tags"), dict) else {}
    actors = data.get("actors") if isinstance(data.get("actors"), dict) else {}
    aliases: dict[str, tuple[str, ...]] = {}
    owner: dict[str, str] = {}
    for canonical, names in (actors or {}).items():
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            continue
        for j, name in enumerate(names):
            if name in owner and owner[name] != canonical:
                problems.append(
                    error(
                        SET_FILE,
                        doc.value_position(("actors", canonical, j)),
                        f"the name '{name}' is listed under both '{owner[name]}' and "
                        f"'{canonical}'; a name can stand for only one actor",
                    )
                )
            owner[name] = canonical
        aliases[canonical] = tuple(names)

    description = data.get("description")
    sources = _sources_folder(data.get("sources"), root, doc.value_position(("sources",)), problems)
    info = SetInfo(
        title=title_of(data, fallback_title),
        description=description if isinstance(description, str) else None,
        topics=tuple(topics),
        tag_descriptions={
            k: v for k, v in (tags or {}).items() if isinstance(v, str) and v.strip()
        },
        actor_aliases=aliases,
        has_file=True,
        positions=doc.value_positions,
        sources=sources,
    )
    return info, sorted(problems)


def _sources_folder(
    value: object, root: Path | None, position: tuple[int, int], problems: list[Problem]
) -> str | None:
    """``sources:`` when it stays inside the set folder, else None and an error.

    A shared set must never point the app at the reader's own files: ``../..``, an absolute
    path or a link leading out of the set folder is refused.
    """
    if not isinstance(value, str) or not value.strip():
        return None  # absent, or the schema check has said what is wrong
    if root is not None:
        try:
            inside = (root / value).resolve().is_relative_to(root.resolve())
        except (OSError, RuntimeError, ValueError):
            inside = False
        if not inside:
            problems.append(
                error(
                    SET_FILE,
                    position,
                    f"`sources` must be a folder inside the set folder, not '{shorten(value)}'",
                )
            )
            return None
    return value


def _is_topic(raw: object) -> bool:
    return (
        isinstance(raw, dict)
        and {"key", "label", "question"} <= set(raw)
        and all(isinstance(raw[k], str) and raw[k].strip() for k in ("key", "label", "question"))
        and ID_PATTERN.match(raw["key"]) is not None
    )
