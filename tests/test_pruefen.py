"""Editors' checks: every kind of bad data gives its exact German message with file and line."""

import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, ROOT, build_site, copy_project
from wissensplattform.data.load import load_catalog
from wissensplattform.pages.contexts.fields import model_docs
from wissensplattform.data.models import Initiative, Quelle
from wissensplattform.pages.knowledge import KNOWLEDGE_MODELS
from wissensplattform.data.models.toolbox import Modul
from wissensplattform.data.messages import german_date
from wissensplattform.data.problems import DataError

BAD = FIXTURES / "fehler"
EXPECTED = yaml.safe_load((BAD / "erwartet.yaml").read_text(encoding="utf-8"))


def project_with(tmp_path: Path, *files: Path) -> Path:
    """A minimal project: the real source register, Dormagen's real file, and the given data files."""
    (tmp_path / "initiatives").mkdir()
    shutil.copy(ROOT / "quellen.yaml", tmp_path / "quellen.yaml")
    shutil.copy(ROOT / "initiatives" / "lokale-allianz-dormagen.yaml", tmp_path / "initiatives")
    for file in files:
        shutil.copy(file, tmp_path / "initiatives" / file.name)
    return tmp_path


def messages(root: Path, names: list[str]) -> list[str]:
    try:
        problems = load_catalog(root).warnings
    except DataError as error:
        problems = error.problems + error.warnings
    return [str(p) for p in problems if any(p.datei == f"initiatives/{name}" for name in names)]


@pytest.mark.parametrize("case", sorted(EXPECTED), ids=str)
def test_bad_file_gives_exact_german_message(tmp_path, case):
    names = case.split(" + ")
    root = project_with(tmp_path, *(BAD / name for name in names))
    assert messages(root, names) == EXPECTED[case]


def test_every_bad_fixture_has_expected_messages():
    covered = {name for case in EXPECTED for name in case.split(" + ")}
    assert covered == {path.name for path in BAD.glob("*.y*ml") if path.name != "erwartet.yaml"}


@pytest.mark.parametrize("text, year, iso", [
    ("29.04.2013", 2013, "2013-04-29"), ("1.4.2013", 2013, "2013-04-01"), ("04/2013", 2013, "2013-04"),
    ("04.2013", 2013, "2013-04"), ("April 2013", 2013, "2013-04"), ("29. April 2013", 2013, "2013-04-29"),
    ("Sept. 2013", 2013, "2013-09"), ("Maerz 2013", 2013, "2013-03"), ("2013-04-29", 2013, "2013-04-29"),
])
def test_german_dates_are_read_for_the_suggestion(text, year, iso):
    assert german_date(text) == (year, iso)


@pytest.mark.parametrize("text", ["31.02.2013", "13/2013", "Frühjahr 2013", "2013", "zweitausendzehn"])
def test_no_suggestion_for_what_is_no_date(text):
    assert german_date(text) is None


def test_messages_name_no_python_words():
    found = " ".join(line for case in EXPECTED.values() for line in case)
    assert not re.search(r"\b(None|True|False|dict|list|str|int|float|TextAngabe|JahrAngabe)\b", found)


def test_field_reference_names_sub_fields_not_model_classes():
    docs = model_docs(Initiative, Quelle, *KNOWLEDGE_MODELS, Modul)
    types = " ".join(f.type for doc in docs for f in doc.fields)
    assert "Unterfelder quelle, stelle; dazu möglich: anmerkung" in types
    assert not [doc.name for doc in docs if doc.name in types]


def test_all_problems_are_reported_at_once(tmp_path):
    root = project_with(tmp_path, BAD / "unerlaubter-wert.yaml", BAD / "tabulator.yaml", BAD / "leer.yaml")
    with pytest.raises(DataError) as raised:
        load_catalog(root)
    assert {p.datei for p in raised.value.problems} >= {
        "initiatives/unerlaubter-wert.yaml", "initiatives/tabulator.yaml", "initiatives/leer.yaml"}


def test_build_stops_with_the_same_message_and_writes_no_site(tmp_path):
    project = copy_project(tmp_path / "projekt")
    shutil.copy(BAD / "unerlaubter-wert.yaml", project / "initiatives")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert EXPECTED["unerlaubter-wert.yaml"][0] in output
    assert not (tmp_path / "site" / "index.html").exists()


if __name__ == "__main__":
    # Rewrite the golden file after a deliberate change of messages:
    # PYTHONPATH=. .venv/bin/python tests/test_pruefen.py; then review the diff.
    import tempfile

    cases = sorted(p.name for p in BAD.glob("*.y*ml") if p.name not in ("erwartet.yaml", "zweimal.yaml", "zweimal.yml"))
    cases.append("zweimal.yaml + zweimal.yml")
    result = {}
    for case in cases:
        with tempfile.TemporaryDirectory() as tmp:
            names = case.split(" + ")
            result[case] = messages(project_with(Path(tmp), *(BAD / n for n in names)), names)
    text = yaml.safe_dump(result, allow_unicode=True, sort_keys=True, width=1000)
    (BAD / "erwartet.yaml").write_text("# Erwartete Meldungen je fehlerhafter Datei (golden file).\n" + text, encoding="utf-8")
