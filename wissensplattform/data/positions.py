"""Where an initiative sits on the map, and why: at a place, as the area of its districts, or in its Land.

Never more precise than the sources: a regional initiative whose districts no source names is shown as
its Land ("Lage im Land nicht angegeben"), not at a point; one without a Land is not on the map at all.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum
from functools import cache

from wissensplattform.data.gazetteer import Position, find_place, land_position
from wissensplattform.data.kreise import KREISE_QUELLE, Kreis, area, find_kreis
from wissensplattform.data.laender import LAENDER_FILE, LAENDER_QUELLE
from wissensplattform.data.models import Initiative
from wissensplattform.data.models.common import Bundesland
from wissensplattform.data.models.initiative import Ebene

# The note wherever an initiative stands for its whole Land only because no source says where in it.
LAGE_IM_LAND_OFFEN = "Lage im Land nicht angegeben"
LANDESWEIT = "landesweit tätig: steht für das ganze Land"


class Lage(str, Enum):
    """What the map shows for an initiative (the `lage` of the open data)."""

    ORT = "Ort"
    GEBIET = "Gebiet (Kreise)"
    LAND = "Land"


@dataclass(frozen=True)
class Verortung:
    """Where an initiative is on the map: the kind, the GeoJSON geometry, and a German sentence on where it comes from.

    `punkt` is the place of a `Lage.ORT`, and for `Lage.LAND` the point inside the Land where the map puts
    the Land's sign; `hinweis` says what a Land placement means.
    """

    lage: Lage
    geometrie: dict
    herkunft: str
    land: Bundesland | None = None
    punkt: Position | None = None
    kreise: tuple[Kreis, ...] = ()
    hinweis: str | None = None


def locate(initiative: Initiative) -> Verortung | None:
    """Districts of `gebiet`, else hand-set coordinates, else the gazetteer place of `ort`, else the Land; or None."""
    land = initiative.bundesland.wert if initiative.bundesland else None
    if initiative.gebiet:
        return _gebiet(initiative, land)
    if initiative.koordinaten:
        point = Position(initiative.koordinaten.lat, initiative.koordinaten.lon,
                         "Koordinaten von Hand eingetragen (Feld `koordinaten`)")
        return _ort(point, land)
    place = find_place(initiative.ort.wert, land) if initiative.ort else None
    if place is not None:
        return _ort(place, land)
    if land is not None:
        return _land(initiative, land)
    return None


def _ort(point: Position, land: Bundesland | None) -> Verortung:
    return Verortung(Lage.ORT, {"type": "Point", "coordinates": [point.lon, point.lat]}, point.herkunft, land, point)


def _gebiet(initiative: Initiative, land: Bundesland | None) -> Verortung:
    kreise = tuple(find_kreis(angabe.wert) for angabe in initiative.gebiet)
    keys = tuple(dict.fromkeys(kreis.schluessel for kreis in kreise))
    # One sentence per citation: districts with the same source, place and reasoning share it.
    cited: dict[tuple, list[Kreis]] = {}
    for angabe, kreis in zip(initiative.gebiet, kreise):
        cited.setdefault((angabe.quelle, angabe.stelle, angabe.anmerkung), []).append(kreis)
    reasons = "; ".join(f"{_und(map(str, group))}: {_beleg(*key)}" for key, group in cited.items())
    herkunft = (f"Fläche der Kreise, die Name oder Quellen der Initiative nennen (Feld `gebiet`): {reasons}. "
                f"Kreisgrenzen: {KREISE_QUELLE} (VG250, vereinfacht)")
    return Verortung(Lage.GEBIET, area(keys), herkunft, land, kreise=kreise)


def _land(initiative: Initiative, land: Bundesland) -> Verortung:
    beleg = initiative.bundesland
    land_beleg = _beleg(beleg.quelle, beleg.stelle, beleg.anmerkung)
    if initiative.ebene is Ebene.LANDESWEIT:
        hinweis = LANDESWEIT
        why = (f"Die Initiative ist landesweit tätig ({_beleg(initiative.einordnung.quelle, initiative.einordnung.stelle)}); "
               f"die Fläche ist das Land {land.value} (Feld `bundesland`: {land_beleg})")
    elif initiative.ort:
        hinweis = LAGE_IM_LAND_OFFEN
        why = (f"Der Ort »{initiative.ort.wert}« steht nicht im Ortsverzeichnis; die Fläche steht deshalb für das "
               f"Land {land.value} (Feld `bundesland`: {land_beleg})")
    else:
        hinweis = LAGE_IM_LAND_OFFEN
        why = (f"{LAGE_IM_LAND_OFFEN}: Die Quellen nennen weder einen Ort noch die Kreise der Initiative; die "
               f"Fläche steht für das Land {land.value}, in dem sie tätig ist (Feld `bundesland`: {land_beleg})")
    return Verortung(Lage.LAND, land_outline(land), f"{why}. Landesgrenzen: {LAENDER_QUELLE}", land,
                     land_position(land), hinweis=hinweis)


@cache
def _land_outlines() -> dict[str, dict]:
    data = json.loads(LAENDER_FILE.read_text(encoding="utf-8"))
    return {feature["properties"]["name"]: feature["geometry"] for feature in data["features"]}


def land_outline(land: Bundesland) -> dict:
    """The Land's outline (the map's base layer) as a GeoJSON geometry."""
    return _land_outlines()[land.value]


def _beleg(quelle: str, stelle: str, anmerkung: str | None = None) -> str:
    return f"{quelle}, {stelle}" + (f" ({anmerkung.rstrip('.')})" if anmerkung else "")


def _und(items) -> str:
    items = list(items)
    return " und ".join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else items[0]
