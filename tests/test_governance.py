"""The organisational form of the initiatives, the guide »Governance von Industrieinitiativen« (V.1) and the
page of the project's results and materials (chapters V and VI), on the data and on the built site."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from wissensplattform.data.knowledge import SINGLE_FILES
from wissensplattform.data.load import load_catalog
from wissensplattform.data.models.initiative import Initiative, Organisationsform
from wissensplattform.data.models.knowledge import Governanceseite, Materialseite
from wissensplattform.editor.config import decap_config
from wissensplattform.editor.settings import EditorSettings

# The forms the sources record, initiative by initiative (slug → value); every other initiative has none.
RECORDED = {
    "zukunft-durch-industrie": "verein",
    "industriekreis-duesseldorf": "verein",
    "initiative-erfurter-kreuz": "verein",
    "unternehmensnetzwerk-motzener-strasse": "verein",
    "unternehmensnetzwerk-neukoelln-suedring": "verein",
    "initiativkreis-ruhr": "verein-mit-gmbh",
    "zukunft-durch-industrie-krefeld": "geschaeftsstelle-kammer",
    "allianz-industrie-4-0-baden-wuerttemberg": "geschaeftsstelle-verband",
    "strategiewerkstatt-industrie-der-zukunft": "geschaeftsstelle-dienstleister",
    "masterplan-industrie-hamburg": "koordination-verwaltung",
    "chemie-am-hochrhein": "koordination-verwaltung",
    "masterplan-industrie-frankfurt": "koordination-verwaltung",
    "aachener-industrie-dialog": "koordination-verwaltung",
    "industriedialog-rhein-mosel": "steuerungskreis",
    "industrie-gemeinsam-zukunft-leben-muenster": "steuerungskreis",
    "lokale-allianz-dormagen": "netzwerk-ohne-rechtsform",
}
# Chapters V and VI of the study: every element and its section.
ELEMENTS = {
    "Praxisnaher Leitfaden – Governance von Industrieinitiativen": "V.1",
    "Werkzeugkiste": "V.2",
    "Wissensplattform": "V.3",
    "Treffen regionaler Industrieinitiativen": "VI.1",
    "Filmtrailer": "VI.2",
    "Projektflyer": "VI.2",
    "Broschüre": "VI.2",
    "Newsletter/Infobriefe": "VI.3",
}
NOT_AVAILABLE = ("Filmtrailer", "Projektflyer", "Broschüre", "Newsletter/Infobriefe")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT)


class Article(HTMLParser):
    """The content of a built page: its list items and paragraphs (with classes and text), footnotes, links."""

    def __init__(self):
        super().__init__()
        self.inside = 0
        self.blocks: list[dict] = []  # {"tag", "class", "text", "noted", "ul_class", "group"}
        self.hrefs: list[str] = []
        self.groups: dict[str, list[str]] = {}  # id of an <h3> group → hrefs below it until the next heading
        self._open: list[dict] = []
        self._ul: list[str] = []
        self._group: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self.inside += 1
        if not self.inside:
            return
        if tag == "ul":
            self._ul.append(attrs.get("class") or "")
        elif tag in ("li", "p"):
            self._open.append({"tag": tag, "class": attrs.get("class") or "", "text": "", "noted": False,
                               "ul_class": self._ul[-1] if self._ul and tag == "li" else ""})
        elif tag == "sup" and "wp-beleg" in (attrs.get("class") or ""):
            for block in self._open:
                block["noted"] = True
        elif tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
            if self._group:
                self.groups[self._group].append(attrs["href"])
        elif tag in ("h2", "h3"):
            self._group = attrs.get("id") if tag == "h3" and (attrs.get("id") or "").startswith("form-") else None
            if self._group:
                self.groups[self._group] = []

    def handle_endtag(self, tag):
        if tag == "article":
            self.inside -= 1
        elif tag == "ul" and self._ul:
            self._ul.pop()
        elif tag in ("li", "p") and self._open:
            self.blocks.append(self._open.pop())

    def handle_data(self, data):
        for block in self._open:
            block["text"] += data


def article(site: Path, url: str) -> Article:
    parser = Article()
    parser.feed((site / url / "index.html").read_text(encoding="utf-8"))
    return parser


def text(site: Path, url: str) -> str:
    return " ".join((site / url / "index.html").read_text(encoding="utf-8").split())


def content(site: Path, url: str) -> str:
    """The page's article alone (without navigation and table of contents), whitespace collapsed."""
    return re.search(r"<article[^>]*>(.*)</article>", text(site, url)).group(1)


# --- The field --------------------------------------------------------------------------------

def test_the_forms_are_those_the_sources_name_and_each_is_cited(catalog):
    recorded = {e.slug: e.initiative.organisationsform.wert.value for e in catalog.entries if e.initiative.organisationsform}
    assert recorded == RECORDED
    # Every form of the list is one a source records for at least one initiative.
    assert set(RECORDED.values()) == {f.value for f in Organisationsform}
    for entry in catalog.entries:
        form = entry.initiative.organisationsform
        if form:
            assert form.quelle in catalog.sources and form.stelle, entry.slug


def test_the_form_is_a_cited_select_in_the_form_editor(catalog):
    info = Initiative.model_fields["organisationsform"]
    assert info.title == "Organisationsform" and not info.is_required()
    config = decap_config(catalog, EditorSettings(), "")
    initiatives = next(c for c in config["collections"] if c.get("folder") == "initiatives")
    field = next(f for f in initiatives["fields"] if f["name"] == "organisationsform")
    assert field["label"] == "Organisationsform" and field["widget"] == "object"
    inner = {f["name"]: f for f in field["fields"]}
    assert [o["value"] for o in inner["wert"]["options"]] == [f.value for f in Organisationsform]
    assert [o["label"] for o in inner["wert"]["options"]] == [f.label for f in Organisationsform]
    assert {"quelle", "stelle", "anmerkung"} <= set(inner)


def test_the_new_pages_are_single_files_the_form_editor_lists(catalog):
    assert SINGLE_FILES["governance"] is Governanceseite and SINGLE_FILES["materialien"] is Materialseite
    config = decap_config(catalog, EditorSettings(), "")
    pages = next(c for c in config["collections"] if c["name"] == "wissensseiten")
    files = {f["file"]: f for f in pages["files"]}
    assert {"wissen/governance.yaml", "wissen/materialien.yaml"} <= set(files)
    assert {f["name"] for f in files["wissen/governance.yaml"]["fields"]} == set(Governanceseite.model_fields)


def test_profile_shows_the_form_with_its_citation_or_that_it_is_not_recorded(site):
    html = text(site, "initiativen/lokale-allianz-dormagen")
    row = re.search(r"<dt>Organisationsform</dt><dd>(.*?)</dd>", html).group(1)
    assert "Netzwerk ohne formale Organisationsform" in row
    assert 'href="../../wissen/governance/#form-netzwerk-ohne-rechtsform"' in row
    note = re.search(r'href="#beleg-(\d+)"', row).group(1)
    assert re.search(rf'<li id="beleg-{note}">A\. Schild, M\. Schulz: [^<]*, III\.3\.1\.3', html)
    silent = re.search(r"<dt>Organisationsform</dt><dd>(.*?)</dd>", text(site, "initiativen/saarland-industrieland"))
    assert "in den Quellen nicht angegeben" in silent.group(1)


# --- The overview's filter ----------------------------------------------------------------------

def test_overview_filters_by_organisational_form(server, page, catalog):
    by_form = {}
    for entry in catalog.entries:
        form = entry.initiative.organisationsform
        by_form.setdefault(form.wert.value if form else "nicht-angegeben", set()).add(entry.initiative.name)
    page.goto(server + "initiativen/")
    select = page.get_by_label("Organisationsform", exact=True)
    select.select_option("verein")
    shown = page.locator("table.wp-liste tbody tr:visible td:first-child").all_inner_texts()
    assert set(shown) == by_form["verein"] and len(shown) == 5
    assert f"5 von {len(catalog.entries)}" in page.locator(".wp-filter-status").inner_text()
    assert "organisationsform=verein" in page.url
    # »nicht angegeben« is a choice of its own.
    select.select_option("nicht-angegeben")
    shown = page.locator("table.wp-liste tbody tr:visible td:first-child").all_inner_texts()
    assert set(shown) == by_form["nicht-angegeben"] and len(shown) == len(catalog.entries) - len(RECORDED)
    # Combined with the case-study filter: the case studies with a recorded form of this kind.
    select.select_option("koordination-verwaltung")
    page.get_by_label("Nur Fallstudien").check()
    cases = {e.initiative.name for e in catalog.entries if e.initiative.fallstudie
             and e.initiative.organisationsform and e.initiative.organisationsform.wert.value == "koordination-verwaltung"}
    shown = page.locator("table.wp-liste tbody tr:visible td:first-child").all_inner_texts()
    assert set(shown) == cases == {"Chemie am Hochrhein", "Masterplan Industrie Hamburg"}
    page.get_by_label("Alle Initiativen").check()
    select.select_option("")
    assert page.locator("table.wp-liste tbody tr:visible").count() == len(catalog.entries)
    assert page.locator(".wp-filter-status").inner_text() == ""


def test_a_link_preselects_the_form_in_the_overview(server, page):
    page.goto(server + "initiativen/?organisationsform=steuerungskreis")
    assert page.get_by_label("Organisationsform", exact=True).input_value() == "steuerungskreis"
    shown = page.locator("table.wp-liste tbody tr:visible td:first-child").all_inner_texts()
    assert set(shown) == {"Industriedialog Rhein-Mosel", "In du strie: Gemeinsam.Zukunft.Leben. (Münster)"}


def test_overview_shows_the_form_as_a_column(site):
    html = text(site, "initiativen")
    assert '<th scope="col">Organisationsform</th>' in html
    assert html.count("data-organisationsform=") == 40
    assert html.count('data-organisationsform="nicht-angegeben"') == 40 - len(RECORDED)


# --- The governance page -------------------------------------------------------------------------

EDITORIAL_CLASSES = ("wp-redaktionell", "wp-leer", "wp-einordnung")


def test_governance_page_is_in_the_navigation_and_the_knowledge_index(site):
    index = article(site, "wissen")
    assert "governance/" in index.hrefs and "materialien/" in index.hrefs
    nav = text(site, "wissen").split("<article", 1)[0]
    for url, label in (("governance/", "Governance"), ("materialien/", "Ergebnisse und Materialien")):
        assert re.search(rf'<a href="{url}" class="md-nav__link">( <[^>]+>)* {label} ', nav), url


def test_every_statement_on_the_governance_page_is_cited(site):
    page = article(site, "wissen/governance")
    statements = [b for b in page.blocks if b["tag"] == "li" and "wp-angaben" in b["ul_class"]]
    assert len(statements) > 80
    uncited = [b["text"][:80] for b in statements if not b["noted"]]
    assert not uncited, uncited
    # Any other paragraph is marked as editorial, an empty-list note or an explanation of the page.
    unmarked = [b["text"][:80] for b in page.blocks if b["tag"] == "p" and not b["noted"]
                and not any(c in b["class"] for c in EDITORIAL_CLASSES)]
    assert not unmarked, unmarked
    html = (site / "wissen" / "governance" / "index.html").read_text(encoding="utf-8")
    notes = re.findall(r'<li id="beleg-(\d+)">([^<]*)', html)
    assert notes and all(re.search(r", (III|IV|V|VI|VII)(\.|\b)|Vorlagentext", ref) for _, ref in notes), notes


def test_governance_page_says_which_text_is_editorial(site):
    html = text(site, "wissen/governance")
    assert "Absätze, die mit <strong>Redaktionell</strong> beginnen, hat die Redaktion der Wissensplattform geschrieben" in html
    assert "Sie stehen nicht in den Quellen." in html
    assert "liegt selbst nicht vor" in html
    data = yaml.safe_load((ROOT / "wissen" / "governance.yaml").read_text(encoding="utf-8"))
    editorial = list(data.get("redaktionell", []))
    for block in data["strukturen"] + data["arbeitsfokus"]:
        editorial += block.get("redaktionell", [])
    assert editorial
    paragraphs = [b for b in article(site, "wissen/governance").blocks if b["tag"] == "p"]
    for sentence in editorial:
        holder = next(b for b in paragraphs if " ".join(sentence.split()) in " ".join(b["text"].split()))
        assert "wp-redaktionell" in holder["class"] and holder["text"].strip().startswith("Redaktionell:")
        assert not holder["noted"], "editorial text carries no source note"


def test_governance_page_relates_structures_to_the_work_focus(site):
    html = content(site, "wissen/governance")
    for heading in ("Netzwerkorientierte Initiativen – Dialog nach innen",
                    "Maßnahmenorientierte Initiativen – Dialog mit der Zivilgesellschaft"):
        section = html.split(heading, 1)[1].split("<h3", 1)[0]
        assert "Vorteile nach den Quellen" in section and "Nachteile und Grenzen nach den Quellen" in section
        assert section.count('class="wp-beleg"') >= 4
    # The study's own pairing of advantages and disadvantages of a loose structure (III.2.5).
    assert "geringen Eintrittshürde" in html and "institutionellen Flexibilität" in html


def test_grouping_links_every_initiative_with_a_recorded_form(site, catalog):
    page = article(site, "wissen/governance")
    for form in Organisationsform:
        expected = {f"../../initiativen/{slug}/" for slug, value in RECORDED.items() if value == form.value}
        linked = {h for h in page.groups[f"form-{form.value}"] if h.startswith("../../initiativen/") and "?" not in h}
        assert linked == expected, form.value
        assert f"../../initiativen/?organisationsform={form.value}" in page.groups[f"form-{form.value}"]
    unrecorded = {f"../../initiativen/{e.slug}/" for e in catalog.entries if e.initiative.organisationsform is None}
    assert set(page.groups["form-nicht-angegeben"]) == unrecorded
    html = text(site, "wissen/governance")
    assert f"Organisationsform nicht angegeben ({len(unrecorded)})" in html


# --- Chapters V and VI ---------------------------------------------------------------------------

def test_materials_page_lists_all_eight_elements_of_chapters_v_and_vi(site):
    html = content(site, "wissen/materialien")
    headings = re.findall(r'<h2 id="[^"]+">(.*?) <span class="wp-abschnitt">\(Abschnitt ([^)]+)\)</span></h2>', html)
    assert dict(headings) == ELEMENTS and len(headings) == 8
    listing = html.split('<ol class="wp-materialien">', 1)[1].split("</ol>", 1)[0]
    sections = listing.split("<li> <h2 id=")[1:]
    assert len(sections) == 8
    for body in sections:
        title = re.match(r'"[^"]+">(.*?) <span', body).group(1)
        assert body.count('class="wp-beleg"') >= 1, title
        assert 'class="wp-redaktionell wp-materialstand"' in body, title
        if title in NOT_AVAILABLE:
            assert "Das Material selbst liegt nicht vor." in body, title
    page = article(site, "wissen/materialien")
    for target in ("../governance/", "../../werkzeugkiste/", "../netzwerktreffen/", "../../karte/"):
        assert target in page.hrefs, target
    statements = [b for b in page.blocks if b["tag"] == "li" and "wp-angaben" in b["ul_class"]]
    assert statements and all(b["noted"] for b in statements)


def test_network_meetings_page_has_all_four_meetings(site):
    html = (site / "wissen" / "netzwerktreffen" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<h2 id="treffen-([0-9-]+)"', html) == ["2016-06-07", "2016-11-03", "2017-04-05", "2017-11-07"]
