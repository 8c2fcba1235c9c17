"""The scripts as editors and the CI call them: from a plain shell, and on the files a change request touches."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT
from test_pruefen import BAD, EXPECTED, project_with
from wissensplattform.data.problems import Changes, Problem

DORMAGEN = "initiatives/lokale-allianz-dormagen.yaml"
VALID = """name: Zweite Initiative
typ: mischtyp
ebene: lokal
einordnung:
  quelle: studie-2018
  stelle: "III.2.3, Tabelle 1"
"""


def script_project(tmp_path: Path, *files: Path) -> Path:
    """`project_with` plus the code, the scripts and `.venv` as a link to the real, installed environment."""
    root = tmp_path / "projekt"
    root.mkdir()
    project_with(root, *files)
    for folder in ("wissensplattform", "scripts"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "requirements.txt", root)
    (root / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)
    # As `make` would see it: installed after the last change of requirements.txt, so nothing is installed.
    installed = (ROOT / ".venv" / ".installed").stat().st_mtime
    os.utime(root / "requirements.txt", (installed - 1, installed - 1))
    return root


def run(root: Path, script: str, *args: str, **env: str) -> subprocess.CompletedProcess:
    """Run `scripts/<script>` as from a plain shell: the system's python3 first on PATH, no venv active."""
    plain = {"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp"), "LANG": "C.UTF-8", **env}
    return subprocess.run([str(root / "scripts" / script), *args], cwd=root, env=plain, capture_output=True, text=True)


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=root,
                   check=True, capture_output=True)


def repository(tmp_path: Path, *files: Path) -> Path:
    """A git repository whose branch `main` holds the project with `files`; `aenderung` is checked out."""
    root = script_project(tmp_path, *files)
    (root / ".gitignore").write_text(".venv\n__pycache__/\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Stand von main")
    git(root, "checkout", "-q", "-b", "aenderung")
    return root


def commit(root: Path, message: str = "Änderung") -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


# --- From any shell -----------------------------------------------------------------------------------------

def test_system_python3_is_not_the_projects():
    assert not Path("/usr/bin/python3").resolve().is_relative_to(ROOT / ".venv")


def test_pruefen_runs_from_a_plain_shell(tmp_path):
    root = script_project(tmp_path)
    result = run(root, "pruefen")
    assert result.returncode == 0, result.stderr
    assert "Alles in Ordnung: 1 Initiative, 17 Quellen geprüft." in result.stdout
    assert "eingerichtet" not in result.stderr  # the environment exists: nothing to install


def test_neue_initiative_runs_from_a_plain_shell(tmp_path):
    root = script_project(tmp_path)
    result = run(root, "neue-initiative", "X")
    assert result.returncode == 0, result.stderr
    assert "Angelegt: initiatives/x.yaml." in result.stdout
    assert "\nname: \"X\"\n" in (root / "initiatives" / "x.yaml").read_text(encoding="utf-8")


def test_pruefen_reports_bad_data_without_traceback(tmp_path):
    root = script_project(tmp_path, BAD / "unerlaubter-wert.yaml")
    result = run(root, "pruefen")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert EXPECTED["unerlaubter-wert.yaml"][0] in result.stderr


def test_unexpected_error_ends_with_a_short_german_message(tmp_path):
    root = script_project(tmp_path)
    (root / "quellen.yaml").unlink()
    (root / "quellen.yaml").mkdir()
    result = run(root, "pruefen")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == "Unerwarteter Fehler: »quellen.yaml« ist ein Ordner, erwartet wird eine Datei."
    assert result.stderr.splitlines()[1].startswith("Bitte melden Sie ihn mit dieser Meldung der technischen Betreuung")


def test_usage_errors_are_german(tmp_path):
    root = script_project(tmp_path)
    result = run(root, "pruefen", "--gitlab")
    assert result.returncode == 2
    assert result.stderr.startswith("Aufruf: scripts/pruefen")
    assert "scripts/pruefen: Nach --gitlab fehlt ein Wert." in result.stderr
    assert "Optionen:" in run(root, "pruefen", "--hilfe").stdout


# --- Local report ---------------------------------------------------------------------------------------------

def test_local_report_condenses_empty_field_warnings(tmp_path):
    root = script_project(tmp_path)
    (root / "initiatives" / "zweite-initiative.yaml").write_text(VALID, encoding="utf-8")
    result = run(root, "pruefen")
    assert result.returncode == 0
    assert "WARNUNG: In 2 Steckbriefen sind Felder leer." in result.stdout
    assert "Felder des Steckbriefs sind leer" not in result.stdout
    every = run(root, "pruefen", "--alle").stdout
    assert "WARNUNG: initiatives/zweite-initiative.yaml: 12 Felder des Steckbriefs sind leer" in every
    assert f"WARNUNG: {DORMAGEN}: " in every


# --- Only the changed files -----------------------------------------------------------------------------------

def test_only_problems_of_changed_files_are_reported(tmp_path):
    root = repository(tmp_path)
    shutil.copy(BAD / "falscher-typ.yaml", root / "initiatives")
    commit(root)
    result = run(root, "pruefen", "--nur-geaenderte", "main")
    assert result.returncode == 1
    assert EXPECTED["falscher-typ.yaml"][0] in result.stderr
    assert DORMAGEN not in result.stdout + result.stderr
    assert "1 Warnung zu nicht geänderten Dateien ist ausgelassen. Alle Meldungen zeigt »make pruefen«." in result.stdout


def test_errors_of_unchanged_files_fail_with_one_line(tmp_path):
    root = repository(tmp_path, BAD / "unerlaubter-wert.yaml")
    dormagen = root / DORMAGEN
    dormagen.write_text(dormagen.read_text(encoding="utf-8") + "# geprüft\n", encoding="utf-8")  # not committed
    result = run(root, "pruefen", "--nur-geaenderte", "main")
    assert result.returncode == 1
    assert "unerlaubter-wert.yaml" not in result.stdout + result.stderr
    assert f"WARNUNG: {DORMAGEN}: " in result.stdout  # the changed file's warnings, one by one
    assert ("Nicht geänderte Dateien haben 1 Fehler. Sie sind hier ausgelassen, verhindern aber den Bau der "
            "Website. Alle Meldungen zeigt »make pruefen«.") in result.stderr


def _line_of(path: Path, start: str) -> int:
    """The first line of `path` that begins (after indentation) with `start`, counted from 1."""
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.strip().startswith(start))


def test_problems_another_file_has_because_of_the_change_are_reported(tmp_path):
    root = repository(tmp_path)
    shutil.copy(BAD / "doppelter-name.yaml", root / "initiatives")
    commit(root)
    result = run(root, "pruefen", "--nur-geaenderte", "main")
    assert EXPECTED["doppelter-name.yaml"][0] in result.stderr
    assert f"{DORMAGEN}, Zeile {_line_of(root / DORMAGEN, 'name:')}, Feld `name`: Der Name »Lokale Allianz Dormagen« wird auch in " \
           "initiatives/doppelter-name.yaml verwendet." in result.stderr


def test_a_source_removed_from_the_register_reports_the_files_citing_it(tmp_path):
    root = repository(tmp_path)
    register = root / "quellen.yaml"
    register.write_text(register.read_text(encoding="utf-8").replace("studie-2018:", "studie-2018-entfernt:"),
                        encoding="utf-8")
    commit(root)
    result = run(root, "pruefen", "--nur-geaenderte", "main")
    assert result.returncode == 1
    line = _line_of(root / DORMAGEN, "quelle: studie-2018")
    assert f"{DORMAGEN}, Zeile {line}, Feld `einordnung.quelle`: Die Quelle »studie-2018« steht nicht im Quellenregister." \
           in result.stderr


def test_an_unknown_base_reports_everything(tmp_path):
    root = repository(tmp_path, BAD / "unerlaubter-wert.yaml")
    result = run(root, "pruefen", "--nur-geaenderte", "origin/gibt-es-nicht")
    assert result.returncode == 1
    assert result.stdout.startswith("Hinweis: Welche Dateien sich seit »origin/gibt-es-nicht« geändert haben, "
                                    "ließ sich mit git nicht feststellen")
    assert EXPECTED["unerlaubter-wert.yaml"][0] in result.stderr


def test_github_annotations_for_the_changed_files_errors_first(tmp_path):
    root = repository(tmp_path, BAD / "unerlaubter-wert.yaml")
    shutil.copy(BAD / "html-im-text.yaml", root / "initiatives")
    shutil.copy(BAD / "falscher-typ.yaml", root / "initiatives")
    commit(root)
    git(root, "update-ref", "refs/remotes/origin/main", "main")  # what actions/checkout fetches
    result = run(root, "pruefen", "--github", GITHUB_BASE_REF="main")
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert annotations[0].startswith("::error file=initiatives/falscher-typ.yaml,line=9,title=Datenprüfung::"
                                     "initiatives/falscher-typ.yaml, Zeile 9, Feld `gruendung.wert`: ")
    assert [a.split(",")[0] for a in annotations[1:]] == ["::warning file=initiatives/html-im-text.yaml"] * 2
    assert "::warning file=initiatives/html-im-text.yaml,line=9,title=" in annotations[1]
    assert result.returncode == 1  # unerlaubter-wert.yaml, unchanged, still fails the check


def test_gitlab_report_for_the_changed_files(tmp_path):
    root = repository(tmp_path, BAD / "unerlaubter-wert.yaml")
    shutil.copy(BAD / "falscher-typ.yaml", root / "initiatives")
    commit(root)
    base = subprocess.run(["git", "rev-parse", "main"], cwd=root, capture_output=True, text=True).stdout.strip()
    result = run(root, "pruefen", "--gitlab", "bericht.json", CI_MERGE_REQUEST_DIFF_BASE_SHA=base)
    assert result.returncode == 1
    report = json.loads((root / "bericht.json").read_text(encoding="utf-8"))
    assert [(r["location"]["path"], r["location"]["lines"]["begin"], r["severity"]) for r in report] == [
        ("initiatives/falscher-typ.yaml", 9, "major")]
    assert report[0]["description"] == EXPECTED["falscher-typ.yaml"][0]


def test_gitlab_paths_start_at_the_repository_top(tmp_path):
    root = script_project(tmp_path, BAD / "falscher-typ.yaml")
    (tmp_path / ".gitignore").write_text(".venv\n", encoding="utf-8")
    git(tmp_path, "init", "-q", "-b", "main")  # the project is the folder `projekt/` of the repository
    result = run(root, "pruefen", "--gitlab", "bericht.json")
    report = json.loads((root / "bericht.json").read_text(encoding="utf-8"))
    assert result.returncode == 1
    assert {r["location"]["path"] for r in report} >= {"projekt/initiatives/falscher-typ.yaml", f"projekt/{DORMAGEN}"}


@pytest.mark.parametrize("problem, concerned", [
    (Problem("initiatives/a.yaml", 3, "name", "x"), True),
    (Problem("initiatives/b.yaml", 3, "name", "Der Name »A« wird auch in initiatives/a.yaml verwendet."), True),
    (Problem("toolbox/m.yaml", 9, "initiative", "Die Initiative »alt« gibt es nicht."), True),
    (Problem("initiatives/b.yaml", 3, "name", "Der Name »A« wird auch in initiatives/c.yaml verwendet."), False),
])
def test_which_problems_a_change_concerns(tmp_path, problem, concerned):
    (tmp_path / "initiatives").mkdir()
    (tmp_path / "initiatives" / "a.yaml").touch()
    changes = Changes.of(tmp_path, ["initiatives/a.yaml", "initiatives/alt.yaml"])
    assert changes.deleted == {"initiatives/alt.yaml"}
    assert changes.concern(problem) is concerned
