"""The open data (/daten/): GeoJSON, CSV, JSON, JSON Schema and datapackage.json from the built site."""

from __future__ import annotations

import csv
import io
import json

import pytest
from jsonschema import Draft202012Validator
from shapely.geometry import shape

from conftest import ROOT
from wissensplattform.data.load import load_catalog
from wissensplattform.data.models.common import LAT_RANGE, LON_RANGE
from wissensplattform.data.models.initiative import Ebene
from wissensplattform.outputs.opendata import Datensatz
from wissensplattform.data.positions import LAGE_IM_LAND_OFFEN, Lage, locate

TABLE_TYPES = {"string", "number", "integer", "boolean", "object", "array", "date", "time", "datetime", "year",
               "yearmonth", "duration", "geopoint", "geojson", "any"}


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT)


@pytest.fixture(scope="module")
def daten(site):
    return site / "daten"


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def _positions(coordinates):
    """Every [lon, lat] pair in a GeoJSON geometry's coordinates."""
    if isinstance(coordinates[0], (int, float)):
        yield coordinates
    else:
        for part in coordinates:
            yield from _positions(part)


def test_geojson_is_a_valid_feature_collection(daten):
    data = load(daten / "initiativen.geojson")
    assert data["type"] == "FeatureCollection"
    for feature in data["features"]:
        assert feature["type"] == "Feature" and feature["id"] == feature["properties"]["kennung"]
        geometry = feature["geometry"]
        if geometry is not None:
            assert geometry["type"] in ("Point", "Polygon", "MultiPolygon")
            assert shape(geometry).is_valid, feature["id"]
            for lon, lat in _positions(geometry["coordinates"]):
                assert LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]
            rings = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
            if geometry["type"] != "Point":
                assert all(ring[0] == ring[-1] and len(ring) >= 4 for polygon in rings for ring in polygon)


def test_geojson_round_trips_to_the_yaml_initiatives(daten, catalog):
    features = {f["properties"]["kennung"]: f for f in load(daten / "initiativen.geojson")["features"]}
    assert set(features) == {entry.slug for entry in catalog.entries}
    for entry in catalog.entries:
        initiative, feature = entry.initiative, features[entry.slug]
        props = feature["properties"]
        assert props["name"] == initiative.name
        assert props["typ"] == initiative.typ.value and props["ebene"] == initiative.ebene.value
        assert props["land"] == (initiative.bundesland.wert.value if initiative.bundesland else None)
        assert props["ort"] == (initiative.ort.wert if initiative.ort else None)
        verortung = locate(initiative)
        if verortung is None:
            assert feature["geometry"] is None and props["lage"] is None
        else:
            assert feature["geometry"] == json.loads(json.dumps(verortung.geometrie))
            assert props["lage"] == verortung.lage.value


def test_geojson_says_what_each_position_is_and_where_it_comes_from(daten, catalog):
    features = {f["properties"]["kennung"]: f for f in load(daten / "initiativen.geojson")["features"]}
    for entry in catalog.entries:
        feature, initiative = features[entry.slug], entry.initiative
        props, geometry = feature["properties"], feature["geometry"]
        assert props["lage"] in ("Ort", "Gebiet (Kreise)", "Land", None)
        assert (geometry is None) == (props["lage"] is None) == (props["positionsherkunft"] is None)
        if geometry is None:
            continue
        assert (geometry["type"] == "Point") == (props["lage"] == Lage.ORT.value)
        herkunft = props["positionsherkunft"]
        if props["lage"] == "Gebiet (Kreise)":
            # The districts with their keys, each district's citation and reasoning, and the BKG note.
            for angabe in initiative.gebiet:
                assert angabe.stelle in herkunft and angabe.anmerkung.rstrip(".") in herkunft
            assert props["kreise"] and all(f"({key})" in props["kreise"] for key in _keys(initiative))
            assert "© GeoBasis-DE / BKG" in herkunft
        else:
            assert props["kreise"] is None
        if props["lage"] == "Land":
            land = initiative.bundesland
            assert props["land"] == land.wert.value and land.stelle in herkunft and "© GeoBasis-DE / BKG" in herkunft
            assert herkunft.startswith(LAGE_IM_LAND_OFFEN) == (initiative.ebene is not Ebene.LANDESWEIT), entry.slug
    assert features["chemie-am-hochrhein"]["properties"]["kreise"] == "Landkreis Lörrach (08336); Landkreis Waldshut (08337)"
    assert features["industrie-zukunft-in-lippe"]["properties"]["kreise"] == "Kreis Lippe (05766)"
    assert features["initiativkreis-ruhr"]["properties"]["lage"] == "Land"
    assert features["industry-at-work"]["geometry"] is None


def _keys(initiative) -> list[str]:
    from wissensplattform.data.kreise import find_kreis

    return [find_kreis(angabe.wert).schluessel for angabe in initiative.gebiet]


def test_json_validates_against_its_schema_and_equals_the_geojson(daten):
    records = load(daten / "initiativen.json")
    Draft202012Validator(load(daten / "initiativen.jsonschema.json")).validate(records)
    features = load(daten / "initiativen.geojson")["features"]
    assert [r["kennung"] for r in records] == [f["properties"]["kennung"] for f in features]
    for record, feature in zip(records, features):
        # Latitude and longitude only for a place: an area has no point that the sources would give.
        point = feature["geometry"] and feature["geometry"]["type"] == "Point"
        coordinates = feature["geometry"]["coordinates"] if point else [None, None]
        assert record == {**feature["properties"], "laenge": coordinates[0], "breite": coordinates[1]}


def test_schema_rejects_a_wrong_record(daten):
    validator = Draft202012Validator(load(daten / "initiativen.jsonschema.json"))
    record = load(daten / "initiativen.json")[0]
    assert not validator.is_valid([{**record, "typ": "unbekannt"}])
    assert not validator.is_valid([{k: v for k, v in record.items() if k != "name"}])


def test_csv_opens_in_german_spreadsheets_and_holds_the_same_records(daten):
    raw = (daten / "initiativen.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert list(rows[0]) == list(Datensatz.model_fields)
    records = load(daten / "initiativen.json")
    assert len(rows) == len(records)
    for row, record in zip(rows, records):
        assert row["name"] == record["name"] and row["typ"] == record["typ"]
        if record["breite"] is None:
            assert row["breite"] == ""
        else:
            assert float(row["breite"].replace(",", ".")) == record["breite"] and "." not in row["breite"]


def test_datapackage_describes_every_file_and_the_licence(daten):
    package = load(daten / "datapackage.json")
    assert package["name"].islower() and package["resources"]
    assert package["licenses"] and all({"name", "path"} <= set(lic) for lic in package["licenses"])
    names = [resource["name"] for resource in package["resources"]]
    assert len(names) == len(set(names))
    for resource in package["resources"]:
        assert (daten / resource["path"]).is_file(), resource["path"]
        assert resource["format"] and resource["mediatype"]
    table = next(r for r in package["resources"] if r["profile"] == "tabular-data-resource")
    header = (daten / table["path"]).read_text(encoding="utf-8-sig").splitlines()[0].split(table["dialect"]["delimiter"])
    assert [field["name"] for field in table["schema"]["fields"]] == header
    assert all(field["type"] in TABLE_TYPES for field in table["schema"]["fields"])
    assert table["schema"]["primaryKey"] in header


def test_datapackage_passes_frictionless_validate(daten):
    from frictionless import validate

    report = validate(daten / "datapackage.json")
    assert report.valid, report.flatten(["resourcePath", "type", "note"])
    assert [task.name for task in report.tasks] == [r["name"] for r in load(daten / "datapackage.json")["resources"]]


def test_daten_page_explains_fields_licence_and_citation(site):
    html = (site / "daten" / "index.html").read_text(encoding="utf-8")
    for name in Datensatz.model_fields:
        assert f"<code>{name}</code>" in html
    for file in ("initiativen.geojson", "initiativen.csv", "initiativen.json", "initiativen.jsonschema.json",
                 "datapackage.json"):
        assert f'href="{file}"' in html
    assert "CC BY 4.0" in html and "Zitierweise" in html and "GeoBasis-DE / BKG" in html


def test_map_loads_its_markers_from_the_export(site):
    html = (site / "karte" / "index.html").read_text(encoding="utf-8")
    assert 'data-daten="../daten/initiativen.geojson"' in html
