"""The Werkzeugkiste: nine module pages from toolbox/*.yaml, format profiles in one template, a working filter,
sourced uses in the model regions, and German errors for broken toolbox data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html

from conftest import ROOT, build_site, copy_project
from wissensplattform.data.load import load_catalog
from wissensplattform.data.dates import MONTHS
from wissensplattform.data.problems import DataError
from wissensplattform.data.study import STUDY_FILE, normalised

# The nine modules the study names (V.2), by number.
STUDY_MODULES = {
    1: "Veranstaltungsformate", 2: "Qualifizierungsmethoden", 3: "Vorlagen und Medien", 4: "Social-Media-Leitfaden",
    5: "Checkliste für Veranstaltungsplanung", 6: "Methoden zur Zielerreichung", 7: "Ergänzende Tools und Methoden",
    8: "Ablaufpläne", 9: "Leitfaden zur Stakeholderkommunikation",
}
PROFILE_HEADINGS = ["Ablauf", "Organisation und Material", "Hinweise", "Wann nicht geeignet", "Varianten",
                    "Ablaufplan", "Eingesetzt in"]
ATTRIBUTES = ["Zweck", "Teilnehmende", "Dauer", "Beteiligungsstufe", "Analog/digital"]


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT)


@pytest.fixture(scope="module")
def formats(catalog):
    return next(r for r in catalog.toolbox if r.model.formate)


def _page(site: Path, url: str):
    return html.fromstring((site / url / "index.html").read_text(encoding="utf-8"))


def test_every_module_page_exists(site, catalog):
    assert {r.model.nummer: r.model.titel for r in catalog.toolbox} == STUDY_MODULES
    overview = _page(site, "werkzeugkiste")
    links = overview.xpath("//ol[@class='wp-module']/li/a")
    assert [a.text for a in links] == [STUDY_MODULES[n] for n in range(1, 10)]
    assert {a.get("href") for a in links} == {f"{record.slug}/" for record in catalog.toolbox}
    for record in catalog.toolbox:
        page = _page(site, f"werkzeugkiste/{record.slug}")
        assert page.xpath("string(//h1)") == f"Modul {record.model.nummer}: {record.model.titel}"


def test_format_profiles_follow_one_template(site, formats):
    page = _page(site, f"werkzeugkiste/{formats.slug}")
    assert len(formats.model.formate) >= 5
    for fmt in formats.model.formate:
        heading = page.get_element_by_id(fmt.kennung)
        section = heading.xpath("following-sibling::*[not(self::h2)][count(preceding-sibling::h2[1] | $h) = 1]", h=heading)
        texts = [el.text_content().strip() for el in section if el.tag == "h3"]
        assert texts == PROFILE_HEADINGS, fmt.kennung
        labels = [dt.text for el in section if el.tag == "dl" for dt in el.xpath("dt")]
        assert labels == ATTRIBUTES, fmt.kennung
        assert "Redaktioneller Inhalt" in section[0].text_content(), fmt.kennung
        steps = [li.text_content() for el in section if el.get("class") == "wp-ablauf" for li in el.xpath("li")]
        assert steps == fmt.ablauf


def _long_date(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{int(day)}. {MONTHS[int(month) - 1]} {year}"


def test_uses_in_model_regions_come_from_the_study(formats):
    study = normalised(STUDY_FILE.read_text(encoding="utf-8"))
    fmt = {f.kennung: f for f in formats.model.formate}
    assert {e.modellregion for e in fmt["zukunftswerkstatt"].einsaetze} == {"baden-wuerttemberg", "krefeld"}
    assert {e.modellregion for e in fmt["world-cafe"].einsaetze} >= {"thueringen", "rhein-mosel"}
    for f in formats.model.formate:
        for einsatz in f.einsaetze:
            assert einsatz.quelle == "studie-2018"
            assert _long_date(einsatz.datum) in study, (f.kennung, einsatz.datum)
        for angabe in f.studie:
            if angabe.zitat:
                assert normalised(angabe.text) in study, angabe.text


def _joined(text: str) -> str:
    # The study text breaks words at page ends ("Brown-\n\nBag-Lunch"); compare both sides with hyphens joined.
    return re.sub(r"(\w)- (\w)", r"\1-\2", normalised(text))


def test_every_quotation_in_the_toolbox_is_in_the_study(catalog):
    study = _joined(STUDY_FILE.read_text(encoding="utf-8"))
    quotes = [a for r in catalog.toolbox for a in r.model.studie if a.zitat]
    assert len(quotes) >= 9
    for angabe in quotes:
        assert _joined(angabe.text) in study, angabe.text


def test_uses_link_to_existing_initiative_profiles_only(site, formats, catalog):
    page = _page(site, f"werkzeugkiste/{formats.slug}")
    slugs = {entry.slug for entry in catalog.entries}
    hrefs = page.xpath("//ul[@class='wp-einsaetze']//a[not(starts-with(@href, '#'))]/@href")
    linked = {h.split("/")[-2] for h in hrefs if "/initiativen/" in h}
    regions = {h.split("/")[-2] for h in hrefs if "/modellregionen/" in h}
    assert regions == {e.modellregion for f in formats.model.formate for e in f.einsaetze if e.modellregion}
    named = {e.initiative for f in formats.model.formate for e in f.einsaetze if e.initiative}
    assert named <= slugs and linked == named
    for a in page.xpath("//ul[@class='wp-einsaetze']//a[not(starts-with(@href, '#'))]"):
        assert (site / "werkzeugkiste" / formats.slug / a.get("href") / "index.html").resolve().exists()


def test_every_internal_link_of_the_toolbox_resolves(site):
    for page_file in (site / "werkzeugkiste").rglob("index.html"):
        page = html.fromstring(page_file.read_text(encoding="utf-8"))
        for href in page.xpath("//article//a/@href"):
            if href.startswith(("http", "#", "mailto:")):
                continue
            path = href.split("#")[0]
            target = (page_file.parent / path).resolve()
            assert target.exists() and (target.is_file() or (target / "index.html").exists()), (page_file, href)


def test_method_literature_is_registered_and_cited(catalog, site):
    literature = {key for key, q in catalog.sources.items() if q.art and q.art.startswith("Methodenliteratur")}
    assert {"jungk-muellert-1989", "brown-isaacs-2005", "plattner-meinel-leifer-2011"} <= literature
    page = _page(site, "werkzeugkiste/veranstaltungsformate")
    notes = page.xpath("string(//ol[@class='wp-belege'])")
    assert "Robert Jungk, Norbert R. Müllert: Zukunftswerkstätten" in notes
    assert "Juanita Brown, David Isaacs: The World Café" in notes
    overview = _page(site, "werkzeugkiste").xpath("string(//ul[@class='wp-literatur'])")
    for key in literature:
        assert catalog.sources[key].titel in overview


def test_filter_shows_only_matching_formats(page, server, formats):
    page.goto(server + "werkzeugkiste/")
    visible = lambda: [el.inner_text().split(" – ")[0] for el in page.locator(".wp-format").all() if el.is_visible()]
    assert visible() == [f.name for f in formats.model.formate]
    page.get_by_label("Konsultation").check()
    assert visible() == [f.name for f in formats.model.formate if f.beteiligungsstufe.value == "konsultation"]
    page.get_by_label("klein (bis 20)").check()
    assert visible() == [f.name for f in formats.model.formate if f.beteiligungsstufe.value == "konsultation"
                         and "klein" in [g.value for g in f.gruppengroesse]]
    # Keyboard: arrow keys move within a radio group and change the filter.
    page.get_by_label("klein (bis 20)").focus()
    page.keyboard.press("ArrowRight")
    assert page.get_by_label("mittel (20 bis 50)").is_checked()
    page.get_by_label("alle").first.check()
    page.locator("#wp-groesse-alle").check()
    assert visible() == [f.name for f in formats.model.formate]


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_toolbox_yaml_error_fails_the_build_with_german_message(tmp_path):
    project = copy_project(tmp_path / "projekt")
    data = project / "toolbox" / "ablaufplaene.yaml"
    text = data.read_text(encoding="utf-8")
    broken = re.sub(r'(zeit: "?09:45"?\n\s+dauer: )60\b', r"\g<1>sechzig", text, count=1)
    assert broken != text
    data.write_text(broken, encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    line = _line_of(broken, "dauer: sechzig")
    assert f"toolbox/ablaufplaene.yaml, Zeile {line}, Feld `ablaufplaene[1].zeilen[3].dauer`: " \
           "Hier wird eine ganze Zahl erwartet, nicht »sechzig«." in result.stdout + result.stderr
    assert "Die Daten enthalten Fehler; die Website wurde nicht gebaut." in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_unknown_key_and_broken_times_get_german_messages(tmp_path):
    project = copy_project(tmp_path / "projekt")
    data = project / "toolbox" / "ablaufplaene.yaml"
    text = data.read_text(encoding="utf-8")
    text = text.replace("schritt: Pause\n", "schrit: Pause\n", 1)
    text = re.sub(r'(zeit: "?)14:50("?\n\s+dauer: 25\b)', r"\g<1>14:55\g<2>", text, count=1)
    data.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_catalog(project)
    report = str(error.value)
    assert re.search(r"toolbox/ablaufplaene\.yaml, Zeile \d+, Feld `ablaufplaene\[1\]\.zeilen\[5\]\.schrit`: "
                     r"Dieses Feld ist unbekannt\. Meinten Sie `schritt`\?", report)
    assert re.search(r"toolbox/ablaufplaene\.yaml, Zeile \d+, Feld `ablaufplaene\[3\]`: "
                     r"Die Zeile ab 14:55 schließt nicht an die vorige an \(Beginn 14:45, Dauer 5 Minuten\)\.", report)


def test_broken_cross_reference_fails_with_german_message(tmp_path):
    project = copy_project(tmp_path / "projekt")
    data = project / "toolbox" / "veranstaltungsformate.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace("ablaufplan: world-cafe", "ablaufplan: welt-cafe"),
                    encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    line = _line_of(data.read_text(encoding="utf-8"), "ablaufplan: welt-cafe")
    assert f"toolbox/veranstaltungsformate.yaml, Zeile {line}, Feld `formate[2].ablaufplan`: " \
           "Den Ablaufplan »welt-cafe« gibt es nicht." in result.stdout + result.stderr


def test_use_must_name_the_initiative_of_its_model_region(tmp_path):
    project = copy_project(tmp_path / "projekt")
    data = project / "toolbox" / "veranstaltungsformate.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace("initiative: zukunft-durch-industrie-krefeld",
                                                             "initiative: zukunft-durch-industrie"), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    # `make pruefen` reports it too, with the line, before anything is built.
    with pytest.raises(DataError) as error:
        load_catalog(project)
    line = next(i for i, text in enumerate(data.read_text(encoding="utf-8").splitlines(), 1)
                if text.strip() == "initiative: zukunft-durch-industrie")
    message = (f"toolbox/veranstaltungsformate.yaml, Zeile {line}, Feld `formate[1].einsaetze[2].initiative`: "
               "Die Initiative »zukunft-durch-industrie« gehört laut ihrem Steckbrief zur Modellregion »keine«, "
               "nicht zu »krefeld«.")
    assert message in str(error.value) and message in result.stdout + result.stderr


@pytest.mark.parametrize("url", ["werkzeugkiste/", "werkzeugkiste/veranstaltungsformate/", "werkzeugkiste/ablaufplaene/",
                                 "werkzeugkiste/checkliste-veranstaltungsplanung/"])
def test_toolbox_pages_have_no_wcag_violations(page, server, url):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(server + url)
    # The page content this feature renders; the theme's header and footer are checked site-wide elsewhere.
    results = Axe().run(page, context=".md-content",
                        options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
    assert results.violations_count == 0, results.generate_report()
