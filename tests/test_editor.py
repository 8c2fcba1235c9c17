"""The form editor at /bearbeiten/: its configuration from the schema, its page, and Decap CMS itself
in Chromium, saving through decap-server into a Git repository."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import build_site, copy_project, serve
from wissensplattform.data.load import load_catalog
from wissensplattform.cli import formatieren, pruefen
from wissensplattform.editor.config import FOLDERS, collection_models, decap_config
from wissensplattform.editor.local import decap_server, free_port
from wissensplattform.editor.settings import LOCAL_ENV, EditorSettings
from wissensplattform.data.models.introspection import enum_of, is_required, nested_models
from wissensplattform.data.models.common import Bundesland, DATE_PATTERN, URL_PATTERN

from conftest import ROOT

GITLAB = {"backend": "gitlab", "repository": "gruppe/wissensplattform", "app_id": "abc123",
          "base_url": "https://gitlab.example.org"}


@pytest.fixture(scope="module")
def config():
    return decap_config(load_catalog(ROOT), EditorSettings(), "")


def _collection_fields(config: dict, path: str) -> list[dict]:
    for collection in config["collections"]:
        if collection.get("folder") == path:
            return collection["fields"]
        for file in collection.get("files", []):
            if file["file"] == path:
                return file["fields"]
    raise AssertionError(f"keine Sammlung für {path}")


def _assert_covers(model, fields: list[dict], where: str) -> None:
    """Every schema field has a form field with its title, its requiredness and, for objects, their fields."""
    by_name = {field["name"]: field for field in fields}
    assert set(by_name) == set(model.model_fields), f"{where}: {set(model.model_fields) ^ set(by_name)}"
    for name, info in model.model_fields.items():
        field = by_name[name]
        assert field["label"] == info.title, f"{where}.{name}"
        if field["required"]:
            assert is_required(info), f"{where}.{name}"
        nested = nested_models(info.annotation)
        if nested:
            _assert_covers(nested[0], field["fields"], f"{where}.{name}")
        elif enum_of(info.annotation):
            assert [o["value"] for o in field["options"]] == [m.value for m in enum_of(info.annotation)]


def test_every_schema_field_has_a_form_field(config):
    for path, model in collection_models().items():
        if (ROOT / path).exists():
            _assert_covers(model, _collection_fields(config, path), path)


def test_form_fields_follow_the_schema(config):
    fields = {f["name"]: f for f in _collection_fields(config, "initiatives")}
    assert fields["name"]["required"] and fields["typ"]["required"] and not fields["kurzname"]["required"]
    assert [o["value"] for o in fields["typ"]["options"]] == ["netzwerkorientiert", "maßnahmenorientiert", "mischtyp"]
    land = {f["name"]: f for f in fields["bundesland"]["fields"]}
    assert [o["value"] for o in land["wert"]["options"]] == [land.value for land in Bundesland]
    # An optional object's fields are optional in the form: the data check reports a half-filled one.
    assert not any(f["required"] for f in fields["bundesland"]["fields"])
    sources = yaml.safe_load((ROOT / "quellen.yaml").read_text(encoding="utf-8"))
    assert [o["value"] for o in land["quelle"]["options"]] == list(sources)
    einordnung = {f["name"]: f for f in fields["einordnung"]["fields"]}
    assert einordnung["quelle"]["required"] and einordnung["stelle"]["required"]
    assert {f["name"]: f for f in fields["chronik"]["fields"]}["datum"]["pattern"][0] == DATE_PATTERN
    assert {f["name"]: f for f in fields["website"]["fields"]}["wert"]["pattern"][0] == URL_PATTERN
    jahr = {f["name"]: f for f in fields["gruendung"]["fields"]}["wert"]
    assert (jahr["widget"], jahr["value_type"], jahr["min"]) == ("number", "int", 1800)
    assert fields["akteure"]["widget"] == "list" and fields["akteure"]["summary"] == "{{fields.text}}"
    assert fields["chronik"]["summary"] == "{{fields.datum}} – {{fields.ereignis}}"
    assert [c["name"] for c in config["collections"]] == [f.name for f in FOLDERS] + ["wissensseiten"]
    assert config["publish_mode"] == "editorial_workflow" and config["locale"] == "de"


def _with_settings(project: Path, settings: dict[str, str]) -> None:
    path = project / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    for key, value in settings.items():
        text, count = re.subn(rf'(\n    {key}: )""', rf'\g<1>"{value}"', text, count=1)
        assert count == 1, key
    path.write_text(text, encoding="utf-8")


def test_without_settings_the_page_names_what_is_missing(site):
    page = (site / "bearbeiten" / "index.html").read_text(encoding="utf-8")
    assert "Der Editor ist noch nicht eingerichtet" in page
    for key in ("backend", "repository", "base_url"):
        assert f"extra.bearbeiten.{key}" in page
    assert "decap-cms.js" not in page
    config = yaml.safe_load((site / "bearbeiten" / "config.yml").read_text(encoding="utf-8"))
    assert config["collections"][0]["name"] == "initiativen"


def test_with_gitlab_settings_the_page_is_the_editor_under_its_own_policy(tmp_path):
    project = copy_project(tmp_path / "projekt")
    _with_settings(project, GITLAB)
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "bearbeiten" / "index.html").read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1).replace("&#39;", "'")
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["connect-src"] == "'self' https://gitlab.example.org"
    assert directives["script-src"] == "'self' 'unsafe-eval'"
    assert '<script src="../assets/vendor/decap-cms/decap-cms.js"></script>' in page
    backend = yaml.safe_load((tmp_path / "site" / "bearbeiten" / "config.yml").read_text(encoding="utf-8"))["backend"]
    assert backend == {"name": "gitlab", "repo": "gruppe/wissensplattform", "branch": "main", "auth_type": "pkce",
                       "app_id": "abc123", "base_url": "https://gitlab.example.org",
                       "api_root": "https://gitlab.example.org/api/v4", "auth_endpoint": "oauth/authorize"}
    # The large bundle loads on this page alone.
    others = [p for p in (tmp_path / "site").rglob("*.html") if p.parent.name != "bearbeiten"]
    assert others and not any("decap-cms" in p.read_text(encoding="utf-8") for p in others)


# --- Decap CMS in Chromium, saving through decap-server (Git mode, editorial workflow) ----------------------

def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """A Git repository of the project, the site built in local mode, decap-server and a web server."""
    base = tmp_path_factory.mktemp("editor")
    project = copy_project(base / "projekt")
    _git(project, "init", "-q", "-b", "main")
    _git(project, "config", "user.name", "Redaktion Test")
    _git(project, "config", "user.email", "redaktion@example.org")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "Stand vor dem Test")
    port = free_port()
    result = build_site(project, base / "site", env={LOCAL_ENV: str(port)})
    assert result.returncode == 0, result.stderr
    with decap_server(project, port), serve(base / "site") as url:
        yield project, url, _git(project, "rev-parse", "main").strip()


@pytest.fixture
def editor(browser, workspace):
    """The editor, signed in; every request the page makes is recorded."""
    project, url, _ = workspace
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page.goto(url + "bearbeiten/")
    page.get_by_role("button", name="Login").click()
    page.get_by_text("Lokale Allianz Dormagen").first.wait_for()
    yield page, url, requests
    context.close()
    outside = [r for r in requests if urlsplit(r).hostname not in ("127.0.0.1", None)]
    assert requests and not outside, outside


def _field(page, name: str, index: int = 0, within: str | None = None):
    scope = page.locator(f"[id^='{within}-field-']") if within else page
    return scope.locator(f"[id^='{name}-field-']").nth(index)


def _choose(page, name: str, text: str, within: str | None = None) -> None:
    box = _field(page, name, 0, within)
    box.click()
    box.fill(text)
    page.keyboard.press("Enter")


def _save(page) -> None:
    page.get_by_role("button", name="Speichern").first.click()
    page.get_by_text("Änderungen gespeichert").first.wait_for()


def test_editor_creates_an_initiative_as_a_merge_request_that_passes_every_check(editor, workspace, tmp_path):
    page, url, _ = editor
    project, _, main_before = workspace
    page.goto(url + "bearbeiten/#/collections/initiativen/new")
    _field(page, "name").fill("Industriebündnis Musterstadt")
    _choose(page, "typ", "Mischtyp")
    _choose(page, "ebene", "Lokal")
    _choose(page, "quelle", "studie-2018", within="einordnung")
    _field(page, "stelle", within="einordnung").fill("III.2.3, Tabelle 1")
    page.get_by_role("button", name="beschreibung hinzufügen").click()
    _field(page, "text", within="beschreibung").fill("Ein Bündnis von Stadt, Kammern und Gewerkschaften: ein Test.")
    _choose(page, "quelle", "studie-2018", within="beschreibung")
    _field(page, "stelle", within="beschreibung").fill("III.2.2")
    _save(page)

    branch = "cms/initiativen/industriebundnis-musterstadt"
    path = "initiatives/industriebundnis-musterstadt.yaml"
    written = _git(project, "show", f"{branch}:{path}")
    assert yaml.safe_load(written) == {
        "name": "Industriebündnis Musterstadt", "typ": "mischtyp", "ebene": "lokal",
        "einordnung": {"quelle": "studie-2018", "stelle": "III.2.3, Tabelle 1"},
        "beschreibung": [{"text": "Ein Bündnis von Stadt, Kammern und Gewerkschaften: ein Test.",
                          "quelle": "studie-2018", "stelle": "III.2.2"}],
    }
    assert _git(project, "rev-parse", "main").strip() == main_before, "main must stay unchanged"
    assert _git(project, "branch", "--show-current").strip() == "main"

    checkout = tmp_path / "zweig"
    _git(project, "worktree", "add", "-q", str(checkout), branch)
    assert pruefen([], root=checkout) == 0
    assert formatieren(["--pruefen"], root=checkout) == 0
    result = build_site(checkout, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    profile = (tmp_path / "site" / "initiativen" / "industriebundnis-musterstadt" / "index.html").read_text(encoding="utf-8")
    assert "Industriebündnis Musterstadt" in profile and "Ein Bündnis von Stadt, Kammern und Gewerkschaften" in profile


def test_changing_one_field_changes_only_that_line(editor, workspace):
    page, url, _ = editor
    project, _, _ = workspace
    page.goto(url + "bearbeiten/#/collections/initiativen/entries/lokale-allianz-dormagen")
    stelle = _field(page, "stelle", within="einordnung")
    old = stelle.input_value()
    stelle.fill(old + " (S. 20)")
    _save(page)
    diff = _git(project, "diff", "--unified=0", "main", "cms/initiativen/lokale-allianz-dormagen")
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert len(changed) == 2, diff
    assert changed[0].startswith("-") and old in changed[0] and "stelle" in changed[0]
    assert changed[1].startswith("+") and f"{old} (S. 20)" in changed[1]


def test_an_invalid_value_shows_the_german_message_and_is_not_saved(editor, workspace):
    page, url, _ = editor
    project, _, _ = workspace
    # Every branch with its commit (not which one is checked out: decap-server switches while it answers the page).
    branches_before = _git(project, "for-each-ref", "--format=%(refname) %(objectname)", "refs/heads/")
    page.goto(url + "bearbeiten/#/collections/initiativen/new")
    _field(page, "name").fill("Ungültige Initiative")
    _choose(page, "typ", "Mischtyp")
    _choose(page, "ebene", "Lokal")
    _choose(page, "quelle", "studie-2018", within="einordnung")
    _field(page, "stelle", within="einordnung").fill("III.2.3")
    _field(page, "chronik").get_by_role("button", name="chronik hinzufügen").click()
    _field(page, "datum", within="chronik").fill("29.04.2013")
    page.get_by_role("button", name="Speichern").first.click()
    message = page.get_by_text(re.compile("Datum entspricht nicht dem Muster", re.IGNORECASE))
    message.first.wait_for()
    assert "JJJJ, JJJJ-MM oder JJJJ-MM-TT" in message.first.text_content()
    page.get_by_text("Oops, einige zwingend erforderliche Felder sind nicht ausgefüllt.").wait_for()
    assert _git(project, "for-each-ref", "--format=%(refname) %(objectname)", "refs/heads/") == branches_before
