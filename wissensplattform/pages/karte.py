"""The map feature's pages and files: /karte/, /daten/, the open-data exports and the Länder outlines."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

from wissensplattform.data.catalog import Catalog
from wissensplattform.pages.contexts.daten import daten_context
from wissensplattform.pages.contexts.karte import KARTE_URL, karten_context
from wissensplattform.data.laender import LAENDER_FILE, LAENDER_URL
from wissensplattform.outputs.opendata import DATEN_DIR, write_open_data
from wissensplattform.pages.rendering import render
from wissensplattform.pages.page import GeneratedPage
from wissensplattform.pages.search import page_entry


def map_pages(catalog: Catalog) -> Iterator[GeneratedPage]:
    context = karten_context(catalog)
    yield GeneratedPage(f"{KARTE_URL}index.md", render("karte.html.j2", k=context, page_url=KARTE_URL),
                        finished_html=True,
                        search=page_entry(KARTE_URL, "Karte der Industrieinitiativen", "partials/karte_intro.html.j2", k=context))
    yield GeneratedPage(f"{DATEN_DIR}/index.md", render("daten.md.j2", d=daten_context(), page_url=f"{DATEN_DIR}/"),
                        "wissensplattform/outputs/opendata.py")


def write_map_files(catalog: Catalog, site_dir: Path) -> None:
    """Output writer: the open-data exports and the Länder outlines the maps load."""
    write_open_data(catalog, site_dir)
    target = site_dir / LAENDER_URL
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(LAENDER_FILE, target)
