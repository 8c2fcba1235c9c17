"""The formatter writes what the form editor writes: compared with Decap's own YAML code on the real `yaml`
package (tests/decap_yaml.js on Node), for every data file and for texts that are hard to write; and the data
check reads what it writes as the editor reads it."""

from __future__ import annotations

import json
import math
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from wissensplattform.data.formatting import (
    _store_order, canonical_text, entry_data, first_difference, form_field_names, format_text, formatted_files,
)
from wissensplattform.data.loading import _Loader, load_yaml
from wissensplattform.data.models import Initiative
from wissensplattform.data.models.common import key_order
from wissensplattform.data.models.toolbox import Ablaufplan, Format

HARNESS = Path(__file__).parent / "decap_yaml.js"
YAML_PACKAGE = ROOT / "node_modules" / "yaml" / "package.json"

LONG = ("Die Initiative versteht sich als Plattform für den Dialog zwischen Industrie, Politik, Gewerkschaften "
        "und Zivilgesellschaft in der Region")
TEXTS = [
    "a: b", "a #b", "a#b", "a:b", "-a", "- a", "-", "?", "? a", "?a", ":a", "*a", "&a", "!a", "'a", '"a', "%a",
    "@a", "`a", "|a", ">a", "#a", ",a", "[a]", "{a}", "a, b", "a ", "a:", " a", "a\t b",
    'Er sagte "ja"', "it's", "Er sagte \"it's\"",
    "yes", "no", "on", "off", "Yes", "NO", "On", "OFF", "y", "n", "null", "Null", "NULL", "~", "", "true", "True",
    "FALSE", "1.0", "1.", ".5", "-.5", "0x1F", "0x_1F", "0o17", "017", "0_7", "0b101", "1e3", "1E-3", "1.5e+3",
    ".inf", "-.Inf", ".NaN", "2013", "-2013", "+1", "2013-01-09", "2013-01", "12:30",
    "09:30", "1:20:30.5", "1_000", "1_0.5", "=", "<<", "---", "...", "--- a",
    # YAML 1.2 core as yaml@1 tests it: what is a number there and what only looks like one.
    "14:00", "+12", "012", "09", "-0", "00", "0o8", "0o", "0O17", "0X1F", "+0x1F", "-0x1F", "-0o17", "0x",
    ".iNf", "+.INF", "-.nan", ".nAn", ".ınf", "1.e3", "+.5e-3", ".e3", ".", "+", "-.", "1e", "1e400", "1.5.5",
    "Y", "y", "Off", "nULL", "tRUE", "1:30", "-1_000", "+.inf_", "2013-01-09T10:00:00",
    "2013-01-09T10:00:00Z",
    "„Knechtstedener Erklärung“", "‘Aachener Industrie-Dialog‘ – Konzept", "Straße –  Weg", "😀 Emoji 😀",
    LONG, LONG + ": mit Doppelpunkt", LONG + " " + LONG, LONG + ": " + LONG + " # " + LONG,
    "x" * 100, "x" * 100 + " " + "y" * 100, "Wort  " * 30, "„" + LONG + "“ " + "😀" * 50, "#" + "😀" * 60,
    "#x" + "😀" * 60,
    "Zeile 1\nZeile 2", "Zeile 1\n\nZeile 3\n", "a\n", "\n", "\na", "  eingerückt\nb", "a\n  mehr eingerückt\nb",
    "Leerzeichen am Ende \nb", "a\n\n\n", LONG + "\n" + LONG, "- a\n- b", "a: b\nc: d", LONG + "\n  " + LONG,
    '"' + LONG + '"\n' + LONG, "a\tb", "a\u0007b", "a\x7fb", "a\x85b", "a\u2028b", "a\u00a0b", "a\\b",
]
NUMBERS = [0, -5, 2010, 10**15, 1.5, 51.0, -0.0, 0.1 + 0.2, 1e-7, 1e21, 1.5e300, 123456.789, math.inf, -math.inf,
           math.nan, True, False, None]
# Texts YAML 1.1 reads as other data (PyYAML's defaults); the editor writes and reads them as text, unquoted.
YAML_1_1_ONLY = ["yes", "no", "on", "off", "Y", "n", "14:00", "1:20:30.5", "1_000", "0b101", "=", "<<"]
SAMPLES: list[tuple[object, type | None]] = [({"text": text}, None) for text in TEXTS] + [
    ({"zahl": number}, None) for number in NUMBERS] + [
    ({"liste": TEXTS, "zahlen": NUMBERS}, None),
    ({text: "Wert" for text in ["a: b", "yes", "2018", "", "a\nb", "x" * 1100, "[a]", "it's", "😀", "<<", "=",
                                 "14:00", "1_000", "null", "1e3", ".inf", "0o17", "012"]}, None),
    ({"leer": [], "leeres_objekt": {}, "nichts": None, "objekt": {"a": None, "b": None}}, None),
    ({"tief": [[{"a": [1, {"b": [], "c": {"d": LONG}}]}, []], [{"e": None, "f": None}]]}, None),
    ({"einträge": [{"text": LONG, "quelle": "studie-2018", "stelle": "III.2.3, Tabelle 1"}] * 2}, None),
    ({"z": 1, "10": 2, "a": 3, "2": 4}, None),
    # Unknown keys among the form's fields, more than eight: the store's hash order meets sortKeys.
    ({"zz": 1, "website": {"wert": "https://example.org/", "quelle": "q", "stelle": "s"}, "10": 2, "ebene": "lokal",
      "name": "Test", "aa": 3, "typ": "mischtyp", "2": 4, "ort": {"wert": "Köln", "quelle": "q", "stelle": "s"},
      "unbekannt": [1, 2], "einordnung": {"stelle": "s", "quelle": "q"}}, Initiative),
]


def _node(items: list[dict]) -> list:
    """Run Decap's YAML code on `items` (see tests/decap_yaml.js): {data, sortedKeys} gives the text Decap saves,
    {text} the data Decap reads from it ({"data": …} or {"error": …})."""
    node = shutil.which("node")
    if node is None or not YAML_PACKAGE.exists():
        pytest.fail("Node.js oder das npm-Paket »yaml« fehlt: bitte Node.js 20 installieren und im Projektordner "
                    "»npm ci« ausführen.")
    assert json.loads(YAML_PACKAGE.read_text(encoding="utf-8"))["version"] == "1.10.3"
    result = subprocess.run([node, str(HARNESS)], input=json.dumps(_special_numbers(items)), capture_output=True,
                            text=True, encoding="utf-8", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout, object_hook=lambda o: float(o["$number"]) if set(o) == {"$number"} else o)


def _special_numbers(value):
    """JSON has no infinite numbers and no NaN: the harness takes them as {"$number": "Infinity"} and the like."""
    if isinstance(value, float) and not math.isfinite(value):
        return {"$number": str(value).replace("inf", "Infinity").replace("nan", "NaN")}
    if isinstance(value, dict):
        return {key: _special_numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_special_numbers(item) for item in value]
    return value


def _read_by_decap(texts: list[str], yaml_only: bool = False) -> list:
    """The data Decap reads from each text (its `fromFile`; or, `yaml_only`, yaml@1's `parseDocument` alone),
    or None where yaml reports an error."""
    results = _node([{"text": text, "yamlOnly": yaml_only} for text in texts])
    return [None if "error" in result else result["data"] for result in results]


def _cases() -> list[tuple[str, object, type | None]]:
    files = [(path.relative_to(ROOT).as_posix(), load_yaml(path, ROOT).data, model)
             for path, model in formatted_files(ROOT)]
    return files + [(f"sample {number}", data, model) for number, (data, model) in enumerate(SAMPLES, 1)]


@pytest.fixture(scope="module")
def compared() -> list[tuple[str, object, type | None, str, str]]:
    """Each case with the formatter's text and Decap's, from one run of Node."""
    cases = _cases()
    decap = _node([{"data": entry_data(data, model), "sortedKeys": form_field_names(model)}
                   for _, data, model in cases])
    return [(name, data, model, canonical_text(data, model), text) for (name, data, model), text in zip(cases, decap)]


def _load(text: str, folder: Path):
    """The data the data check reads from `text`, or None if it cannot read it."""
    path = folder / "datei.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))  # half a surrogate pair is no UTF-8: not read
    loaded = load_yaml(path, folder)
    return None if loaded.problems else loaded.data


def test_the_formatter_writes_what_decap_writes(compared, tmp_path):
    """Byte for byte, except where the data check would not read Decap's text as the same data (a control
    character, a line separator, a broken escape): there the formatter escapes, in a text yaml@1 reads as the
    same data (Decap too, but for what its `fromFile` adds, see below)."""
    diverging = [(name, data, ours, decap) for name, data, _model, ours, decap in compared if ours != decap]
    for name, data, ours, decap in diverging:
        misread = _load(decap, tmp_path)
        assert misread is None or first_difference(data, misread) is not None, f"{name}:\n{decap}\n≠\n{ours}"
    texts = [ours for _, _, ours, _ in diverging]
    for (name, data, ours, _), read in zip(diverging, _read_by_decap(texts, yaml_only=True)):
        assert read is not None and first_difference(data, read) is None, f"{name}:\n{ours}"


def test_text_yaml_1_1_reads_otherwise_is_written_as_decap_writes_it(compared):
    """`yes`, `14:00`, `1_000`, `<<`: unquoted, as the editor writes them (the data check reads them as text)."""
    texts = {name: (ours, decap) for name, data, _model, ours, decap in compared
             if isinstance(data, dict) and data.get("text") in YAML_1_1_ONLY}
    assert len(texts) == len(YAML_1_1_ONLY)
    for name, (ours, decap) in texts.items():
        assert ours == decap, name
    assert texts["sample " + str(1 + TEXTS.index("14:00"))][0] == "text: 14:00\n"


def test_the_text_loads_back_to_the_same_data(compared, tmp_path):
    for name, data, _model, ours, _decap in compared:
        loaded = _load(ours, tmp_path)
        assert loaded is not None and first_difference(data, loaded) is None, name


def test_the_data_check_reads_the_text_as_yaml_1_reads_it(compared, tmp_path):
    """The canonical text of every case, read by the data check and by the real yaml@1, alone and in Decap's
    `fromFile`. Decap reads two texts otherwise than yaml: it drops a `---` at the end of a file (so a last
    value `---` reads as empty) and reads `2013-01-09T10:00:00Z` as a timestamp (its own tag)."""
    texts = [ours for _, _, _, ours, _ in compared]
    for (name, _data, _model, ours, _decap), by_yaml, by_decap in zip(
            compared, _read_by_decap(texts, yaml_only=True), _read_by_decap(texts)):
        loaded = _load(ours, tmp_path)
        assert loaded is not None and by_yaml is not None and first_difference(by_yaml, loaded) is None, name
        if not re.search(r"---\s*\Z|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z", ours):
            assert first_difference(by_decap, loaded) is None, name
    assert _read_by_decap(["a: b\ntext: ---\n", "a: 2013-01-09T10:00:00Z\n"]) == [
        {"a": "b", "text": None}, {"a": "2013-01-09T10:00:00.000Z"}]


def test_plain_scalars_resolve_as_in_yaml_1(tmp_path):
    """Each tricky text that can stand unquoted, in block and in flow style: the data check (its fast and its
    slow loader alike) reads what yaml@1's core schema reads, or refuses it as yaml@1 does. (In flow style
    PyYAML's scanner, YAML 1.1, takes `?a` and `:a` for indicators; the editor writes no flow style.)"""
    plain = [text for text in TEXTS if text == text.strip() and not re.search(r": | #|:\Z", text) and re.fullmatch(
        r"(?![-?:][ ]|[-?:]\Z)[^,\[\]{}#&*!|>'\"%@`\s][^\x00-\x1f\x7f-\x9f\u2028\u2029]*", text)]
    documents = [f"a: {text}\n" for text in plain] + [
        f"[{text}]\n" for text in plain if not set(text) & set(",[]{}#") and text[0] not in "?:"]
    for document, read in zip(documents, _read_by_decap(documents, yaml_only=True)):
        loaded = _load(document, tmp_path)
        assert (read is None) == (loaded is None), document
        if loaded is not None:
            assert first_difference(read, loaded) is None and type(read) is type(loaded), document
            slow = yaml.load(document, Loader=_Loader)
            assert first_difference(loaded, slow) is None, document
            assert [type(v) for v in _values(loaded)] == [type(v) for v in _values(slow)], document


def _values(data) -> list:
    return list(data.values()) if isinstance(data, dict) else data


def test_formatting_is_idempotent(compared):
    for name, _data, model, ours, _decap in compared:
        assert format_text(ours, model) == ours, name


def test_the_store_orders_larger_mappings_as_immutable_js_does():
    """Recorded from Immutable.js 4.3.9 as bundled in decap-cms 3.16.3 (5.1.3 gives the same):
    `Object.keys(fromJS(object).toJS())` for objects with these keys in this order."""
    assert _store_order(key_order(Format)) == [
        "modus", "hinweise", "nicht_geeignet", "dauer", "ablauf", "name", "studie", "varianten", "ablaufplan", "zweck",
        "gruppengroesse", "einsaetze", "literatur", "kennung", "beteiligungsstufe", "organisation", "teilnehmende"]
    assert _store_order(key_order(Ablaufplan)) == [
        "hinweise", "titel", "studie", "zweck", "literatur", "kennung", "zeilen", "format", "teilnehmende"]
    # "Aa" and "BB" share a hash: insertion order; integer-like keys come first in any JavaScript object.
    keys = ["Aa", "BB", "x", "y", "z", "w", "v", "u", "t", "AaAa", "BBBB", "10", "2", "😀"]
    assert entry_data(dict.fromkeys(keys, 1), Initiative) == dict.fromkeys(
        ["2", "10", "Aa", "BB", "AaAa", "BBBB", "😀", "t", "u", "v", "w", "x", "y", "z"], 1)
