"""YAML loading: the one-walk construction gives exactly PyYAML's data, and every key's line."""

import pytest
import yaml

from conftest import ROOT
from wissensplattform.catalog import data_files
from wissensplattform.loading import _Loader, load_yaml

SAMPLES = {
    "skalare": "name: Test\nzahl: 12\nkomma: 1.5\nja: true\nleer: null\nohne:\ndatum: 2013-01-09\nhex: 0x1F\n",
    "verschachtelt": "a:\n  - b: 1\n    c: [x, 'y', \"z\"]\n  - {d: e}\nf: |\n  Zeile 1\n  Zeile 2\n",
    "anker": "basis: &b\n  quelle: studie-2018\neins: *b\nzwei: *b\n",
    "zusammenfuehren": "basis: &b\n  quelle: studie-2018\neins:\n  <<: *b\n  stelle: III.2\n",
    "explizit": "menge: !!set {a, b}\ntext: !!str 12\n",
    "zahlenschluessel": "1: eins\n2: zwei\n",
    "doppelt": "name: A\nziele:\n  - text: x\nname: B\n",
}


def _pyyaml(text: str):
    # PyYAML's own construction, with the project's resolvers (dates stay text).
    return yaml.load(text, Loader=_Loader)


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_loads_as_pyyaml_loads_it(tmp_path, name):
    path = tmp_path / f"{name}.yaml"
    path.write_text(SAMPLES[name], encoding="utf-8")
    assert load_yaml(path, tmp_path).data == _pyyaml(SAMPLES[name])


def test_every_data_file_loads_as_pyyaml_loads_it():
    for path, _model in data_files(ROOT):
        assert load_yaml(path, ROOT).data == _pyyaml(path.read_text(encoding="utf-8")), path


def test_lines_and_duplicates_are_found_in_the_same_walk(tmp_path):
    path = tmp_path / "doppelt.yaml"
    path.write_text(SAMPLES["doppelt"], encoding="utf-8")
    loaded = load_yaml(path, tmp_path)
    assert loaded.line_of(("ziele", 0, "text")) == 3
    assert loaded.line_of(("name",)) == 1  # the first occurrence
    [problem] = loaded.problems
    assert (problem.zeile, problem.feld) == (4, "name")
    assert problem.meldung == "Das Feld steht doppelt (zuerst in Zeile 1)."


def test_lines_survive_the_fallback_for_merge_keys(tmp_path):
    path = tmp_path / "merge.yaml"
    path.write_text(SAMPLES["zusammenfuehren"], encoding="utf-8")
    loaded = load_yaml(path, tmp_path)
    assert loaded.line_of(("eins", "stelle")) == 5
    assert loaded.problems == []

