"""The initiatives' pages: a profile (Steckbrief) per initiative and the overview of all."""

from __future__ import annotations

from collections.abc import Iterator

from wissensplattform.data.catalog import Catalog
from wissensplattform.pages.contexts.overview import overview_context
from wissensplattform.pages.contexts.profile import ProfileContext, profile_contexts
from wissensplattform.pages.page import GeneratedPage, profile_src
from wissensplattform.pages.rendering import render, reused
from wissensplattform.pages.search import page_entry, profile_entries
from wissensplattform.outputs.downloads import Download, downloads_for


def profile_pages(catalog: Catalog) -> Iterator[GeneratedPage]:
    contexts = profile_contexts(catalog)
    downloads = downloads_for(catalog)
    for entry in catalog.entries:
        context, steckbrief = contexts[entry.slug], downloads.steckbrief(entry.slug)
        inputs = (context, entry.path, steckbrief.filename, steckbrief.title, steckbrief.format, steckbrief.size)
        yield reused("steckbrief-seite", entry.slug, inputs, lambda: _profile_page(entry.path, context, steckbrief))


def _profile_page(source: str, context: ProfileContext, steckbrief: Download) -> GeneratedPage:
    html = render("profile.html.j2", p=context, page_url=context.url, steckbrief=steckbrief)
    return GeneratedPage(profile_src(context.slug), html, source, finished_html=True, search=profile_entries(context))


def overview_pages(catalog: Catalog) -> Iterator[GeneratedPage]:
    context = overview_context(catalog)
    yield GeneratedPage("initiativen/index.md", render("overview.html.j2", o=context, page_url="initiativen/"),
                        finished_html=True,
                        search=page_entry("initiativen/", "Alle Initiativen", "partials/overview_intro.html.j2", o=context))
