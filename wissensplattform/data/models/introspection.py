"""Questions asked of the schema's type annotations: by the field reference, the scaffold, the formatter
and the error messages."""

from __future__ import annotations

import types
import typing
from enum import Enum
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from wissensplattform.data.models.common import key_order

SCALARS = {str: "Text", int: "ganze Zahl", float: "Zahl", bool: "ja/nein (`true`/`false`)"}


def leaves(annotation: Any) -> list[Any]:
    """The plain types inside `X | None`, `list[X]`, `Annotated[X, …]`."""
    args = typing.get_args(annotation)
    if not args:
        return [annotation]
    return [leaf for arg in args for leaf in leaves(arg)]


def is_model(obj: Any) -> bool:
    return isinstance(obj, type) and issubclass(obj, BaseModel)


def nested_models(annotation: Any) -> list[type[BaseModel]]:
    """Models nested in a field's annotation (`list[TextAngabe]` → `[TextAngabe]`)."""
    return [leaf for leaf in leaves(annotation) if is_model(leaf)]


def enum_of(annotation: Any) -> type[Enum] | None:
    """The enum of allowed values in a field's annotation, if any."""
    return next((leaf for leaf in leaves(annotation) if isinstance(leaf, type) and issubclass(leaf, Enum)), None)


def is_list(annotation: Any) -> bool:
    return typing.get_origin(annotation) is list or any(is_list(a) for a in typing.get_args(annotation))


def is_required(info: FieldInfo) -> bool:
    return info.default is PydanticUndefined and info.default_factory is None


def type_name(annotation: Any) -> str:
    """A German name for a field's type, for editors."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return type_name(args[0])
    if origin in (typing.Union, types.UnionType):
        return " oder ".join(type_name(a) for a in args if a is not type(None))
    if origin is list and nested_models(args[0]):
        return f"Liste; je Eintrag {type_name(args[0])}"
    if origin is list:
        return f"Liste von: {type_name(args[0])}"
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "Auswahl"
    if is_model(annotation):
        required, optional = subfields(annotation)
        return f"Unterfelder {', '.join(required)}" + (f"; dazu möglich: {', '.join(optional)}" if optional else "")
    return SCALARS.get(annotation, "Wert")


def subfields(model: type[BaseModel]) -> tuple[list[str], list[str]]:
    """The required and the optional fields of `model`, in the order editors write them."""
    names = key_order(model)
    required = [name for name in names if is_required(model.model_fields[name])]
    return required, [name for name in names if name not in required]
