"""JSON Schemas for editors: one per data file, without English docstrings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brievenbus.errors import OutputError
from brievenbus.inputs.schema import json_schema, write_json_schemas


def test_schema_is_titled_by_file_and_accepts_ja_nee() -> None:
    schema = json_schema("clubs")
    assert schema["title"] == "clubs.yaml"
    club = schema["$defs"]["Club"]  # type: ignore[index]
    assert "description" not in club  # the (English) docstring; the fields' Dutch ones stay
    assert club["properties"]["naam"]["description"] == "de naam van uw club zoals onder de brief"
    assert club["additionalProperties"] is False
    assert club["properties"]["ondertekend"]["anyOf"] == [
        {"type": "boolean"},
        {"enum": ["ja", "nee"]},
    ]


def test_one_file_per_data_file(workdir: Path) -> None:
    written = write_json_schemas(workdir / "schema")
    assert [str(p) for p in written] == [
        "schema/municipalities.schema.json",
        "schema/measures.schema.json",
        "schema/clubs.schema.json",
        "schema/facts.schema.json",
    ]
    loaded = json.loads((workdir / "schema" / "facts.schema.json").read_text(encoding="utf-8"))
    assert loaded["title"] == "facts.yaml"


def test_a_folder_that_cannot_be_made(workdir: Path) -> None:
    (workdir / "schema").write_text("een bestand", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        write_json_schemas(workdir / "schema")
    problem = caught.value.problems[0]
    assert problem.message.startswith("kan niet schrijven in schema (")
    assert problem.hint == "kies een andere map: brief schema MAP"
