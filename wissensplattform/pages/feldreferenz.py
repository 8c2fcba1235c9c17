"""The field reference for editors (`/mitwirken/feldreferenz/`), generated from the one schema."""

from __future__ import annotations

from collections.abc import Iterator

from wissensplattform.data.catalog import Catalog
from wissensplattform.data.models import Initiative, Quelle
from wissensplattform.data.models.toolbox import Modul
from wissensplattform.pages.contexts.fields import model_docs
from wissensplattform.pages.knowledge import KNOWLEDGE_MODELS
from wissensplattform.pages.page import GeneratedPage
from wissensplattform.pages.rendering import render


def field_reference_pages(catalog: Catalog) -> Iterator[GeneratedPage]:
    yield GeneratedPage("mitwirken/feldreferenz/index.md",
                        render("field_reference.md.j2", models=model_docs(Initiative, Quelle, *KNOWLEDGE_MODELS, Modul)),
                        "wissensplattform/data/models/initiative.py")
