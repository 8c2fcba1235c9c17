"""Contexts of the knowledge pages (``/wissen/…``, ``/modellregionen/…``): the study's findings, cited."""

from __future__ import annotations

import re
from dataclasses import dataclass

from wissensplattform.data.catalog import Catalog, Entry
from wissensplattform.pages.citations import Footnote, Footnotes
from wissensplattform.data.dates import german_date
from wissensplattform.data.knowledge import initiative_named, initiative_of
from wissensplattform.data.models.common import KRITERIUM_LABELS, Erfolgsfaktor, TextAngabe
from wissensplattform.data.models.knowledge import Abschnitt
from wissensplattform.pages.page import profile_url


@dataclass(frozen=True)
class Link:
    """A named target; `url` is None when the site has no page for it (yet)."""

    text: str
    url: str | None


@dataclass(frozen=True)
class Aussage:
    """One sourced statement with its footnote; `kriterien` are (slug, label) pairs."""

    text: str
    note: int
    zitat: bool = False
    kriterien: tuple[tuple[str, str], ...] = ()
    link: str | None = None


@dataclass(frozen=True)
class Block:
    titel: str
    aussagen: tuple[Aussage, ...]
    initiativen: tuple[Link, ...] = ()
    pruefpunkte: tuple[Aussage, ...] = ()


def _cite(angabe: TextAngabe, notes: Footnotes, link: str | None = None) -> Aussage:
    kriterien = tuple((k.value, KRITERIUM_LABELS[k.value]) for k in angabe.kriterien) \
        if isinstance(angabe, Erfolgsfaktor) else ()
    return Aussage(angabe.text, notes.cite(angabe), angabe.zitat, kriterien, link)


def _cite_all(angaben: list[TextAngabe], notes: Footnotes) -> tuple[Aussage, ...]:
    return tuple(_cite(a, notes) for a in angaben)


def _blocks(abschnitte: list[Abschnitt], notes: Footnotes) -> tuple[Block, ...]:
    return tuple(Block(a.titel, _cite_all(a.angaben, notes), (), _cite_all(a.pruefpunkte, notes)) for a in abschnitte)


def _named(angaben: list[TextAngabe], entries: list[Entry], notes: Footnotes) -> tuple[Aussage, ...]:
    """Initiatives named in the study, linked to their profile where the data has one."""
    cited = []
    for angabe in angaben:
        entry = initiative_named(entries, angabe.text)
        cited.append(_cite(angabe, notes, profile_url(entry.slug) if entry else None))
    return tuple(cited)


def _link(entry: Entry | None) -> Link | None:
    return Link(entry.initiative.name, profile_url(entry.slug)) if entry else None


# --- Criteria (III.2.5) and Table 2 (III.2.6) -------------------------------------------------

@dataclass(frozen=True)
class Fallbezug:
    """What a case study says under one criterion."""

    titel: str
    url: str
    aussagen: tuple[Aussage, ...]


@dataclass(frozen=True)
class KriteriumContext:
    slug: str
    titel: str
    befunde: tuple[Aussage, ...]
    bezeichnung: str
    netzwerkorientiert: tuple[Aussage, ...]
    massnahmenorientiert: tuple[Aussage, ...]
    fallstudien: tuple[Fallbezug, ...]
    footnotes: tuple[Footnote, ...]


def kriterium_context(catalog: Catalog, slug: str) -> KriteriumContext:
    model = catalog.wissen.kriterien[slug].model
    notes = Footnotes(catalog.sources)
    befunde = _cite_all(model.befunde, notes)
    netz = _cite_all(model.tabelle_2.netzwerkorientiert, notes)
    mass = _cite_all(model.tabelle_2.massnahmenorientiert, notes)
    faelle = []
    for fall, record in catalog.wissen.fallstudien.items():
        factors = [f for f in case_factors(catalog, fall, record.model.kapitel) if any(k.value == slug for k in f.kriterien)]
        if factors:
            faelle.append(Fallbezug(record.model.titel, f"wissen/fallstudien/{fall}/", _cite_all(factors, notes)))
    return KriteriumContext(slug, model.titel, befunde, model.tabelle_2.bezeichnung, netz, mass, tuple(faelle),
                            tuple(notes.notes))


@dataclass(frozen=True)
class TabellenZeile:
    slug: str
    bezeichnung: str
    netzwerkorientiert: tuple[Aussage, ...]
    massnahmenorientiert: tuple[Aussage, ...]


@dataclass(frozen=True)
class KriterienContext:
    zeilen: tuple[TabellenZeile, ...]
    footnotes: tuple[Footnote, ...]


def kriterien_context(catalog: Catalog) -> KriterienContext:
    notes = Footnotes(catalog.sources)
    zeilen = tuple(
        TabellenZeile(slug, r.model.tabelle_2.bezeichnung, _cite_all(r.model.tabelle_2.netzwerkorientiert, notes),
                      _cite_all(r.model.tabelle_2.massnahmenorientiert, notes))
        for slug, r in catalog.wissen.kriterien.items()
    )
    return KriterienContext(zeilen, tuple(notes.notes))


# --- Case studies (III.3) ---------------------------------------------------------------------

# Fields of an initiative whose statements a case study page shows, grouped by the study section they cite.
CASE_FIELDS = ("beschreibung", "akteure", "struktur", "ziele", "massnahmen", "finanzierung")


def _in_section(angabe, nummer: str) -> bool:
    """Whether a citation points into study section `nummer` (e.g. `III.3.1.8, Geklärte Zielsetzung`)."""
    stelle = angabe.stelle.split(",")[0].strip()
    return angabe.quelle == "studie-2018" and (stelle == nummer or stelle.startswith(nummer + "."))


def case_statements(entry: Entry | None, nummer: str) -> list[TextAngabe]:
    if entry is None:
        return []
    return [a for name in CASE_FIELDS for a in getattr(entry.initiative, name) if _in_section(a, nummer)]


def case_factors(catalog: Catalog, slug: str, nummer: str) -> list[Erfolgsfaktor]:
    """Success factors of case study `slug` in section `nummer`: from the profile, then the case study file."""
    entry = initiative_of(catalog.entries, "fallstudie", slug)
    fall = catalog.wissen.fallstudien[slug].model
    own = [f for a in fall.abschnitte if a.nummer == nummer or a.nummer.startswith(nummer + ".")
           for f in a.erfolgsfaktoren]
    return [f for f in (entry.initiative.erfolgsfaktoren if entry else []) if _in_section(f, nummer)] + own


@dataclass(frozen=True)
class FallBlock:
    nummer: str
    titel: str
    aussagen: tuple[Aussage, ...]
    faktoren: tuple[Aussage, ...]


@dataclass(frozen=True)
class FallstudieContext:
    slug: str
    titel: str
    kapitel: str
    initiative: Link | None
    typ: str | None
    ebene: str | None
    kurzfakten: tuple[Aussage, ...]
    abschnitte: tuple[FallBlock, ...]
    footnotes: tuple[Footnote, ...]


def fallstudie_context(catalog: Catalog, slug: str) -> FallstudieContext:
    model = catalog.wissen.fallstudien[slug].model
    entry = initiative_of(catalog.entries, "fallstudie", slug)
    notes = Footnotes(catalog.sources)
    kurzfakten = _cite_all(model.kurzfakten, notes)
    blocks = tuple(
        FallBlock(a.nummer, a.titel, _cite_all(case_statements(entry, a.nummer) + a.angaben, notes),
                  _cite_all(case_factors(catalog, slug, a.nummer), notes))
        for a in model.abschnitte
    )
    return FallstudieContext(
        slug, model.titel, model.kapitel, _link(entry),
        entry.initiative.typ.label if entry else None, entry.initiative.ebene.label if entry else None,
        kurzfakten, blocks, tuple(notes.notes),
    )


@dataclass(frozen=True)
class FallstudienContext:
    faelle: tuple[FallstudieContext, ...]
    zusammenfassung: tuple[Block, ...]
    einleitung: tuple[Aussage, ...]
    footnotes: tuple[Footnote, ...]


def fallstudien_context(catalog: Catalog) -> FallstudienContext:
    notes = Footnotes(catalog.sources)
    summary = catalog.wissen.seiten.get("zusammenfassung")
    return FallstudienContext(
        tuple(fallstudie_context(catalog, slug) for slug in catalog.wissen.fallstudien),
        _blocks(summary.model.abschnitte, notes) if summary else (),
        _cite_all(summary.model.einleitung, notes) if summary else (),
        tuple(notes.notes),
    )


# --- Model regions (IV) -----------------------------------------------------------------------

@dataclass(frozen=True)
class VeranstaltungContext:
    titel: str
    iso: str | None
    datum: str | None
    datum_note: int | None
    ort: Aussage | None
    format: Aussage | None
    teilnehmende: tuple[Aussage, ...]
    ergebnisse: tuple[Aussage, ...]
    werkzeug_url: str | None = None


# The Werkzeugkiste's module of event formats; model regions link to a format there when that data exists.
FORMATS_FILE = "toolbox/veranstaltungsformate.yaml"
FORMATS_URL = "werkzeugkiste/veranstaltungsformate/"


@dataclass(frozen=True)
class ModellregionContext:
    slug: str
    titel: str
    kapitel: str
    initiative: Aussage
    profil: Link | None
    beschreibung: tuple[Aussage, ...]
    veranstaltungen: tuple[VeranstaltungContext, ...]
    footnotes: tuple[Footnote, ...]


def modellregion_context(catalog: Catalog, slug: str) -> ModellregionContext:
    model = catalog.wissen.modellregionen[slug].model
    notes = Footnotes(catalog.sources)
    initiative = _cite(model.initiative, notes)
    events = tuple(
        VeranstaltungContext(
            v.titel, v.datum, german_date(v.datum) if v.datum else None,
            notes.cite(v.datum_beleg) if v.datum_beleg else None,
            _cite(v.ort, notes) if v.ort else None, _cite(v.format, notes) if v.format else None,
            _cite_all(v.teilnehmende, notes), _cite_all(v.ergebnisse, notes),
            f"{FORMATS_URL}#{v.werkzeug}" if v.werkzeug and (catalog.root / FORMATS_FILE).exists() else None,
        )
        for v in model.veranstaltungen
    )
    return ModellregionContext(slug, model.titel, model.kapitel, initiative,
                               _link(initiative_of(catalog.entries, "modellregion", slug)),
                               _cite_all(model.beschreibung, notes), events, tuple(notes.notes))


# --- Pages made of sections: recommendations, measuring success -------------------------------

@dataclass(frozen=True)
class TextseiteContext:
    titel: str
    einleitung: tuple[Aussage, ...]
    abschnitte: tuple[Block, ...]
    footnotes: tuple[Footnote, ...]
    kriterien: tuple[Link, ...] = ()


def textseite_context(catalog: Catalog, name: str) -> TextseiteContext:
    model = catalog.wissen.seiten[name].model
    notes = Footnotes(catalog.sources)
    einleitung = _cite_all(model.einleitung, notes)
    return TextseiteContext(model.titel, einleitung, _blocks(model.abschnitte, notes), tuple(notes.notes),
                            wissen_context(catalog).kriterien)


# --- Network meetings (VI.1) ------------------------------------------------------------------

@dataclass(frozen=True)
class TreffenContext:
    titel: str
    iso: str
    datum: str
    ort: str | None
    note: int
    gastgeber: tuple[Aussage, ...]
    praesentiert: tuple[Aussage, ...]
    angaben: tuple[Aussage, ...]


@dataclass(frozen=True)
class NetzwerktreffenContext:
    titel: str
    einleitung: tuple[Aussage, ...]
    treffen: tuple[TreffenContext, ...]
    footnotes: tuple[Footnote, ...]


def netzwerktreffen_context(catalog: Catalog) -> NetzwerktreffenContext:
    model = catalog.wissen.seiten["netzwerktreffen"].model
    notes = Footnotes(catalog.sources)
    einleitung = _cite_all(model.einleitung, notes)
    treffen = tuple(
        TreffenContext(t.titel, t.datum, german_date(t.datum), t.ort, notes.cite(t.beleg),
                       _named(t.gastgeber, catalog.entries, notes), _named(t.praesentiert, catalog.entries, notes),
                       _cite_all(t.angaben, notes))
        for t in model.treffen
    )
    return NetzwerktreffenContext(model.titel, einleitung, treffen, tuple(notes.notes))


# --- Typology (III.2.1–III.2.3) ---------------------------------------------------------------

@dataclass(frozen=True)
class TypologieContext:
    titel: str
    typen: tuple[Block, ...]
    untergruppen: tuple[tuple[Block, ...], ...]
    ebenen: tuple[Block, ...]
    ebenen_faktoren: tuple[tuple[Aussage, ...], ...]
    akteure: tuple[Block, ...]
    akteure_begriffe: tuple[tuple[str, ...], ...]
    footnotes: tuple[Footnote, ...]


def _members(entries: list[Entry], keep) -> tuple[Link, ...]:
    chosen = sorted((e for e in entries if keep(e)), key=lambda e: e.initiative.name.casefold())
    return tuple(Link(e.initiative.name, profile_url(e.slug)) for e in chosen)


def _names_actor(entry: Entry, begriffe: list[str]) -> bool:
    """Whether an initiative's list of actors mentions one of the words (whole words, case-sensitive)."""
    pattern = re.compile(r"\b(" + "|".join(re.escape(b) for b in begriffe) + r")")
    return any(pattern.search(a.text) for a in entry.initiative.akteure)


def typologie_context(catalog: Catalog) -> TypologieContext:
    model = catalog.wissen.seiten["typologie"].model
    notes = Footnotes(catalog.sources)
    entries = catalog.entries
    typen = tuple(Block(t.titel, _cite_all(t.angaben, notes), _members(entries, lambda e, t=t: e.initiative.typ == t.typ))
                  for t in model.typen)
    untergruppen = tuple(
        tuple(Block(u.titel, _cite_all(u.angaben, notes) + _named(u.beispiele, entries, notes)) for u in t.untergruppen)
        for t in model.typen
    )
    ebenen = tuple(Block(e.titel, _cite_all(e.angaben, notes),
                         _members(entries, lambda x, e=e: x.initiative.ebene == e.ebene)) for e in model.ebenen)
    faktoren = tuple(_cite_all(e.erfolgsfaktoren, notes) for e in model.ebenen)
    akteure = tuple(Block(a.titel, _cite_all(a.angaben, notes),
                          _members(entries, lambda x, a=a: bool(a.suchbegriffe) and _names_actor(x, a.suchbegriffe)))
                    for a in model.akteure)
    return TypologieContext(model.titel, typen, untergruppen, ebenen, faktoren, akteure,
                            tuple(tuple(a.suchbegriffe) for a in model.akteure), tuple(notes.notes))


# --- Start page of the section and the profile's knowledge box ---------------------------------

@dataclass(frozen=True)
class WissenContext:
    kriterien: tuple[Link, ...]
    fallstudien: tuple[Link, ...]
    modellregionen: tuple[Link, ...]
    seiten: tuple[str, ...]


def wissen_context(catalog: Catalog) -> WissenContext:
    w = catalog.wissen
    return WissenContext(
        tuple(Link(r.model.titel, f"wissen/kriterien/{s}/") for s, r in w.kriterien.items()),
        tuple(Link(r.model.titel, f"wissen/fallstudien/{s}/") for s, r in w.fallstudien.items()),
        tuple(Link(r.model.titel, f"modellregionen/{s}/") for s, r in w.modellregionen.items()),
        tuple(w.seiten),
    )


@dataclass(frozen=True)
class Termin:
    titel: str
    iso: str
    datum: str


@dataclass(frozen=True)
class ProfilWissen:
    """What the profile shows about an initiative's case study, model region and criteria."""

    fallstudie: Link | None
    kurzfakten: tuple[TextAngabe, ...]
    modellregion: Link | None
    veranstaltungen: tuple[Termin, ...]
    kriterien: tuple[Link, ...]


def profile_knowledge(catalog: Catalog, entry: Entry) -> ProfilWissen | None:
    """The knowledge box of a profile; None if the initiative has no case study, model region or criteria."""
    w = catalog.wissen
    if w is None:
        return None
    initiative = entry.initiative
    fall = w.fallstudien.get(initiative.fallstudie or "")
    region = w.modellregionen.get(initiative.modellregion or "")
    factors = list(initiative.erfolgsfaktoren)
    if fall:
        factors += [f for a in fall.model.abschnitte for f in a.erfolgsfaktoren]
    slugs = sorted({k.value for f in factors for k in f.kriterien}, key=list(KRITERIUM_LABELS).index)
    if not (fall or region or slugs):
        return None
    events = tuple(Termin(v.titel, v.datum, german_date(v.datum)) for v in region.model.veranstaltungen if v.datum) \
        if region else ()
    return ProfilWissen(
        Link(fall.model.titel, f"wissen/fallstudien/{initiative.fallstudie}/") if fall else None,
        tuple(fall.model.kurzfakten) if fall else (),
        Link(region.model.titel, f"modellregionen/{initiative.modellregion}/") if region else None,
        events,
        tuple(Link(KRITERIUM_LABELS[s], f"wissen/kriterien/{s}/") for s in slugs),
    )
