"""Downloads of the Werkzeugkiste and the printable Steckbriefe, read back with the libraries that open them
and with LibreOffice as a real office client."""

from __future__ import annotations

import io
import math
import re
import zipfile
from pathlib import Path

import docx
import odfdo
import pytest
from lxml import html
from pypdf import PdfReader

from conftest import ROOT
from wissensplattform.data.load import load_catalog
from wissensplattform.outputs.documents.inspect import in_order, pdf_text, plain
from wissensplattform.outputs.office import INSTALL_HINT, convert_to_pdf, soffice
from wissensplattform.data.toolbox import CHECKLIST_COLUMNS, RUN_SHEET_COLUMNS, TIME_PLAN_COLUMNS

RUN_SHEETS = ["zukunftswerkstatt", "design-thinking-workshop", "world-cafe", "zukunftscafe", "brown-bag-lunch"]
FORMATS = ("pdf", "docx", "odt")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT)


@pytest.fixture(scope="module")
def sheets(catalog):
    return {s.kennung: s for r in catalog.toolbox for s in r.model.ablaufplaene}


def _stems(catalog) -> list[str]:
    stems = []
    for record in catalog.toolbox:
        m = record.model
        stems += [f"ablaufplan-{x.kennung}" for x in m.ablaufplaene] + [f"checkliste-{x.kennung}" for x in m.checklisten]
        stems += [f"zeitplan-{x.kennung}" for x in m.zeitplaene] + [f"vorlage-{x.kennung}" for x in m.vorlagen]
    return stems


def _docx_table(path: Path, index: int = 0) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in docx.Document(str(path)).tables[index].rows]


def _odt_table(path: Path, index: int = 0) -> list[list[str]]:
    table = odfdo.Document(str(path)).body.get_tables()[index]
    return [["\n".join(p.text_recursive for p in cell.get_paragraphs()) for cell in row.traverse()]
            for row in table.traverse()]


def test_each_run_sheet_exists_in_three_formats(site, sheets):
    assert sorted(sheets) == sorted(RUN_SHEETS)
    for kennung in RUN_SHEETS:
        for ext in FORMATS:
            assert (site / "downloads" / f"ablaufplan-{kennung}.{ext}").stat().st_size > 1000, (kennung, ext)


def test_every_checklist_time_plan_and_template_exists_in_three_formats(site, catalog):
    stems = _stems(catalog)
    assert {"checkliste-veranstaltungsplanung", "zeitplan-veranstaltung", "vorlage-einladung",
            "vorlage-stakeholderanalyse"} <= set(stems)
    produced = {p.name for p in (site / "downloads").iterdir() if not p.name.startswith("steckbrief-")}
    assert produced == {f"{stem}.{ext}" for stem in stems for ext in FORMATS}


@pytest.mark.parametrize("kennung", RUN_SHEETS)
def test_docx_run_sheet_is_a_real_table_with_the_steps_in_order(site, sheets, kennung):
    path = site / "downloads" / f"ablaufplan-{kennung}.docx"
    document = docx.Document(str(path))
    assert document.core_properties.title == f"Ablaufplan {sheets[kennung].titel}"
    assert document.core_properties.language == "de-DE"
    rows = _docx_table(path)
    assert tuple(rows[0]) == RUN_SHEET_COLUMNS
    assert [row[2] for row in rows[1:]] == [z.schritt for z in sheets[kennung].zeilen]
    assert [row[0] for row in rows[1:]] == [z.zeit for z in sheets[kennung].zeilen]


@pytest.mark.parametrize("kennung", RUN_SHEETS)
def test_odt_run_sheet_is_a_real_table_with_the_steps_in_order(site, sheets, kennung):
    path = site / "downloads" / f"ablaufplan-{kennung}.odt"
    document = odfdo.Document(str(path))
    assert document.meta.get_title() == f"Ablaufplan {sheets[kennung].titel}"
    assert document.meta.get_language() == "de-DE"
    rows = _odt_table(path)
    assert tuple(rows[0]) == RUN_SHEET_COLUMNS
    assert [row[2] for row in rows[1:]] == [z.schritt for z in sheets[kennung].zeilen]
    assert [row[5] for row in rows[1:]] == [z.verantwortlich for z in sheets[kennung].zeilen]


@pytest.mark.parametrize("kennung", RUN_SHEETS)
def test_pdf_run_sheet_has_the_steps_in_order_title_language_and_embedded_fonts(site, sheets, kennung):
    data = (site / "downloads" / f"ablaufplan-{kennung}.pdf").read_bytes()
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.title == f"Ablaufplan {sheets[kennung].titel}"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "de"
    # Tagged PDF (PDF/UA-1 as written by WeasyPrint): a structure tree and the Marked flag.
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    text = pdf_text(data)
    steps = [z.schritt for z in sheets[kennung].zeilen]
    assert in_order(text, steps), steps
    assert not in_order(text, list(reversed(steps)))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)["/FontDescriptor"]
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, font["/BaseFont"]


def test_checklists_have_tick_boxes_and_columns_who_and_by_when(site, catalog):
    checklists = [c for r in catalog.toolbox for c in r.model.checklisten]
    assert len(checklists) >= 2
    for checklist in checklists:
        stem = f"checkliste-{checklist.kennung}"
        tasks = [p.aufgabe for section in checklist.abschnitte for p in section.punkte]
        docx_rows = [row for i in range(len(checklist.abschnitte)) for row in _docx_table(site / "downloads" / f"{stem}.docx", i)]
        odt_rows = [row for i in range(len(checklist.abschnitte)) for row in _odt_table(site / "downloads" / f"{stem}.odt", i)]
        for rows in (docx_rows, odt_rows):
            body = [row for row in rows if tuple(row) != CHECKLIST_COLUMNS]
            assert len(rows) - len(body) == len(checklist.abschnitte)
            assert [row[1] for row in body] == tasks
            assert {row[0] for row in body} == {"☐"}
        text = pdf_text((site / "downloads" / f"{stem}.pdf").read_bytes())
        assert text.count("☐") == len(tasks)
        assert "Wer" in text and "Bis wann" in text and in_order(text, tasks)


def test_time_plan_counts_back_from_the_event(site, catalog):
    plan = next(p for r in catalog.toolbox for p in r.model.zeitplaene)
    rows = _odt_table(site / "downloads" / f"zeitplan-{plan.kennung}.odt")
    assert tuple(rows[0]) == TIME_PLAN_COLUMNS
    labels = [row[1] for row in rows[1:]]
    weeks = [int(re.match(r"(\d+) Wochen? vor der Veranstaltung", label).group(1)) for label in labels[:-1]]
    assert weeks == sorted(weeks, reverse=True) and weeks[0] == max(s.wochen_vorher for s in plan.schritte)
    assert labels[-1] == "In der Woche der Veranstaltung"
    assert [row[1] for row in _docx_table(site / "downloads" / f"zeitplan-{plan.kennung}.docx")[1:]] == labels
    assert in_order(pdf_text((site / "downloads" / f"zeitplan-{plan.kennung}.pdf").read_bytes()), labels)


def test_templates_keep_their_table_columns(site, catalog):
    template = next(v for r in catalog.toolbox for v in r.model.vorlagen if v.kennung == "stakeholderanalyse")
    rows = _docx_table(site / "downloads" / "vorlage-stakeholderanalyse.docx")
    assert rows[0] == template.tabelle.spalten
    assert len(rows) == 1 + len(template.tabelle.beispiel) + template.tabelle.leerzeilen
    assert _odt_table(site / "downloads" / "vorlage-stakeholderanalyse.odt")[0] == template.tabelle.spalten


def test_download_links_state_format_and_size(site):
    links = []
    for page_file in (site / "werkzeugkiste").rglob("index.html"):
        for a in html.fromstring(page_file.read_text(encoding="utf-8")).xpath("//ul[@class='wp-downloads']//a"):
            links.append((page_file, a))
    assert len(links) >= 3 * 13
    for page_file, a in links:
        match = re.fullmatch(r"(.+) \((PDF|DOCX|ODT), (\d+) KB\)", a.text_content())
        assert match, a.text_content()
        target = (page_file.parent / a.get("href")).resolve()
        assert target.suffix == "." + match.group(2).lower()
        assert int(match.group(3)) == math.ceil(target.stat().st_size / 1024)
    labels = {a.text_content().rsplit(" (", 1)[0] for _, a in links}
    assert "Ablaufplan World Café" in labels and "Checkliste Veranstaltungsplanung" in labels


def test_every_initiative_has_a_one_page_steckbrief_linked_from_its_profile(site, catalog):
    for entry in catalog.entries:
        path = site / "downloads" / f"steckbrief-{entry.slug}.pdf"
        reader = PdfReader(str(path))
        assert len(reader.pages) == 1, entry.slug
        assert reader.metadata.title == f"Steckbrief {entry.initiative.name}"
        assert reader.trailer["/Root"]["/Lang"] == "de"
        assert plain(entry.initiative.name) in pdf_text(path.read_bytes())
        profile = html.fromstring((site / "initiativen" / entry.slug / "index.html").read_text(encoding="utf-8"))
        link = profile.xpath("//p[@class='wp-steckbrief-pdf']/a")[0]
        assert link.get("href") == f"../../downloads/steckbrief-{entry.slug}.pdf"
        assert link.text_content() == f"Steckbrief {entry.initiative.name} (PDF, {math.ceil(path.stat().st_size / 1024)} KB)"


def test_nothing_in_the_files_loads_from_a_third_party(site):
    for path in (site / "downloads").iterdir():
        data = path.read_bytes()
        if path.suffix == ".pdf":
            reader = PdfReader(io.BytesIO(data))
            # No link, launch or remote action on any page, no embedded or remote files.
            for page in reader.pages:
                for annotation in page.get("/Annots") or []:
                    action = annotation.get_object().get("/A") or {}
                    assert action.get("/S") not in ("/URI", "/Launch", "/GoToR", "/SubmitForm"), path.name
            assert "/EmbeddedFiles" not in (reader.trailer["/Root"].get("/Names") or {}), path.name
            continue
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.endswith((".xml", ".rels")):
                    assert b'TargetMode="External"' not in archive.read(name), (path.name, name)
                    assert b'xlink:href="http' not in archive.read(name), (path.name, name)


def test_libreoffice_opens_docx_and_odt(site, catalog, tmp_path):
    """A real office client: LibreOffice converts one DOCX and one ODT to PDF with every row in order."""
    assert soffice() is not None, INSTALL_HINT
    sheet = next(s for r in catalog.toolbox for s in r.model.ablaufplaene if s.kennung == "world-cafe")
    checklist = next(c for r in catalog.toolbox for c in r.model.checklisten if c.kennung == "veranstaltungsplanung")
    for name, expected in (("ablaufplan-world-cafe.docx", [z.schritt for z in sheet.zeilen]),
                           ("checkliste-veranstaltungsplanung.odt",
                            [p.aufgabe for s in checklist.abschnitte for p in s.punkte])):
        source = tmp_path / name
        source.write_bytes((site / "downloads" / name).read_bytes())
        text = pdf_text(convert_to_pdf(source, tmp_path).read_bytes())
        assert in_order(text, expected), name


def _titled(n: int) -> list[str]:
    return [f'<!DOCTYPE html><html lang="de"><head><title>Probe {i}</title></head><body><p>Probe {i}</p></body></html>'
            for i in range(n)]


def test_many_pdfs_are_rendered_in_parallel_in_order_and_then_reused(tmp_path, monkeypatch):
    from wissensplattform.outputs.documents import pdf

    monkeypatch.setattr(pdf, "CACHE", tmp_path)
    htmls = _titled(pdf.PARALLEL_FROM)
    first = pdf.html_to_pdfs(htmls)
    assert [PdfReader(io.BytesIO(data)).metadata.title for data in first] == [f"Probe {i}" for i in range(len(htmls))]
    assert len(list(tmp_path.glob("*.pdf"))) == len(htmls)

    def no_rendering(html):
        raise AssertionError("a cached PDF was rendered again")

    monkeypatch.setattr(pdf, "_render", no_rendering)
    assert pdf.html_to_pdfs(htmls) == first


def test_pdfs_no_build_used_for_a_month_leave_the_cache(tmp_path, monkeypatch):
    import datetime as dt
    import os

    from wissensplattform.outputs.documents import pdf

    monkeypatch.setattr(pdf, "CACHE", tmp_path)
    used, unused = _titled(2)
    pdf.html_to_pdfs([used, unused])
    long_ago = (dt.datetime.now() - dt.timedelta(days=40)).timestamp()
    for path in tmp_path.glob("*.pdf"):
        os.utime(path, (long_ago, long_ago))
    pdf.html_to_pdfs([used])  # a build that still uses the first one
    assert pdf.prune_cache() == 1
    assert [p.name for p in tmp_path.glob("*.pdf")] == [pdf._cache_path(used).name]
