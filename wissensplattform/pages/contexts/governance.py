"""Contexts of the governance guide (``/wissen/governance/``) and of the project's results and materials
(``/wissen/materialien/``): what the study says, cited; the editorial connecting text kept apart."""

from __future__ import annotations

from dataclasses import dataclass

from wissensplattform.data.catalog import Catalog, Entry
from wissensplattform.data.models.common import slugify
from wissensplattform.data.models.initiative import Organisationsform
from wissensplattform.pages.citations import Footnote, Footnotes
from wissensplattform.pages.contexts.knowledge import Aussage, Link, _cite_all
from wissensplattform.pages.page import profile_url

GOVERNANCE_URL = "wissen/governance/"
OVERVIEW_URL = "initiativen/"
# The overview's filter value for initiatives whose sources name no organisational form.
NICHT_ANGEGEBEN = "nicht-angegeben"


def form_anchor(value: str) -> str:
    """The id of a form's group on the governance page."""
    return f"form-{value}"


@dataclass(frozen=True)
class Formgruppe:
    """The initiatives of one organisational form; each a linked name with the footnote of its citation."""

    wert: str
    label: str
    anker: str
    initiativen: tuple[Aussage, ...]

    @property
    def filter_url(self) -> str:
        return f"{OVERVIEW_URL}?organisationsform={self.wert}"


def _sorted(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: e.initiative.name.casefold())


def form_groups(catalog: Catalog, notes: Footnotes, formen: list[Organisationsform] | None = None) -> tuple[Formgruppe, ...]:
    """One group per organisational form (all forms, or `formen`), with the initiatives that record it."""
    groups = []
    for form in formen if formen is not None else list(Organisationsform):
        members = [e for e in catalog.entries if e.initiative.organisationsform and e.initiative.organisationsform.wert is form]
        initiativen = tuple(Aussage(e.initiative.name, notes.cite(e.initiative.organisationsform), link=profile_url(e.slug))
                            for e in _sorted(members))
        groups.append(Formgruppe(form.value, form.label, form_anchor(form.value), initiativen))
    return tuple(groups)


@dataclass(frozen=True)
class Strukturblock:
    titel: str
    redaktionell: tuple[str, ...]
    aussagen: tuple[Aussage, ...]
    vorteile: tuple[Aussage, ...]
    nachteile: tuple[Aussage, ...]
    formen: tuple[Formgruppe, ...] = ()
    typ: str | None = None


@dataclass(frozen=True)
class GovernanceContext:
    titel: str
    leitfaden: tuple[Aussage, ...]
    redaktionell: tuple[str, ...]
    einleitung: tuple[Aussage, ...]
    strukturen: tuple[Strukturblock, ...]
    arbeitsfokus: tuple[Strukturblock, ...]
    empfehlungen: tuple[Aussage, ...]
    gruppen: tuple[Formgruppe, ...]
    ohne_angabe: tuple[Link, ...]
    footnotes: tuple[Footnote, ...]
    overview_url: str = OVERVIEW_URL


def governance_context(catalog: Catalog) -> GovernanceContext:
    model = catalog.wissen.seiten["governance"].model
    notes = Footnotes(catalog.sources)
    leitfaden = _cite_all(model.leitfaden, notes)
    einleitung = _cite_all(model.einleitung, notes)
    strukturen = tuple(
        Strukturblock(s.titel, tuple(s.redaktionell), _cite_all(s.angaben, notes), _cite_all(s.vorteile, notes),
                      _cite_all(s.nachteile, notes), form_groups(catalog, notes, s.formen))
        for s in model.strukturen
    )
    arbeitsfokus = tuple(
        Strukturblock(a.titel, tuple(a.redaktionell), _cite_all(a.angaben, notes), _cite_all(a.vorteile, notes),
                      _cite_all(a.nachteile, notes), typ=a.typ.label)
        for a in model.arbeitsfokus
    )
    empfehlungen = _cite_all(model.empfehlungen, notes)
    gruppen = form_groups(catalog, notes)
    ohne = tuple(Link(e.initiative.name, profile_url(e.slug))
                 for e in _sorted([e for e in catalog.entries if e.initiative.organisationsform is None]))
    return GovernanceContext(model.titel, leitfaden, tuple(model.redaktionell), einleitung, strukturen, arbeitsfokus, empfehlungen,
                             gruppen, ohne, tuple(notes.notes))


# --- Results and materials of the project (chapters V and VI) ---------------------------------

@dataclass(frozen=True)
class MaterialContext:
    titel: str
    kapitel: str
    anker: str
    aussagen: tuple[Aussage, ...]
    stand: str
    stand_wert: str
    verweise: tuple[Link, ...]
    redaktionell: tuple[str, ...]


@dataclass(frozen=True)
class MaterialienContext:
    titel: str
    einleitung: tuple[Aussage, ...]
    materialien: tuple[MaterialContext, ...]
    footnotes: tuple[Footnote, ...]


def materialien_context(catalog: Catalog) -> MaterialienContext:
    model = catalog.wissen.seiten["materialien"].model
    notes = Footnotes(catalog.sources)
    einleitung = _cite_all(model.einleitung, notes)
    materialien = tuple(
        MaterialContext(m.titel, m.kapitel, slugify(m.titel),
                        _cite_all(m.angaben, notes), m.stand.label, m.stand.value,
                        tuple(Link(v.text, v.seite) for v in m.verweise), tuple(m.redaktionell))
        for m in model.materialien
    )
    return MaterialienContext(model.titel, einleitung, materialien, tuple(notes.notes))
