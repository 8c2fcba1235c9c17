"""Context of an initiative's profile page (Steckbrief)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wissensplattform.data.catalog import Catalog, Entry, per_catalog
from wissensplattform.pages.citations import Footnote, Footnotes
from wissensplattform.pages.contexts.governance import GOVERNANCE_URL, form_anchor
from wissensplattform.pages.contexts.karte import MiniMapContext, mini_map_context
from wissensplattform.pages.contexts.knowledge import ProfilWissen, profile_knowledge
from wissensplattform.data.dates import german_date, sort_key
from wissensplattform.data.kreise import find_kreis
from wissensplattform.pages.page import profile_url
from wissensplattform.data.models.common import KRITERIUM_LABELS, Beleg, Erfolgsfaktor, TextAngabe
from wissensplattform.data.models.initiative import PROFILE_FIELDS, Initiative
from wissensplattform.data.positions import Verortung, locate

LIST_SECTIONS = ("beschreibung", "akteure", "struktur", "ziele", "massnahmen", "finanzierung", "erfolgsfaktoren")


@dataclass(frozen=True)
class Item:
    """One sourced statement, with its footnote number."""

    text: str
    note: int
    zitat: bool = False
    kriterien: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    """A list field of the profile; no items means the sources are silent."""

    key: str
    title: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Event:
    iso: str
    datum: str
    ereignis: str
    note: int


@dataclass(frozen=True)
class ProfileContext:
    """Everything `profile.html.j2` renders."""

    slug: str
    name: str
    kurzname: str | None
    namensvarianten: tuple[Item, ...]
    typ: str
    ebene: str
    einordnung_note: int
    land: Item | None
    ort: Item | None
    gruendung: Item | None
    website: Item | None
    # Where the map shows the initiative; `gebiet` are its districts, each with its footnote.
    verortung: Verortung | None
    gebiet: tuple[Item, ...]
    sections: tuple[Section, ...]
    chronik: tuple[Event, ...]
    footnotes: tuple[Footnote, ...]
    fallstudie: str | None
    modellregion: str | None
    stand: str
    belegt: int
    felder: int
    source_path: str
    minikarte: MiniMapContext | None = None
    wissen: ProfilWissen | None = None
    fallstudie_fakten: tuple[Item, ...] = ()
    organisationsform: Item | None = None
    # The organisational form's group on the governance page, if the site has that page.
    organisationsform_url: str | None = None

    @property
    def url(self) -> str:
        return profile_url(self.slug)


def _item(angabe: Beleg, notes: Footnotes, text: str | None = None) -> Item:
    kriterien = tuple(KRITERIUM_LABELS[k.value] for k in angabe.kriterien) if isinstance(angabe, Erfolgsfaktor) else ()
    zitat = isinstance(angabe, TextAngabe) and angabe.zitat
    return Item(text if text is not None else angabe.text, notes.cite(angabe), zitat, kriterien)


def _value(angabe, notes: Footnotes) -> Item | None:
    return _item(angabe, notes, str(getattr(angabe.wert, "value", angabe.wert))) if angabe else None


def filled_fields(initiative: Initiative) -> int:
    """How many of the profile's fact fields the data fills."""
    return sum(1 for name in PROFILE_FIELDS if getattr(initiative, name) not in (None, []))


def profile_context(entry: Entry, catalog: Catalog, stand: dt.date) -> ProfileContext:
    initiative = entry.initiative
    notes = Footnotes(catalog.sources)
    fields = Initiative.model_fields
    einordnung_note = notes.cite(initiative.einordnung)
    land = _value(initiative.bundesland, notes)
    ort = _value(initiative.ort, notes)
    gebiet = tuple(_item(k, notes, str(find_kreis(k.wert))) for k in initiative.gebiet)
    gruendung = _value(initiative.gruendung, notes)
    form = initiative.organisationsform
    organisationsform = _item(form, notes, form.wert.label) if form else None
    website = _value(initiative.website, notes)
    varianten = tuple(_item(v, notes) for v in initiative.namensvarianten)
    sections = tuple(
        Section(name, fields[name].title, tuple(_item(a, notes) for a in getattr(initiative, name)))
        for name in LIST_SECTIONS
    )
    chronik = tuple(
        Event(e.datum, german_date(e.datum), e.ereignis, notes.cite(e))
        for e in sorted(initiative.chronik, key=lambda e: sort_key(e.datum))
    )
    for beleg in initiative.quellen:
        notes.cite(beleg)
    if initiative.koordinaten:
        notes.cite(initiative.koordinaten)
    verortung = locate(initiative)
    wissen = profile_knowledge(catalog, entry)
    fakten = tuple(_item(a, notes) for a in wissen.kurzfakten) if wissen else ()
    return ProfileContext(
        slug=entry.slug, name=initiative.name, kurzname=initiative.kurzname, namensvarianten=varianten,
        typ=initiative.typ.label, ebene=initiative.ebene.label, einordnung_note=einordnung_note,
        land=land, ort=ort, gruendung=gruendung, website=website, verortung=verortung, gebiet=gebiet,
        sections=sections, chronik=chronik, footnotes=tuple(notes.notes),
        fallstudie=initiative.fallstudie, modellregion=initiative.modellregion,
        stand=german_date(stand.isoformat()), belegt=filled_fields(initiative), felder=len(PROFILE_FIELDS),
        source_path=entry.path, wissen=wissen, fallstudie_fakten=fakten,
        organisationsform=organisationsform, organisationsform_url=_governance_url(catalog, form),
        minikarte=mini_map_context(profile_url(entry.slug), verortung, initiative.name, initiative.typ,
                                   initiative.ebene),
    )


def _governance_url(catalog: Catalog, form) -> str | None:
    if form is None or catalog.wissen is None or "governance" not in catalog.wissen.seiten:
        return None
    return f"{GOVERNANCE_URL}#{form_anchor(form.wert.value)}"


@per_catalog
def profile_contexts(catalog: Catalog) -> dict[str, ProfileContext]:
    """Every profile's context by slug, computed once for its web page and its PDF."""
    return {entry.slug: profile_context(entry, catalog, catalog.stand[entry.path]) for entry in catalog.entries}
