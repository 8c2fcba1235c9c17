"""The Werkzeugkiste as data: its modules in order, their cross-references, and the documents to download."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from wissensplattform.catalog import Catalog, Entry, Record
from wissensplattform.citations import reference
from wissensplattform.documents.model import CHECKBOX, Block, Bullets, Document, Heading, Paragraph, Table
from wissensplattform.models.common import Beleg, TextAngabe
from wissensplattform.models.toolbox import Ablaufplan, Checkliste, Modul, Vorlage, Zeitplan, Zeitplanschritt
from wissensplattform.loading import field_name
from wissensplattform.problems import Problem

RUN_SHEET_COLUMNS = ("Zeit", "Dauer", "Schritt", "Methode", "Material", "Verantwortlich")
CHECKLIST_COLUMNS = ("Erledigt", "Aufgabe", "Wer", "Bis wann")
TIME_PLAN_COLUMNS = ("Erledigt", "Zeitpunkt", "Datum", "Aufgabe", "Wer")
FOOTER = "Wissensplattform Industrieinitiativen · Werkzeugkiste, Modul {nummer}: {titel}"


def modules(catalog: Catalog) -> list[Record]:
    """The toolbox modules in the study's order (V.2)."""
    return sorted(catalog.toolbox, key=lambda record: record.model.nummer)


def toolbox_problems(toolbox: list[Record], entries: list[Entry]) -> list[Problem]:
    """Cross-file checks the schema cannot make, with file and line (run while the catalogue loads)."""
    records = sorted(toolbox, key=lambda record: record.model.nummer)
    problems: list[Problem] = []
    numbers = [r.model.nummer for r in records]
    formats = {f.kennung for r in records for f in r.model.formate}
    sheets = {a.kennung for r in records for a in r.model.ablaufplaene}
    for record in records:
        where = _locator(record)
        if numbers.count(record.model.nummer) > 1:
            problems.append(where(("nummer",), f"Die Modulnummer {record.model.nummer} kommt mehrfach vor.",
                                  "Jedes der neun Module hat seine eigene Nummer (Studie, V.2)."))
        for index, fmt in enumerate(record.model.formate):
            if fmt.ablaufplan and fmt.ablaufplan not in sheets:
                problems.append(where(("formate", index, "ablaufplan"), f"Den Ablaufplan »{fmt.ablaufplan}« gibt es nicht.",
                                      f"Vorhanden sind: {', '.join(sorted(sheets)) or 'keine'}."))
        for index, sheet in enumerate(record.model.ablaufplaene):
            if sheet.format and sheet.format not in formats:
                problems.append(where(("ablaufplaene", index, "format"), f"Den Format-Steckbrief »{sheet.format}« gibt es nicht.",
                                      f"Vorhanden sind: {', '.join(sorted(formats)) or 'keine'}."))
        problems += _use_problems(record, {entry.slug: entry.initiative for entry in entries})
    stems = [(stem, record) for record in records for stem, _ in items(record.model)]
    names = [stem for stem, _ in stems]
    for stem, record in stems:
        if names.count(stem) > 1:
            problems.append(_locator(record)((), f"Der Dateiname »{stem}« würde mehrfach vergeben.",
                                             "Geben Sie jedem Ablaufplan, jeder Checkliste und Vorlage eine eigene Kennung."))
    return problems


def _locator(record: Record):
    """`problem(loc, meldung, hinweis)` for one data file, with the line of `loc` where it is known."""
    if record.loaded is not None:
        return record.loaded.problem
    return lambda loc, meldung, hinweis=None: Problem(record.path, None, field_name(loc), meldung, hinweis)


def _use_problems(record: Record, initiatives: dict) -> list[Problem]:
    """A use names an existing initiative, and the model region its profile records."""
    where = _locator(record)
    problems = []
    for f_index, fmt in enumerate(record.model.formate):
        for u_index, use in enumerate(fmt.einsaetze):
            loc = ("formate", f_index, "einsaetze", u_index, "initiative")
            initiative = initiatives.get(use.initiative) if use.initiative else None
            if use.initiative and initiative is None:
                problems.append(where(loc, f"Die Initiative »{use.initiative}« gibt es nicht.",
                                      "Verwenden Sie den Dateinamen ohne .yaml aus `initiatives/`."))
            elif initiative and use.modellregion and initiative.modellregion != use.modellregion:
                problems.append(where(loc, f"Die Initiative »{use.initiative}« gehört laut ihrem Steckbrief zur "
                                           f"Modellregion »{initiative.modellregion or 'keine'}«, nicht zu »{use.modellregion}«.",
                                      "Prüfen Sie `initiative` und `modellregion` dieses Einsatzes."))
    return problems


def items(modul: Modul) -> Iterator[tuple[str, object]]:
    """Every downloadable item of a module with its file name stem."""
    for sheet in modul.ablaufplaene:
        yield f"ablaufplan-{sheet.kennung}", sheet
    for checklist in modul.checklisten:
        yield f"checkliste-{checklist.kennung}", checklist
    for plan in modul.zeitplaene:
        yield f"zeitplan-{plan.kennung}", plan
    for template in modul.vorlagen:
        yield f"vorlage-{template.kennung}", template


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


def run_sheet_rows(sheet: Ablaufplan) -> tuple[tuple[str, ...], ...]:
    return tuple((z.zeit, f"{z.dauer} min", z.schritt, z.methode, z.material, z.verantwortlich) for z in sheet.zeilen)


def run_sheet_span(sheet: Ablaufplan) -> str:
    """`14:00 bis 16:30 Uhr (150 Minuten)`."""
    last = sheet.zeilen[-1]
    hours, minutes = (int(p) for p in last.zeit.split(":"))
    end = hours * 60 + minutes + last.dauer
    total = sum(z.dauer for z in sheet.zeilen)
    return f"{sheet.zeilen[0].zeit} bis {end // 60:02d}:{end % 60:02d} Uhr ({total} Minuten)"


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


def weeks_label(step: Zeitplanschritt) -> str:
    """`0` → `In der Woche der Veranstaltung`, `1` → `1 Woche vor der Veranstaltung`, `6` → `6 Wochen vor …`."""
    if step.wochen_vorher == 0:
        return "In der Woche der Veranstaltung"
    unit = "Woche" if step.wochen_vorher == 1 else "Wochen"
    return f"{step.wochen_vorher} {unit} vor der Veranstaltung"


def time_plan_steps(plan: Zeitplan) -> list[Zeitplanschritt]:
    """Steps counted back from the event: the earliest first."""
    return sorted(plan.schritte, key=lambda step: -step.wochen_vorher)


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
