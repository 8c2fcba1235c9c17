"""The 40 initiatives of the study's Table 1 as data (section III.2.3)."""

from collections import Counter

import pytest

from conftest import ROOT
from wissensplattform.data.load import load_catalog
from wissensplattform.data.study import table_1


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT)


def test_one_file_per_initiative_of_table_1(catalog):
    names = {entry.initiative.name for entry in catalog.entries}
    assert len(catalog.entries) == 40
    assert names == set(table_1())


def test_table_1_counts_computed_from_the_data(catalog):
    typen = Counter(entry.initiative.typ.value for entry in catalog.entries)
    ebenen = Counter(entry.initiative.ebene.value for entry in catalog.entries)
    assert typen == {"netzwerkorientiert": 17, "maßnahmenorientiert": 12, "mischtyp": 11}
    assert ebenen == {"lokal": 8, "regional": 14, "landesweit": 18}


def test_every_initiative_sits_in_its_table_1_cell(catalog):
    table = table_1()
    for entry in catalog.entries:
        initiative = entry.initiative
        assert (initiative.typ.value, initiative.ebene.value) == table[initiative.name], entry.path
        assert initiative.einordnung.stelle == "III.2.3, Tabelle 1"


def test_landesweit_initiatives_have_no_town(catalog):
    for entry in catalog.entries:
        if entry.initiative.ebene.value == "landesweit":
            assert entry.initiative.ort is None, entry.path


def test_aachen_chronicle_spans_2012_to_2024_with_sources(catalog):
    aachen = catalog.by_slug("aachener-industrie-dialog").initiative
    years = {event.datum[:4] for event in aachen.chronik}
    assert {"2012", "2013", "2014", "2024"} <= years
    assert {event.quelle for event in aachen.chronik} >= {
        "aachen-vorlage-2013", "aachen-vorlage-2014-sachstand", "aachen-vorlage-2014-handlungskonzept",
        "razv-vorlage-2024-063"}
    assert len(aachen.namensvarianten) >= 1
