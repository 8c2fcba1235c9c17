"""The Werkzeugkiste as data: its modules in order, their cross-references and their tables."""

from __future__ import annotations

from collections.abc import Iterator

from pathlib import Path

from wissensplattform.data.catalog import TOOLBOX_DIR, Catalog, Entry, Feature, Record, load_directory
from wissensplattform.data.models import Quelle
from wissensplattform.data.models.toolbox import Ablaufplan, Modul, Zeitplan, Zeitplanschritt
from wissensplattform.data.loading import field_name
from wissensplattform.data.problems import Problem

RUN_SHEET_COLUMNS = ("Zeit", "Dauer", "Schritt", "Methode", "Material", "Verantwortlich")
CHECKLIST_COLUMNS = ("Erledigt", "Aufgabe", "Wer", "Bis wann")
TIME_PLAN_COLUMNS = ("Erledigt", "Zeitpunkt", "Datum", "Aufgabe", "Wer")


def modules(catalog: Catalog) -> list[Record]:
    """The toolbox modules in the study's order (V.2)."""
    return sorted(catalog.toolbox, key=lambda record: record.model.nummer)


def load_toolbox(root: Path, entries: list[Entry], problems: list[Problem],
                 sources: dict[str, Quelle] | None) -> list[Record]:
    """Validate `toolbox/` and check its links to each other and to the initiatives."""
    toolbox = load_directory(root, TOOLBOX_DIR, Modul, problems, sources)
    problems.extend(toolbox_problems(toolbox, entries))
    return toolbox


TOOLBOX = Feature("toolbox", load_toolbox)


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


def run_sheet_rows(sheet: Ablaufplan) -> tuple[tuple[str, ...], ...]:
    return tuple((z.zeit, f"{z.dauer} min", z.schritt, z.methode, z.material, z.verantwortlich) for z in sheet.zeilen)


def run_sheet_span(sheet: Ablaufplan) -> str:
    """`14:00 bis 16:30 Uhr (150 Minuten)`."""
    last = sheet.zeilen[-1]
    hours, minutes = (int(p) for p in last.zeit.split(":"))
    end = hours * 60 + minutes + last.dauer
    total = sum(z.dauer for z in sheet.zeilen)
    return f"{sheet.zeilen[0].zeit} bis {end // 60:02d}:{end % 60:02d} Uhr ({total} Minuten)"


def weeks_label(step: Zeitplanschritt) -> str:
    """`0` → `In der Woche der Veranstaltung`, `1` → `1 Woche vor der Veranstaltung`, `6` → `6 Wochen vor …`."""
    if step.wochen_vorher == 0:
        return "In der Woche der Veranstaltung"
    unit = "Woche" if step.wochen_vorher == 1 else "Wochen"
    return f"{step.wochen_vorher} {unit} vor der Veranstaltung"


def time_plan_steps(plan: Zeitplan) -> list[Zeitplanschritt]:
    """Steps counted back from the event: the earliest first."""
    return sorted(plan.schritte, key=lambda step: -step.wochen_vorher)
