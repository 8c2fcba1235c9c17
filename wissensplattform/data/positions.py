"""Where an initiative sits on the map, and why."""

from __future__ import annotations

from wissensplattform.data.gazetteer import Position, find_place, land_position
from wissensplattform.data.models import Initiative
from wissensplattform.data.models.initiative import Ebene


def locate(initiative: Initiative) -> Position | None:
    """Hand-set coordinates, else the gazetteer place of `ort`, else the Land of a Land-wide initiative."""
    land = initiative.bundesland.wert if initiative.bundesland else None
    if initiative.koordinaten:
        return Position(initiative.koordinaten.lat, initiative.koordinaten.lon,
                        "Koordinaten von Hand eingetragen (Feld `koordinaten`)")
    if initiative.ort:
        return find_place(initiative.ort.wert, land)
    if initiative.ebene is Ebene.LANDESWEIT and land is not None:
        return land_position(land)
    return None
