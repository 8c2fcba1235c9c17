"""The Werkzeugkiste's downloads as documents: run-sheets, checklists, time plans and templates with their references."""

from __future__ import annotations

from dataclasses import dataclass

from wissensplattform.data.catalog import Catalog
from wissensplattform.data.models.common import Beleg, TextAngabe
from wissensplattform.data.models.toolbox import Ablaufplan, Checkliste, Vorlage, Zeitplan
from wissensplattform.data.toolbox import (
    CHECKLIST_COLUMNS, RUN_SHEET_COLUMNS, TIME_PLAN_COLUMNS, items, modules, run_sheet_rows, run_sheet_span,
    time_plan_steps, weeks_label,
)
from wissensplattform.outputs.documents.model import CHECKBOX, Block, Bullets, Document, Heading, Paragraph, Table
from wissensplattform.pages.citations import reference

FOOTER = "Wissensplattform Industrieinitiativen · Werkzeugkiste, Modul {nummer}: {titel}"


@dataclass
class _Notes:
    """Numbered references of one document: `[1] A. Schild, …, IV.6`."""

    catalog: Catalog
    lines: list[str]

    def cite(self, beleg: Beleg) -> str:
        line = f"{reference(self.catalog.sources[beleg.quelle])}, {beleg.stelle}"
        if line not in self.lines:
            self.lines.append(line)
        return f"[{self.lines.index(line) + 1}]"

    def statement(self, angabe: TextAngabe) -> str:
        text = f"»{angabe.text}«" if angabe.zitat else angabe.text
        return f"{text} {self.cite(angabe)}"


def toolbox_documents(catalog: Catalog) -> list[Document]:
    """Every document of the toolbox, in module order."""
    documents = []
    for record in modules(catalog):
        footer = FOOTER.format(nummer=record.model.nummer, titel=record.model.titel)
        for stem, item in items(record.model):
            documents.append(_document(stem, item, footer, _Notes(catalog, [])))
    return documents


def _document(stem: str, item: object, footer: str, notes: _Notes) -> Document:
    if isinstance(item, Ablaufplan):
        blocks, title, kind, landscape = _run_sheet(item, notes), f"Ablaufplan {item.titel}", "Ablaufplan", True
    elif isinstance(item, Checkliste):
        blocks, title, kind, landscape = _checklist(item), item.titel, "Checkliste", False
    elif isinstance(item, Zeitplan):
        blocks, title, kind, landscape = _time_plan(item), item.titel, "Zeitplan", False
    else:
        assert isinstance(item, Vorlage)
        blocks, title, kind, landscape = _template(item, notes), item.titel, "Vorlage", bool(item.tabelle)
    for beleg in getattr(item, "literatur"):
        notes.cite(beleg)
    return Document(stem, title, kind, tuple(blocks), tuple(notes.lines), footer, landscape)


def _run_sheet(sheet: Ablaufplan, notes: _Notes) -> list[Block]:
    blocks: list[Block] = [
        Paragraph(sheet.zweck, "Zweck"),
        Paragraph(sheet.teilnehmende, "Teilnehmende"),
        Paragraph(run_sheet_span(sheet), "Dauer"),
        Heading("Ablauf"),
        Table(RUN_SHEET_COLUMNS, run_sheet_rows(sheet), (6, 7, 28, 18, 19, 16), key=2),
    ]
    if sheet.hinweise:
        blocks += [Heading("Hinweise"), Bullets(tuple(sheet.hinweise))]
    if sheet.studie:
        blocks += [Heading("Aus der Studie"), Bullets(tuple(notes.statement(a) for a in sheet.studie))]
    return blocks


def _checklist(checklist: Checkliste) -> list[Block]:
    blocks: list[Block] = [Paragraph(checklist.zweck, "Zweck")]
    for section in checklist.abschnitte:
        rows = tuple((CHECKBOX, p.aufgabe, p.wer or "", p.bis_wann or "") for p in section.punkte)
        blocks += [Heading(section.titel), Table(CHECKLIST_COLUMNS, rows, (5, 19, 7, 7), key=1)]
    return blocks


def _time_plan(plan: Zeitplan) -> list[Block]:
    rows = tuple((CHECKBOX, weeks_label(s), "", s.aufgabe, s.wer or "") for s in time_plan_steps(plan))
    return [
        Paragraph(plan.zweck, "Zweck"),
        Paragraph("______________________ (tragen Sie in der Spalte »Datum« die Termine ein, "
                  "die sich rückwärts von diesem Tag ergeben)", "Datum der Veranstaltung"),
        Table(TIME_PLAN_COLUMNS, rows, (5, 10, 6, 18, 9), key=3),
    ]


def _template(template: Vorlage, notes: _Notes) -> list[Block]:
    blocks: list[Block] = [Paragraph(template.zweck, "Zweck")]
    for section in template.abschnitte:
        blocks.append(Heading(section.titel))
        blocks += [Paragraph(text) for text in section.absaetze]
        if section.punkte:
            blocks.append(Bullets(tuple(section.punkte)))
        for beleg in section.literatur:
            notes.cite(beleg)
    if template.tabelle:
        table = template.tabelle
        empty = tuple("" for _ in table.spalten)
        rows = tuple(tuple(row) for row in table.beispiel) + (empty,) * table.leerzeilen
        blocks.append(Table(tuple(table.spalten), rows))
    return blocks
