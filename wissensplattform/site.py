"""The generated part of the site: which pages exist and what each contains.

Pages are Markdown (with HTML from the templates) so any MkDocs-compatible
builder can render them; `hooks/` hands them to MkDocs, nothing here imports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wissensplattform.catalog import Catalog, load_catalog
from wissensplattform.contexts.fields import model_docs
from wissensplattform.contexts.overview import overview_context
from wissensplattform.contexts.profile import profile_context
from wissensplattform.history import last_changed
from wissensplattform.models import Initiative, Quelle
from wissensplattform.rendering import render


@dataclass(frozen=True)
class GeneratedPage:
    """One page: its path below `docs/`, its Markdown, and the data file it is built from."""

    src_path: str
    content: str
    source: str | None = None

    @property
    def url(self) -> str:
        return page_url(self.src_path)


def page_url(src_path: str) -> str:
    """`initiativen/x.md` → `initiativen/x/`, `initiativen/index.md` → `initiativen/` (directory URLs)."""
    stem = src_path.removesuffix(".md")
    stem = stem.removesuffix("index").rstrip("/") if stem.endswith("index") else stem
    return f"{stem}/" if stem else ""


def generate_pages(catalog: Catalog) -> list[GeneratedPage]:
    """Every page built from data: one profile per initiative, the overview, the field reference."""
    stand = last_changed(catalog.root, [entry.path for entry in catalog.entries])
    pages = []
    for entry in catalog.entries:
        src = f"initiativen/{entry.slug}.md"
        context = profile_context(entry, catalog, stand[entry.path])
        pages.append(GeneratedPage(src, render("profile.md.j2", p=context, page_url=page_url(src)), entry.path))
    pages.append(GeneratedPage("initiativen/index.md",
                               render("overview.md.j2", o=overview_context(catalog), page_url="initiativen/")))
    pages.append(GeneratedPage("mitwirken/feldreferenz.md",
                               render("field_reference.md.j2", models=model_docs(Initiative) + model_docs(Quelle)),
                               "wissensplattform/models/initiative.py"))
    return pages


def build_pages(root: Path) -> list[GeneratedPage]:
    """Load and check all data below `root`, then generate its pages (raises `DataError`)."""
    return generate_pages(load_catalog(root))
