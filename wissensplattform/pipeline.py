"""The build in four steps, the same for every builder (the adapters in `builders/` call them).

1. `Site.load(root)`: load and check all data (raises `DataError` with every problem), then generate
   every page (Markdown, or finished HTML for the pages whose number or size grows with the data) and
   every file that is not a page (downloads, open data, map files, the editor's configuration, server
   files), which go into the output store; when no input changed (`data.fingerprint`), all of it comes
   from the build cache instead, without loading the data;
2. `Site.write_pages(folder)`: the pages as files, for a builder that reads a folder (MkDocs takes
   them in memory instead);
3. `Site.write_outputs(site_dir)`: the files that are not pages, into the built site;
4. `Site.finish(site_dir, …)`: the built site completed: each page's Content-Security-Policy, the
   project's search entries in the builder's index, the link check.
"""

from __future__ import annotations

import gc
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from wissensplattform.data.buildcache import cache_folder, keep, kept
from wissensplattform.data.fingerprint import DATA_FILES, site_key
from wissensplattform.data.problems import DataError, Problem
from wissensplattform.outputs import store
from wissensplattform.outputs.csp import apply_policy
from wissensplattform.outputs.linkcheck import check_site
from wissensplattform.outputs.search_index import add_to_search_index
from wissensplattform.pages.page import GeneratedPage, SearchEntry
from wissensplattform.pages import rendering
from wissensplattform.pages.rendering import TEMPLATES

SITES = "websites"
# Generated sites kept besides the newest: enough to switch branches back and forth without a new generation.
SITES_KEPT = 3
# What the generation says while it runs (MkDocs shows its logger's children); repeated for a cached site.
log = logging.getLogger("mkdocs.wissensplattform")


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


@contextmanager
def _recorded(notes: list[tuple[int, str]]) -> Iterator[None]:
    """Collect what the generation logs (it is logged as usual too), to repeat it when the site comes from the cache."""
    class Recorder(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            notes.append((record.levelno, record.getMessage()))

    recorder = Recorder()
    log.addHandler(recorder)
    try:
        yield
    finally:
        log.removeHandler(recorder)


@dataclass
class Site:
    """The pages generated from a site's checked data, and the files its output writers made."""

    pages: list[GeneratedPage]
    # Path below the built site → the file's digest in the output store (`outputs.store`).
    outputs: dict[str, str] = field(default_factory=dict)
    notes: tuple[tuple[int, str], ...] = ()

    @classmethod
    def load(cls, root: Path, rebuilds: bool = False) -> "Site":
        """Steps 1 to 3 for the site below `root`: load and check all data (raises `DataError`), then generate its
        pages and outputs; or, when nothing it is made of has changed (`data.fingerprint`), take the pages and
        outputs of the build that made them from the build cache.

        `rebuilds`: this process will build again after each edit (`mkdocs serve`). Then the site is generated
        even if the cache holds it, and the PDF renderer is loaded: what each later build can reuse is in memory
        (`rendering.reused`, the loader's copies), so the first edit waits no longer than the others.
        """
        rendering.reset()  # `mkdocs serve` builds again in the same process: read edited templates
        key = site_key(root)
        with _kept_to_the_end():
            site = None if rebuilds else kept(SITES, key)
            if isinstance(site, Site) and store.complete(site.outputs):
                for level, message in site.notes:
                    log.log(level, message)
                return site
            if rebuilds:
                from wissensplattform.outputs.documents.pdf import load_renderer

                load_renderer()
            site = cls.generate(root)
        _keep(key, site)
        return site

    @classmethod
    def generate(cls, root: Path) -> "Site":
        """Load and check all data below `root`, generate every page, and write the outputs into the output store."""
        # Imported here, not above: a build that finds its site in the cache needs none of this.
        from wissensplattform.data.load import load_catalog
        from wissensplattform.outputs.writers import OUTPUT_WRITERS
        from wissensplattform.pages.generators import PAGE_GENERATORS

        notes: list[tuple[int, str]] = []
        with _recorded(notes):
            catalog = load_catalog(root)
            pages = [page for generate in PAGE_GENERATORS for page in generate(catalog)]
            outputs = store.take_in(lambda folder: [write(catalog, folder) for write in OUTPUT_WRITERS])
        store.prune(outputs)
        return cls(pages, outputs, tuple(notes))

    @staticmethod
    def inputs(root: Path) -> list[Path]:
        """What the generated part is made from: a live preview rebuilds when one of these changes."""
        return [*(root / name for name in DATA_FILES), TEMPLATES]

    def write_pages(self, folder: Path) -> None:
        """Step 2 for builders that read files: each page below `folder`, its front matter first."""
        for page in self.pages:
            target = folder / page.src_path
            target.parent.mkdir(parents=True, exist_ok=True)
            matter = page.front_matter
            # As JSON, which is YAML too: PyYAML's writer would cost a millisecond per page.
            head = f"---\n{json.dumps(matter, ensure_ascii=False)}\n---\n\n" if matter else ""
            target.write_text(head + page.content, encoding="utf-8")

    def write_outputs(self, site_dir: Path) -> None:
        """Step 3: put the files that are not pages (data exports, downloads, …) into the built site."""
        store.copy_out(self.outputs, site_dir)

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


def _keep(key: str, site: Site) -> None:
    """Keep `site` for the next builds, and only the newest few sites: each one holds every page."""
    keep(SITES, key, site)
    entries = sorted(cache_folder(SITES).glob("*.pickle"), key=lambda path: path.stat().st_mtime, reverse=True)
    for old in entries[SITES_KEPT + 1:]:
        old.unlink(missing_ok=True)
