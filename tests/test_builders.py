"""Two builders, one site: Zensical builds the same pages and downloads as MkDocs, with the CSP, search and map."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project, serve
from test_map import block_other_hosts, open_map
from wissensplattform.outputs.csp import PLACEHOLDER

# What only one builder writes: its theme bundle, its search index, its compressed sitemap.
BUILDER_OWN = ("assets/javascripts/", "assets/stylesheets/", "search/", "search.json", "sitemap.xml.gz")


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("zensical") / "projekt")
    result = subprocess.run([sys.executable, "-m", "wissensplattform.builders.zensical"], cwd=project,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def _files(site: Path) -> set[str]:
    files = {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}
    return {f for f in files if not f.startswith(BUILDER_OWN) and not f.startswith("assets/images/")}


def test_both_builders_write_the_same_pages_and_downloads(site, zensical_site):
    mkdocs, zensical = _files(site), _files(zensical_site)
    assert mkdocs == zensical, {"nur MkDocs": sorted(mkdocs - zensical)[:20], "nur Zensical": sorted(zensical - mkdocs)[:20]}
    assert {"initiativen/lokale-allianz-dormagen/index.html", "bearbeiten/config.yml", "robots.txt"} <= zensical
    assert any(name.endswith(".pdf") for name in zensical) and any(name.endswith(".geojson") for name in zensical)


def test_every_zensical_page_carries_its_policy(zensical_site):
    pages = list(zensical_site.rglob("*.html"))
    assert len(pages) > 80
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert PLACEHOLDER not in html, page
        assert 'http-equiv="Content-Security-Policy"' in html, page


def test_zensical_search_finds_a_profile_by_its_name_once(zensical_site):
    items = json.loads((zensical_site / "search.json").read_text(encoding="utf-8"))["items"]
    hits = [item["location"] for item in items if item["title"] == "Lokale Allianz Dormagen"]
    # The profile once (the project's entry replaces Zensical's own); criteria pages have sections of that name.
    assert hits.count("initiativen/lokale-allianz-dormagen/") == 1
    sections = [item for item in items if item["location"].startswith("initiativen/lokale-allianz-dormagen/#")]
    assert sections and all(item["level"] == 2 and item["path"] == ["Lokale Allianz Dormagen"] for item in sections)


def test_zensical_map_works_without_third_party_requests(zensical_site, page):
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    with serve(zensical_site) as url:
        outside = block_other_hosts(page, url)
        open_map(page, url + "karte/")
        assert page.evaluate("wpKarte.markerCount()") > 0
        page.goto(url + "initiativen/lokale-allianz-dormagen/")
        assert page.locator("h1").first.inner_text() == "Lokale Allianz Dormagen"
    assert not outside and not violations, (outside, violations)


def _build_with_zensical(project: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "wissensplattform.builders.zensical"], cwd=project,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_zensical_rebuild_shows_changed_data_and_changed_templates(tmp_path):
    """The Zensical build keeps Zensical's cache between builds: what changed, a data file or a template
    override, still shows on every page it concerns, and every page gets its policy again."""
    project = copy_project(tmp_path / "projekt")
    _build_with_zensical(project)
    initiative = project / "initiatives" / "aachener-industrie-dialog.yaml"
    initiative.write_text(initiative.read_text(encoding="utf-8").replace("name: ", "name: Neu ", 1), encoding="utf-8")
    template = project / "overrides" / "main.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("{% block site_meta %}", "{% block site_meta %}<!-- geänderte Vorlage -->", 1),
                        encoding="utf-8")
    _build_with_zensical(project)
    profile = (project / "site" / "initiativen" / "aachener-industrie-dialog" / "index.html").read_text(encoding="utf-8")
    assert "Neu Aachener" in profile
    pages = list((project / "site").rglob("index.html"))
    assert all("geänderte Vorlage" in page.read_text(encoding="utf-8") for page in pages)
    assert not [page for page in pages if PLACEHOLDER in page.read_text(encoding="utf-8")]
