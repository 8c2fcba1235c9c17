"""Normalise data files (key order, quoting) with ruamel.yaml, keeping every comment and changing nothing else."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from wissensplattform.models.introspection import nested_models
from wissensplattform.models.common import key_order

# Values that must stay text: a bare 2013 or 2013-04-29 would be read as a number or a date.
QUOTED_KEYS = ("datum", "stelle")


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    return yaml


def _normalise(node: Any, model: type[BaseModel] | None) -> None:
    if isinstance(node, CommentedSeq):
        for item in node:
            _normalise(item, model)
        return
    if not isinstance(node, CommentedMap):
        return
    if model is not None:
        wanted = [key for key in key_order(model) if key in node]
        if list(node)[: len(wanted)] != wanted:
            for key in wanted + [k for k in list(node) if k not in wanted]:
                node.move_to_end(key)
    for key in list(node):
        value = node[key]
        if key in QUOTED_KEYS and not isinstance(value, DoubleQuotedScalarString) and isinstance(value, (str, int)):
            if type(value) in (str, int):
                node[key] = DoubleQuotedScalarString(str(value))
        info = model.model_fields.get(key) if model is not None else None
        nested = nested_models(info.annotation) if info is not None else []
        _normalise(value, nested[0] if nested else None)


def format_text(text: str, model: type[BaseModel]) -> str:
    """The normalised text of one data file validated by `model`."""
    yaml = _yaml()
    data = yaml.load(text)
    _normalise(data, model)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def format_file(path: Path, model: type[BaseModel], write: bool = True) -> bool:
    """Normalise one file; return whether it changed (or would change, with `write=False`)."""
    text = path.read_text(encoding="utf-8")
    formatted = format_text(text, model)
    if formatted != text and write:
        path.write_text(formatted, encoding="utf-8")
    return formatted != text
