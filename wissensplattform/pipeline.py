"""The build in four steps, the same for every builder (the adapters in `builders/` call them).

1. `Site.load(root)`: load and check all data (raises `DataError` with every problem), then generate
   every page: Markdown, or finished HTML for the pages whose number or size grows with the data;
2. `Site.write_pages(folder)`: those pages as files, for a builder that reads a folder (MkDocs takes
   them in memory instead);
3. `Site.write_outputs(site_dir)`: what is not a page: downloads, open data, map files, the editor's
   configuration, server files;
4. `Site.finish(site_dir, …)`: the built site completed: each page's Content-Security-Policy, the
   project's search entries in the builder's index, the link check.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

from wissensplattform.data.catalog import DATA_DIRECTORIES, SOURCES_FILE, Catalog
from wissensplattform.data.load import load_catalog
from wissensplattform.data.problems import DataError, Problem
from wissensplattform.editor.page import editor_pages, write_editor
from wissensplattform.outputs.csp import apply_policy
from wissensplattform.outputs.hosting import write_server_files
from wissensplattform.outputs.linkcheck import check_site
from wissensplattform.pages.feldreferenz import field_reference_pages
from wissensplattform.pages.initiativen import overview_pages, profile_pages
from wissensplattform.pages.karte import map_pages, write_map_files
from wissensplattform.pages.knowledge import knowledge_pages, write_checklist
from wissensplattform.pages.legal import legal_pages
from wissensplattform.pages.page import GeneratedPage, SearchEntry
from wissensplattform.pages.rendering import TEMPLATES, environment
from wissensplattform.pages.search import add_to_search_index
from wissensplattform.pages.toolbox import toolbox_pages, write_downloads
from wissensplattform.pages.zahlen import zahlen_pages

# Each feature registers here: page generators yield pages; output writers write files into the built site.
PAGE_GENERATORS: list[Callable[[Catalog], Iterable[GeneratedPage]]] = [
    profile_pages,
    overview_pages,
    field_reference_pages,
    legal_pages,
    map_pages,
    knowledge_pages,
    zahlen_pages,
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

    def write_pages(self, folder: Path) -> None:
        """Step 2 for builders that read files: each page below `folder`, its front matter first."""
        for page in self.pages:
            target = folder / page.src_path
            target.parent.mkdir(parents=True, exist_ok=True)
            matter = page.front_matter
            head = f"---\n{yaml.safe_dump(matter, allow_unicode=True, sort_keys=False)}---\n\n" if matter else ""
            target.write_text(head + page.content, encoding="utf-8")

    def write_outputs(self, site_dir: Path) -> None:
        """Step 3: write the files that are not pages (data exports, downloads) into the built site."""
        for write in OUTPUT_WRITERS:
            write(self.catalog, site_dir)

    def finish(self, site_dir: Path, search_index: Path, policies: bool = True, links: bool = True) -> None:
        """Step 4: complete the built site in `site_dir`.

        `policies` fills each page's Content-Security-Policy (a builder that renders page by page, like
        MkDocs, does it as each page is written); `search_index` receives the project's own search
        entries; `links` checks every internal link and anchor and raises `DataError` on a broken one.
        """
        if policies:
            for html in site_dir.rglob("*.html"):
                text = html.read_text(encoding="utf-8")
                if (finished := apply_policy(text)) != text:
                    html.write_text(finished, encoding="utf-8")
        if search_index.exists():
            add_to_search_index(search_index, self.search_entries())
        if links:
            self.check_links(site_dir)

    def check_links(self, site_dir: Path) -> None:
        """Raise `DataError` naming every internal link of the built site that leads nowhere."""
        broken = check_site(site_dir, "").broken
        if broken:
            raise DataError([Problem(link.page, None, None, f"Der Link »{link.target}« führt ins Leere ({why}).")
                             for link, why in broken])

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
