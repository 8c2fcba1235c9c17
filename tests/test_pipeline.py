"""The pipeline's site cache: a build whose inputs are unchanged reuses the last generated site, and any change
to an input (`data.fingerprint`) generates it again, so a cached site is never stale."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, copy_project
from wissensplattform.data import buildcache, fingerprint
from wissensplattform.data.catalog import DATA_DIRECTORIES, SOURCES_FILE
from wissensplattform.data.fingerprint import DATA_FILES, OTHER_FILES, site_key
from wissensplattform.outputs import store
from wissensplattform.pages import rendering
from wissensplattform.pages.page import GeneratedPage
from wissensplattform.pipeline import Site

# Records every file and folder the generation opens for reading or lists, and every program it starts. What no
# longer exists afterwards was the generation's own scratch (temporary files, and the names `shutil.rmtree` opens
# relative to a folder while it deletes it).
AUDIT = """
import json, os, sys
from pathlib import Path
read, programs = set(), []
def audit(event, args):
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        if not (isinstance(args[1], str) and set(args[1]) & set("wax+")) and not (args[2] or 0) & (os.O_WRONLY | os.O_RDWR):
            read.add(os.path.abspath(os.fsdecode(args[0])))
    elif event in ("os.listdir", "os.scandir") and isinstance(args[0], (str, bytes, os.PathLike)):
        read.add(os.path.abspath(os.fsdecode(args[0])))
    elif event == "subprocess.Popen":
        programs.append(os.path.basename(os.fsdecode(args[0])))
sys.addaudithook(audit)
from wissensplattform.pipeline import Site
Site.generate(Path.cwd())
print(json.dumps({"read": sorted(p for p in read if os.path.exists(p)), "programs": programs}))
"""
# Read, but not what the site is made of: the null device (a child's input) and the system's table of MIME types,
# which Python's `mimetypes` reads when it is first used.
SYSTEM_FILES = (Path("/dev/null"), Path("/etc/mime.types"))


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "projekt")


@pytest.fixture
def cache_root(tmp_path, monkeypatch) -> Path:
    root = tmp_path / "build-cache"
    monkeypatch.setattr(buildcache, "CACHE_ROOT", root)
    return root


def _never(*args, **kwargs):
    raise AssertionError("generated again although nothing the site is made of changed")


def test_the_key_names_every_file_the_generation_reads(project):
    """Whatever the generation reads lies in the key's inputs, or in Python and its libraries (named in the
    key by version) or in the build cache (whose entries are keyed by their own inputs)."""
    result = subprocess.run([sys.executable, "-c", AUDIT], cwd=project, capture_output=True, text=True, check=True)
    audit = json.loads(result.stdout.splitlines()[-1])
    named = [project / name for name in (*DATA_FILES, *OTHER_FILES, "mkdocs.yml")] + [project / "wissensplattform"]
    elsewhere = [Path(sys.prefix), Path(sys.base_prefix), project / buildcache.CACHE_ROOT.name]
    unnamed = [path for path in map(Path, audit["read"])
               if not any(path == base or base in path.parents for base in named + elsewhere)
               and path not in (project, project / "wissen", *SYSTEM_FILES)]  # the project folders are only listed
    assert not unnamed, "\n".join(map(str, unnamed))
    # git log for the "Stand" (git's HEAD is in the key); gcc, ld and ldconfig are how ctypes finds the system's
    # shared libraries when WeasyPrint loads Pango. Like the PDF cache, the key leaves out those libraries' versions.
    assert set(audit["programs"]) <= {"git", "gcc", "ld", "ldconfig"}


def test_every_data_folder_of_the_catalogue_is_in_the_key():
    for name in (SOURCES_FILE, *DATA_DIRECTORIES):
        assert any(name == base or name.startswith(base + "/") for base in DATA_FILES), name


@pytest.mark.parametrize("change", ["edit", "add", "remove", "config", "release", "package"])
def test_any_changed_input_is_a_new_key(project, monkeypatch, change):
    monkeypatch.setattr(fingerprint, "PACKAGE", project / "wissensplattform")
    before = site_key(project)
    initiative = next((project / "initiatives").glob("*.yaml"))
    if change == "edit":
        initiative.write_text(initiative.read_text(encoding="utf-8").replace("name: ", "name: X", 1), encoding="utf-8")
    elif change == "add":
        (project / "wissen" / "kriterien" / "neu.yaml").write_text("titel: Neu\n", encoding="utf-8")
    elif change == "remove":
        initiative.unlink()
    elif change == "config":
        with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
            config.write("\nextra_css: []\n")
    elif change == "release":
        monkeypatch.setenv("WISSENSPLATTFORM_RELEASE", "1")
    elif change == "package":
        template = next((project / "wissensplattform" / "templates").rglob("*.j2"))
        template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert site_key(project) != before


def test_the_day_a_data_file_changed_is_in_the_key(project):
    # A file git does not know shows the day it was modified as its "Stand".
    before = site_key(project)
    initiative = next((project / "initiatives").glob("*.yaml"))
    os.utime(initiative, (0, 0))
    assert site_key(project) != before


def test_an_unchanged_site_comes_from_the_cache_with_its_outputs_and_notes(project, cache_root, monkeypatch, caplog):
    with caplog.at_level(logging.INFO, logger="mkdocs.wissensplattform"):
        first = Site.load(project)
    said = [record.getMessage() for record in caplog.records]
    assert any("Rechtliche Angaben fehlen" in line for line in said)  # the copy's mkdocs.yml leaves them empty
    caplog.clear()
    monkeypatch.setattr(Site, "generate", _never)
    with caplog.at_level(logging.INFO, logger="mkdocs.wissensplattform"):
        again = Site.load(project)
    assert [record.getMessage() for record in caplog.records] == said
    assert [(p.src_path, p.content, p.search) for p in again.pages] == [(p.src_path, p.content, p.search)
                                                                         for p in first.pages]
    assert again.outputs == first.outputs and "downloads/steckbrief-" in " ".join(again.outputs)


def test_outputs_are_copied_into_the_site_as_they_were_written(project, cache_root, tmp_path):
    site = Site.load(project)
    site_dir = tmp_path / "site"
    site.write_outputs(site_dir)
    written = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file())
    assert written == sorted(site.outputs)
    geojson = json.loads((site_dir / "daten" / "initiativen.geojson").read_text(encoding="utf-8"))
    assert len(geojson["features"]) > 0


def test_a_changed_input_generates_the_site_again(project, cache_root):
    first = Site.load(project)
    initiative = project / "initiatives" / "aachener-industrie-dialog.yaml"
    initiative.write_text(initiative.read_text(encoding="utf-8").replace("name: ", "name: Neu ", 1), encoding="utf-8")
    again = Site.load(project)
    profile = next(p for p in again.pages if p.src_path == "initiativen/aachener-industrie-dialog/index.md")
    assert "Neu " in profile.content
    assert again.outputs != first.outputs  # the open data and the PDF Steckbrief name it too


def test_a_site_whose_outputs_were_pruned_is_generated_again(project, cache_root, monkeypatch):
    first = Site.load(project)
    (buildcache.cache_folder(store.STORE) / next(iter(first.outputs.values()))).unlink()
    generated = []
    real = Site.generate.__func__
    monkeypatch.setattr(Site, "generate", classmethod(lambda cls, root: generated.append(root) or real(cls, root)))
    again = Site.load(project)
    assert generated == [project] and store.complete(again.outputs)


def test_a_warm_build_imports_neither_the_data_models_nor_the_generators(tmp_path):
    """In a new process, as `make build` runs: the site the first load kept is the whole generated part."""
    script = (
        "import sys\nfrom pathlib import Path\nfrom wissensplattform.pipeline import Site\n"
        f"site = Site.load(Path({str(ROOT)!r}))\nsite.write_outputs(Path({str(tmp_path)!r}))\n"
        "print(' '.join(name for name in ('pydantic', 'wissensplattform.data.catalog', 'wissensplattform.pages.generators')"
        " if name in sys.modules))\n"
    )
    for _ in range(2):  # the first may generate (another test may have changed an input); the second must not
        result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_a_rebuild_in_one_process_renders_again_exactly_what_changed(project, cache_root, monkeypatch, tmp_path):
    """`mkdocs serve` generates the site again after each edit in the same process: an unchanged profile is the
    page of the previous build, a changed initiative or a changed template is rendered again."""
    templates = tmp_path / "templates"
    shutil.copytree(rendering.TEMPLATES, templates)
    monkeypatch.setattr(rendering, "TEMPLATES", templates)

    def profiles() -> dict[str, GeneratedPage]:
        rendering.reset()  # as Site.load does for each build
        return {p.src_path: p for p in Site.generate(project).pages if p.src_path.startswith("initiativen/")
                and p.finished_html and p.src_path != "initiativen/index.md"}

    first = profiles()
    initiative = project / "initiatives" / "aachener-industrie-dialog.yaml"
    initiative.write_text(initiative.read_text(encoding="utf-8").replace("name: ", "name: Neu ", 1), encoding="utf-8")
    second = profiles()
    changed = "initiativen/aachener-industrie-dialog/index.md"
    assert "Neu Aachener" in second[changed].content and "Neu Aachener" not in first[changed].content
    assert [path for path in first if second[path] is not first[path]] == [changed]
    template = templates / "profile.html.j2"
    template.write_text(template.read_text(encoding="utf-8") + "<!-- geänderte Vorlage -->\n", encoding="utf-8")
    third = profiles()
    assert all("geänderte Vorlage" in page.content for page in third.values())
