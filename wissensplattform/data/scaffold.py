"""A new initiative file from the schema: every field, explained in German comments.

The comments are guidance for the first edit; the form editor and `make formatieren` drop them.
"""

from __future__ import annotations

from pydantic import BaseModel

from wissensplattform.data.models.introspection import enum_of, is_list, is_required, nested_models, type_name
from wissensplattform.data.models import Initiative
from wissensplattform.data.models.common import key_order


def _comment(name: str, info) -> list[str]:
    head = f"# {info.title or name}{' (Pflichtfeld)' if is_required(info) else ''}: {info.description or ''}"
    lines = [head.rstrip()]
    enum = enum_of(info.annotation)
    if enum:
        lines.append("#   Erlaubt: " + ", ".join(str(m.value) for m in enum))
    else:
        lines.append(f"#   Typ: {type_name(info.annotation)}")
    return lines


def _body(model: type[BaseModel], indent: str, first_prefix: str | None = None) -> list[str]:
    """Keys of `model` with empty values; required keys only (optional ones would fail as empty)."""
    lines = []
    for name in key_order(model):
        info = model.model_fields[name]
        if not is_required(info):
            continue
        prefix = first_prefix if (first_prefix is not None and not lines) else indent
        nested = nested_models(info.annotation)
        lines.append(f"{prefix}{name}:")
        if nested:
            lines.extend(_body(nested[0], indent + "  "))
    return lines


def _field_block(name: str, info, value: str | None) -> list[str]:
    lines = _comment(name, info)
    nested = nested_models(info.annotation)
    if is_required(info):
        if value is not None:
            lines.append(f'{name}: "{value}"')
        else:
            lines.append(f"{name}:")
            if nested:
                lines.extend(_body(nested[0], "  "))
        return lines
    # Optional fields stay commented out until the sources support them.
    lines.append(f"# {name}:")
    if nested and is_list(info.annotation):
        lines.extend("# " + line for line in _body(nested[0], "    ", first_prefix="  - "))
    elif nested:
        lines.extend("# " + line for line in _body(nested[0], "  "))
    return lines


def new_initiative(name: str) -> str:
    """The text of a new initiative file named `name`, every field explained in German."""
    lines = ["# Neue Initiative. Füllen Sie die Pflichtfelder aus; optionale Felder stehen als Kommentar",
             "# darunter: entfernen Sie das »# « am Zeilenanfang, wenn eine Quelle die Angabe belegt.",
             "# Jede Angabe braucht `quelle` (Kennung aus quellen.yaml) und `stelle` (Abschnitt, Seite).",
             ""]
    for field_name, info in Initiative.model_fields.items():
        lines.extend(_field_block(field_name, info, name if field_name == "name" else None))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
