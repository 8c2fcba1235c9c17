"""Context of the map page (/karte/) and of a profile's mini-map."""

from __future__ import annotations

from dataclasses import dataclass

from wissensplattform.data.catalog import Catalog
from wissensplattform.data.gazetteer import GAZETTEER, Position
from wissensplattform.data.laender import LAENDER_HERKUNFT, LAENDER_LIZENZ, LAENDER_LIZENZ_URL, LAENDER_QUELLE, LAENDER_URL
from wissensplattform.pages.mapping import MapParts, mini_map, overview_map
from wissensplattform.data.models.initiative import Ebene, Typ
from wissensplattform.outputs.opendata import DATEN_DIR, GEOJSON, Datensatz, records
from wissensplattform.pages.rendering import relative_url

KARTE_URL = "karte/"
# Zoom of a profile's mini-map: a Land needs a wider view than a town.
MINI_ZOOM = {Ebene.LANDESWEIT: 6, Ebene.REGIONAL: 8, Ebene.LOKAL: 9}


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class ListItem:
    """One initiative in the list under the map; the data attributes drive the filters."""

    slug: str
    name: str
    kurzname: str | None
    typ: Option
    ebene: Option
    land: str | None
    ort: str | None
    suche: str
    hat_position: bool


@dataclass(frozen=True)
class MapSources:
    """What the map page and a mini-map say about their base layers and data."""

    laender_url: str
    daten_url: str
    laender_quelle: str
    laender_herkunft: str
    laender_lizenz: str
    laender_lizenz_url: str
    gazetteer: str


@dataclass(frozen=True)
class KartenContext:
    """Everything `karte.html.j2` renders."""

    map: MapParts
    sources: MapSources
    items: tuple[ListItem, ...]
    typen: tuple[Option, ...]
    ebenen: tuple[Option, ...]
    laender: tuple[str, ...]
    ohne_position: int


@dataclass(frozen=True)
class MiniMapContext:
    """A profile's mini-map: one marker at the initiative's position."""

    map: MapParts
    sources: MapSources
    lat: float
    lon: float
    name: str
    typ: str
    ebene: str
    karte_url: str
    land: str | None


def map_sources(page_url: str) -> MapSources:
    return MapSources(
        laender_url=relative_url(page_url, LAENDER_URL),
        daten_url=relative_url(page_url, f"{DATEN_DIR}/{GEOJSON}"),
        laender_quelle=LAENDER_QUELLE, laender_herkunft=LAENDER_HERKUNFT,
        laender_lizenz=LAENDER_LIZENZ, laender_lizenz_url=LAENDER_LIZENZ_URL, gazetteer=GAZETTEER,
    )


def _item(row: Datensatz) -> ListItem:
    # Lower-cased like JavaScript's toLowerCase(), which the search compares with.
    suche = " ".join(filter(None, (row.name, row.kurzname))).lower()
    return ListItem(row.kennung, row.name, row.kurzname, Option(row.typ.value, row.typ.label),
                    Option(row.ebene.value, row.ebene.label), row.land.value if row.land else None,
                    row.ort, suche, row.breite is not None)


def karten_context(catalog: Catalog) -> KartenContext:
    items = tuple(sorted((_item(row) for row in records(catalog)), key=lambda item: item.name.casefold()))
    return KartenContext(
        map=overview_map(KARTE_URL),
        sources=map_sources(KARTE_URL),
        items=items,
        typen=tuple(Option(t.value, t.label) for t in Typ),
        ebenen=tuple(Option(e.value, e.label) for e in Ebene),
        laender=tuple(sorted({item.land for item in items if item.land})),
        ohne_position=sum(not item.hat_position for item in items),
    )


def mini_map_context(page_url: str, position: Position | None, name: str, typ: Typ, ebene: Ebene,
                     land: str | None = None) -> MiniMapContext | None:
    """The mini-map of a profile, or None where the initiative has no position; a Land-wide one outlines its Land."""
    if position is None:
        return None
    return MiniMapContext(
        map=mini_map(page_url, MINI_ZOOM[ebene]),
        sources=map_sources(page_url), lat=position.lat, lon=position.lon, name=name,
        typ=typ.value, ebene=ebene.value, karte_url=relative_url(page_url, KARTE_URL),
        land=land if ebene is Ebene.LANDESWEIT else None,
    )
