"""Open data: one record per initiative, written as GeoJSON, CSV and JSON with a JSON Schema and a
Frictionless data package. The map loads its markers and areas from the GeoJSON, so map and export cannot differ.

The GeoJSON's geometry is what the map shows: a point for a place, the area of the districts a source
names, or the Land's outline; `lage` says which, `positionsherkunft` where it comes from and why.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from wissensplattform.data.catalog import Catalog, Entry
from wissensplattform.data.gazetteer import GAZETTEER
from wissensplattform.data.kreise import KREISE_HERKUNFT, KREISE_QUELLE
from wissensplattform.data.laender import LAENDER_HERKUNFT, LAENDER_QUELLE
from wissensplattform.data.models.common import Bundesland
from wissensplattform.data.models.initiative import Ebene, Typ
from wissensplattform.pages.page import profile_url
from wissensplattform.data.positions import Lage, Verortung, locate

DATEN_DIR = "daten"
GEOJSON = "initiativen.geojson"
CSV = "initiativen.csv"
JSON = "initiativen.json"
# Not `*.schema.json`: Frictionless reads a file so named as a Table Schema, which this JSON Schema is not.
SCHEMA = "initiativen.jsonschema.json"
DATAPACKAGE = "datapackage.json"

# The project's choice for its compilation; GeoNames (CC BY 4.0) and the BKG require attribution too.
LIZENZ = {"name": "CC-BY-4.0", "title": "Creative Commons Namensnennung 4.0 International",
          "path": "https://creativecommons.org/licenses/by/4.0/deed.de"}
ZITIERWEISE = ("Wissensplattform Industrieinitiativen: Regionale Industrieinitiativen in Deutschland (offene Daten), "
               "Lizenz CC BY 4.0; Kartenpositionen: GeoNames (CC BY 4.0); Landes- und Kreisgrenzen: " + LAENDER_QUELLE)
# Numbers in the CSV use the decimal comma so German spreadsheet programs read them as numbers.
CSV_DECIMAL = ","


class Datensatz(BaseModel):
    """Eine Initiative in den offenen Daten."""

    model_config = ConfigDict(frozen=True, title="Initiative")

    kennung: str = Field(description="Dauerhafte Kennung (Dateiname der Daten, Teil der Adresse des Steckbriefs).")
    name: str = Field(description="Vollständiger Name der Initiative.")
    kurzname: str | None = Field(description="Abkürzung, falls eine Quelle sie nennt.")
    typ: Typ = Field(description="Typ nach der Studie (Abschnitt III.2.3, Tabelle 1).")
    ebene: Ebene = Field(description="Handlungsebene nach der Studie (Abschnitt III.2.3, Tabelle 1).")
    land: Bundesland | None = Field(description="Land, in dem die Initiative tätig ist; leer, wenn keine Quelle es nennt.")
    ort: str | None = Field(description="Ort (Stadt oder Gemeinde); leer bei landesweiten Initiativen oder wenn keine Quelle ihn nennt.")
    kreise: str | None = Field(description="Kreise und kreisfreie Städte, die Name oder Quellen der Initiative als ihr "
                                           "Gebiet nennen, mit amtlichem Regionalschlüssel, durch »; « getrennt; "
                                           "sonst leer.")
    lage: Lage | None = Field(description="Was die Karte zeigt: »Ort« (ein Punkt), »Gebiet (Kreise)« (die Fläche der "
                                          "Kreise) oder »Land« (die Fläche des Landes: landesweit tätig oder Lage im "
                                          "Land nicht angegeben); leer, wenn die Quellen weder Ort noch Kreis noch "
                                          "Land nennen.")
    breite: float | None = Field(description="Geographische Breite des Orts (WGS84); nur bei der Lage »Ort«, "
                                             "Flächen stehen in der Geometrie der GeoJSON-Datei.")
    laenge: float | None = Field(description="Geographische Länge des Orts (WGS84); nur bei der Lage »Ort«, "
                                             "Flächen stehen in der Geometrie der GeoJSON-Datei.")
    positionsherkunft: str | None = Field(description="Woher die Lage stammt und warum: Ortsverzeichnis, Kreise "
                                                      "oder Land mit Quelle, Stelle und Begründung.")
    gruendung: int | None = Field(description="Gründungsjahr, falls eine Quelle es nennt.")
    website: str | None = Field(description="Internetadresse, falls eine Quelle sie nennt.")
    steckbrief: str = Field(description="Adresse des Steckbriefs relativ zur Startseite der Website, z. B. »initiativen/…/«.")
    einordnung: str = Field(description="Beleg für Typ und Ebene: Kennung der Quelle und Stelle.")


RECORDS = TypeAdapter(list[Datensatz])
# Record fields that the GeoJSON carries as geometry instead of properties.
COORDINATES = ("breite", "laenge")


def record(entry: Entry, verortung: Verortung | None = None) -> Datensatz:
    initiative = entry.initiative
    verortung = verortung or locate(initiative)
    punkt = verortung.punkt if verortung and verortung.lage is Lage.ORT else None
    return Datensatz(
        kennung=entry.slug, name=initiative.name, kurzname=initiative.kurzname,
        typ=initiative.typ, ebene=initiative.ebene,
        land=initiative.bundesland.wert if initiative.bundesland else None,
        ort=initiative.ort.wert if initiative.ort else None,
        kreise="; ".join(map(str, verortung.kreise)) if verortung and verortung.kreise else None,
        lage=verortung.lage if verortung else None,
        breite=punkt.lat if punkt else None, laenge=punkt.lon if punkt else None,
        positionsherkunft=verortung.herkunft if verortung else None,
        gruendung=initiative.gruendung.wert if initiative.gruendung else None,
        website=initiative.website.wert if initiative.website else None,
        steckbrief=profile_url(entry.slug),
        einordnung=f"{initiative.einordnung.quelle}, {initiative.einordnung.stelle}",
    )


def records(catalog: Catalog) -> list[Datensatz]:
    return [record(entry) for entry in catalog.entries]


def located(catalog: Catalog) -> list[tuple[Datensatz, Verortung | None]]:
    """Every initiative's record with where the map shows it."""
    return [(record(entry, verortung), verortung)
            for entry in catalog.entries for verortung in [locate(entry.initiative)]]


def geojson(rows: list[tuple[Datensatz, Verortung | None]]) -> dict:
    """A FeatureCollection with every initiative: a Point, the (Multi)Polygon of its districts or of its Land;
    those the map cannot show have `geometry: null` (RFC 7946, 3.2)."""
    features = []
    for row, verortung in rows:
        data = row.model_dump(mode="json")
        properties = {key: value for key, value in data.items() if key not in COORDINATES}
        features.append({"type": "Feature", "id": row.kennung, "geometry": verortung.geometrie if verortung else None,
                         "properties": properties})
    return {"type": "FeatureCollection", "features": features}


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value).replace(".", CSV_DECIMAL)
    return str(value)


def csv_text(rows: list[Datensatz]) -> str:
    """Semicolon-separated, CRLF line ends: what German Excel and LibreOffice open without an import dialog."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(Datensatz.model_fields)
    for row in rows:
        writer.writerow(_csv_cell(value) for value in row.model_dump(mode="json").values())
    return out.getvalue()


def json_schema() -> dict:
    schema = RECORDS.json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Regionale Industrieinitiativen",
            **schema}


# Table Schema types of the record's fields (https://specs.frictionlessdata.io/table-schema/).
def _table_field(name: str, info) -> dict:
    annotation = str(info.annotation)
    field: dict = {"name": name, "description": info.description}
    if "float" in annotation:
        field.update(type="number", decimalChar=CSV_DECIMAL)
    elif "int" in annotation:
        field["type"] = "integer"
    else:
        field["type"] = "string"
    enum = next((e for e in (Typ, Ebene, Bundesland, Lage) if e.__name__ in annotation), None)
    constraints = {"required": True} if "None" not in annotation else {}
    if enum:
        constraints["enum"] = [member.value for member in enum]
    if constraints:
        field["constraints"] = constraints
    return field


def datapackage() -> dict:
    """The Frictionless descriptor of the three files (https://specs.frictionlessdata.io/data-package/)."""
    return {
        "profile": "data-package",
        "name": "industrieinitiativen",
        "title": "Regionale Industrieinitiativen in Deutschland",
        "description": "Die regionalen Industrieinitiativen und -bündnisse der Wissensplattform mit Typ, "
                       "Ebene, Land, Ort, Kreisen und ihrer Lage auf der Karte; jede Angabe ist im Steckbrief belegt.",
        "licenses": [LIZENZ],
        "sources": [
            {"title": "A. Schild, M. Schulz: Gesellschaftlicher Dialog zur Zukunft der Industrie. "
                      "Studie im Auftrag des BMWi, Berlin, 31.01.2018"},
            {"title": f"Kartenpositionen: {GAZETTEER}", "path": "https://www.geonames.org/"},
            {"title": f"Landesgrenzen: {LAENDER_QUELLE}, {LAENDER_HERKUNFT}"},
            {"title": f"Kreisgrenzen: {KREISE_QUELLE}, {KREISE_HERKUNFT}"},
        ],
        "resources": [
            {"profile": "tabular-data-resource", "name": "initiativen-csv", "path": CSV, "format": "csv",
             "mediatype": "text/csv", "encoding": "utf-8",
             "description": "Alle Initiativen als Tabelle (UTF-8 mit Byte-Order-Mark für Tabellenprogramme).",
             "dialect": {"delimiter": ";", "lineTerminator": "\r\n", "header": True},
             "schema": {"fields": [_table_field(n, i) for n, i in Datensatz.model_fields.items()],
                        "primaryKey": "kennung"}},
            {"profile": "data-resource", "name": "initiativen-json", "path": JSON, "format": "json",
             "mediatype": "application/json", "encoding": "utf-8",
             "description": f"Dieselben Datensätze als JSON-Liste; JSON Schema: {SCHEMA}."},
            {"profile": "data-resource", "name": "initiativen-geojson", "path": GEOJSON, "format": "geojson",
             "mediatype": "application/geo+json", "encoding": "utf-8",
             "description": "Dieselben Datensätze als GeoJSON-FeatureCollection (RFC 7946): ein Punkt für einen "
                            "Ort, die Fläche der Kreise oder des Landes (Eigenschaft »lage«); Initiativen, für die "
                            "die Quellen weder Ort noch Kreis noch Land nennen, haben »geometry«: null."},
            {"profile": "data-resource", "name": "initiativen-jsonschema", "path": SCHEMA, "format": "json",
             "mediatype": "application/schema+json", "encoding": "utf-8",
             "description": "JSON Schema der Datensätze in initiativen.json."},
        ],
    }


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_open_data(catalog: Catalog, site_dir: Path) -> None:
    """Output writer: the exports below `daten/` of the built site."""
    rows_located = located(catalog)
    rows = [row for row, _ in rows_located]
    directory = site_dir / DATEN_DIR
    directory.mkdir(parents=True, exist_ok=True)
    (directory / GEOJSON).write_text(_dump(geojson(rows_located)), encoding="utf-8")
    (directory / JSON).write_text(_dump(RECORDS.dump_python(rows, mode="json")), encoding="utf-8")
    (directory / CSV).write_text(csv_text(rows), encoding="utf-8-sig", newline="")
    (directory / SCHEMA).write_text(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (directory / DATAPACKAGE).write_text(json.dumps(datapackage(), ensure_ascii=False, indent=2) + "\n",
                                         encoding="utf-8")
