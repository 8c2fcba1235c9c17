"""YAML loading: plain scalars read as the editor (YAML 1.2 core) reads them; the one-walk construction gives
exactly PyYAML's data with the same resolvers, and every key's line."""

import math
import re

import pytest
import yaml

from conftest import ROOT
from wissensplattform.data import loading
from wissensplattform.data.catalog import data_files
from wissensplattform.data.loading import _FastLoader, _Loader, load_yaml

SAMPLES = {
    "skalare": "name: Test\nzahl: 12\nkomma: 1.5\nja: true\nleer: null\nohne:\ndatum: 2013-01-09\nhex: 0x1F\n",
    "verschachtelt": "a:\n  - b: 1\n    c: [x, 'y', \"z\"]\n  - {d: e}\nf: |\n  Zeile 1\n  Zeile 2\n",
    "anker": "basis: &b\n  quelle: studie-2018\neins: *b\nzwei: *b\n",
    "zusammenfuehren": "basis: &b\n  quelle: studie-2018\neins:\n  <<: *b\n  stelle: III.2\n",
    "explizit": "menge: !!set {a, b}\ntext: !!str 12\nzahl: !!int 012\nbinaer: !!int 0b101\nleer: !!null ''\n",
    "yaml11": "beginn: 14:00\nja: yes\naus: off\nzahl: 1_000\nbinaer: 0b101\n=: <<\n<<: =\noktal: 012\n",
    "yaml12": "a: [0o17, 0x1F, +12, -0, 1e3, 1., .5, .iNf, -.INF, .NaN, ~, Null, TRUE, False, '', 0O17, -0x1]\n",
    "zahlenschluessel": "1: eins\n2: zwei\n",
    "doppelt": "name: A\nziele:\n  - text: x\nname: B\n",
}


def _pyyaml(text: str):
    # PyYAML's own construction, with the project's resolvers and constructors (YAML 1.2 core).
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


@pytest.mark.parametrize("name", SAMPLES)
def test_libyaml_and_pure_python_read_alike(name):
    fast, slow = yaml.load(SAMPLES[name], Loader=_FastLoader), yaml.load(SAMPLES[name], Loader=_Loader)
    assert repr(fast) == repr(slow)  # repr: types too, and nan


def _data(tmp_path, text: str):
    path = tmp_path / "datei.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_yaml(path, tmp_path)
    assert loaded.problems == []
    return loaded.data


def test_plain_scalars_read_as_the_editor_reads_them(tmp_path):
    """YAML 1.2 core, as the editor's yaml@1 reads it (tests/test_formatting.py compares with it on Node)."""
    assert _data(tmp_path, SAMPLES["yaml11"]) == {
        "beginn": "14:00", "ja": "yes", "aus": "off", "zahl": "1_000", "binaer": "0b101", "=": "<<", "<<": "=",
        "oktal": 12}
    [values] = _data(tmp_path, SAMPLES["yaml12"]).values()
    assert values[:13] == [15, 31, 12, 0, 1000.0, 1.0, 0.5, math.inf, -math.inf, values[9], None, None, True]
    assert math.isnan(values[9])
    assert values[13:] == [False, "", "0O17", "-0x1"]
    assert [type(value) for value in values[:5]] == [int, int, int, int, float]
    explicit = _data(tmp_path, SAMPLES["explizit"])
    assert (explicit["text"], explicit["zahl"], explicit["binaer"], explicit["leer"]) == ("12", 12, "0b101", None)
    # No merge key: `<<` is a key like any other, as in YAML 1.2.
    assert _data(tmp_path, SAMPLES["zusammenfuehren"])["eins"] == {"<<": {"quelle": "studie-2018"}, "stelle": "III.2"}


def test_lines_survive_the_fallback_for_explicit_tags(tmp_path):
    path = tmp_path / "explizit.yaml"
    path.write_text("basis:\n  menge: !!set {a, b}\neins:\n  - x\n  - stelle: III.2\n", encoding="utf-8")
    loaded = load_yaml(path, tmp_path)
    assert loaded.data["basis"]["menge"] == {"a", "b"}
    assert loaded.line_of(("eins", 1, "stelle")) == 5
    assert loaded.problems == []


@pytest.mark.parametrize("character", ["\x0b", "\x00", "\x1b", "\x7f", "\x9f", "\ufffe"])
def test_a_control_character_is_a_problem_not_a_traceback(tmp_path, character):
    path = tmp_path / "steuerzeichen.yaml"
    path.write_text(f"name: Test\nziel: Ein{character}Ziel\n", encoding="utf-8")
    loaded = load_yaml(path, tmp_path)
    [problem] = loaded.problems
    assert (problem.zeile, problem.feld) == (2, None)
    assert f"(U+{ord(character):04X})" in problem.meldung


def test_the_line_of_a_control_character_counts_every_kind_of_line_break(tmp_path):
    path = tmp_path / "zeilen.yaml"
    path.write_bytes(b"name: Test\r\nziele:\r  - a\n  - \x0c\n")
    [problem] = load_yaml(path, tmp_path).problems
    assert problem.zeile == 4 and "(U+000C)" in problem.meldung


def test_the_reader_s_own_refusal_is_a_problem_too(tmp_path, monkeypatch):
    """Should the check before parsing miss a character PyYAML's reader refuses, the reader's error is reported."""
    monkeypatch.setattr(loading, "_NOT_ALLOWED", re.compile("(?!)"))
    path = tmp_path / "leser.yaml"
    path.write_text("name: Test\nziel: Ein\x0bZiel\n", encoding="utf-8")
    [problem] = load_yaml(path, tmp_path).problems
    assert problem.zeile == 2 and "(U+000B)" in problem.meldung


def test_a_file_read_again_is_a_copy_the_caller_may_change(tmp_path):
    # The loader keeps what it read for the next build in the same process (`mkdocs serve`).
    from wissensplattform.data.loading import load_yaml

    path = tmp_path / "datei.yaml"
    path.write_text("name: Eins\nliste:\n  - a\n", encoding="utf-8")
    first = load_yaml(path, tmp_path)
    first.data["name"] = "geändert"
    first.data["liste"].append("b")
    again = load_yaml(path, tmp_path)
    assert again.data == {"name": "Eins", "liste": ["a"]} and again.lines == first.lines
    path.write_text("name: Zwei\n", encoding="utf-8")
    assert load_yaml(path, tmp_path).data == {"name": "Zwei"}
