"""The generated part of the site: which pages exist and what each contains.

Pages are Markdown (with HTML from the templates) so any MkDocs-compatible
builder can render them; `hooks/` hands them to MkDocs, nothing here imports it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from wissensplattform.catalog import Catalog, load_catalog
from wissensplattform.contexts.fields import model_docs
from wissensplattform.contexts.overview import overview_context
from wissensplattform.contexts.profile import profile_context
from wissensplattform.models import Initiative, Quelle
from wissensplattform.knowledge_pages import KNOWLEDGE_MODELS, knowledge_pages, write_checklist
from wissensplattform.legal import legal_pages
from wissensplattform.mappages import map_pages, write_map_files
from wissensplattform.models.toolbox import Modul
from wissensplattform.pages import GeneratedPage, page_url
from wissensplattform.rendering import render
from wissensplattform.toolbox_pages import downloads_for, toolbox_pages, write_downloads


def profile_pages(catalog: Catalog) -> Iterator[GeneratedPage]:
    for entry in catalog.entries:
        src = f"initiativen/{entry.slug}.md"
        context = profile_context(entry, catalog, catalog.stand[entry.path])
        yield GeneratedPage(src, render("profile.md.j2", p=context, page_url=page_url(src),
                                        steckbrief=downloads_for(catalog).steckbrief(entry.slug)), entry.path)


def overview_pages(catalog: Catalog) -> Iterator[GeneratedPage]:
    yield GeneratedPage("initiativen/index.md",
                        render("overview.md.j2", o=overview_context(catalog), page_url="initiativen/"))


def field_reference_pages(catalog: Catalog) -> Iterator[GeneratedPage]:
    yield GeneratedPage("mitwirken/feldreferenz.md",
                        render("field_reference.md.j2", models=model_docs(Initiative, Quelle, *KNOWLEDGE_MODELS, Modul)),
                        "wissensplattform/models/initiative.py")


# Each feature registers here: page generators yield pages; output writers write files into the built site.
PAGE_GENERATORS: list[Callable[[Catalog], Iterable[GeneratedPage]]] = [
    profile_pages,
    overview_pages,
    field_reference_pages,
    legal_pages,
    map_pages,
    knowledge_pages,
    toolbox_pages,
]
OUTPUT_WRITERS: list[Callable[[Catalog, Path], None]] = [
    write_map_files,
    write_checklist,
    write_downloads,
]


@dataclass
class Site:
    """The checked data of a site and every page generated from it."""

    catalog: Catalog
    pages: list[GeneratedPage]

    @classmethod
    def load(cls, root: Path) -> "Site":
        """Load and check all data below `root`, then generate its pages (raises `DataError`)."""
        catalog = load_catalog(root)
        return cls(catalog, [page for generate in PAGE_GENERATORS for page in generate(catalog)])

    def write_outputs(self, site_dir: Path) -> None:
        """Write the files that are not pages (data exports, downloads) into the built site."""
        for write in OUTPUT_WRITERS:
            write(self.catalog, site_dir)

    def __post_init__(self) -> None:
        self._sources = {page.src_path: page.source for page in self.pages}

    def source_of(self, src_path: str) -> str | None:
        """The data file a generated page is built from, if any."""
        return self._sources.get(src_path)

    @staticmethod
    def edit_url(repo_url: str, edit_uri: str, source: str) -> str:
        """`https://…/repo` + `edit/main/docs/` + `initiatives/x.yaml` → `https://…/repo/edit/main/initiatives/x.yaml`."""
        branch_path = edit_uri.strip("/").removesuffix("docs").strip("/")
        return f"{repo_url.rstrip('/')}/{branch_path}/{source}"
