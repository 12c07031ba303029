"""Checks a composed document against a shipped JSON Schema and words the result for people.

The schemas in ``resources/`` are the single definition of the format: editors with a YAML
language server use them, and so does the app. jsonschema finds every violation; this module
turns each into a sentence a card writer understands, placed at the key or value that is wrong.
Messages for patterns come from the schema's own ``x-message`` so they live beside the rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

import fastjsonschema

from reader.cards.positions import PathKey, Position
from reader.cards.problems import Problem, Severity, shorten
from reader.cards.resources import schema
from reader.cards.safe_yaml import Document

if TYPE_CHECKING:
    import jsonschema

_ITEM_NOUNS = {
    "argument": "argument point",
    "recommendations": "recommendation",
    "perspectives": "perspective",
    "actors": "actor",
    "timeline": "timeline event",
    "quotes": "quote",
    "topics": "topic",
    "authors": "author",
    "tags": "tag",
}
#: From this many missing fields on, one problem names them all.
_MISSING_AT_ONCE = 3
_TYPE_NAMES = {
    "string": "text",
    "array": "a list",
    "object": "a mapping (indented 'key: value' lines)",
}


@cache
def _fast_validator(name: str) -> Callable[[Any], Any]:
    """The schema compiled to Python code (draft-07 keywords only, which is all it uses)."""
    loaded = {k: v for k, v in schema(name).items() if k != "$schema"}
    return fastjsonschema.compile(loaded)


def is_valid(data: Any, schema_name: str) -> bool:
    try:
        _fast_validator(schema_name)(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


@cache
def _validator(name: str) -> jsonschema.protocols.Validator:
    """The full validator, which only an invalid document needs, to word its problems; imported
    here, as most processes never meet one (it is a third of ``briefing-reader table``'s
    imports). A process that parses on worker threads makes it first: see
    ``reader.index.prepare_for_threads``."""
    import jsonschema

    loaded = schema(name)
    # The shipped schemas are checked against their metaschema by the tests
    # (tests/cards/test_schema.py), not here: it cost every window's start 16 ms.
    cls = jsonschema.validators.validator_for(loaded)
    validator: jsonschema.protocols.Validator = cls(loaded)
    return validator


def required_fields(schema_name: str) -> tuple[str, ...]:
    """The fields a document of ``schema_name`` must have at its top, in the schema's order."""
    return tuple(schema(schema_name).get("required", ()))


def _listed(names: list[str]) -> str:
    """`a`, `b` and `c`."""
    quoted = [f"`{n}`" for n in names]
    return ", ".join(quoted[:-1]) + f" and {quoted[-1]}" if len(quoted) > 1 else quoted[0]


def describe_value(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__  # pragma: no cover - composed YAML holds only the above


def field_label(path: PathKey) -> str:
    """Name a place in a card the way its writer thinks of it: "`claim` of argument point 3"."""
    if not path:
        return "the file"
    last = path[-1]
    if isinstance(last, int):
        parent = str(path[-2]) if len(path) > 1 else ""
        return f"{_ITEM_NOUNS.get(parent, parent + ' item')} {last + 1}"
    label = f"`{last}`"
    if len(path) >= 3 and isinstance(path[-2], int):
        label += f" of {field_label(path[:-1])}"
    return label


def _friendly(err: jsonschema.ValidationError, path: PathKey) -> str:
    kind = err.validator
    instance = err.instance
    label = field_label(path)
    custom = err.schema.get("x-message") if isinstance(err.schema, dict) else None
    if kind == "type":
        expected = str(err.validator_value)
        expected_name = _TYPE_NAMES.get(expected, str(expected))
        if instance is None:
            hint = " (write [] for an empty list)" if expected == "array" else ""
            return f"{label} is empty; it must be {expected_name}{hint}"
        return f"{label} must be {expected_name}, not {describe_value(instance)}"
    if kind == "minItems":
        noun = _ITEM_NOUNS.get(str(path[-1]) if path else "", "item")
        return f"{label} must list at least one {noun}"
    if custom and kind in {"pattern", "const", "enum", "minLength"}:
        text = str(custom).format(
            value=shorten(instance) if isinstance(instance, str) else instance
        )
        return text if text.startswith("'") else f"{label} {text}"
    return f"{label}: {err.message}"  # pragma: no cover - every rule used has a wording above


def check(doc: Document, schema_name: str, rel_path: str) -> Iterator[Problem]:
    """Yield a problem for every schema violation; unknown fields come out as warnings."""
    if is_valid(doc.data, schema_name):
        return
    seen: set[tuple[PathKey, str]] = set()
    for err in _validator(schema_name).iter_errors(doc.data):
        path: PathKey = tuple(err.absolute_path)
        for position, severity, message in _explain(doc, err, path):
            if (path, message) in seen:
                continue
            seen.add((path, message))
            yield Problem(rel_path, position[0], position[1], severity, message)


def _explain(
    doc: Document, err: jsonschema.ValidationError, path: PathKey
) -> Iterator[tuple[Position, Severity, str]]:
    if err.validator == "required":
        present = err.instance if isinstance(err.instance, dict) else {}
        where = field_label(path) if path else "the card"
        required: list[str] = list(err.validator_value)  # type: ignore[arg-type]
        missing = [name for name in required if name not in present]
        position = doc.key_position(path) if path else doc.value_position(path)
        if len(missing) >= _MISSING_AT_ONCE:
            # One row, not a row per field all at the same place (review P10).
            yield (
                position,
                Severity.ERROR,
                f"{where} is missing the required fields {_listed(missing)}",
            )
            return
        for name in missing:
            yield position, Severity.ERROR, f"{where} is missing the required field `{name}`"
        return
    if err.validator == "additionalProperties" and err.validator_value is False:
        schema_node = err.schema if isinstance(err.schema, dict) else {}
        known = sorted(schema_node.get("properties", {}))
        where = f" in {field_label(path)}" if path else ""
        instance = err.instance if isinstance(err.instance, dict) else {}
        for name in instance:
            if name not in known:
                yield (
                    doc.key_position((*path, name)),
                    Severity.WARNING,
                    f"unknown field `{name}`{where} is ignored (known fields: {', '.join(known)})",
                )
        return
    if "propertyNames" in err.relative_schema_path:
        name = str(err.instance)
        yield (doc.key_position((*path, name)), Severity.ERROR, _friendly(err, path))
        return
    yield (doc.value_position(path), Severity.ERROR, _friendly(err, path))
