"""The map page (/karte/), the profiles' mini-maps and their privacy rules, on the built site in Chromium."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from playwright.sync_api import expect
from ruamel.yaml import YAML
from shapely.geometry import Point, shape

from conftest import ROOT, build_site, copy_project
from wissensplattform.data.load import load_catalog
from wissensplattform.data.kreise import KREISE_FILE, LAENDER_SCHLUESSEL, find_kreis, kreise
from wissensplattform.data.laender import LAENDER_FILE, laender
from wissensplattform.data.problems import DataError
from benchmarks.sandbox import serve
from wissensplattform.data.models.initiative import Ebene
from wissensplattform.data.positions import LAGE_IM_LAND_OFFEN, Lage, locate
from wissensplattform.data.study import table_1

TILE_HOST = "tile.openstreetmap.org"
# How the map page draws each kind of placement (`wpKarte.placements()`).
ART = {Lage.ORT: "punkt", Lage.GEBIET: "flaeche", Lage.LAND: "land"}
# The districts the data names, with their keys (each checked against the study in the test below).
GEBIETE = {
    "chemie-am-hochrhein": {"08336", "08337"},
    "industrie-zukunft-in-lippe": {"05766"},
    "industriedialog-rhein-mosel": {"07137", "07138"},
    "industrievereinigung-odenwaldkreis": {"06437"},
}
VIEWPORTS = [(360, 640), (1280, 800), (1920, 1080)]
CONSENT_BUTTON = "Hintergrundkarte von OpenStreetMap laden"
# Table 1 of the study, cell Mischtyp × Lokal (III.2.3), as the issue names it.
MISCHTYP_LOKAL = {
    "Masterplan Industrie der Stadt Frankfurt am Main",
    "Stärkungsinitiative Industrie (Mülheim an der Ruhr)",
    "Unternehmensnetzwerk Motzener Straße e.V.",
    "Aachener Industrie-Dialog",
}


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT)


class ListItems(HTMLParser):
    """The entries of the list under the map, as the HTML from the build has them (no JavaScript)."""

    def __init__(self):
        super().__init__()
        self.items: list[dict] = []
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "ul" and attrs.get("id") == "wp-karte-liste":
            self._depth = 1
        elif tag == "li" and self._depth:
            self.items.append({**attrs, "text": ""})

    def handle_endtag(self, tag):
        if tag == "ul" and self._depth:
            self._depth = 0

    def handle_data(self, data):
        if self._depth and self.items:
            self.items[-1]["text"] += data


def list_items(site: Path) -> list[dict]:
    parser = ListItems()
    parser.feed((site / "karte" / "index.html").read_text(encoding="utf-8"))
    return parser.items


def open_map(page, url: str) -> None:
    """Load a map page and wait until its markers and Länder outlines are drawn."""
    page.goto(url)
    page.wait_for_selector("[data-wp-karte][data-wp-bereit=ja]", state="attached")


def block_other_hosts(page, base: str) -> list[str]:
    """Abort every request that is not to the site itself (nothing really goes out); return their URLs."""
    outside: list[str] = []

    def handle(route):
        url = route.request.url
        if url.startswith(base) or url.startswith("data:"):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    page.route("**/*", handle)
    return outside


def test_list_under_the_map_is_in_the_html_with_every_initiative(site, catalog):
    items = {item["data-kennung"]: item for item in list_items(site)}
    assert set(items) == {entry.slug for entry in catalog.entries}
    for entry in catalog.entries:
        item, verortung = items[entry.slug], locate(entry.initiative)
        assert entry.initiative.name in item["text"]
        assert ("ohne Ort in den Quellen" in item["text"]) == (verortung is None), entry.slug
        im_land = verortung is not None and verortung.hinweis == LAGE_IM_LAND_OFFEN
        assert (LAGE_IM_LAND_OFFEN in item["text"]) == im_land, entry.slug
        if verortung is not None and verortung.lage is Lage.GEBIET:
            assert all(kreis.bezeichnung in item["text"] for kreis in verortung.kreise), entry.slug


def test_filters_are_labelled_form_controls(site):
    html = (site / "karte" / "index.html").read_text(encoding="utf-8")
    for name in ("typ", "ebene", "land", "name"):
        control = re.search(rf'<(select|input)[^>]*id="(wp-filter-{name})"[^>]*name="{name}"', html)
        assert control, name
        assert f'<label for="{control.group(2)}">' in html


def test_map_holds_every_initiative_as_point_area_or_land_and_the_rest_in_the_box(server, page, catalog):
    expected = {entry.slug: locate(entry.initiative) for entry in catalog.entries}
    block_other_hosts(page, server)
    open_map(page, server + "karte/")
    placements = {p["kennung"]: p for p in page.evaluate("wpKarte.placements()")}
    in_the_box = page.evaluate("wpKarte.withoutPlace()")
    # All 40: each exactly once, on the map or in the box beside it.
    assert len(expected) == 40
    assert set(placements) | set(in_the_box) == set(expected) and not set(placements) & set(in_the_box)
    assert len(in_the_box) == len(set(in_the_box))
    for slug, verortung in expected.items():
        if verortung is None:
            assert slug in in_the_box
        else:
            assert placements[slug]["art"] == ART[verortung.lage] and placements[slug]["sichtbar"], slug
    kinds = {art: sum(p["art"] == art for p in placements.values()) for art in ART.values()}
    assert kinds == {"punkt": 11, "flaeche": 4, "land": 21}
    assert sorted(in_the_box) == ["dialog-schafft-zukunft", "industry-at-work", "initiativkreis-oberes-wiesental",
                                  "partnernetzwerk-wirtschaft-4-0"]
    assert page.evaluate("wpKarte.visibleCount()") == len(placements)
    assert page.locator("path.wp-gebiet").count() == 4
    box = page.locator("#wp-ohne-ort > li:not([hidden]) > a").all_inner_texts()
    assert sorted(box) == sorted(e.initiative.name for e in catalog.entries if expected[e.slug] is None)


def test_filter_mischtyp_lokal_shows_the_four_initiatives_of_table_1(server, page, catalog):
    expected = {name for name, cell in table_1().items() if cell == ("mischtyp", "lokal")}
    assert expected == MISCHTYP_LOKAL
    block_other_hosts(page, server)
    open_map(page, server + "karte/?typ=mischtyp&ebene=lokal")
    assert page.locator("#wp-filter-typ").input_value() == "mischtyp"
    assert page.locator("#wp-filter-ebene").input_value() == "lokal"
    shown = page.locator("#wp-karte-liste > li:not([hidden]) > a").all_inner_texts()
    assert set(shown) == MISCHTYP_LOKAL and len(shown) == 4
    with_position = sum(1 for e in catalog.entries if e.initiative.name in MISCHTYP_LOKAL and locate(e.initiative))
    assert page.evaluate("wpKarte.visibleCount()") == with_position
    assert "4 von" in page.locator("#wp-treffer").inner_text()


def test_filters_update_list_map_and_url_together(server, page, catalog):
    block_other_hosts(page, server)
    open_map(page, server + "karte/")
    page.select_option("#wp-filter-ebene", "landesweit")
    assert "ebene=landesweit" in page.url
    landesweit = [e for e in catalog.entries if e.initiative.ebene is Ebene.LANDESWEIT]
    assert page.locator("#wp-karte-liste > li:not([hidden])").count() == len(landesweit)
    assert page.evaluate("wpKarte.visibleCount()") == sum(locate(e.initiative) is not None for e in landesweit)
    page.select_option("#wp-filter-ebene", "")
    name = catalog.entries[0].initiative.name
    page.fill("#wp-filter-name", name.upper())
    shown = page.locator("#wp-karte-liste > li:not([hidden]) > a").all_inner_texts()
    assert name in shown
    assert all(name.lower() in text.lower() for text in shown)
    assert "name=" in page.url and "ebene" not in page.url


def test_a_filter_url_applies_to_areas_land_signs_and_the_box(server, page, catalog):
    block_other_hosts(page, server)
    # Mischtyp × regional (Table 1): two areas (Hochrhein, Rhein-Mosel) and one Land sign (Initiativkreis Ruhr).
    open_map(page, server + "karte/?typ=mischtyp&ebene=regional")
    shown = {p["kennung"]: p["art"] for p in page.evaluate("wpKarte.placements()") if p["sichtbar"]}
    assert shown == {"chemie-am-hochrhein": "flaeche", "industriedialog-rhein-mosel": "flaeche",
                     "initiativkreis-ruhr": "land"}
    assert sorted(page.locator("path.wp-gebiet").evaluate_all("els => els.map(e => e.dataset.kennung)")) == [
        "chemie-am-hochrhein", "industriedialog-rhein-mosel"]
    assert page.evaluate("wpKarte.visibleCount()") == 3
    assert page.evaluate("wpKarte.withoutPlace()") == []
    assert page.locator("#wp-ohne-ort-leer").is_visible()
    # Changing the filter takes the areas off and puts the matching ones on, and the URL follows.
    page.select_option("#wp-filter-typ", "netzwerkorientiert")
    assert "typ=netzwerkorientiert" in page.url and "ebene=regional" in page.url
    assert page.locator("path.wp-gebiet").evaluate_all("els => els.map(e => e.dataset.kennung)") == [
        "industrievereinigung-odenwaldkreis"]
    # A Land: its areas, its Land signs (»Lage im Land nicht angegeben« among them), and nothing in the box.
    open_map(page, server + "karte/?" + urlencode({"land": "Nordrhein-Westfalen"}))
    shown = {p["kennung"]: p["art"] for p in page.evaluate("wpKarte.placements()") if p["sichtbar"]}
    nrw = {e.slug for e in catalog.entries if e.initiative.bundesland and e.initiative.bundesland.wert.value == "Nordrhein-Westfalen"}
    assert set(shown) == nrw
    assert shown["industrie-zukunft-in-lippe"] == "flaeche"
    assert shown["initiative-industrie-mittleres-ruhrgebiet"] == "land" and shown["initiativkreis-ruhr"] == "land"
    assert page.locator("#wp-karte-liste > li:not([hidden])").count() == len(nrw)
    # The box follows the filters too: the Land-wide ones without a Land.
    open_map(page, server + "karte/?ebene=landesweit")
    assert sorted(page.evaluate("wpKarte.withoutPlace()")) == ["dialog-schafft-zukunft", "partnernetzwerk-wirtschaft-4-0"]
    assert page.locator("#wp-ohne-ort > li:not([hidden])").count() == 2
    assert page.locator("#wp-ohne-ort-leer").is_hidden()


def test_land_signs_say_that_the_place_in_the_land_is_not_given(server, site, page, catalog):
    block_other_hosts(page, server)
    open_map(page, server + "karte/")
    im_land = [e for e in catalog.entries if (v := locate(e.initiative)) and v.hinweis == LAGE_IM_LAND_OFFEN]
    assert sorted(e.slug for e in im_land) == ["initiative-erfurter-kreuz", "initiative-industrie-mittleres-ruhrgebiet",
                                               "initiative-region-trier", "initiativkreis-ruhr", "wachstumsregion-ems-achse"]
    titles = page.evaluate("wpKarte.titles()")
    for entry in im_land:
        title = next(t for t in titles if t.startswith(entry.initiative.name + " ("))
        assert LAGE_IM_LAND_OFFEN in title and title.endswith("im Land"), title
        assert page.evaluate(f"wpKarte.openPopup({json.dumps(entry.slug)})")
        # The popup before fades out for a moment: take the one with this name.
        popup = page.locator(".leaflet-popup-content", has_text=entry.initiative.name)
        popup.wait_for()
        assert LAGE_IM_LAND_OFFEN in popup.inner_text()
    # The sign sits inside its Land, at the point the build gives for it.
    served = json.loads((site / "assets" / "karte" / "laender.geojson").read_text(encoding="utf-8"))
    outlines = laender()
    for feature in served["features"]:
        lat, lon = feature["properties"]["punkt"]
        assert outlines[feature["properties"]["name"]].contains(Point(lon, lat))


def test_an_area_opens_its_popup_from_the_keyboard(server, page):
    block_other_hosts(page, server)
    open_map(page, server + "karte/?" + urlencode({"name": "Chemie am Hochrhein"}))
    area = page.locator('path.wp-gebiet[data-kennung="chemie-am-hochrhein"]')
    assert area.get_attribute("tabindex") == "0" and area.get_attribute("role") == "button"
    assert area.get_attribute("aria-label").startswith("Chemie am Hochrhein (")
    assert "Landkreis Lörrach, Landkreis Waldshut" in area.get_attribute("aria-label")
    area.focus()
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert popup.locator("a").inner_text() == "Chemie am Hochrhein"
    assert "Gebiet: Landkreis Lörrach, Landkreis Waldshut" in popup.inner_text()


@pytest.mark.parametrize("width,height", VIEWPORTS)
def test_the_map_opens_on_germany_at_every_viewport(server, browser, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="de-DE")
    page = context.new_page()
    block_other_hosts(page, server)
    open_map(page, server + "karte/")
    west, south, east, north = _germany()
    box = page.evaluate("""([south, west, north, east]) => {
        const map = window[document.querySelector('[data-wp-karte]').dataset.karte];
        const sw = map.latLngToContainerPoint([south, west]), ne = map.latLngToContainerPoint([north, east]);
        const size = map.getSize();
        return {left: sw.x, bottom: sw.y, right: ne.x, top: ne.y, width: size.x, height: size.y};
    }""", [south, west, north, east])
    # Germany's bounding box is inside the map and fills most of it, in both directions.
    assert 0 <= box["left"] and box["right"] <= box["width"] and 0 <= box["top"] and box["bottom"] <= box["height"], box
    assert (box["right"] - box["left"]) / box["width"] >= 0.8, box
    assert (box["bottom"] - box["top"]) / box["height"] >= 0.8, box
    # On a desktop the map page has no navigation or table of contents beside it (on a phone the navigation
    # stays in its drawer), and the box of initiatives without a place stands beside the map.
    karte = page.locator(".wp-karte__karte").bounding_box()
    seite = page.locator(".wp-ohne-ort").bounding_box()
    if width >= 1220:
        assert page.locator(".md-sidebar--primary").is_hidden() and page.locator(".md-sidebar--secondary").is_hidden()
        assert seite["x"] >= karte["x"] + karte["width"] and seite["y"] < karte["y"] + karte["height"]
        content = page.locator(".md-content").bounding_box()
        assert karte["width"] + seite["width"] > 0.8 * content["width"]
    else:
        assert karte["width"] >= 0.9 * page.locator(".md-content").bounding_box()["width"]
    context.close()


def _germany() -> tuple[float, float, float, float]:
    """Germany's bounding box (west, south, east, north) from the Länder outlines."""
    from shapely.ops import unary_union

    return unary_union(list(laender().values())).bounds


def test_markers_areas_and_clusters_have_accessible_names(server, page, catalog):
    block_other_hosts(page, server)
    open_map(page, server + "karte/")
    titles = page.evaluate("wpKarte.titles()")
    remaining = list(titles)
    for entry in catalog.entries:
        verortung = locate(entry.initiative)
        if verortung and verortung.lage is not Lage.GEBIET:
            title = next(t for t in remaining if t.startswith(entry.initiative.name + " ("))
            remaining.remove(title)
    assert remaining == []
    labels = page.locator("path.wp-gebiet").evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    names = {e.initiative.name for e in catalog.entries if e.slug in GEBIETE}
    assert sorted(label.split(" (")[0] for label in labels) == sorted(names)
    # Once the clusters have settled, single markers plus the clusters' counts (plus the areas) are all on the map.
    page.wait_for_function("""() => {
        const clusters = [...document.querySelectorAll('.marker-cluster > div')];
        const inClusters = clusters.reduce((n, d) => n + parseInt(d.title, 10), 0);
        const areas = document.querySelectorAll('path.wp-gebiet').length;
        return inClusters + document.querySelectorAll('.wp-marker-huelle').length + areas === wpKarte.visibleCount();
    }""")
    for title in page.locator(".marker-cluster > div").evaluate_all("els => els.map(e => e.title)"):
        assert re.fullmatch(r"\d+ Initiativen", title)
    for label in page.locator(".wp-marker-huelle").evaluate_all("els => els.map(e => e.getAttribute('aria-label'))"):
        assert label in titles


@pytest.mark.parametrize("path", ["karte/", "initiativen/industriedialog-rhein-mosel/"])
def test_zoom_buttons_have_german_names(server, page, path):
    block_other_hosts(page, server)
    open_map(page, server + path)
    for selector, name in ((".leaflet-control-zoom-in", "Vergrößern"), (".leaflet-control-zoom-out", "Verkleinern")):
        button = page.locator(selector)
        expect(button).to_have_attribute("title", name)
        expect(button).to_have_accessible_name(name)


def test_legend_explains_shapes_in_words(site):
    html = (site / "karte" / "index.html").read_text(encoding="utf-8")
    legend = html[html.index('class="wp-legende"'):]
    for words in ("Kreis", "Quadrat", "landesweit", "Buchstabe N", "Buchstabe M", "Buchstabe X", "Fläche",
                  "»im Land«", LAGE_IM_LAND_OFFEN):
        assert words in legend


def test_land_placements_are_the_land_and_their_sign_inside_it(catalog):
    outlines = laender()
    for entry in catalog.entries:
        initiative, verortung = entry.initiative, locate(entry.initiative)
        if initiative.ebene is Ebene.LANDESWEIT and initiative.bundesland and not initiative.koordinaten:
            assert verortung.lage is Lage.LAND, entry.slug
        if verortung is not None and verortung.lage is Lage.LAND:
            land = outlines[verortung.land]
            assert shape(verortung.geometrie).equals(land), entry.slug
            assert land.contains(Point(verortung.punkt.lon, verortung.punkt.lat)), entry.slug


def test_areas_are_the_districts_the_data_names(catalog):
    for entry in catalog.entries:
        verortung = locate(entry.initiative)
        keys = {kreis.schluessel for kreis in verortung.kreise} if verortung else set()
        assert keys == GEBIETE.get(entry.slug, set()), entry.slug
        if keys:
            area = shape(verortung.geometrie)
            assert area.is_valid and verortung.lage is Lage.GEBIET
            for key in keys:
                district = _district(key)
                assert area.contains(district.representative_point()), (entry.slug, key)
                assert district.area == pytest.approx(area.intersection(district).area, rel=0.02)
            # Districts in the initiative's Land, each cited with the reasoning.
            assert all(kreis.land == entry.initiative.bundesland.wert.value for kreis in verortung.kreise)
            assert all(angabe.quelle and angabe.stelle and angabe.anmerkung for angabe in entry.initiative.gebiet)


def _district(key: str):
    data = json.loads(KREISE_FILE.read_text(encoding="utf-8"))
    return shape(next(f["geometry"] for f in data["features"] if f["properties"]["schluessel"] == key))


def test_the_study_names_the_districts_of_each_area():
    """The places the reasoning rests on, in the study's text (the truth rule: nothing beyond the sources)."""
    study = (ROOT / "quellentexte" / "003_f99b7b2f39b7bc14.txt").read_text(encoding="utf-8")
    for words in ("Industrie - Zukunft in Lippe", "Industrievereinigung Odenwaldkreis",
                  "Wirtschaftsförderung der Landkreise Lörrach und Waldshut", "zwischen Weil am Rhein und Waldshut-Tiengen",
                  "die Bürgermeister der Städte Andernach und Neuwied, der Landrat des Landkreises Mayen–Koblenz"):
        assert words in study, words


def test_kreise_outlines_are_small_and_complete():
    data = json.loads(KREISE_FILE.read_text(encoding="utf-8"))
    assert len(data["features"]) == len(kreise()) == 402
    assert KREISE_FILE.stat().st_size < 300_000
    for feature in data["features"]:
        outline = shape(feature["geometry"])
        assert outline.is_valid and not outline.is_empty and outline.geom_type in ("Polygon", "MultiPolygon")
        assert feature["properties"]["schluessel"][:2] in LAENDER_SCHLUESSEL


def test_a_district_is_found_by_key_or_name_and_a_wrong_one_gets_close_matches(tmp_path):
    assert find_kreis("05766") == find_kreis("Lippe") == find_kreis("Kreis Lippe") == find_kreis("  kreis  lippe ")
    assert find_kreis("Odenwaldkreis").bezeichnung == "Odenwaldkreis"
    assert str(find_kreis("Landkreis Lörrach")) == "Landkreis Lörrach (08336)"
    project = copy_project(tmp_path / "projekt")
    path = project / "initiatives" / "industrie-zukunft-in-lippe.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  - wert: Lippe", "  - wert: Kreis Lipe"), encoding="utf-8")
    path = project / "initiatives" / "industrievereinigung-odenwaldkreis.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  - wert: Odenwaldkreis", "  - wert: Kassel"),
                    encoding="utf-8")
    path = project / "initiatives" / "chemie-am-hochrhein.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  - wert: Landkreis Waldshut", "  - wert: Lippe"),
                    encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_catalog(project)
    report = str(raised.value)
    assert ("»Kreis Lipe« ist kein Kreis und keine kreisfreie Stadt des Kreisverzeichnisses (VG250). "
            "Meinten Sie »Kreis Lippe« (05766)") in report
    assert "»Kassel« heißen mehrere Kreise. Schreiben Sie »06611« (Kreisfreie Stadt Kassel) oder »06633« (Landkreis Kassel)." in report
    assert ("Kreis Lippe (05766) liegt in Nordrhein-Westfalen, die Initiative laut `bundesland` in "
            "Baden-Württemberg.") in report


def test_laender_outlines_are_small_and_complete():
    data = json.loads(LAENDER_FILE.read_text(encoding="utf-8"))
    assert len(data["features"]) == 16
    assert LAENDER_FILE.stat().st_size < 300_000


def all_pages(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site).parent).replace(".", "") for p in site.rglob("index.html"))


def test_no_page_requests_another_host(server, site, page):
    outside = block_other_hosts(page, server)
    pages = all_pages(site)
    assert "karte" in pages
    for path in pages:
        page.goto(server + (f"{path}/" if path else ""))
        page.wait_for_load_state("networkidle")
        assert outside == [], path


def test_tiles_only_after_the_click_and_consent_can_be_remembered_and_revoked(server, page):
    outside = block_other_hosts(page, server)
    open_map(page, server + "karte/")
    page.wait_for_load_state("networkidle")
    assert outside == []
    with page.expect_request(lambda request: TILE_HOST in request.url):
        page.get_by_role("button", name=CONSENT_BUTTON).click()
    assert outside and all(urlsplit(url).hostname == TILE_HOST for url in outside)

    # Not remembered: the next visit asks again.
    outside.clear()
    open_map(page, server + "karte/")
    page.wait_for_load_state("networkidle")
    assert outside == []

    # Remembered: tiles load at once on the next visit, until revoked.
    page.get_by_label("Entscheidung in diesem Browser merken").check()
    page.get_by_role("button", name=CONSENT_BUTTON).click()
    outside.clear()
    with page.expect_request(lambda request: TILE_HOST in request.url):
        open_map(page, server + "karte/")
    page.get_by_role("button", name="Hintergrundkarte von OpenStreetMap entfernen").click()
    outside.clear()
    open_map(page, server + "karte/")
    page.wait_for_load_state("networkidle")
    assert outside == []
    assert page.get_by_role("button", name=CONSENT_BUTTON).is_visible()


def test_profile_mini_map_shows_the_initiative_or_nothing(server, site, page, catalog):
    block_other_hosts(page, server)
    with_position = next(e for e in catalog.entries if (v := locate(e.initiative)) and v.lage is Lage.ORT)
    open_map(page, server + f"initiativen/{with_position.slug}/")
    marker = page.locator(".wp-marker-huelle")
    assert marker.count() == 1
    assert marker.get_attribute("title") == with_position.initiative.name
    # An area: the districts drawn, no marker; the profile names them with their citations.
    open_map(page, server + "initiativen/industriedialog-rhein-mosel/")
    assert page.locator("path.wp-gebiet").count() == 1 and page.locator(".wp-marker-huelle").count() == 0
    facts = page.locator(".wp-fakten").inner_text()
    assert "Landkreis Mayen-Koblenz (07137)" in facts and "Landkreis Neuwied (07138)" in facts
    assert "Kreisgrenzen: © GeoBasis-DE / BKG" in page.locator("body").inner_text()
    # A Land placement: the sign »im Land« and the note.
    open_map(page, server + "initiativen/initiativkreis-ruhr/")
    assert page.locator(".wp-marker--land").count() == 1
    assert LAGE_IM_LAND_OFFEN in page.locator("article").inner_text()
    without = [e for e in catalog.entries if locate(e.initiative) is None]
    for entry in without:
        html = (site / "initiativen" / entry.slug / "index.html").read_text(encoding="utf-8")
        assert "data-wp-karte" not in html


def test_html_in_a_name_is_shown_as_text_in_popup_and_list(tmp_path, browser):
    project = copy_project(tmp_path / "projekt")
    path = sorted((project / "initiatives").glob("*.yaml"))[0]
    yaml = YAML()
    data = yaml.load(path.read_text(encoding="utf-8"))
    data["name"] = "Test <script>window.wpXss = 1</script> & <b>Co</b>"
    data["koordinaten"] = {"lat": 50.0, "lon": 8.0, "quelle": "studie-2018", "stelle": "III.2.3, Tabelle 1",
                           "anmerkung": "Testdaten"}
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr

    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serve(tmp_path / "site") as base:
        block_other_hosts(page, base)
        open_map(page, base + "karte/")
        item = page.locator(f'#wp-karte-liste > li[data-kennung="{path.stem}"] > a')
        assert item.inner_text() == data["name"]
        assert page.evaluate(f"wpKarte.openPopup({json.dumps(path.stem)})")
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        assert data["name"] in popup.inner_text()
        assert popup.locator("script, b").count() == 0
        assert page.evaluate("window.wpXss") is None
        open_map(page, base + f"initiativen/{path.stem}/")
        assert page.evaluate("window.wpXss") is None
        assert page.locator("h1").inner_text() == data["name"]
    page.close()
    assert dialogs == []
    # The search shows titles as HTML: the project's own entries for the profile are escaped too.
    docs = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    [entry] = [d for d in docs if d["location"] == f"initiativen/{path.stem}/"]
    assert entry["title"] == "Test &lt;script&gt;window.wpXss = 1&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;"


def test_without_javascript_the_list_is_complete_and_nothing_is_fetched(server, browser, catalog):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    outside = block_other_hosts(page, server)
    page.goto(server + "karte/")
    assert page.locator("#wp-karte-liste > li:visible").count() == len(catalog.entries)
    assert not page.get_by_role("button", name=CONSENT_BUTTON).is_visible()
    assert outside == []
    context.close()


def test_a_marker_opens_its_popup_from_the_keyboard(server, page, catalog):
    block_other_hosts(page, server)
    names = [e.initiative.name for e in catalog.entries]
    # An initiative whose name is part of no other name: the name filter leaves exactly its marker.
    name = next(e.initiative.name for e in catalog.entries
                if (v := locate(e.initiative)) and v.lage is Lage.ORT
                and sum(e.initiative.name.lower() in n.lower() for n in names) == 1)
    open_map(page, server + "karte/?" + urlencode({"name": name}))
    assert page.evaluate("wpKarte.visibleCount()") == 1
    marker = page.locator(".wp-marker-huelle")
    assert marker.get_attribute("tabindex") == "0"
    assert marker.get_attribute("aria-label").startswith(name + " (")
    marker.focus()
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert popup.locator("a").inner_text() == name


@pytest.mark.parametrize("path", ["karte/", "karte/?typ=mischtyp&ebene=lokal", "karte/?ebene=regional", "daten/",
                                  "initiativen/aachener-industrie-dialog/",
                                  "initiativen/industriedialog-baden-wuerttemberg/",
                                  "initiativen/chemie-am-hochrhein/", "initiativen/initiativkreis-ruhr/"])
def test_map_pages_pass_axe_wcag_21_aa(server, page, path):
    from axe_playwright_python.sync_playwright import Axe

    block_other_hosts(page, server)
    page.goto(server + path)
    if path != "daten/":
        page.wait_for_selector("[data-wp-karte][data-wp-bereit=ja]", state="attached")
    # The theme's header tabs and footer are checked by the site-wide accessibility tests.
    result = Axe().run(page, context={"exclude": [[".md-header"], [".md-tabs"], [".md-footer"]]},
                       options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
    violations = [(v["id"], [n["target"] for n in v["nodes"]]) for v in result.response["violations"]]
    assert not violations, violations
