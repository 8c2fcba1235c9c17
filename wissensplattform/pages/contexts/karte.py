"""Context of the map page (/karte/) and of a profile's mini-map."""

from __future__ import annotations

import json
from dataclasses import dataclass

from wissensplattform.data.catalog import Catalog
from wissensplattform.data.gazetteer import GAZETTEER
from wissensplattform.data.kreise import KREISE_HERKUNFT, KREISE_QUELLE
from wissensplattform.data.laender import LAENDER_HERKUNFT, LAENDER_LIZENZ, LAENDER_LIZENZ_URL, LAENDER_QUELLE, LAENDER_URL
from wissensplattform.data.models.common import LAT_RANGE, LON_RANGE
from wissensplattform.data.positions import LAGE_IM_LAND_OFFEN, Lage, Verortung
from wissensplattform.pages.mapping import MapParts, mini_map, overview_map
from wissensplattform.data.models.initiative import Ebene, Typ
from wissensplattform.outputs.opendata import DATEN_DIR, GEOJSON, Datensatz, located
from wissensplattform.pages.rendering import relative_url

KARTE_URL = "karte/"
# Zoom of a profile's mini-map: a Land needs a wider view than a town.
MINI_ZOOM = {Ebene.LANDESWEIT: 6, Ebene.REGIONAL: 8, Ebene.LOKAL: 9}
LAND_ZOOM = 6
# What the list and the box beside the map say of an initiative the map cannot show.
OHNE_ORT = "ohne Ort in den Quellen"
# The map opens on Germany's bounding box (south-west, north-east corners as [lat, lon]).
DEUTSCHLAND = [[LAT_RANGE[0], LON_RANGE[0]], [LAT_RANGE[1], LON_RANGE[1]]]


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class ListItem:
    """One initiative in the list under the map (or the box beside it); the data attributes drive the filters."""

    slug: str
    name: str
    kurzname: str | None
    typ: Option
    ebene: Option
    land: str | None
    ort: str | None
    suche: str
    # What the map shows (`Lage` value) and a note on it, e.g. the districts or »Lage im Land nicht angegeben«.
    lage: str | None
    hinweis: str | None

    @property
    def auf_karte(self) -> bool:
        return self.lage is not None


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
    kreise_quelle: str = KREISE_QUELLE
    kreise_herkunft: str = KREISE_HERKUNFT


@dataclass(frozen=True)
class KartenContext:
    """Everything `karte.html.j2` renders."""

    map: MapParts
    sources: MapSources
    items: tuple[ListItem, ...]
    typen: tuple[Option, ...]
    ebenen: tuple[Option, ...]
    laender: tuple[str, ...]
    grenzen: str

    @property
    def ohne_ort(self) -> tuple[ListItem, ...]:
        """The initiatives the map cannot show: no source names a place, a district or a Land."""
        return tuple(item for item in self.items if not item.auf_karte)

    @property
    def im_land(self) -> int:
        return sum(item.hinweis == LAGE_IM_LAND_OFFEN for item in self.items)

    @property
    def gebiete(self) -> int:
        return sum(item.lage == Lage.GEBIET.value for item in self.items)


@dataclass(frozen=True)
class MiniMapContext:
    """A profile's mini-map: a marker at the initiative's place, the area of its districts, or its Land."""

    map: MapParts
    sources: MapSources
    lage: str
    lat: float | None
    lon: float | None
    name: str
    typ: str
    ebene: str
    karte_url: str
    land: str | None
    hinweis: str | None
    # The area of a `Lage.GEBIET` as GeoJSON text (the template escapes it into an attribute).
    gebiet: str | None


def map_sources(page_url: str) -> MapSources:
    return MapSources(
        laender_url=relative_url(page_url, LAENDER_URL),
        daten_url=relative_url(page_url, f"{DATEN_DIR}/{GEOJSON}"),
        laender_quelle=LAENDER_QUELLE, laender_herkunft=LAENDER_HERKUNFT,
        laender_lizenz=LAENDER_LIZENZ, laender_lizenz_url=LAENDER_LIZENZ_URL, gazetteer=GAZETTEER,
    )


def hinweis(verortung: Verortung | None) -> str | None:
    """The note the list, the box and a popup give on where an initiative is shown (none for a place)."""
    if verortung is None:
        return OHNE_ORT
    if verortung.lage is Lage.GEBIET:
        return "Gebiet: " + ", ".join(kreis.bezeichnung for kreis in verortung.kreise)
    if verortung.lage is Lage.LAND and verortung.hinweis == LAGE_IM_LAND_OFFEN:
        return LAGE_IM_LAND_OFFEN
    return None


def _item(row: Datensatz, verortung: Verortung | None) -> ListItem:
    # Lower-cased like JavaScript's toLowerCase(), which the search compares with.
    suche = " ".join(filter(None, (row.name, row.kurzname))).lower()
    return ListItem(row.kennung, row.name, row.kurzname, Option(row.typ.value, row.typ.label),
                    Option(row.ebene.value, row.ebene.label), row.land.value if row.land else None,
                    row.ort, suche, row.lage.value if row.lage else None, hinweis(verortung))


def karten_context(catalog: Catalog) -> KartenContext:
    items = tuple(sorted((_item(*pair) for pair in located(catalog)), key=lambda item: item.name.casefold()))
    return KartenContext(
        map=overview_map(KARTE_URL),
        sources=map_sources(KARTE_URL),
        items=items,
        typen=tuple(Option(t.value, t.label) for t in Typ),
        ebenen=tuple(Option(e.value, e.label) for e in Ebene),
        laender=tuple(sorted({item.land for item in items if item.land})),
        grenzen=json.dumps(DEUTSCHLAND),
    )


def mini_map_context(page_url: str, verortung: Verortung | None, name: str, typ: Typ,
                     ebene: Ebene) -> MiniMapContext | None:
    """The mini-map of a profile, or None where the initiative is not on the map.

    A place gets a marker; an area of districts is drawn; a Land placement outlines its Land with a sign in it.
    """
    if verortung is None:
        return None
    zoom = LAND_ZOOM if verortung.lage is Lage.LAND else MINI_ZOOM[ebene]
    punkt = verortung.punkt
    gebiet = json.dumps(verortung.geometrie, separators=(",", ":")) if verortung.lage is Lage.GEBIET else None
    return MiniMapContext(
        map=mini_map(page_url, zoom),
        sources=map_sources(page_url), lage=verortung.lage.value,
        lat=punkt.lat if punkt else None, lon=punkt.lon if punkt else None, name=name,
        typ=typ.value, ebene=ebene.value, karte_url=relative_url(page_url, KARTE_URL),
        land=verortung.land.value if verortung.lage is Lage.LAND and verortung.land else None,
        hinweis=verortung.hinweis, gebiet=gebiet,
    )
