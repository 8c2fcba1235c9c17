"""Rebuilds in one process, as `mkdocs serve` makes them: a Markdown page that did not change keeps its
conversion (`builders.converted`) and its search entries (`builders.indexed`), and the rebuilt site is the same
as a new build's, warnings included."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from material.plugins.search.plugin import SearchIndex
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from conftest import ROOT, copy_project
from wissensplattform.builders import mkdocs as adapter
from wissensplattform.builders.converted import ConvertedPages
from wissensplattform.builders.indexed import IndexedPages

TARGET = "probe/ziel.md"
LINKING = "probe/verweis.md"


def _write(project: Path, page: str, text: str) -> None:
    path = project / "docs" / page
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    project = copy_project(tmp_path / "projekt")
    _write(project, TARGET, "# Ziel\n\n## Abschnitt\n\nText.\n")
    _write(project, LINKING, "# Verweis\n\n[Zum Abschnitt](ziel.md#abschnitt).\n")
    _new_session(monkeypatch)
    return project


def _new_session(monkeypatch) -> None:
    """Nothing kept yet, as in a new process."""
    monkeypatch.setattr(adapter, "_converted", ConvertedPages())
    monkeypatch.setattr(adapter, "_indexed", IndexedPages())


@pytest.fixture
def converted(monkeypatch) -> list[str]:
    """The Markdown of every page Python-Markdown converts (finished pages and kept ones pass "")."""
    texts: list[str] = []
    convert = markdown.Markdown.convert

    def recording(self, source: str) -> str:
        if source:
            texts.append(source)
        return convert(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", recording)
    return texts


@pytest.fixture
def searched(monkeypatch) -> list[str]:
    """The page of every HTML Material's search plugin parses into entries."""
    pages: list[str] = []
    add = SearchIndex.add_entry_from_context

    def recording(self, page) -> None:
        pages.append(page.file.src_uri)
        add(self, page)

    monkeypatch.setattr(SearchIndex, "add_entry_from_context", recording)
    return pages


def _build(project: Path, site_dir: Path, strict: bool = True) -> None:
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=strict))


def _pages(site_dir: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site_dir)): path.read_bytes()
            for pattern in ("*.html", "search_index.json") for path in site_dir.rglob(pattern)}


def _warnings(caplog, page: str) -> list[str]:
    return [record.getMessage() for record in caplog.records
            if record.levelno >= logging.WARNING and f"'{page}'" in record.getMessage()]


def test_a_rebuild_converts_and_indexes_only_the_changed_page_and_builds_the_same_site_as_a_new_build(
        project, converted, searched, tmp_path, monkeypatch):
    _build(project, tmp_path / "erster")
    assert any(text.startswith("# Verweis") for text in converted) and LINKING in searched
    _write(project, TARGET, "# Ziel\n\n## Abschnitt\n\nText, geändert.\n")
    converted.clear()
    searched.clear()
    _build(project, tmp_path / "neubau")
    assert converted == ["# Ziel\n\n## Abschnitt\n\nText, geändert.\n"]
    assert searched == [TARGET]

    _new_session(monkeypatch)
    _build(project, tmp_path / "neu")
    assert len(converted) > 1 and len(searched) > 1  # a new session converts and indexes every page
    rebuilt, new = _pages(tmp_path / "neubau"), _pages(tmp_path / "neu")
    assert "probe/verweis/index.html" in rebuilt and "initiativen/aachener-industrie-dialog/index.html" in rebuilt
    assert rebuilt == new


def test_a_kept_page_still_warns_about_its_links_and_follows_the_pages_it_links_to(project, converted, tmp_path,
                                                                                   caplog):
    caplog.set_level(logging.INFO)
    _write(project, LINKING, "# Verweis\n\n[Zum Abschnitt](ziel.md#abschnitt) und [dahin](fehlt.md).\n")
    site = tmp_path / "site"
    with pytest.raises(Abort, match="1 warnings in strict mode"):
        _build(project, site)
    first = _warnings(caplog, LINKING)
    assert len(first) == 1 and "fehlt.md" in first[0]

    # Kept, the page's warning is repeated: the strict build fails again, and the page was not converted again.
    caplog.clear()
    converted.clear()
    with pytest.raises(Abort, match="1 warnings in strict mode"):
        _build(project, site)
    assert not any(text.startswith("# Verweis") for text in converted)
    assert _warnings(caplog, LINKING) == first

    # The linked page loses the anchor: the unchanged page is not converted again, and its link is reported.
    _write(project, TARGET, "# Ziel\n\n## Anderer Abschnitt\n\nText.\n")
    caplog.clear()
    converted.clear()
    _build(project, site, strict=False)
    assert converted == ["# Ziel\n\n## Anderer Abschnitt\n\nText.\n"]
    second = _warnings(caplog, LINKING)
    assert first[0] in second and any("does not contain an anchor '#abschnitt'" in line for line in second)

    # The missing page appears: the site's files changed, so the linking page is converted anew, without warning.
    _write(project, "probe/fehlt.md", "# Jetzt da\n")
    _write(project, TARGET, "# Ziel\n\n## Abschnitt\n\nText.\n")
    caplog.clear()
    converted.clear()
    _build(project, site)
    assert any(text.startswith("# Verweis") for text in converted)
    assert _warnings(caplog, LINKING) == []


def test_the_first_build_of_mkdocs_serve_prepares_for_the_rebuilds_after_each_change():
    """`mkdocs build` takes an unchanged site from the build cache, without the data models or the generators.
    The first build of `mkdocs serve` generates it all the same, with WeasyPrint loaded: the first change then
    waits no longer than the later ones, which reuse what the generation keeps in memory."""
    def first_build(command: str) -> str:
        script = ("import sys\nfrom mkdocs.config import load_config\nfrom wissensplattform.builders import mkdocs\n"
                  f"mkdocs.on_startup(command={command!r}, dirty=False)\nmkdocs.on_config(load_config('mkdocs.yml'))\n"
                  "print(' '.join(m for m in ('wissensplattform.pages.generators', 'weasyprint') if m in sys.modules))")
        return subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()

    first_build("build")  # may generate: another test may have changed an input
    assert first_build("build") == ""
    assert first_build("serve") == "wissensplattform.pages.generators weasyprint"


def test_with_an_extension_that_reads_other_files_every_page_is_converted_in_every_build(project, converted,
                                                                                          tmp_path):
    """`pymdownx.snippets` includes other files into a page: its Markdown alone no longer decides its HTML."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "markdown_extensions:\n", "markdown_extensions:\n  - pymdownx.snippets\n", 1), encoding="utf-8")
    _build(project, tmp_path / "erster")
    first = sorted(converted)
    converted.clear()
    _build(project, tmp_path / "zweiter")
    assert any(text.startswith("# Verweis") for text in first) and sorted(converted) == first
