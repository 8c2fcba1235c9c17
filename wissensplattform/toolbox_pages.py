"""The Werkzeugkiste's pages and downloads, registered in `site.py`."""

from __future__ import annotations

from collections.abc import Iterator

from wissensplattform.catalog import Catalog
from wissensplattform.contexts.fields import ModelDoc, model_docs
from wissensplattform.contexts.toolbox import SECTION, module_context, overview_context
from wissensplattform.downloads import downloads_for, write_downloads
from wissensplattform.rendering import render
from wissensplattform.models.toolbox import Modul
from wissensplattform.toolbox import modules

__all__ = ["downloads_for", "toolbox_pages", "with_toolbox_models", "write_downloads"]


def toolbox_pages(catalog: Catalog) -> Iterator:
    """`werkzeugkiste/index.md` and one page per module; generating them also generates the downloads."""
    # Imported here: `site` registers this generator, so a top-level import would be circular.
    from wissensplattform.site import GeneratedPage, page_url

    downloads = downloads_for(catalog)
    index = f"{SECTION}/index.md"
    yield GeneratedPage(index, render("toolbox_overview.md.j2", o=overview_context(catalog, downloads),
                                      page_url=page_url(index)))
    for record in modules(catalog):
        src = f"{SECTION}/{record.slug}.md"
        yield GeneratedPage(src, render("toolbox_module.md.j2", m=module_context(record, catalog, downloads),
                                        page_url=page_url(src)), record.path)


def with_toolbox_models(docs: tuple[ModelDoc, ...]) -> tuple[ModelDoc, ...]:
    """The field reference's models plus those of the toolbox files (`toolbox/*.yaml`), each documented once."""
    known = {doc.name for doc in docs}
    return docs + tuple(doc for doc in model_docs(Modul) if doc.name not in known)
