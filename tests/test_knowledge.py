"""The study's knowledge as linked pages: criteria, Table 2, case studies, model regions (issue 6)."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from wissensplattform.data.models.common import Kriterium
from wissensplattform.data.study import STUDY_FILE, normalised

from conftest import ROOT

CASE_STUDIES = ("lokale-allianz-dormagen", "initiativkreis-ruhr", "chemie-am-hochrhein", "masterplan-industrie-hamburg",
                "zukunft-durch-industrie-duesseldorf", "strategiewerkstatt-industrie-der-zukunft-sachsen")
MODEL_REGIONS = ("baden-wuerttemberg", "thueringen", "nord-westfalen", "rhein-mosel", "frankfurt-am-main", "krefeld")


class _Links(HTMLParser):
    """Collects the links of a page's content and the cells of its tables."""

    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        elif tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page(site: Path, url: str) -> Path:
    return site / url / "index.html"


def internal_targets(site: Path, html: Path) -> list[tuple[str, Path]]:
    """Every same-site link of a built page with the file it must resolve to."""
    here = "/" + html.parent.relative_to(site).as_posix() + "/"
    targets = []
    for href in parse(html).hrefs:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        path = posixpath.normpath(posixpath.join(here, unquote(parts.path)))
        file = site / path.lstrip("/")
        targets.append((href, file / "index.html" if not path.endswith((".html", ".css", ".js", ".pdf", ".txt")) else file))
    return targets


def quotations() -> list[tuple[str, str]]:
    """Every `zitat: true` statement citing the study in the knowledge files, with its file."""
    found = []

    def walk(node, file):
        if isinstance(node, dict):
            if node.get("zitat") is True and node.get("quelle") == "studie-2018":
                found.append((file, node["text"]))
            for value in node.values():
                walk(value, file)
        elif isinstance(node, list):
            for value in node:
                walk(value, file)

    for file in sorted((ROOT / "wissen").rglob("*.yaml")):
        walk(yaml.safe_load(file.read_text(encoding="utf-8")), file.relative_to(ROOT).as_posix())
    return found


def test_each_of_the_ten_criteria_has_a_page(site):
    for kriterium in Kriterium:
        html = page(site, f"wissen/kriterien/{kriterium.value}").read_text(encoding="utf-8")
        assert "III.2.5" in html and 'class="wp-belege"' in html


def test_table_2_has_ten_rows_and_three_columns(site):
    tables = parse(page(site, "wissen/kriterien")).tables
    table = next(t for t in tables if t and t[0][0] == "Erfolgsfaktor")
    header, *rows = table
    assert header == ["Erfolgsfaktor", "Netzwerkorientierte Initiativen", "Maßnahmenorientierte Initiativen"]
    assert len(rows) == 10 and all(len(row) == 3 and all(row) for row in rows)
    assert rows[0][0] == "Längerfristige Zusammenarbeit" and rows[-1][0] == "Vernetzung mit anderen Initiativen"
    assert "Legislaturperioden" in rows[0][1] and "Ad Hoc Vernetzung" in rows[-1][2]


def test_criterion_pages_list_the_case_studies_that_discuss_them(site):
    html = page(site, "wissen/kriterien/protagonisten-und-treiber").read_text(encoding="utf-8")
    hrefs = parse(page(site, "wissen/kriterien/protagonisten-und-treiber")).hrefs
    # III.3.1.8 and III.3.3.9 both have a heading "Protagonisten und Treiber".
    assert "../../fallstudien/lokale-allianz-dormagen/" in hrefs
    assert "../../fallstudien/chemie-am-hochrhein/" in hrefs
    assert "III.3.3.9, Protagonisten und Treiber" in html


@pytest.mark.parametrize("slug", CASE_STUDIES)
def test_case_study_links_to_an_existing_profile_and_back(site, slug):
    case = page(site, f"wissen/fallstudien/{slug}")
    profiles = [file for href, file in internal_targets(site, case) if "/initiativen/" in file.as_posix()
                and file.parent.name != "initiativen"]
    assert profiles, f"{slug}: kein Link auf einen Steckbrief"
    assert all(file.exists() for file in profiles)
    back = [file for _, file in internal_targets(site, profiles[0])]
    assert case in back, f"Der Steckbrief {profiles[0].parent.name} verlinkt die Fallstudie nicht"


@pytest.mark.parametrize("slug", CASE_STUDIES)
def test_case_study_has_its_sections_and_tagged_success_factors(site, slug):
    html = page(site, f"wissen/fallstudien/{slug}").read_text(encoding="utf-8")
    headings = " | ".join(re.findall(r"<h2[^>]*>(.*?)</h2>", html))
    for heading in ("Genese", "Mitglieder", "Struktur", "Finanzierung", "Erfolgseinschätzung", "Zukünftige Entwicklung",
                    "Erfolgsfaktoren"):
        assert heading in headings, f"{slug}: Abschnitt {heading} fehlt in {headings}"
    assert re.search(r"Ziele und Maßnahmen|Output", headings)
    assert 'class="wp-kriterien">Kriterien: <a href="../../kriterien/' in html


def test_profile_shows_case_study_badge_key_facts_and_criteria(site):
    html = page(site, "initiativen/lokale-allianz-dormagen").read_text(encoding="utf-8")
    assert '<a class="wp-badge wp-badge--fallstudie" href="../../wissen/fallstudien/lokale-allianz-dormagen/">' in html
    assert "mehr als 120 Akteure die Knechtstedener Erklärung unterschrieben" in html
    assert 'href="../../wissen/kriterien/geklaerte-zielsetzung/"' in html


@pytest.mark.parametrize("slug", MODEL_REGIONS)
def test_each_model_region_has_a_page(site, slug):
    html = page(site, f"modellregionen/{slug}").read_text(encoding="utf-8")
    assert "Modellregion" in html and "<dt>Datum</dt>" in html and "<dt>Ort</dt>" in html


def study_words() -> str:
    """The study text, whitespace-normalised, without the Markdown emphasis marks of its text conversion."""
    return normalised(STUDY_FILE.read_text(encoding="utf-8").replace("*", ""))


def test_quoted_sentences_appear_verbatim_in_the_study():
    study = study_words()
    quotes = quotations()
    assert len(quotes) >= 50
    missing = [(file, text) for file, text in quotes if normalised(text) not in study]
    assert not missing, missing


def test_a_changed_quotation_is_caught():
    # The check above must be able to fail: a quotation with one word changed is not in the study.
    study = study_words()
    file, text = quotations()[0]
    assert normalised(text.replace(" ", " nicht ", 1)) not in study


def test_no_internal_link_on_the_knowledge_pages_is_broken(site):
    pages = [*(site / "wissen").rglob("index.html"), *(site / "modellregionen").rglob("index.html")]
    assert len(pages) >= 10 + 6 + 6
    broken = [(p.relative_to(site).as_posix(), href) for p in pages for href, file in internal_targets(site, p)
              if not file.exists()]
    assert not broken, broken


def test_model_region_links_its_profile_and_the_profile_links_back(site):
    region = page(site, "modellregionen/krefeld")
    profiles = [file for _, file in internal_targets(site, region) if file.parent.parent.name == "initiativen"]
    assert [p.parent.name for p in profiles] == ["zukunft-durch-industrie-krefeld"]
    html = profiles[0].read_text(encoding="utf-8")
    assert '<a class="wp-badge wp-badge--modellregion" href="../../modellregionen/krefeld/">Modellregion</a>' in html
    assert '<li><time datetime="2017-06-30">30.06.2017</time>: Zukunftswerkstatt zur Zukunft der Industrie in Krefeld</li>' in html
    assert '<time datetime="2017-06-30">30.06.2017</time>' in region.read_text(encoding="utf-8")


def test_typology_lists_the_initiatives_of_each_type_from_the_data(site):
    parser = parse(page(site, "wissen/typen"))
    html = page(site, "wissen/typen").read_text(encoding="utf-8")
    # The counts of Table 1 (17 network-oriented, 12 action-oriented, 11 mixed; 18 Land-wide) come from the data.
    for summary in ("17 Initiativen dieses Typs", "12 Initiativen dieses Typs", "11 Initiativen dieses Typs",
                    "18 Initiativen dieser Ebene"):
        assert summary in html, summary
    # An example the study names (III.2.3) links to its profile.
    assert "../../initiativen/industriekreis-duesseldorf/" in parser.hrefs
    # The Aachen sources disagree on the name; the page says so.
    assert "Industrie-Dialog Region Aachen" in html and "Aachener Industrie-Dialog" in html


def test_network_meetings_are_dated_and_link_presenting_initiatives(site):
    html = page(site, "wissen/netzwerktreffen").read_text(encoding="utf-8")
    dates = re.findall(r'<h2 id="treffen-([0-9-]+)"', html)
    assert dates == ["2016-06-07", "2016-11-03", "2017-04-05", "2017-11-07"]
    hrefs = parse(page(site, "wissen/netzwerktreffen")).hrefs
    assert "../../initiativen/zukunft-durch-industrie-krefeld/" in hrefs
    assert "../../initiativen/masterplan-industrie-hamburg/" in hrefs
    assert "IG Metall" in html and "Gesamtmetall" in html


def test_recommendations_address_initiatives_politics_and_unions(site):
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", page(site, "wissen/empfehlungen").read_text(encoding="utf-8"))
    assert {"Für Industrieinitiativen", "Für die Politik", "Für Gewerkschaften"} <= set(headings)


def test_success_checklist_is_a_form_and_a_download(site):
    html = page(site, "wissen/erfolgsmessung").read_text(encoding="utf-8")
    assert html.count('type="checkbox"') >= 10 + 3
    assert all(f'for="{i}"' in html for i in re.findall(r'<input type="checkbox" id="([^"]+)"', html))
    download = site / "wissen" / "erfolgsmessung" / "checkliste-erfolgsmessung.txt"
    text = download.read_text(encoding="utf-8")
    assert text.count("[ ] ") >= 10 + 3 and "Längerfristige Zusammenarbeit" in text


def test_overview_filters_to_case_studies_and_model_regions(server, page):
    page.goto(server + "initiativen/")
    rows = page.locator("table.wp-liste tbody tr")
    total = rows.count()
    page.get_by_label("Nur Fallstudien").check()
    assert page.locator("table.wp-liste tbody tr:visible").count() == 6
    assert "6 von" in page.locator(".wp-filter-status").inner_text()
    page.get_by_label("Nur Modellregionen").press("Space")
    assert page.locator("table.wp-liste tbody tr:visible").count() == 6
    page.get_by_label("Alle Initiativen").check()
    assert page.locator("table.wp-liste tbody tr:visible").count() == total == 40


@pytest.mark.parametrize("url", ["wissen/", "wissen/kriterien/", "wissen/kriterien/umsetzungsperspektive/",
                                 "wissen/fallstudien/initiativkreis-ruhr/", "wissen/erfolgsmessung/", "wissen/typen/",
                                 "wissen/netzwerktreffen/", "modellregionen/thueringen/",
                                 "initiativen/lokale-allianz-dormagen/", "initiativen/"])
def test_knowledge_pages_pass_axe_wcag_21_aa(server, page, url):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(server + url)
    # The theme's header tabs and footer are checked by the site-wide accessibility tests, not here.
    result = Axe().run(page, context={"exclude": [[".md-header"], [".md-tabs"], [".md-footer"]]},
                       options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
    violations = [(v["id"], [n["target"] for n in v["nodes"]]) for v in result.response["violations"]]
    assert not violations, violations


def test_search_index_contains_the_knowledge_pages(site):
    import json

    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    locations = {d["location"].split("#")[0] for d in docs}
    assert {"wissen/kriterien/umsetzungsperspektive/", "wissen/fallstudien/chemie-am-hochrhein/",
            "modellregionen/krefeld/", "wissen/erfolgsmessung/"} <= locations


def test_broken_knowledge_data_stops_the_build_with_german_messages(tmp_path):
    from conftest import build_site, copy_project

    project = copy_project(tmp_path / "projekt")
    criterion = project / "wissen" / "kriterien" / "umsetzungsperspektive.yaml"
    criterion.write_text(criterion.read_text(encoding="utf-8").replace("titel:", "titl:", 1), encoding="utf-8")
    initiative = project / "initiatives" / "lokale-allianz-dormagen.yaml"
    initiative.write_text(initiative.read_text(encoding="utf-8").replace(
        "fallstudie: lokale-allianz-dormagen", "fallstudie: dormagen"), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    report = result.stdout + result.stderr  # MkDocs prints the abort message on stdout
    assert result.returncode != 0
    line = next(i for i, text in enumerate(criterion.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("titl:"))
    assert f"wissen/kriterien/umsetzungsperspektive.yaml, Zeile {line}, Feld `titl`: Dieses Feld ist unbekannt." in report
    assert "»dormagen« gibt es nicht in `wissen/fallstudien/`." in report


def test_model_region_events_link_the_toolbox_format_when_the_toolbox_has_it(tmp_path):
    from conftest import copy_project
    from wissensplattform.data.load import load_catalog
    from wissensplattform.pages.contexts.knowledge import FORMATS_FILE, modellregion_context

    project = copy_project(tmp_path / "projekt")
    formats = project / FORMATS_FILE
    if not formats.exists():  # without the Werkzeugkiste's data there is no page to link to
        assert modellregion_context(load_catalog(project), "krefeld").veranstaltungen[0].werkzeug_url is None
        formats.parent.mkdir(exist_ok=True)
        formats.write_text("# Platzhalter für den Test\n", encoding="utf-8")
    event = modellregion_context(load_catalog(project), "krefeld").veranstaltungen[0]
    assert event.werkzeug_url == "werkzeugkiste/veranstaltungsformate/#zukunftswerkstatt"


def test_field_reference_documents_the_knowledge_files(site):
    from wissensplattform.data.models.knowledge import Fallstudie, KriteriumSeite, Modellregion, Veranstaltung

    html = page(site, "mitwirken/feldreferenz").read_text(encoding="utf-8")
    for model in (KriteriumSeite, Fallstudie, Modellregion, Veranstaltung):
        assert f'id="{model.__name__.lower()}"' in html
        for name in model.model_fields:
            assert f"<code>{name}</code>" in html, f"{model.__name__}.{name}"
    assert html.count('id="textangabe"') == 1
    # Headings show German titles, never a class name (a name that is itself the model's title, like Beleg, is fine).
    from wissensplattform.pages.contexts.fields import model_docs
    from wissensplattform.pages.knowledge import KNOWLEDGE_MODELS
    from wissensplattform.data.models import Initiative, Quelle
    from wissensplattform.data.models.toolbox import Modul

    headings = set(re.findall(r"<h2[^>]*>([^<]*)<", html))
    class_names = {d.name for d in model_docs(Initiative, Quelle, *KNOWLEDGE_MODELS, Modul) if d.name != d.title}
    assert "Aussage mit Beleg" in headings and not headings & class_names, headings & class_names
