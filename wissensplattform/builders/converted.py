"""Markdown pages converted once per `mkdocs serve` session, not once per rebuild (used by the MkDocs adapter).

Each rebuild of `mkdocs serve` converts every Markdown page again, though an edited data file changes only the
pages made from it. A page whose Markdown is the same as in an earlier build of this process, with the same
Markdown settings and the same files of the site (its links point to them), gets that build's conversion: the
HTML, the table of contents, the title, the anchors, the links to other pages' anchors (MkDocs checks them after
all pages are converted) and the warnings about its links, which are logged again so `--strict` still fails.

Only pages converted by Python-Markdown's own extensions are kept. They read nothing but the page; an include
extension (such as `pymdownx.snippets`) reads other files, which the key would not see.
"""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass
from functools import cache
from importlib.metadata import entry_points

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

# Where MkDocs logs what it finds while it converts a page (warnings about links that lead nowhere, from
# `mkdocs.structure.pages`): its loggers' parent.
MKDOCS_LOG = logging.getLogger("mkdocs")


@dataclass(frozen=True)
class Conversion:
    """What MkDocs' conversion left on a page, besides its HTML."""

    content: str
    toc: TableOfContents
    title: str | None
    anchors: frozenset[str] | None
    # The page's links to anchors of other pages, by the linked file's path (the File objects are per build).
    links_to_anchors: dict[str, dict[str, str]] | None
    # What MkDocs logged while converting the page: (logger, level, message).
    notes: tuple[tuple[str, int, str], ...]


class _Notes(logging.Handler):
    """Collects what MkDocs logs while one page is being converted."""

    def __init__(self) -> None:
        super().__init__()
        self.page: list[tuple[str, int, str]] | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.page is not None:
            self.page.append((record.name, record.levelno, record.getMessage()))


class ConvertedPages:
    """The conversion of each Markdown page in the latest build that converted it."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[tuple, Conversion]] = {}
        self._build: tuple | None = None
        self._reused: dict[str, Conversion] = {}
        self._converting: dict[str, tuple] = {}
        self._notes = _Notes()
        MKDOCS_LOG.addHandler(self._notes)

    def start(self, config: MkDocsConfig, files: Files) -> None:
        """A new build: what the conversion of each page depends on besides its own Markdown."""
        self._reused.clear()
        self._converting.clear()
        self._notes.page = None
        self._build = _build_key(config, files)

    def before(self, markdown: str, page: Page) -> str:
        """`on_page_markdown`, after all other plugins: "" for a page whose conversion is kept, else `markdown`."""
        if self._build is None:
            return markdown
        src = page.file.src_uri
        key = (markdown, self._build)
        kept = self._kept.get(src)
        if kept and kept[0] == key:
            self._reused[src] = kept[1]
            return ""  # converts to nothing at once; `after` puts the kept conversion in
        self._converting[src] = key
        self._notes.page = []
        return markdown

    def after(self, html: str, page: Page, files: Files) -> str:
        """`on_page_content`, before all other plugins: the page's HTML, as kept or as just converted."""
        src = page.file.src_uri
        if (reused := self._reused.pop(src, None)) is not None:
            page.toc = copy.deepcopy(reused.toc)
            page._title_from_render = reused.title  # what `Page.render` sets; `Page.title` reads it
            page.present_anchor_ids = None if reused.anchors is None else set(reused.anchors)
            if reused.links_to_anchors is not None:
                page.links_to_anchors = {files.get_file_from_path(path): dict(links)
                                         for path, links in reused.links_to_anchors.items()}
            for logger, level, message in reused.notes:
                logging.getLogger(logger).log(level, message)
            return reused.content
        if (key := self._converting.pop(src, None)) is not None:
            notes, self._notes.page = tuple(self._notes.page or ()), None
            links = page.links_to_anchors
            self._kept[src] = (key, Conversion(
                html, copy.deepcopy(page.toc), page._title_from_render,
                None if page.present_anchor_ids is None else frozenset(page.present_anchor_ids),
                None if links is None else {file.src_uri: dict(anchors) for file, anchors in links.items()},
                notes))
        return html


def _build_key(config: MkDocsConfig, files: Files) -> tuple | None:
    """The settings and files every page's conversion depends on, or None when a page may depend on more."""
    extensions = config.markdown_extensions
    if not all(isinstance(name, str) and name in _own_extensions() for name in extensions):
        return None
    settings = repr((extensions, config.mdx_configs, config.use_directory_urls, dict(config.validation)))
    return settings, tuple((file.src_uri, file.url, file.inclusion) for file in files)


@cache
def _own_extensions() -> frozenset[str]:
    """Python-Markdown's own extensions, by every name `mkdocs.yml` may give them ("toc", "markdown.extensions.toc").

    Short names are entry points, which other packages may register too: only those that lead into Python-Markdown
    count."""
    own = {entry.name for entry in entry_points(group="markdown.extensions")
           if entry.value.startswith("markdown.extensions.")}
    return frozenset(own | {f"markdown.extensions.{name}" for name in own})
