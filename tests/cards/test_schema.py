"""The shipped JSON Schemas are valid schemas (the app does not check them at run time)."""

from __future__ import annotations

import jsonschema
import pytest

from reader.cards.resources import schema


@pytest.mark.parametrize("name", ["briefing-card", "briefing-set"])
def test_each_shipped_schema_is_valid_against_its_metaschema(name: str) -> None:
    loaded = schema(name)
    assert "$schema" in loaded, "the schema names its draft"
    validator = jsonschema.validators.validator_for(loaded)
    validator.check_schema(loaded)  # raises SchemaError, naming what is wrong
