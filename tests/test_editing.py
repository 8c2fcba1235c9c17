"""Editors' writing tools: the new-initiative scaffold, the formatter, the edit link."""

import re

import yaml

from conftest import ROOT, build_site, copy_project
from test_pruefen import project_with
from wissensplattform.catalog import data_files, load_catalog
from wissensplattform.cli import neue_initiative
from wissensplattform.formatting import format_text
from wissensplattform.models import Initiative


def test_scaffold_explains_every_field_and_passes_once_required_fields_are_filled(tmp_path):
    root = project_with(tmp_path)
    assert neue_initiative(["Industriebündnis Musterstadt"], root) == 0
    path = root / "initiatives" / "industriebuendnis-musterstadt.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/initiative.schema.json\n")
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


def test_formatter_leaves_every_data_file_byte_for_byte_unchanged():
    for path, model in data_files(ROOT):
        text = path.read_text(encoding="utf-8")
        assert format_text(text, model) == text, f"{path.relative_to(ROOT)}: make formatieren"


def test_formatter_orders_keys_quotes_dates_and_keeps_comments():
    messy = (
        "# Kopfkommentar bleibt\n"
        "einordnung:\n  stelle: III.2.3, Tabelle 1\n  quelle: studie-2018\n"
        "ebene: lokal  # Kommentar am Wert\n"
        "typ: mischtyp\n"
        "name: Test\n"
        "chronik:\n  - quelle: studie-2018\n    stelle: IV.1\n    datum: 2013\n    ereignis: Auftakt\n"
    )
    formatted = format_text(messy, Initiative)
    assert formatted.startswith("# Kopfkommentar bleibt\n")
    assert "# Kommentar am Wert" in formatted
    assert [line.split(":")[0] for line in formatted.splitlines() if re.match(r"^[a-z]", line)] == [
        "name", "typ", "ebene", "einordnung", "chronik"]
    assert '- datum: "2013"\n' in formatted
    assert '  stelle: "III.2.3, Tabelle 1"\n' in formatted
    assert format_text(formatted, Initiative) == formatted
    assert yaml.safe_load(formatted)["chronik"][0]["ereignis"] == "Auftakt"


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
    from wissensplattform.site import Site

    watched = Site.inputs(ROOT)
    assert all(path.exists() for path in watched)
    assert {ROOT / "initiatives", ROOT / "quellen.yaml", ROOT / "toolbox"} <= set(watched)
    assert any(path.name == "templates" for path in watched)
