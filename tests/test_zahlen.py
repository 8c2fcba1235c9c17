"""»Die Landschaft in Zahlen« (/wissen/zahlen/): the charts show the counts of the data, each has a text
alternative and a data table, the page needs no script and passes axe; the study's numbers are its own."""

from __future__ import annotations

import re
from collections import Counter
from enum import Enum
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from axe_playwright_python.sync_playwright import Axe
from pydantic import ConfigDict

from conftest import ROOT
from wissensplattform.data.load import load_catalog
from wissensplattform.data.models.common import Beleg, Bundesland, LabelledEnum
from wissensplattform.data.models.initiative import Ebene, Initiative, Typ
from wissensplattform.data.study import STUDY_FILE, normalised, table_1
from wissensplattform.pages.contexts import zahlen as ctx
from wissensplattform.pages.rendering import render

URL = "wissen/zahlen/"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


# --- Reading the built page -------------------------------------------------------------------------------

class _Page(HTMLParser):
    """The page's article: its charts (SVG rows and bars), its data tables, its ids and its scripts."""

    def __init__(self):
        super().__init__()
        self.in_article = False
        self.scripts = 0
        self.svgs: dict[str, dict] = {}        # data-diagramm → {attrs, rows, rects, size}
        self.tables: dict[str, dict] = {}      # data-diagramm → {caption, head, rows, foot, scopes}
        self.figures: list[dict] = []
        self._svg = self._table = self._figure = None
        self._row = self._cell = self._text = None
        self._section = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self.in_article = True
        if not self.in_article:
            return
        if tag == "script":
            self.scripts += 1
        if tag == "figure":
            self._figure = {"id": attrs.get("id"), "svg": None, "caption": ""}
            self.figures.append(self._figure)
        elif tag == "figcaption" and self._figure is not None:
            self._text = []
        elif tag == "svg":
            self._svg = {"attrs": attrs, "rows": {}, "rects": [], "title": None, "desc": None}
            self.svgs[attrs["data-diagramm"]] = self._svg
            if self._figure is not None:
                self._figure["svg"] = attrs["data-diagramm"]
        elif self._svg is not None and tag == "g" and "data-zeile" in attrs:
            self._row = {"label": attrs["data-zeile"], "texts": []}
            self._svg["rows"][attrs["data-zeile"]] = self._row
        elif self._svg is not None and tag in ("text", "title", "desc"):
            self._text = []
        elif self._svg is not None and tag == "rect":
            self._svg["rects"].append((float(attrs["width"]), int(attrs["data-wert"])))
        elif tag == "table":
            self._table = {"caption": None, "head": [], "rows": [], "foot": [], "scopes": []}
            self.tables[attrs.get("data-diagramm", f"table-{len(self.tables)}")] = self._table
        elif self._table is not None and tag in ("thead", "tbody", "tfoot"):
            self._section = tag
        elif self._table is not None and tag == "tr":
            self._row = []
            {"thead": self._table["head"], "tbody": self._table["rows"], "tfoot": self._table["foot"]}[
                self._section].append(self._row)
        elif self._table is not None and tag in ("th", "td"):
            self._cell = []
            if tag == "th":
                self._table["scopes"].append(attrs.get("scope"))
        elif self._table is not None and tag == "caption":
            self._text = []

    def handle_endtag(self, tag):
        if not self.in_article:
            return
        if tag == "article":
            self.in_article = False
        if tag == "figcaption" and self._figure is not None:
            self._figure["caption"] = " ".join("".join(self._text).split())
            self._text = None
        elif tag == "figure":
            self._figure = None
        elif tag == "svg":
            self._svg = None
        elif self._svg is not None and tag == "g":
            self._row = None
        elif self._svg is not None and tag in ("text", "title", "desc") and self._text is not None:
            text = " ".join("".join(self._text).split())
            if tag in ("title", "desc"):
                self._svg[tag] = text
            elif isinstance(self._row, dict):
                self._row["texts"].append(text)
            self._text = None
        elif self._table is not None and tag in ("th", "td") and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif self._table is not None and tag == "caption":
            self._table["caption"] = " ".join("".join(self._text).split())
            self._text = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        if not self.in_article:
            return
        for target in (self._text, self._cell):
            if target is not None:
                target.append(data)


def text_of(html: str, element_id: str) -> str:
    """The text inside the element with this id (enough for an SVG's <title> and <desc>, which nest nothing)."""
    match = re.search(rf'<(\w+)\b[^>]*\bid="{re.escape(element_id)}"[^>]*>(.*?)</\1>', html, re.DOTALL)
    return " ".join(re.sub(r"<[^>]+>", "", match.group(2)).split()) if match else ""


@pytest.fixture(scope="module")
def html(site) -> str:
    return (site / URL / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def article(html) -> str:
    return html[html.index("<article"):html.index("</article>")]


@pytest.fixture(scope="module")
def parsed(html) -> _Page:
    page = _Page()
    page.feed(html)
    return page


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT)


# --- The counts, straight from the data files ------------------------------------------------------------

def expected_laender(catalog) -> dict[str, list[int]]:
    """Land (or the row without one) → [lokal, regional, landesweit, gesamt]."""
    rows = {land.value: [0, 0, 0, 0] for land in Bundesland}
    rows[ctx.OHNE_LAND] = [0, 0, 0, 0]
    for entry in catalog.entries:
        initiative = entry.initiative
        row = rows[initiative.bundesland.wert.value if initiative.bundesland else ctx.OHNE_LAND]
        row[list(Ebene).index(initiative.ebene)] += 1
        row[3] += 1
    return rows


def expected_jahre(catalog) -> dict[str, int]:
    counts = Counter(str(e.initiative.gruendung.wert) if e.initiative.gruendung else ctx.OHNE_JAHR
                     for e in catalog.entries)
    return dict(counts)


def expected_typ_ebene(catalog) -> list[list[int]]:
    counts = Counter((e.initiative.ebene, e.initiative.typ) for e in catalog.entries)
    return [[counts[(ebene, typ)] for typ in Typ] for ebene in Ebene]


def _numbers(cells: list[str]) -> list[int]:
    return [int(cell) for cell in cells]


def test_the_page_is_in_the_wissen_navigation_and_linked_from_the_wissen_index(site):
    index = (site / "wissen" / "index.html").read_text(encoding="utf-8")
    article = index[index.index("<article"):index.index("</article>")]
    assert 'href="zahlen/"' in article
    nav = index[:index.index("<article")]
    assert "Die Landschaft in Zahlen" in nav


def test_chart_1_land_and_level_equals_the_data(parsed, catalog):
    expected = expected_laender(catalog)
    svg = parsed.svgs["land"]
    drawn = {label: _numbers(row["texts"][1:]) for label, row in svg["rows"].items() if label != "Summe"}
    assert drawn == expected
    # The rows add up to every initiative, the row without a Land included.
    assert sum(row[3] for row in drawn.values()) == len(catalog.entries)
    assert _numbers(svg["rows"]["Summe"]["texts"][1:]) == [sum(r[i] for r in expected.values()) for i in range(4)]
    table = parsed.tables["land"]
    assert {row[0]: _numbers(row[1:]) for row in table["rows"]} == expected
    assert table["head"] == [["Land", "Lokal", "Regional", "Landesweit", "Gesamt"]]
    assert _numbers(table["foot"][0][1:])[-1] == len(catalog.entries)


def test_chart_2_founding_years_equals_the_data(parsed, catalog):
    expected = expected_jahre(catalog)
    svg = parsed.svgs["gruendung"]
    drawn = {label: int(row["texts"][1]) for label, row in svg["rows"].items() if label != "Summe"}
    assert drawn == expected
    assert ctx.OHNE_JAHR in drawn  # counted even when … (the data has initiatives without a year)
    years = [label for label in drawn if label != ctx.OHNE_JAHR]
    assert years == sorted(years) and list(drawn)[-1] == ctx.OHNE_JAHR
    assert int(svg["rows"]["Summe"]["texts"][1]) == len(catalog.entries)
    table = parsed.tables["gruendung"]
    assert {row[0]: int(row[1]) for row in table["rows"]} == expected
    assert int(table["foot"][0][1]) == len(catalog.entries)


def test_chart_3_type_and_level_equals_the_data(parsed, catalog):
    expected = expected_typ_ebene(catalog)
    svg = parsed.svgs["typ-ebene"]
    for ebene, row in zip(Ebene, expected):
        texts = svg["rows"][ebene.label]["texts"]
        assert texts[0] == ebene.label
        assert _numbers(texts[1:]) == [*row, sum(row)]
    assert _numbers(svg["rows"]["Summe"]["texts"][1:]) == [*map(sum, zip(*expected)), len(catalog.entries)]
    table = parsed.tables["typ-ebene"]
    assert table["head"] == [["Ebene", *(t.label for t in Typ), "Summe"]]
    assert [_numbers(row[1:]) for row in table["rows"]] == [[*row, sum(row)] for row in expected]
    assert _numbers(table["foot"][0][1:]) == [*map(sum, zip(*expected)), len(catalog.entries)]


def test_chart_4_organisational_form_appears_only_with_the_field(parsed, catalog, article):
    if ctx.ORGANISATIONSFORM in Initiative.model_fields:
        counts = Counter()
        for entry in catalog.entries:
            value = getattr(entry.initiative, ctx.ORGANISATIONSFORM)
            counts[ctx.value_label(value) if value is not None else ctx.OHNE_FORM] += 1
        svg = parsed.svgs["organisationsform"]
        assert {label: int(row["texts"][1]) for label, row in svg["rows"].items() if label != "Summe"} == counts
        assert {row[0]: int(row[1]) for row in parsed.tables["organisationsform"]["rows"]} == counts
    else:
        assert "organisationsform" not in parsed.svgs and "organisationsform" not in parsed.tables
        assert "erfassen die Organisationsform einer Initiative noch nicht" in article


def test_bars_are_drawn_to_one_scale_per_chart(parsed):
    for name in ("land", "gruendung"):
        rects = parsed.svgs[name]["rects"]
        width, value = max(rects, key=lambda rect: rect[1])
        scale = width / value
        assert all(abs(width - value * scale) <= 0.1 for width, value in rects), (name, rects)  # lengths to 0.1


def test_every_chart_has_a_text_alternative_and_a_data_table(parsed, article):
    assert len(parsed.svgs) >= 4  # land, gruendung, typ-ebene and the study's Table 1
    for name, svg in parsed.svgs.items():
        attrs = svg["attrs"]
        assert attrs["role"] == "img", name
        labels = attrs["aria-labelledby"].split()
        assert labels == [f"{name}-titel", f"{name}-text"]
        assert all(text_of(article, i) for i in labels), name
        assert svg["title"] and svg["desc"], name
        # The description states every number of the chart.
        for row in svg["rows"].values():
            for number in row["texts"][1:]:
                assert number in svg["desc"], (name, row)
        table = parsed.tables[name]
        assert table["caption"], name
        assert set(table["scopes"]) <= {"col", "row"} and None not in table["scopes"], name
        assert len(table["scopes"]) == len(table["head"][0]) + len(table["rows"]) + len(table["foot"])
    for figure in parsed.figures:
        assert figure["svg"] and figure["caption"], figure


def test_no_script_in_the_content_and_small_charts(article, parsed):
    assert parsed.scripts == 0 and "<script" not in article.lower()
    assert not re.search(r"<[^>]*\son[a-z]+\s*=", article)  # no event-handler attributes either
    for svg in re.findall(r"<svg\b.*?</svg>", article, re.DOTALL):
        assert len(svg.encode("utf-8")) < 30_000
        assert "<script" not in svg and "<foreignObject" not in svg


def test_the_page_says_what_today_means_and_quotes_the_study(article, catalog):
    stand = max(catalog.stand.values())
    assert f"Stand der Daten vom {stand:%d.%m.%Y}" in " ".join(article.split())
    assert "bei jedem Bau der Website" in article
    for angabe in (*ctx.STUDIE_LAENDER, *ctx.STUDIE_GRUENDUNG, *ctx.STUDIE_ORGANISATIONSFORM):
        assert angabe.text in " ".join(article.replace("&#34;", '"').split())
        assert angabe.stelle in article
    assert "III.2.3, Tabelle 1" in article
    assert "Zahlen für die übrigen Länder nennt der Text der Studie nicht" in article
    assert "in welchem Jahr gegründet wurden, nennt der Text der Studie nicht" in article


def test_the_page_passes_axe_without_javascript_charts(server, page):
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(server + URL)
        page.wait_for_load_state("load")
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
        violations = [f"{v['id']}: {v['help']} – " + "; ".join(n["target"][0] for n in v["nodes"][:5])
                      for v in results.response["violations"]]
        assert not violations, (width, violations)
        # The charts are there without any script of their own: every one is a finished SVG.
        assert page.locator("article svg[role=img]").count() >= 4


# --- The study's numbers are the study's ----------------------------------------------------------------

def _study() -> str:
    return normalised(STUDY_FILE.read_text(encoding="utf-8").replace("*", ""))


def test_quotations_are_word_for_word_in_the_study():
    study = _study()
    quotes = (*ctx.STUDIE_LAENDER, *ctx.STUDIE_GRUENDUNG, *ctx.STUDIE_ORGANISATIONSFORM,
              ctx.STUDIE_ABBILDUNG_3, ctx.STUDIE_ABBILDUNG_4)
    for angabe in quotes:
        assert angabe.zitat and angabe.quelle == "studie-2018"
        assert normalised(angabe.text) in study, angabe.text


def test_the_figures_and_sections_cited_are_where_the_study_has_them():
    text = STUDY_FILE.read_text(encoding="utf-8")
    section_1 = text[text.index("## 1. STATUS QUO"):text.index("## 2. ANALYSE")]
    assert "Abbildung 3: Die Initiativen in ihrer Verteilung nach Ländern und Ebene" in section_1
    assert "Abbildung 4: Gründungsjahr analysierter Industrieinitiativen und -bündnisse" in section_1
    for angabe in (*ctx.STUDIE_LAENDER, ctx.STUDIE_GRUENDUNG[0]):
        assert normalised(angabe.text) in normalised(section_1)
    section_2_1 = text[text.index("## 2.1. INITIATOREN"):text.index("## 2.2. HIERARCHIE")]
    assert normalised(ctx.STUDIE_ORGANISATIONSFORM[0].text) in normalised(section_2_1.replace("*", ""))
    assert "Rollen von Unternehmen, Kammern und Verbänden" in section_2_1


def test_table_1_numbers_are_the_names_the_study_lists_and_its_headings():
    cells = Counter((ebene, typ) for typ, ebene in table_1().values())
    counted = tuple(tuple(cells[(e.value, t.value)] for t in Typ) for e in Ebene)
    assert counted == ctx.STUDIE_TABELLE_1
    text = STUDY_FILE.read_text(encoding="utf-8")
    headings = {name: int(n) for name, n in re.findall(r"<b>(\w+)(?: Initiativen)? \((\d+)\)</b>", text)}
    rows = dict(zip(("Lokale", "Regionale", "Landesweite"), map(sum, ctx.STUDIE_TABELLE_1)))
    columns = dict(zip(("Netzwerkorientierte", "Maßnahmenorientierte", "Mischtypen"), map(sum, zip(*ctx.STUDIE_TABELLE_1))))
    assert {**rows, **columns} == {k: headings[k] for k in (*rows, *columns)}


def test_the_page_shows_the_study_table_beside_todays(parsed):
    table = parsed.tables["studie-typ-ebene"]
    assert [_numbers(row[1:4]) for row in table["rows"]] == [list(r) for r in ctx.STUDIE_TABELLE_1]
    assert table["foot"][0][-1] == "40"
    svg = parsed.svgs["studie-typ-ebene"]
    assert [_numbers(svg["rows"][e.label]["texts"][1:4]) for e in Ebene] == [list(r) for r in ctx.STUDIE_TABELLE_1]


# --- Colours ---------------------------------------------------------------------------------------------

def test_colours_meet_wcag_contrast():
    for colour in (*ctx.FARBEN_EBENE.values(), ctx.FARBE_GESAMT, ctx.FARBE_EINE, ctx.FARBE_LEER):
        assert ctx.contrast(colour, ctx.HINTERGRUND) >= 3, colour  # graphics against the page (1.4.11)
    for fill in ctx.WAERME:
        assert ctx.contrast(fill, ctx.text_colour(fill)) >= 4.5, fill  # a cell's number on its shade (1.4.3)
    assert ctx.contrast("#616161", ctx.HINTERGRUND) >= 3  # the grid's lines


# --- The organisational-form chart, ready for the field ---------------------------------------------------

class _Form(LabelledEnum):
    VEREIN = ("verein", "Eingetragener Verein")
    NETZWERK = ("netzwerk", "Netzwerk ohne Rechtsform")


class _FormAngabe(Beleg):
    model_config = ConfigDict(title="Test")
    wert: _Form


class _MitForm(Initiative):
    organisationsform: _FormAngabe | None = None


class _Ohne:
    model_fields = {name: field for name, field in Initiative.model_fields.items() if name != ctx.ORGANISATIONSFORM}


class _WithForm:
    """An initiative from the data with an organisational form added (as a later schema would have it)."""

    def __init__(self, initiative, form):
        self._initiative, self.organisationsform = initiative, form

    def __getattr__(self, name):
        return getattr(self._initiative, name)


def _catalog_with_forms(catalog):
    forms = [_FormAngabe(wert=_Form.VEREIN, quelle="studie-2018", stelle="III.2.2"),
             _FormAngabe(wert=_Form.NETZWERK, quelle="studie-2018", stelle="III.3.1.3"), None]
    entries = [SimpleNamespace(slug=e.slug, path=e.path, initiative=_WithForm(e.initiative, forms[i % 3]))
               for i, e in enumerate(catalog.entries)]
    fake = SimpleNamespace(entries=entries, sources=catalog.sources, stand=catalog.stand, wissen=catalog.wissen)
    return fake, Counter(ctx.value_label(forms[i % 3]) if forms[i % 3] else ctx.OHNE_FORM for i in range(len(entries)))


def test_the_organisational_form_chart_appears_once_the_model_has_the_field(catalog):
    fake, expected = _catalog_with_forms(catalog)
    assert ctx.has_organisationsform(_MitForm) and not ctx.has_organisationsform(_Ohne)
    context = ctx.zahlen_context(fake, model=_MitForm)
    chart = context.organisationsform
    assert chart is not None
    assert {z.titel: z.balken[0].wert for z in chart.zeilen} == expected
    assert chart.zeilen[-1].titel == ctx.OHNE_FORM and sum(chart.summe) == len(catalog.entries)
    html = render("knowledge/zahlen.html.j2", z=context, page_url=URL)
    page = _Page()
    page.feed(f"<article>{html}</article>")
    assert {label: int(row["texts"][1]) for label, row in page.svgs["organisationsform"]["rows"].items()
            if label != "Summe"} == expected
    assert {row[0]: int(row[1]) for row in page.tables["organisationsform"]["rows"]} == expected
    assert "noch nicht als eigene Angabe" not in html


def test_without_the_field_the_page_says_the_data_does_not_record_it(catalog):
    context = ctx.zahlen_context(catalog, model=_Ohne)
    assert context.organisationsform is None
    html = render("knowledge/zahlen.html.j2", z=context, page_url=URL)
    assert "noch nicht als eigene Angabe" in html and 'data-diagramm="organisationsform"' not in html


def test_a_list_valued_form_counts_each_form_once_per_initiative():
    entries = [SimpleNamespace(initiative=SimpleNamespace(organisationsform=value))
               for value in ([_Form.VEREIN, _Form.VEREIN, _Form.NETZWERK], [], "Stiftung", None)]
    chart = ctx.organisationsform_chart(entries)
    assert {z.titel: z.balken[0].wert for z in chart.zeilen} == {
        "Eingetragener Verein": 1, "Netzwerk ohne Rechtsform": 1, "Stiftung": 1, ctx.OHNE_FORM: 2}


def test_an_empty_catalogue_draws_empty_charts():
    empty = SimpleNamespace(entries=[], sources={}, stand={}, wissen=None)
    context = ctx.zahlen_context(empty)
    assert context.anzahl == 0 and context.studie == {} and context.stand == ""
    html = render("knowledge/zahlen.html.j2", z=context, page_url=URL)
    assert 'data-diagramm="land"' in html


def test_enum_member_labels_read_as_on_the_profiles():
    class Plain(str, Enum):
        A = "a"
    assert ctx.value_label(Plain.A) == "a"
    assert ctx.value_label(Ebene.LOKAL) == "Lokal"
    assert ctx.value_label(SimpleNamespace(wert=Typ.MISCHTYP)) == "Mischtyp"
