"""The initiatives' pages: a profile (Steckbrief) per initiative and the overview of all."""

from __future__ import annotations

from collections.abc import Iterator

from wissensplattform.data.catalog import Catalog
from wissensplattform.pages.contexts.overview import overview_context
from wissensplattform.pages.contexts.profile import profile_contexts
from wissensplattform.pages.page import GeneratedPage, profile_src
from wissensplattform.pages.rendering import render
from wissensplattform.pages.search import page_entry, profile_entries
from wissensplattform.outputs.downloads import downloads_for


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
