"""»Die Landschaft in Zahlen« (/wissen/zahlen/): charts counted from the data at each build (registered in
`pipeline.PAGE_GENERATORS`). Finished HTML: its charts are inline SVG drawn by templates, with no script."""

from __future__ import annotations

from collections.abc import Iterator

from wissensplattform.data.catalog import Catalog
from wissensplattform.pages.contexts.zahlen import ZAHLEN_URL, zahlen_context
from wissensplattform.pages.page import GeneratedPage
from wissensplattform.pages.rendering import render
from wissensplattform.pages.search import page_entry

TITLE = "Die Landschaft in Zahlen"


def zahlen_pages(catalog: Catalog) -> Iterator[GeneratedPage]:
    context = zahlen_context(catalog)
    yield GeneratedPage(f"{ZAHLEN_URL}index.md", render("knowledge/zahlen.html.j2", z=context, page_url=ZAHLEN_URL),
                        finished_html=True,
                        search=page_entry(ZAHLEN_URL, TITLE, "partials/zahlen_intro.html.j2", z=context))
