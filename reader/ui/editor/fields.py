"""What the card editor shows, read from the card JSON Schema rather than written per field.

The schema in ``resources/`` is the format's one definition; walking its ``properties`` in
order gives the editor its fields, their labels (the key), tooltips (``description``), which
are required, the choices of an enum, and the shape of nested objects and lists. A field added
to the format therefore appears in the editor without a change here. The only knowledge kept
in this module is how a *string* is best typed: a one-line box or a multi-line one (the schema
cannot say how long a value is expected to be), and which text fields the card view renders as
Markdown (so their editors get a preview).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from functools import cache
from typing import Any

from reader.cards.resources import schema
from reader.cards.schema import field_label

#: Prose fields: typed in a multi-line box. Any other string is a one-line box.
_PROSE = frozenset(
    {"thesis", "summary", "notes", "claim", "support", "view", "action", "event", "text"}
)
#: Fields the card view renders as Markdown (reader/render/card.py); their box has a preview.
_MARKDOWN = frozenset({"summary", "notes"})
#: Strings whose schema pattern is a date of kept precision (YYYY, YYYY-MM, YYYY-MM-DD).
_DATE_PATTERN = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
#: Strings naming a place in the source: the source pane can fill them.
LOCATOR_KEYS = frozenset({"where"})


class Kind(Enum):
    LINE = "line"
    PROSE = "prose"
    MARKDOWN = "markdown"
    DATE = "date"
    CHOICE = "choice"
    CONSTANT = "constant"
    STRINGS = "strings"
    OBJECTS = "objects"
    GROUP = "group"


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field of the form: a key of the card (or of a nested object) and how to edit it."""

    key: str
    kind: Kind
    description: str
    required: bool
    #: The enum's values (CHOICE) or the constant (CONSTANT, one value).
    choices: tuple[str, ...] = ()
    #: The fields of a nested object (GROUP) or of each list item (OBJECTS).
    children: tuple[FieldSpec, ...] = ()
    #: The at-least count of a list (``minItems``).
    min_items: int = 0
    #: What one item of a list is called ("argument point"), for buttons and headings.
    item_noun: str = ""

    #: The schema's ``title`` for the field, when it gives one.
    label: str = ""

    @property
    def title(self) -> str:
        """The label shown over the field: the schema's title, else the key as the card writer
        types it, capitalised."""
        return self.label or self.key[:1].upper() + self.key[1:]

    @property
    def is_locator(self) -> bool:
        return self.key in LOCATOR_KEYS and self.kind is Kind.LINE


def spec_from_schema(key: str, node: dict[str, Any], required: bool) -> FieldSpec:
    """The spec of one property of a JSON Schema object (the card's, or a nested one)."""
    spec = _spec(key, node, required)
    label = node.get("title")
    return replace(spec, label=label) if isinstance(label, str) and label.strip() else spec


def _spec(key: str, node: dict[str, Any], required: bool) -> FieldSpec:
    description = str(node.get("description", ""))
    if "const" in node:
        return FieldSpec(key, Kind.CONSTANT, description, required, (str(node["const"]),))
    if "enum" in node:
        return FieldSpec(key, Kind.CHOICE, description, required, tuple(map(str, node["enum"])))
    kind = node.get("type")
    if kind == "object":
        return FieldSpec(key, Kind.GROUP, description, required, children=object_specs(node))
    if kind == "array":
        items = node.get("items", {})
        noun = field_label((key, 0)).removesuffix(" 1")
        min_items = int(node.get("minItems", 0))
        if items.get("type") == "object":
            return FieldSpec(
                key,
                Kind.OBJECTS,
                description,
                required,
                children=object_specs(items),
                min_items=min_items,
                item_noun=noun,
            )
        return FieldSpec(key, Kind.STRINGS, description, required, min_items=min_items)
    if node.get("pattern") == _DATE_PATTERN:
        return FieldSpec(key, Kind.DATE, description, required)
    if key in _MARKDOWN:
        return FieldSpec(key, Kind.MARKDOWN, description, required)
    return FieldSpec(key, Kind.PROSE if key in _PROSE else Kind.LINE, description, required)


def object_specs(node: dict[str, Any]) -> tuple[FieldSpec, ...]:
    """The specs of an object schema's properties, in the schema's order."""
    required = set(node.get("required", ()))
    return tuple(
        spec_from_schema(key, child, key in required)
        for key, child in node.get("properties", {}).items()
    )


@cache
def card_fields() -> tuple[FieldSpec, ...]:
    """The card's fields in the order the schema (and the format guide) lists them."""
    return object_specs(schema("briefing-card"))
