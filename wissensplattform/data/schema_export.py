"""The JSON Schema of the data files, written from the one pydantic schema."""

from __future__ import annotations

import json
from pathlib import Path

from wissensplattform.data.models import Initiative, Quellenregister
from wissensplattform.data.models.toolbox import Modul

SCHEMA_DIR = "schema"
# File name → model; editors' YAML files point at these with `# yaml-language-server: $schema=…`.
SCHEMAS = {
    "initiative.schema.json": Initiative,
    "quellen.schema.json": Quellenregister,
    "werkzeugkiste-modul.schema.json": Modul,
}


def schema_text(model) -> str:
    """The model's JSON Schema as committed text (stable key order, trailing newline)."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(root: Path) -> list[Path]:
    """Write every schema file below `root/schema/`; return the paths written."""
    directory = root / SCHEMA_DIR
    directory.mkdir(exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = directory / name
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written
