"""Context of the field reference for editors, generated from the one schema."""

from __future__ import annotations

import json
import typing
from dataclasses import dataclass
from enum import Enum
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined


@dataclass(frozen=True)
class FieldDoc:
    name: str
    title: str | None
    meaning: str
    type: str
    required: bool
    allowed: tuple[str, ...]
    example: str | None


@dataclass(frozen=True)
class ModelDoc:
    name: str
    doc: str
    fields: tuple[FieldDoc, ...]


SCALARS = {str: "Text", int: "ganze Zahl", float: "Zahl", bool: "ja/nein (`true`/`false`)"}


def _type_name(annotation: Any) -> str:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _type_name(args[0])
    if origin in (typing.Union, getattr(__import__("types"), "UnionType")):
        return " oder ".join(_type_name(a) for a in args if a is not type(None))
    if origin is list:
        return f"Liste von: {_type_name(args[0])}"
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "Auswahl"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"Unterfelder ({annotation.__name__})"
    return SCALARS.get(annotation, str(annotation))


def _enum(annotation: Any) -> type[Enum] | None:
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return annotation
    return next(filter(None, (_enum(a) for a in typing.get_args(annotation))), None)


def _nested(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for a in typing.get_args(annotation) for m in _nested(a)]


def _example(info: FieldInfo) -> str | None:
    if not info.examples:
        return None
    value = info.examples[0]
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _field(name: str, info: FieldInfo) -> FieldDoc:
    enum = _enum(info.annotation)
    required = info.default is PydanticUndefined and info.default_factory is None
    return FieldDoc(name, info.title, info.description or "", _type_name(info.annotation), required,
                    tuple(str(m.value) for m in enum) if enum else (), _example(info))


def model_docs(root: type[BaseModel]) -> tuple[ModelDoc, ...]:
    """The root model and every model nested in it, each documented once, in order of first use."""
    seen: list[type[BaseModel]] = []
    queue = [root]
    while queue:
        model = queue.pop(0)
        if model in seen:
            continue
        seen.append(model)
        for info in model.model_fields.values():
            queue.extend(_nested(info.annotation))
    return tuple(
        ModelDoc(m.__name__, (m.__doc__ or "").strip().splitlines()[0],
                 tuple(_field(n, i) for n, i in m.model_fields.items()))
        for m in seen
    )
