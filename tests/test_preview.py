"""The preview for change requests: opens from a folder (file://) in Chromium; the CI files that build it."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import pytest
import yaml

from conftest import ROOT
from wissensplattform.outputs.csp import inline_scripts, script_hash
from wissensplattform.outputs.linkcheck import parse
from wissensplattform.builders.preview import README_NAME, browsable_html, browsable_search_index, file_url, main

CI_FILES = [ROOT / ".gitlab-ci.yml", *sorted((ROOT / ".github" / "workflows").glob("*.yml"))]
PROFILE = "Lokale Allianz Dormagen"


@pytest.mark.parametrize("url, expected", [
    ("../initiativen/", "../initiativen/index.html"),
    ("x/#anker", "x/index.html#anker"),
    ("../karte/?typ=lokal#karte", "../karte/index.html?typ=lokal#karte"),
    ("..", "../index.html"),
    ("../..", "../../index.html"),
    (".", "./index.html"),
    ("./", "./index.html"),
    ("../downloads/steckbrief.pdf", "../downloads/steckbrief.pdf"),
    ("#anker", "#anker"),
    ("?seite=2", "?seite=2"),
    ("", ""),
    ("/impressum/", "/impressum/"),
    ("https://www.example.org/", "https://www.example.org/"),
    ("//cdn.example.org/x/", "//cdn.example.org/x/"),
    ("mailto:redaktion@example.org", "mailto:redaktion@example.org"),
])
def test_relative_directory_links_name_their_index_file(url, expected):
    assert file_url(url) == expected


def test_only_links_change_and_scripts_stay_byte_for_byte():
    script = '<script>var s = \'<a href="../x/">\'; if (a < b && c > d) {}</script>'
    page = (
        '<!doctype html>\r\n<html><head><link rel="prev" href=".."><link rel="canonical" href="https://e.org/x/">'
        f"{script}</head><body>\n"
        "<a href='../a/?q=1&amp;r=2#f' class=x>A</a> <a href=b/>B</a> <a href=\"#top\">T</a>\n"
        '<div data-basis=".."></div><form action="./" method="get"></form><a href="c.pdf">C</a></body></html>'
    )
    assert browsable_html(page) == (
        '<!doctype html>\r\n<html><head><link rel="prev" href="../index.html">'
        f'<link rel="canonical" href="https://e.org/x/">{script}</head><body>\n'
        "<a href='../a/index.html?q=1&amp;r=2#f' class=x>A</a> <a href=b/index.html>B</a> <a href=\"#top\">T</a>\n"
        '<div data-basis=".."></div><form action="./index.html" method="get"></form><a href="c.pdf">C</a>'
        "</body></html>"
    )


def test_search_results_open_files_from_the_site_root():
    index = {"config": {"lang": ["de"]}, "docs": [{"location": "", "title": "Start"},
                                                  {"location": "#ziele", "title": "Ziele"},
                                                  {"location": "initiativen/x/#akteure", "title": "Akteure"}]}
    assert [doc["location"] for doc in browsable_search_index(index)["docs"]] == [
        "index.html", "index.html#ziele", "initiativen/x/index.html#akteure"]


@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> Path:
    """The preview of the real project, built by the same entry point as `scripts/vorschau`."""
    folder = tmp_path_factory.mktemp("vorschau")
    assert main([str(folder)]) == 0
    return folder


def test_every_relative_link_of_the_preview_names_a_file(preview):
    unresolved = []
    for page in preview.rglob("*.html"):
        for link in parse(page).links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or parts.path.startswith("/") or not parts.path:
                continue
            if not (page.parent / unquote(parts.path)).is_file():
                unresolved.append(f"{page.relative_to(preview)}: {link}")
    assert not unresolved, unresolved[:10]
    assert "Karte" in (preview / README_NAME).read_text(encoding="utf-8")


def test_inline_scripts_still_match_their_content_security_policy(preview):
    for page in preview.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', text)
        if policy:
            assert all(script_hash(script) in policy.group(1) for script in inline_scripts(text)), page


def test_editor_navigates_from_index_html_to_a_profile_without_a_server(preview, page):
    page.goto((preview / "index.html").as_uri())
    pages = [_links_resolve_to_files(page, preview)]
    page.get_by_role("navigation").get_by_role("link", name="Initiativen", exact=True).first.click()
    page.wait_for_url((preview / "initiativen" / "index.html").as_uri())  # and for the page to load
    pages.append(_links_resolve_to_files(page, preview))
    page.get_by_role("link", name=PROFILE, exact=True).first.click()
    page.wait_for_url((preview / "initiativen" / "lokale-allianz-dormagen" / "index.html").as_uri())
    assert page.get_by_role("heading", level=1).inner_text() == PROFILE
    pages.append(_links_resolve_to_files(page, preview))
    assert all(count > 20 for count in pages), pages


def _links_resolve_to_files(page, preview: Path) -> int:
    """Check every link of the open page that stays in the preview; return how many there were."""
    urls = page.eval_on_selector_all("a[href], link[href]", "elements => elements.map(e => e.href)")
    local = [urlsplit(url).path for url in urls if url.startswith("file:")]
    missing = [path for path in local if not Path(url2pathname(path)).is_file()]
    assert not missing, (page.url, missing[:10])
    assert all(Path(url2pathname(path)).is_relative_to(preview) for path in local)
    return len(local)


@pytest.mark.parametrize("ci_file", CI_FILES, ids=lambda path: path.name)
def test_ci_files_parse_and_name_existing_scripts_and_targets(ci_file):
    text = ci_file.read_text(encoding="utf-8")
    config = yaml.safe_load(text)
    jobs = config["jobs"] if "jobs" in config else config
    assert "vorschau" in jobs
    scripts = set(re.findall(r"\.venv/bin/python scripts/([\w-]+)", text))
    assert "vorschau" in scripts
    assert all((ROOT / "scripts" / name).is_file() for name in scripts), scripts
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^\s*-?\s*(?:run:\s*)?make ([\w-]+)", text, re.MULTILINE))
    assert all(re.search(rf"^{target}:", makefile, re.MULTILINE) for target in targets), targets
