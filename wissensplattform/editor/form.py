"""The form editor's fields, derived from the one schema: a Decap CMS field for every model field.

Labels are the fields' German titles, hints their descriptions; required fields are required, allowed
values become choices, `quelle` a choice of the source register's keys, and the schema's patterns and
bounds become the form's checks. Nothing here is written by hand per field.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from functools import cache
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from wissensplattform.data.models.common import (
    DATE_PATTERN, KRITERIUM_LABELS, SLUG_PATTERN, URL_PATTERN, Beleg, LabelledEnum, key_order,
)
from wissensplattform.data.models.introspection import enum_of, is_list, is_required, nested_models
from wissensplattform.data.models.sources import Quelle

# What a value of each pattern looks like: Decap shows »<Feld> entspricht nicht dem Muster: …«.
PATTERN_FORMS: dict[str, str] = {
    SLUG_PATTERN: "nur Kleinbuchstaben, Ziffern und Bindestriche, z. B. »lokale-allianz-dormagen«",
    DATE_PATTERN: "JJJJ, JJJJ-MM oder JJJJ-MM-TT, z. B. 2013-04-29",
    URL_PATTERN: "eine vollständige Internetadresse, die mit https:// beginnt",
}
# Free texts that can run over several lines get a text area instead of a single line.
LONG_TEXTS = {"text", "ereignis", "anmerkung", "kurztext", "beschreibung", "inhalt"}
# Fields whose values are the keys of the source register.
SOURCE_FIELDS = {"quelle"}


def form_fields(model: type[BaseModel], sources: dict[str, Quelle], optional: bool = False) -> list[dict[str, Any]]:
    """The form of `model`: one field per schema field, in the order the files are written.

    Inside an `optional` object every field is optional: Decap checks a nested required field even when
    the whole object is left empty, and the data check still reports a half-filled object.
    """
    return [form_field(model, name, sources, optional) for name in key_order(model)]


def form_field(model: type[BaseModel], name: str, sources: dict[str, Quelle], optional: bool = False) -> dict[str, Any]:
    info = model.model_fields[name]
    required = is_required(info) and not optional
    field: dict[str, Any] = {"name": name, "label": info.title or name.capitalize(), "required": required}
    if info.description:
        field["hint"] = info.description
    field.update(_widget(model, name, info, sources, required))
    return field


def _widget(model: type[BaseModel], name: str, info: FieldInfo, sources: dict[str, Quelle], required: bool) -> dict[str, Any]:
    nested = nested_models(info.annotation)
    enum = enum_of(info.annotation)
    if nested and is_list(info.annotation):
        return {"widget": "list", "fields": form_fields(nested[0], sources), "summary": summary(nested[0]),
                "collapsed": True, "minimize_collapsed": True, **({"min": 1} if required else {})}
    if nested:
        return {"widget": "object", "fields": form_fields(nested[0], sources, optional=not required),
                "collapsed": not required}
    if enum is not None:
        return {"widget": "select", "options": choices(enum), **({"multiple": True} if is_list(info.annotation) else {})}
    if name in SOURCE_FIELDS:
        return {"widget": "select", "options": [{"label": f"{key} – {source.titel}", "value": key}
                                                 for key, source in sources.items()]}
    return _scalar(name, _property(model, name))


def _scalar(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    """A text, number or yes/no field with the schema's pattern and bounds."""
    kind = schema.get("type")
    if kind == "boolean":
        return {"widget": "boolean"}
    if kind in ("integer", "number"):
        field: dict[str, Any] = {"widget": "number", "value_type": "int" if kind == "integer" else "float"}
        if "minimum" in schema:
            field["min"] = schema["minimum"]
        if "maximum" in schema:
            field["max"] = schema["maximum"]
        elif kind == "integer" and schema.get("minimum") == 1800:  # a year: none lies in the future
            field["max"] = dt.date.today().year
        return field
    field = {"widget": "text" if name in LONG_TEXTS else "string"}
    if "pattern" in schema:
        field["pattern"] = [schema["pattern"], PATTERN_FORMS.get(schema["pattern"], "die erwartete Form")]
    return field


@cache
def _properties(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema()["properties"]


def _property(model: type[BaseModel], name: str) -> dict[str, Any]:
    """The JSON Schema of one scalar field, without the `null` of an optional one."""
    schema = _properties(model)[name]
    branches = [branch for branch in schema.get("anyOf", [schema]) if branch.get("type") != "null"]
    return branches[0]


def choices(enum: type[Enum]) -> list[dict[str, str]]:
    """Allowed values with the label the site shows for them."""
    def label(member: Enum) -> str:
        if isinstance(member, LabelledEnum):
            return member.label
        return KRITERIUM_LABELS.get(member.value, member.value)
    return [{"label": label(member), "value": member.value} for member in enum]


def summary(model: type[BaseModel]) -> str:
    """The line a collapsed list entry shows: its own texts (e.g. the statement), else its citation."""
    own = [name for name in key_order(model) if name not in Beleg.model_fields
           and is_required(model.model_fields[name]) and not nested_models(model.model_fields[name].annotation)]
    shown = own[:2] or [name for name in ("quelle", "stelle") if name in model.model_fields]
    return " – ".join(f"{{{{fields.{name}}}}}" for name in shown)
