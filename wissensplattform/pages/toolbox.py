"""The Werkzeugkiste's pages and downloads, registered in `site.py`."""

from __future__ import annotations

from collections.abc import Iterator

from wissensplattform.data.catalog import Catalog
from wissensplattform.pages.contexts.toolbox import SECTION, module_context, overview_context
from wissensplattform.outputs.downloads import downloads_for, write_downloads
from wissensplattform.pages.page import GeneratedPage, page_url
from wissensplattform.pages.rendering import render
from wissensplattform.data.toolbox import modules

__all__ = ["downloads_for", "toolbox_pages", "write_downloads"]


def toolbox_pages(catalog: Catalog) -> Iterator[GeneratedPage]:
    """`werkzeugkiste/index.md` and one page per module; generating them also generates the downloads."""
    downloads = downloads_for(catalog)
    index = f"{SECTION}/index.md"
    yield GeneratedPage(index, render("toolbox_overview.md.j2", o=overview_context(catalog, downloads),
                                      page_url=page_url(index)))
    for record in modules(catalog):
        src = f"{SECTION}/{record.slug}/index.md"
        yield GeneratedPage(src, render("toolbox_module.md.j2", m=module_context(record, catalog, downloads),
                                        page_url=page_url(src)), record.path)

