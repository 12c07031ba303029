"""One card file → a :class:`Card` and its problems.

This is a pure function of the file's bytes and the set's topic keys, so the loader can run it
in worker processes and the index can cache its result per file.
"""

from __future__ import annotations

from typing import Any

from reader.cards.dates import DateError, PartialDate
from reader.cards.file_reading import YamlError
from reader.cards.model import (
    Actor,
    Card,
    Perspective,
    Point,
    Quote,
    Recommendation,
    Source,
    TimelineEvent,
)
from reader.cards.positions import PathKey
from reader.cards.problems import Problem, error, shorten, warning
from reader.cards.safe_yaml import Document, read_yaml_bytes
from reader.cards.schema import check, field_label, required_fields

#: Quotes are excerpts, not passages; the guide says about 40 words.
QUOTE_WORD_LIMIT = 50
#: What a new card's skeleton (reader.authoring.skeleton) writes in each field to fill in.
PLACEHOLDER = "TODO:"
_PLACEHOLDER_BYTES = PLACEHOLDER.encode()
NOT_A_CARD = (
    "this file is not a card: it has none of the card fields (format:, id:, title: …); "
    "a card starts with `format: briefing-card/1`"
)


def parse_card(
    rel_path: str, data: bytes, topics: frozenset[str] | None
) -> tuple[Card | None, list[Problem]]:
    """Validate and build a card. ``topics`` is None when the set has no ``cardset.yaml``."""
    try:
        doc = read_yaml_bytes(data)
    except YamlError as exc:
        return None, [error(rel_path, exc.position, exc.message)]
    if not isinstance(doc.data, dict):
        found = "empty" if doc.data is None else f"{_article(doc.data)}"
        return None, [
            error(
                rel_path,
                doc.value_position(()),
                f"a card must be a YAML mapping of fields (format:, id:, title: …), not {found}",
            )
        ]
    if not doc.data or not set(doc.data).intersection(required_fields("briefing-card")):
        # A mapping without one card field is some other YAML file: one problem, not a row
        # per missing field and per unknown one (review P10).
        return None, [error(rel_path, doc.value_position(()), NOT_A_CARD)]
    # Walking every value costs a tenth of a card's parse; the text the skeleton writes is
    # always there as these bytes (only a deliberate YAML escape could spell it otherwise).
    placeholders = (
        _placeholder_problems(doc, doc.data, (), rel_path) if _PLACEHOLDER_BYTES in data else []
    )
    where = {(p.line, p.column) for p in placeholders}
    problems = [p for p in check(doc, "briefing-card", rel_path) if (p.line, p.column) not in where]
    problems += placeholders
    if any(p.is_error for p in problems):
        return None, sorted(problems)
    problems += _semantic_problems(doc, rel_path, topics)
    problems.sort()
    if any(p.is_error for p in problems):
        return None, problems
    return _build(doc, rel_path), problems


def _placeholder_problems(doc: Document, value: Any, path: PathKey, rel: str) -> list[Problem]:
    """An error for each field still holding the skeleton's placeholder text (the schema's
    complaint about the same value, a date that is not one, is left out: this one says why)."""
    if isinstance(value, str):
        if not value.lstrip().startswith(PLACEHOLDER):
            return []
        label = field_label(path)
        message = f"{label}: placeholder text left — replace '{shorten(value.strip())}'"
        return [error(rel, doc.value_position(path), message)]
    if isinstance(value, dict):
        items: Any = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return []
    return [p for k, v in items for p in _placeholder_problems(doc, v, (*path, k), rel)]


def _article(value: Any) -> str:
    if isinstance(value, str):
        return "a line of text"
    return "a list" if isinstance(value, list) else "something else"


def _date_problems(doc: Document, rel_path: str, path: PathKey, text: str) -> list[Problem]:
    try:
        PartialDate.parse(text)
    except DateError as exc:
        return [error(rel_path, doc.value_position(path), f"{field_label(path)} {exc}")]
    return []


def _semantic_problems(
    doc: Document, rel_path: str, topics: frozenset[str] | None
) -> list[Problem]:
    """Rules a JSON Schema cannot express: real dates, ranges, topics, duplicates."""
    data = doc.data
    found = _date_problems(doc, rel_path, ("source", "published"), data["source"]["published"])
    for i, event in enumerate(data.get("timeline") or []):
        found += _date_problems(doc, rel_path, ("timeline", i, "date"), event["date"])
    lines = data["source"].get("lines")
    if lines is not None:
        start, end = (int(n) for n in lines.split("-"))
        if not 1 <= start <= end:
            found.append(
                error(
                    rel_path,
                    doc.value_position(("source", "lines")),
                    "`lines` must run from a first line to a later one (like 11-33), "
                    f"not '{lines}'",
                )
            )
    seen_topics: set[str] = set()
    for i, persp in enumerate(data.get("perspectives") or []):
        topic = persp["topic"]
        position = doc.value_position(("perspectives", i, "topic"))
        if topic in seen_topics:
            found.append(
                error(rel_path, position, f"topic '{topic}' has more than one perspective")
            )
        seen_topics.add(topic)
        if topics is None:
            found.append(
                error(
                    rel_path,
                    position,
                    f"topic '{topic}' is not defined: the set has no cardset.yaml with topics",
                )
            )
        elif topic not in topics:
            known = ", ".join(sorted(topics)) or "none"
            found.append(
                error(
                    rel_path,
                    position,
                    f"topic '{topic}' is not defined in cardset.yaml (defined topics: {known})",
                )
            )
    seen_tags: set[str] = set()
    for i, tag in enumerate(data["tags"]):
        if tag in seen_tags:
            position = doc.value_position(("tags", i))
            found.append(warning(rel_path, position, f"tag '{tag}' is listed twice"))
        seen_tags.add(tag)
    for i, quote in enumerate(data.get("quotes") or []):
        words = len(quote["text"].split())
        if words > QUOTE_WORD_LIMIT:
            found.append(
                warning(
                    rel_path,
                    doc.value_position(("quotes", i, "text")),
                    f"quote {i + 1} has {words} words; keep quotes short "
                    "(about 40 words at most) and paraphrase the rest",
                )
            )
    return found


def _build(doc: Document, rel_path: str) -> Card:
    data = doc.data
    src = data["source"]
    lines = src.get("lines")
    source = Source(
        publisher=src["publisher"],
        published=PartialDate.parse(src["published"]),
        title=src.get("title"),
        authors=tuple(src.get("authors") or ()),
        kind=src.get("kind"),
        url=src.get("url"),
        file=src.get("file"),
        lines=tuple(int(n) for n in lines.split("-")) if lines else None,  # type: ignore[arg-type]
    )
    return Card(
        id=data["id"],
        title=data["title"],
        source=source,
        thesis=data["thesis"],
        summary=data["summary"],
        argument=tuple(
            Point(p["claim"], p.get("support"), p.get("where")) for p in data["argument"]
        ),
        tags=tuple(dict.fromkeys(data["tags"])),
        recommendations=tuple(
            Recommendation(r["to"], r["action"], r.get("where"))
            for r in data.get("recommendations") or ()
        ),
        perspectives=tuple(
            Perspective(p["topic"], p["stance"], p["view"]) for p in data.get("perspectives") or ()
        ),
        actors=tuple(Actor(a["name"], a.get("role")) for a in data.get("actors") or ()),
        timeline=tuple(
            TimelineEvent(PartialDate.parse(e["date"]), e["event"])
            for e in data.get("timeline") or ()
        ),
        quotes=tuple(Quote(q["text"], q.get("where")) for q in data.get("quotes") or ()),
        notes=data.get("notes"),
        path=rel_path,
        positions=doc.value_positions,
    )
