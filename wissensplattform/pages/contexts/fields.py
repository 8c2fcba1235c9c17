"""Context of the field reference for editors, generated from the one schema."""

from __future__ import annotations

import json
from dataclasses import dataclass

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from wissensplattform.data.models.introspection import enum_of, is_required, nested_models, type_name


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
    name: str  # the class name: only the heading's anchor id uses it (existing links), never shown
    title: str  # the German title editors read (`model_config = ConfigDict(title=…)`)
    doc: str
    fields: tuple[FieldDoc, ...]


def _example(info: FieldInfo) -> str | None:
    if not info.examples:
        return None
    value = info.examples[0]
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _field(name: str, info: FieldInfo) -> FieldDoc:
    enum = enum_of(info.annotation)
    return FieldDoc(name, info.title, info.description or "", type_name(info.annotation), is_required(info),
                    tuple(str(m.value) for m in enum) if enum else (), _example(info))


def model_docs(*roots: type[BaseModel]) -> tuple[ModelDoc, ...]:
    """Each root model followed by the models nested in it, each documented once, in order of first use."""
    seen: list[type[BaseModel]] = []
    for root in roots:
        queue = [root]
        while queue:
            model = queue.pop(0)
            if model in seen:
                continue
            seen.append(model)
            for info in model.model_fields.values():
                queue.extend(nested_models(info.annotation))
    return tuple(
        ModelDoc(m.__name__, title, (m.__doc__ or "").strip().splitlines()[0],
                 tuple(_field(n, i) for n, i in m.model_fields.items()))
        for m, title in zip(seen, _titles(seen))
    )


def _titles(models: list[type[BaseModel]]) -> list[str]:
    """Each model's German title (`model_config = ConfigDict(title=…)`). A subclass inherits its parent's title,
    so one that forgot its own would repeat the parent's heading: a missing or repeated title is a programming error."""
    titles = [m.model_config.get("title") for m in models]
    for model, title in zip(models, titles):
        if not title:
            raise ValueError(f"{model.__name__} hat keinen Titel: model_config = ConfigDict(title=…) ergänzen")
        parents = [base.__name__ for base in model.__mro__[1:]
                   if issubclass(base, BaseModel) and base.model_config.get("title") == title]
        if parents:
            raise ValueError(f"{model.__name__}: Titel »{title}« von {parents[0]} geerbt, eigenen Titel ergänzen")
        if titles.count(title) > 1:
            raise ValueError(f"{model.__name__}: Titel »{title}« ist mehrfach vergeben")
    return titles
