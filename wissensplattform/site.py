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
from wissensplattform.history import last_changed
from wissensplattform.models import Initiative, Quelle
from wissensplattform.rendering import render
from wissensplattform.toolbox_pages import downloads_for, toolbox_pages, with_toolbox_models, write_downloads


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


def profile_pages(catalog: Catalog) -> Iterator[GeneratedPage]:
    stand = last_changed(catalog.root, [entry.path for entry in catalog.entries])
    for entry in catalog.entries:
        src = f"initiativen/{entry.slug}.md"
        context = profile_context(entry, catalog, stand[entry.path])
        yield GeneratedPage(src, render("profile.md.j2", p=context, page_url=page_url(src),
                                        steckbrief=downloads_for(catalog).steckbrief(entry.slug)), entry.path)


def overview_pages(catalog: Catalog) -> Iterator[GeneratedPage]:
    yield GeneratedPage("initiativen/index.md",
                        render("overview.md.j2", o=overview_context(catalog), page_url="initiativen/"))


def field_reference_pages(catalog: Catalog) -> Iterator[GeneratedPage]:
    yield GeneratedPage("mitwirken/feldreferenz.md",
                        render("field_reference.md.j2", models=with_toolbox_models(with_knowledge_models(model_docs(Initiative) + model_docs(Quelle)))),
                        "wissensplattform/models/initiative.py")


# Imported here, not at the top: the feature modules build on `GeneratedPage` and `page_url` above.
from wissensplattform.knowledge_pages import knowledge_pages, with_knowledge_models, write_checklist  # noqa: E402
from wissensplattform.mappages import map_pages, write_map_files  # noqa: E402
from wissensplattform.legal import legal_pages  # noqa: E402

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
