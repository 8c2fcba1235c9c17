"""Context of the open-data page (/daten/): files, fields, licence, citation."""

from __future__ import annotations

from dataclasses import dataclass

from wissensplattform.data.laender import LAENDER_HERKUNFT, LAENDER_LIZENZ, LAENDER_LIZENZ_URL, LAENDER_QUELLE
from wissensplattform.data.gazetteer import GAZETTEER
from wissensplattform.data.kreise import KREISE_HERKUNFT, KREISE_QUELLE
from wissensplattform.outputs.opendata import (CSV, DATAPACKAGE, GEOJSON, JSON, LIZENZ, SCHEMA, ZITIERWEISE, Datensatz,
                                       datapackage)


@dataclass(frozen=True)
class FieldDoc:
    name: str
    typ: str
    pflicht: bool
    beschreibung: str


@dataclass(frozen=True)
class FileDoc:
    name: str
    format: str
    beschreibung: str


@dataclass(frozen=True)
class DatenContext:
    """Everything `daten.md.j2` renders."""

    files: tuple[FileDoc, ...]
    fields: tuple[FieldDoc, ...]
    lizenz: dict
    zitierweise: str
    gazetteer: str
    laender_quelle: str
    laender_herkunft: str
    laender_lizenz: str
    laender_lizenz_url: str
    kreise_quelle: str = KREISE_QUELLE
    kreise_herkunft: str = KREISE_HERKUNFT


TYPE_LABELS = {"string": "Text", "integer": "Ganzzahl", "number": "Zahl"}
FILE_FORMATS = {CSV: "CSV (UTF-8 mit BOM, Semikolon, Dezimalkomma)", JSON: "JSON", GEOJSON: "GeoJSON (RFC 7946)",
                SCHEMA: "JSON Schema 2020-12", DATAPACKAGE: "Frictionless Data Package"}


def daten_context() -> DatenContext:
    package = datapackage()
    table = package["resources"][0]["schema"]["fields"]
    files = [FileDoc(r["path"], FILE_FORMATS[r["path"]], r.get("description", "Alle Initiativen als Tabelle."))
             for r in package["resources"]]
    files.append(FileDoc(DATAPACKAGE, FILE_FORMATS[DATAPACKAGE], "Beschreibung aller Dateien, ihrer Felder und der Lizenz."))
    return DatenContext(
        files=tuple(files),
        fields=tuple(FieldDoc(f["name"], TYPE_LABELS[f["type"]], f.get("constraints", {}).get("required", False),
                              Datensatz.model_fields[f["name"]].description) for f in table),
        lizenz=LIZENZ, zitierweise=ZITIERWEISE, gazetteer=GAZETTEER, laender_quelle=LAENDER_QUELLE,
        laender_herkunft=LAENDER_HERKUNFT, laender_lizenz=LAENDER_LIZENZ, laender_lizenz_url=LAENDER_LIZENZ_URL,
    )
