"""Editors' writing tools: the new-initiative scaffold, the formatter, the edit link."""

import datetime as dt
import re

import yaml

from conftest import ROOT, build_site, copy_project
from test_pruefen import project_with
from wissensplattform.data.load import load_catalog
from wissensplattform.cli import formatieren, neue_initiative
from wissensplattform.data.formatting import format_text, formatted_files
from wissensplattform.data.loading import load_yaml
from wissensplattform.data.models import Initiative
from wissensplattform.data.problems import format_problems


def test_scaffold_explains_every_field_and_passes_once_required_fields_are_filled(tmp_path):
    root = project_with(tmp_path)
    assert neue_initiative(["Industriebündnis Musterstadt"], root) == 0
    path = root / "initiatives" / "industriebuendnis-musterstadt.yaml"
    text = path.read_text(encoding="utf-8")
    # Only guidance comments, which the editor and the formatter drop: no schema line to lose on the first save.
    assert text.startswith("# Neue Initiative.") and "yaml-language-server" not in text
    for name in Initiative.model_fields:
        assert re.search(rf"^(# )?{name}:", text, re.M), name
    data = yaml.safe_load(text)
    data.update(typ="mischtyp", ebene="lokal", einordnung={"quelle": "studie-2018", "stelle": "III.2.3, Tabelle 1"})
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    catalog = load_catalog(root)
    assert "Industriebündnis Musterstadt" in {e.initiative.name for e in catalog.entries}


def test_scaffold_never_overwrites(tmp_path):
    root = project_with(tmp_path)
    assert neue_initiative(["Lokale Allianz Dormagen"], root) == 1


def test_every_data_file_is_in_the_form_the_editor_writes():
    for path, model in formatted_files(ROOT):
        text = path.read_text(encoding="utf-8")
        assert format_text(text, model) == text, f"{path.relative_to(ROOT)}: make formatieren"


def test_formatter_orders_keys_quotes_what_would_read_otherwise_and_drops_comments():
    messy = (
        "# Kopfkommentar\n"
        "einordnung:\n  stelle: III.2.3, Tabelle 1\n  quelle: studie-2018\n"
        "ebene: lokal  # Kommentar am Wert\n"
        "typ: mischtyp\n"
        "name: Test\n"
        "chronik:\n  - quelle: studie-2018\n    stelle: IV.1\n    datum: '2013'\n    ereignis: Auftakt\n"
    )
    formatted = format_text(messy, Initiative)
    assert formatted == (
        "name: Test\n"
        "typ: mischtyp\n"
        "ebene: lokal\n"
        "einordnung:\n  quelle: studie-2018\n  stelle: III.2.3, Tabelle 1\n"
        'chronik:\n  - datum: "2013"\n    ereignis: Auftakt\n    quelle: studie-2018\n    stelle: IV.1\n'
    )
    assert format_text(formatted, Initiative) == formatted


def _formatieren(root, capsys, *args):
    status = formatieren(list(args), root)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out, err


def test_formatieren_reports_a_broken_file_as_the_data_check_does_and_leaves_it(tmp_path, capsys):
    root = project_with(tmp_path)
    path = root / "initiatives" / "kaputt.yaml"
    path.write_bytes(b"name: Test\ntyp: [mischtyp\n")
    problems = load_yaml(path, root).problems
    assert problems
    status, out, err = _formatieren(root, capsys)
    assert status == 1
    assert out == f"Formatiert: 0 von {len(list(formatted_files(root)))} Dateien.\n"
    assert format_problems(problems) in err
    assert "Dateien mit Fehlern bleiben unverändert." in err
    assert path.read_bytes() == b"name: Test\ntyp: [mischtyp\n"


def test_formatieren_leaves_an_empty_file_empty(tmp_path, capsys):
    root = project_with(tmp_path)
    path = root / "initiatives" / "leer.yaml"
    path.write_bytes(b"")
    status, out, err = _formatieren(root, capsys)
    assert status == 1
    assert "initiatives/leer.yaml, Zeile 1: Die Datei ist leer." in err
    assert path.read_bytes() == b""


def test_pruefen_accepts_another_layout_of_the_same_data_with_a_note(tmp_path, capsys):
    root = project_with(tmp_path)
    path = root / "initiatives" / "lokale-allianz-dormagen.yaml"
    data = load_yaml(path, root).data
    reordered = dict(reversed(list(data.items())))
    path.write_text("# Kommentar\n" + yaml.safe_dump(reordered, allow_unicode=True, width=200, sort_keys=False),
                    encoding="utf-8")
    before = path.read_bytes()
    status, out, err = _formatieren(root, capsys, "--pruefen")
    assert status == 0 and not err
    assert out == ("Hinweis: initiatives/lokale-allianz-dormagen.yaml ist nicht in der Form, in der der Editor "
                   "speichert. Das ist kein Fehler: Das nächste Speichern im Editor oder »make formatieren« gleicht "
                   "sie an.\n")
    assert path.read_bytes() == before
    files = len(list(formatted_files(root)))
    assert _formatieren(root, capsys) == (
        0, "initiatives/lokale-allianz-dormagen.yaml: formatiert\n"
           f"Formatiert: 1 von {files} Dateien; die übrigen waren schon in der Form des Editors.\n", "")
    assert path.read_bytes() == (ROOT / "initiatives" / "lokale-allianz-dormagen.yaml").read_bytes()
    # Run again, it says so: an editor sees that it ran.
    assert _formatieren(root, capsys) == (
        0, f"Nichts zu tun: Alle {files} Dateien sind schon in der Form, in der der Editor speichert.\n", "")


def test_edit_link_points_to_the_yaml_file(tmp_path):
    project = copy_project(tmp_path / "projekt")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("# repo_url:", "repo_url:").replace("# edit_uri:", "edit_uri:")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "site" / "initiativen" / "lokale-allianz-dormagen" / "index.html").read_text(encoding="utf-8")
    edit = re.search(r'href="([^"]+)"[^>]*title="Seite bearbeiten"', html) or re.search(
        r'<a href="([^"]+)"[^>]*class="md-content__button', html)
    assert edit and edit.group(1).endswith("/initiatives/lokale-allianz-dormagen.yaml"), edit


def test_live_preview_watches_the_data_and_the_templates():
    from wissensplattform.pipeline import Site

    watched = Site.inputs(ROOT)
    assert all(path.exists() for path in watched)
    assert {ROOT / "initiatives", ROOT / "quellen.yaml", ROOT / "toolbox"} <= set(watched)
    assert any(path.name == "templates" for path in watched)


def test_reformatting_commits_do_not_change_the_stand(tmp_path):
    import subprocess

    from wissensplattform.data.history import last_changed

    def commit(message: str, date: str) -> str:
        env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@t",
               "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@t", "PATH": "/usr/bin:/bin"}
        subprocess.run(["git", "commit", "-qam", message], cwd=tmp_path, env=env, check=True)
        return subprocess.run(["git", "rev-parse", "HEAD"], cwd=tmp_path, capture_output=True, text=True).stdout.strip()

    (tmp_path / "initiatives").mkdir()
    data = tmp_path / "initiatives" / "x.yaml"
    data.write_text('name: "X"\n', encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True)
    commit("content", "2026-03-01T12:00:00")
    data.write_text("name: X\n", encoding="utf-8")
    layout = commit("layout", "2026-04-01T12:00:00")
    assert last_changed(tmp_path, ["initiatives/x.yaml"]) == {"initiatives/x.yaml": dt.date(2026, 4, 1)}
    (tmp_path / ".git-blame-ignore-revs").write_text(f"# layout only\n{layout}\n", encoding="utf-8")
    assert last_changed(tmp_path, ["initiatives/x.yaml"]) == {"initiatives/x.yaml": dt.date(2026, 3, 1)}
