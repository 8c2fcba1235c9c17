"""The generated part of the site: which pages exist and what each contains.

Pages are Markdown (with HTML from the templates) so any MkDocs-compatible
builder can render them; the pages whose number or size grows with the data
(profiles, overview, map) are finished HTML a builder takes as it is.
`hooks/` hands them to MkDocs, nothing here imports it.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from wissensplattform.catalog import DATA_DIRECTORIES, SOURCES_FILE, Catalog, load_catalog
from wissensplattform.contexts.fields import model_docs
from wissensplattform.contexts.overview import overview_context
from wissensplattform.contexts.profile import profile_contexts
from wissensplattform.editor.page import editor_pages, write_editor
from wissensplattform.hosting import write_server_files
from wissensplattform.models import Initiative, Quelle
from wissensplattform.knowledge_pages import KNOWLEDGE_MODELS, knowledge_pages, write_checklist
from wissensplattform.legal import legal_pages
from wissensplattform.mappages import map_pages, write_map_files
from wissensplattform.models.toolbox import Modul
from wissensplattform.pages import GeneratedPage, SearchEntry, profile_src
from wissensplattform.rendering import TEMPLATES, environment, render
from wissensplattform.search import page_entry, profile_entries
from wissensplattform.toolbox_pages import downloads_for, toolbox_pages, write_downloads


def profile_pages(catalog: Catalog) -> Iterator[GeneratedPage]:
    contexts = profile_contexts(catalog)
    for entry in catalog.entries:
        context = contexts[entry.slug]
        html = render("profile.html.j2", p=context, page_url=context.url,
                      steckbrief=downloads_for(catalog).steckbrief(entry.slug))
        yield GeneratedPage(profile_src(entry.slug), html, entry.path, finished_html=True,
                            search=profile_entries(context))


def overview_pages(catalog: Catalog) -> Iterator[GeneratedPage]:
    context = overview_context(catalog)
    yield GeneratedPage("initiativen/index.md", render("overview.html.j2", o=context, page_url="initiativen/"),
                        finished_html=True,
                        search=page_entry("initiativen/", "Alle Initiativen", "partials/overview_intro.html.j2", o=context))


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
    editor_pages,
]
OUTPUT_WRITERS: list[Callable[[Catalog, Path], None]] = [
    write_map_files,
    write_checklist,
    write_downloads,
    write_editor,
    write_server_files,
]


@contextmanager
def _kept_to_the_end() -> Iterator[None]:
    """Create objects that live until the build ends without Python's cycle collector scanning them.

    Loading ten thousand initiatives makes millions of objects that all survive; each collection would
    walk them again (a sixth of the build time). Frozen, the collector skips them; the next build in the
    same process (`mkdocs serve`) unfreezes them, so the previous build's data can be freed.
    """
    gc.unfreeze()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


@dataclass
class Site:
    """The checked data of a site and every page generated from it."""

    catalog: Catalog
    pages: list[GeneratedPage]

    @classmethod
    def load(cls, root: Path) -> "Site":
        """Load and check all data below `root`, then generate its pages (raises `DataError`)."""
        environment.cache_clear()  # `mkdocs serve` builds again in the same process: read edited templates
        with _kept_to_the_end():
            catalog = load_catalog(root)
            return cls(catalog, [page for generate in PAGE_GENERATORS for page in generate(catalog)])

    @staticmethod
    def inputs(root: Path) -> list[Path]:
        """What the generated part is made from: a live preview rebuilds when one of these changes."""
        return [root / SOURCES_FILE, *(root / folder for folder in DATA_DIRECTORIES), TEMPLATES]

    def write_outputs(self, site_dir: Path) -> None:
        """Write the files that are not pages (data exports, downloads) into the built site."""
        for write in OUTPUT_WRITERS:
            write(self.catalog, site_dir)

    def __post_init__(self) -> None:
        self._pages = {page.src_path: page for page in self.pages}

    def page(self, src_path: str) -> GeneratedPage | None:
        """The generated page at `src_path` below `docs/`, if there is one."""
        return self._pages.get(src_path)

    def source_of(self, src_path: str) -> str | None:
        """The data file a generated page is built from, if any."""
        page = self._pages.get(src_path)
        return page.source if page else None

    def search_entries(self) -> list[SearchEntry]:
        """The search entries of the pages that bring their own (the theme's search skips those pages)."""
        return [entry for page in self.pages if page.search for entry in page.search]

    @staticmethod
    def edit_url(repo_url: str, edit_uri: str, source: str) -> str:
        """`https://…/repo` + `edit/main/docs/` + `initiatives/x.yaml` → `https://…/repo/edit/main/initiatives/x.yaml`."""
        branch_path = edit_uri.strip("/").removesuffix("docs").strip("/")
        return f"{repo_url.rstrip('/')}/{branch_path}/{source}"
