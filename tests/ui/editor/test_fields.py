"""The form's fields come from the card schema: order, kinds, labels and new fields."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from reader.cards.resources import schema
from reader.ui.editor.context import EditorContext
from reader.ui.editor.fields import FieldSpec, Kind, card_fields, object_specs
from reader.ui.editor.form import CardForm


def test_every_schema_property_is_a_field_in_the_schemas_order() -> None:
    card = schema("briefing-card")
    fields = card_fields()
    assert [f.key for f in fields] == list(card["properties"])
    kinds = {f.key: f.kind for f in fields}
    assert kinds["format"] is Kind.CONSTANT
    assert kinds["summary"] is Kind.MARKDOWN
    assert kinds["thesis"] is Kind.PROSE
    assert kinds["tags"] is Kind.STRINGS
    assert kinds["argument"] is Kind.OBJECTS
    assert kinds["source"] is Kind.GROUP
    source = next(f for f in fields if f.key == "source")
    by_key = {f.key: f for f in source.children}
    assert by_key["published"].kind is Kind.DATE
    assert by_key["kind"].choices == tuple(
        card["properties"]["source"]["properties"]["kind"]["enum"]
    )
    assert by_key["publisher"].required
    assert not by_key["url"].required
    argument = next(f for f in fields if f.key == "argument")
    assert argument.item_noun == "argument point"
    assert argument.min_items == 1
    assert argument.description == card["properties"]["argument"]["description"]


def test_a_field_added_to_the_format_reaches_the_form() -> None:
    extended = {
        "type": "object",
        "required": ["region"],
        "properties": {
            "region": {"type": "string", "description": "Where it happens.", "title": "Area"},
            "sources": {"type": "array", "items": {"type": "object", "properties": {}}},
        },
    }
    region, sources = object_specs(extended)
    assert region == FieldSpec("region", Kind.LINE, "Where it happens.", True, label="Area")
    assert region.title == "Area"
    assert sources.kind is Kind.OBJECTS


def test_labels_and_tooltips_come_from_the_schema(qtbot: QtBot) -> None:
    form = CardForm(EditorContext(), QUndoStack())
    qtbot.addWidget(form)
    thesis = form.field_at(("thesis",))
    assert thesis is not None
    assert thesis.title.text() == "Thesis *"
    assert thesis.toolTip() == schema("briefing-card")["properties"]["thesis"]["description"]
