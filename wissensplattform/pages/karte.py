"""The map feature's pages and files: /karte/, /daten/, the open-data exports and the Länder outlines."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from wissensplattform.data.catalog import Catalog
from wissensplattform.pages.contexts.daten import daten_context
from wissensplattform.pages.contexts.karte import KARTE_URL, karten_context
from wissensplattform.data.laender import LAENDER_FILE, LAENDER_URL, inner_point
from wissensplattform.data.models.common import Bundesland
from wissensplattform.outputs.opendata import DATEN_DIR, write_open_data
from wissensplattform.pages.rendering import render
from wissensplattform.pages.page import GeneratedPage
from wissensplattform.pages.search import page_entry


def map_pages(catalog: Catalog) -> Iterator[GeneratedPage]:
    context = karten_context(catalog)
    # The map takes the page's width: no navigation or table of contents beside it.
    yield GeneratedPage(f"{KARTE_URL}index.md", render("karte.html.j2", k=context, page_url=KARTE_URL),
                        finished_html=True,
                        search=page_entry(KARTE_URL, "Karte der Industrieinitiativen", "partials/karte_intro.html.j2", k=context),
                        hide=("navigation", "toc"))
    yield GeneratedPage(f"{DATEN_DIR}/index.md", render("daten.md.j2", d=daten_context(), page_url=f"{DATEN_DIR}/"),
                        "wissensplattform/outputs/opendata.py")


def write_map_files(catalog: Catalog, site_dir: Path) -> None:
    """Output writer: the open-data exports and the Länder outlines the maps load."""
    write_open_data(catalog, site_dir)
    target = site_dir / LAENDER_URL
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(laender_with_points(), encoding="utf-8")


def laender_with_points() -> str:
    """The Länder outlines, each with `punkt` ([lat, lon] inside the Land): where the map puts the sign of an
    initiative that stands for the whole Land."""
    data = json.loads(LAENDER_FILE.read_text(encoding="utf-8"))
    for feature in data["features"]:
        feature["properties"]["punkt"] = list(inner_point(Bundesland(feature["properties"]["name"])))
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
