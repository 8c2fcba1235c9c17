"""Generated pages: profiles, the overview with Table 1, the start page."""

import re

from conftest import ROOT
from wissensplattform.data.load import load_catalog


def read(site, url):
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_one_profile_page_per_initiative(site):
    profiles = [p for p in (site / "initiativen").iterdir() if (p / "index.html").exists()]
    assert len(profiles) == 40


def test_dormagen_shows_type_level_and_a_cited_case_study_fact(site):
    html = read(site, "initiativen/lokale-allianz-dormagen")
    assert "Maßnahmenorientiert" in html and "Lokal" in html
    # A statement from case study III.3.1 with its footnote, and the footnote naming the section.
    assert re.search(r'href="#beleg-\d+"', html)
    assert re.search(r'id="beleg-\d+">A\. Schild, M\. Schulz: Gesellschaftlicher Dialog zur Zukunft der Industrie\. '
                     r'Studie im Auftrag des BMWi, Berlin, 31\.01\.2018, III\.3\.1', html)


def test_aachen_chronicle_is_in_date_order(site):
    html = read(site, "initiativen/aachener-industrie-dialog")
    dates = re.findall(r'<time datetime="([\d-]+)">', html)
    assert len(dates) >= 10
    assert dates == sorted(dates, key=lambda d: [int(x) for x in d.split("-")])
    assert dates[0].startswith("2012") and dates[-1].startswith("2024")


def test_silent_sources_are_shown_as_such(site):
    # Saarland Industrieland: Table 1 names it, no other source says more.
    html = read(site, "initiativen/saarland-industrieland")
    assert "in den Quellen nicht angegeben" in html
    assert re.search(r"\d+ von 12 Feldern belegt", html)
    assert "Stand: " in html


def test_overview_lists_all_and_reproduces_table_1(site):
    html = read(site, "initiativen")
    catalog = load_catalog(ROOT)
    for entry in catalog.entries:
        assert f'href="{entry.slug}/"' in html
    assert "Netzwerkorientiert (17)" in html and "Maßnahmenorientiert (12)" in html and "Mischtyp (11)" in html
    assert "Lokal (8)" in html and "Regional (14)" in html and "Landesweit (18)" in html


def test_navigation_does_not_list_profiles(site):
    # Linear size: a profile page must not link to every other profile.
    html = read(site, "initiativen/lokale-allianz-dormagen")
    assert html.count('href="../initiativkreis-ruhr/"') == 0


def test_start_page_is_german_and_cites_the_study(site):
    html = " ".join((site / "index.html").read_text(encoding="utf-8").split())
    assert '<html lang="de"' in html
    assert "Gesellschaftlicher Dialog zur Zukunft der Industrie" in html
    assert "Abschnitt V.3" in html
    assert "fonts.googleapis.com" not in html


def test_relative_urls_match_posix_relpath():
    import posixpath

    from wissensplattform.pages.rendering import relative_url

    urls = ["", "initiativen/", "initiativen/x/", "initiativen/y/", "karte/", "wissen/kriterien/umsetzung/",
            "downloads/steckbrief-x.pdf", "assets/vendor/leaflet/leaflet.js", "daten/initiativen.geojson"]
    for source in [u for u in urls if not u or u.endswith("/")]:
        for target in urls:
            expected = posixpath.relpath(target or ".", source or ".")
            expected = "./" if expected == "." else (expected + "/" if target.endswith("/") else expected)
            assert relative_url(source, target) == expected, (source, target)


def _search_docs(site):
    import json

    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_search_finds_a_profile_by_its_statements_not_its_footnotes(site):
    url = "initiativen/lokale-allianz-dormagen/"
    entries = {d["location"]: d for d in _search_docs(site) if d["location"].startswith(url)}
    assert entries[url]["title"] == "Lokale Allianz Dormagen"
    assert "Nordrhein-Westfalen" in entries[url]["text"] and "Dormagen" in entries[url]["text"]
    assert "Currenta" in entries[url + "#akteure"]["text"]
    # Sources, footnote marks and the map's consent note are not what readers search for.
    assert url + "#quellen" not in entries
    assert not any("<sup" in d["text"] or "OpenStreetMap" in d["text"] for d in entries.values())
    html = read(site, "initiativen/lokale-allianz-dormagen")
    for location in entries:
        if "#" in location:
            assert f'id="{location.split("#")[1]}"' in html, location


def test_overview_and_map_are_found_by_their_introduction_not_their_lists(site):
    entries = {d["location"]: d for d in _search_docs(site)
               if d["location"].split("#")[0] in ("initiativen/", "karte/")}
    assert set(entries) == {"initiativen/", "karte/"}
    assert "Tabelle 1" in entries["initiativen/"]["text"]
    assert all("Lokale Allianz Dormagen" not in d["text"] for d in entries.values())


def test_profile_has_a_table_of_contents_of_its_sections(site):
    html = read(site, "initiativen/lokale-allianz-dormagen")
    toc = html[html.index('class="md-nav md-nav--secondary"'):]
    toc = toc[:toc.index("</nav>")]
    for anchor in ("beschreibung", "akteure", "massnahmen", "chronik", "quellen"):
        assert f'href="#{anchor}"' in toc and f'<h2 id="{anchor}">' in html
