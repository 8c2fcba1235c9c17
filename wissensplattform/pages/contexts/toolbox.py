"""Contexts of the Werkzeugkiste pages: the overview and one page per module."""

from __future__ import annotations

from dataclasses import dataclass

from wissensplattform.data.catalog import Catalog, Record
from wissensplattform.pages.citations import Footnote, Footnotes, reference
from wissensplattform.pages.contexts.profile import Item
from wissensplattform.data.dates import german_date
from wissensplattform.outputs.downloads import Download, Downloads
from wissensplattform.data.models.common import Beleg, TextAngabe
from wissensplattform.pages.page import profile_url
from wissensplattform.data.models.toolbox import (Methodenabschnitt, Ablaufplan, Beteiligungsstufe, Format, Gruppengroesse, Modus,
                                             Zeitplan)
from wissensplattform.data.toolbox import RUN_SHEET_COLUMNS, items, modules, run_sheet_rows, run_sheet_span, time_plan_steps, weeks_label

SECTION = "werkzeugkiste"
METHOD_LITERATURE = "Methodenliteratur"


def module_url(slug: str) -> str:
    return f"{SECTION}/{slug}/"


@dataclass(frozen=True)
class Use:
    """A sourced use of a format; `initiative_url` only where the initiative has a profile."""

    text: str
    note: int
    datum: str | None
    initiative: str | None
    initiative_url: str | None
    region: str | None = None
    region_url: str | None = None


@dataclass(frozen=True)
class Section:
    """An editorial text section with the literature it follows (footnote numbers)."""

    titel: str
    absaetze: tuple[str, ...]
    punkte: tuple[str, ...]
    notes: tuple[int, ...]


@dataclass(frozen=True)
class FormatProfile:
    kennung: str
    name: str
    zweck: str
    teilnehmende: str
    dauer: str
    stufe: str
    stufe_label: str
    modus: str
    modus_label: str
    groessen: tuple[str, ...]
    groessen_label: str
    ablauf: tuple[str, ...]
    organisation: tuple[str, ...]
    hinweise: tuple[str, ...]
    nicht_geeignet: tuple[str, ...]
    varianten: tuple[str, ...]
    literatur: tuple[int, ...]
    studie: tuple[Item, ...]
    einsaetze: tuple[Use, ...]
    ablaufplan_url: str | None
    downloads: tuple[Download, ...]


@dataclass(frozen=True)
class DownloadItem:
    """A run-sheet, checklist, time plan or template: what it is, a preview table, and its three files."""

    anchor: str
    titel: str
    art: str
    zweck: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    hinweise: tuple[str, ...]
    studie: tuple[Item, ...]
    literatur: tuple[int, ...]
    format_url: str | None
    downloads: tuple[Download, ...]
    kopf: tuple[tuple[str, str], ...] = ()  # label/value lines above the table
    abschnitte: tuple[Section, ...] = ()  # a template's text parts


@dataclass(frozen=True)
class ModuleContext:
    slug: str
    nummer: int
    titel: str
    kurztext: str
    studie: tuple[Item, ...]
    abschnitte: tuple[Section, ...]
    formate: tuple[FormatProfile, ...]
    items: tuple[DownloadItem, ...]
    footnotes: tuple[Footnote, ...]
    source_path: str


@dataclass(frozen=True)
class ModuleLink:
    nummer: int
    titel: str
    kurztext: str
    url: str
    downloads: int


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class OverviewContext:
    modules: tuple[ModuleLink, ...]
    formate: tuple[FormatProfile, ...]
    formate_url: str
    stufen: tuple[Option, ...]
    modi: tuple[Option, ...]
    groessen: tuple[Option, ...]
    literatur: tuple[str, ...]


def _item(angabe: TextAngabe, notes: Footnotes) -> Item:
    return Item(angabe.text, notes.cite(angabe), angabe.zitat)


def _cite_all(belege: list[Beleg], notes: Footnotes) -> tuple[int, ...]:
    return tuple(notes.cite(b) for b in belege)


def _section(abschnitt: Methodenabschnitt, notes: Footnotes) -> Section:
    return Section(abschnitt.titel, tuple(abschnitt.absaetze), tuple(abschnitt.punkte), _cite_all(abschnitt.literatur, notes))


def _use(einsatz, notes: Footnotes, catalog: Catalog) -> Use:
    slugs = {entry.slug: entry for entry in catalog.entries}
    entry = slugs.get(einsatz.initiative) if einsatz.initiative else None
    regions = getattr(catalog.wissen, "modellregionen", {}) or {}
    region = regions.get(einsatz.modellregion) if einsatz.modellregion else None
    return Use(einsatz.text, notes.cite(einsatz), german_date(einsatz.datum) if einsatz.datum else None,
               entry.initiative.name if entry else None, profile_url(entry.slug) if entry else None,
               region.model.titel if region else None, f"modellregionen/{einsatz.modellregion}/" if region else None)


def _sheet_module(catalog: Catalog) -> str | None:
    return next((r.slug for r in catalog.toolbox if r.model.ablaufplaene), None)


def _format(fmt: Format, notes: Footnotes, catalog: Catalog, downloads: Downloads) -> FormatProfile:
    sheets = _sheet_module(catalog)
    return FormatProfile(
        kennung=fmt.kennung, name=fmt.name, zweck=fmt.zweck, teilnehmende=fmt.teilnehmende, dauer=fmt.dauer,
        stufe=fmt.beteiligungsstufe.value, stufe_label=fmt.beteiligungsstufe.label,
        modus=fmt.modus.value, modus_label=fmt.modus.label,
        groessen=tuple(g.value for g in fmt.gruppengroesse),
        groessen_label=", ".join(g.label for g in fmt.gruppengroesse),
        ablauf=tuple(fmt.ablauf), organisation=tuple(fmt.organisation), hinweise=tuple(fmt.hinweise),
        nicht_geeignet=tuple(fmt.nicht_geeignet), varianten=tuple(fmt.varianten),
        literatur=_cite_all(fmt.literatur, notes),
        studie=tuple(_item(a, notes) for a in fmt.studie),
        einsaetze=tuple(_use(e, notes, catalog) for e in fmt.einsaetze),
        ablaufplan_url=f"{module_url(sheets)}#ablaufplan-{fmt.ablaufplan}" if fmt.ablaufplan and sheets else None,
        downloads=downloads.of(f"ablaufplan-{fmt.ablaufplan}") if fmt.ablaufplan else (),
    )


def _run_sheet(sheet: Ablaufplan, notes: Footnotes, catalog: Catalog, downloads: Downloads) -> DownloadItem:
    formats = next((r.slug for r in catalog.toolbox if r.model.formate), None)
    return DownloadItem(
        anchor=f"ablaufplan-{sheet.kennung}", titel=f"Ablaufplan {sheet.titel}", art="Ablaufplan", zweck=sheet.zweck,
        columns=RUN_SHEET_COLUMNS, rows=run_sheet_rows(sheet), hinweise=tuple(sheet.hinweise),
        studie=tuple(_item(a, notes) for a in sheet.studie), literatur=_cite_all(sheet.literatur, notes),
        format_url=f"{module_url(formats)}#{sheet.format}" if sheet.format and formats else None,
        downloads=downloads.of(f"ablaufplan-{sheet.kennung}"),
        kopf=(("Teilnehmende", sheet.teilnehmende), ("Dauer", run_sheet_span(sheet))),
    )


def _time_plan(plan: Zeitplan, notes: Footnotes, downloads: Downloads) -> DownloadItem:
    rows = tuple((weeks_label(s), s.aufgabe, s.wer or "") for s in time_plan_steps(plan))
    return DownloadItem(f"zeitplan-{plan.kennung}", plan.titel, "Zeitplan", plan.zweck, ("Zeitpunkt", "Aufgabe", "Wer"),
                        rows, (), (), _cite_all(plan.literatur, notes), None, downloads.of(f"zeitplan-{plan.kennung}"))


def _download_items(record: Record, notes: Footnotes, catalog: Catalog, downloads: Downloads) -> list[DownloadItem]:
    modul = record.model
    items = [_run_sheet(s, notes, catalog, downloads) for s in modul.ablaufplaene]
    for checklist in modul.checklisten:
        rows = tuple(("☐", p.aufgabe, p.wer or "", p.bis_wann or "") for section in checklist.abschnitte
                     for p in section.punkte)
        items.append(DownloadItem(f"checkliste-{checklist.kennung}", checklist.titel, "Checkliste", checklist.zweck,
                                  ("Erledigt", "Aufgabe", "Wer", "Bis wann"), rows, (), (),
                                  _cite_all(checklist.literatur, notes), None,
                                  downloads.of(f"checkliste-{checklist.kennung}")))
    items += [_time_plan(plan, notes, downloads) for plan in modul.zeitplaene]
    for template in modul.vorlagen:
        table = template.tabelle
        items.append(DownloadItem(
            f"vorlage-{template.kennung}", template.titel, "Vorlage", template.zweck,
            tuple(table.spalten) if table else (), tuple(tuple(r) for r in table.beispiel) if table else (),
            (), (), _cite_all(template.literatur, notes), None, downloads.of(f"vorlage-{template.kennung}"),
            abschnitte=tuple(_section(a, notes) for a in template.abschnitte)))
    return items


def module_context(record: Record, catalog: Catalog, downloads: Downloads) -> ModuleContext:
    modul = record.model
    notes = Footnotes(catalog.sources)
    studie = tuple(_item(a, notes) for a in modul.studie)
    abschnitte = tuple(_section(a, notes) for a in modul.abschnitte)
    formate = tuple(_format(f, notes, catalog, downloads) for f in modul.formate)
    items = tuple(_download_items(record, notes, catalog, downloads))
    return ModuleContext(record.slug, modul.nummer, modul.titel, modul.kurztext, studie, abschnitte, formate, items,
                         tuple(notes.notes), record.path)


def overview_context(catalog: Catalog, downloads: Downloads) -> OverviewContext:
    records = modules(catalog)
    links = tuple(ModuleLink(r.model.nummer, r.model.titel, r.model.kurztext, module_url(r.slug),
                             len(list(items(r.model)))) for r in records)
    formats_record = next((r for r in records if r.model.formate), None)
    notes = Footnotes(catalog.sources)
    formate = tuple(_format(f, notes, catalog, downloads) for f in formats_record.model.formate) if formats_record else ()
    literatur = tuple(sorted(reference(q) for q in catalog.sources.values() if (q.art or "").startswith(METHOD_LITERATURE)))
    return OverviewContext(
        modules=links, formate=formate, formate_url=module_url(formats_record.slug) if formats_record else "",
        stufen=tuple(Option(s.value, s.label) for s in Beteiligungsstufe),
        modi=tuple(Option(m.value, m.label) for m in Modus),
        groessen=tuple(Option(g.value, g.label) for g in Gruppengroesse),
        literatur=literatur,
    )

