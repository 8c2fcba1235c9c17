"""The page generators: each feature registers here the pages it makes from the catalogue (pipeline step 1)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from wissensplattform.data.catalog import Catalog
from wissensplattform.editor.page import editor_pages
from wissensplattform.pages.feldreferenz import field_reference_pages
from wissensplattform.pages.initiativen import overview_pages, profile_pages
from wissensplattform.pages.karte import map_pages
from wissensplattform.pages.knowledge import knowledge_pages
from wissensplattform.pages.legal import legal_pages
from wissensplattform.pages.page import GeneratedPage
from wissensplattform.pages.toolbox import toolbox_pages
from wissensplattform.pages.zahlen import zahlen_pages

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
