"""JSON Schema for each data file, so an editor can complete keys and flag typos."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from brievenbus.fileio import atomic_write, display_path, write_error
from brievenbus.inputs.dataset import DATA_FILES
from brievenbus.inputs.models import ClubsFile, FactsFile, MeasuresFile, MunicipalitiesFile

MODELS: dict[str, type[BaseModel]] = {
    "municipalities": MunicipalitiesFile,
    "measures": MeasuresFile,
    "clubs": ClubsFile,
    "facts": FactsFile,
}


def json_schema(name: str) -> dict[str, object]:
    """The schema of one data file, titled by its file name."""
    schema: dict[str, object] = _without_descriptions(MODELS[name].model_json_schema())
    schema["title"] = DATA_FILES[name]
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def write_json_schemas(folder: Path) -> list[Path]:
    """Write <file>.schema.json for every data file; return the paths written."""
    paths = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, file_name in DATA_FILES.items():
            path = folder / file_name.replace(".yaml", ".schema.json")
            text = json.dumps(json_schema(name), indent=2, ensure_ascii=False) + "\n"
            atomic_write(path, text.encode())
            paths.append(display_path(path))
    except OSError as error:
        raise write_error(folder, error, "kies een andere map: brief schema MAP") from None
    return paths


def _without_descriptions(value: Any) -> Any:
    """Drop the (English) class docstrings pydantic puts in; an editor shows them to users.

    The fields' own (Dutch) descriptions stay: an editor shows what a field is for.
    """
    if isinstance(value, dict):
        model = "properties" in value
        return {
            k: _without_descriptions(v)
            for k, v in value.items()
            if not (k == "description" and model)
        }
    if isinstance(value, list):
        return [_without_descriptions(v) for v in value]
    return value
