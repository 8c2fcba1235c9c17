"""Context of the overview page: the list of all initiatives and Table 1 computed from the data."""

from __future__ import annotations

from dataclasses import dataclass

from wissensplattform.data.catalog import Catalog
from wissensplattform.data.models.initiative import Ebene, Organisationsform, Typ
from wissensplattform.pages.contexts.governance import GOVERNANCE_URL, NICHT_ANGEGEBEN


@dataclass(frozen=True)
class Row:
    slug: str
    name: str
    typ: str
    ebene: str
    ebene_rank: int
    land: str | None
    fallstudie: bool
    modellregion: bool
    organisationsform: str | None = None
    organisationsform_label: str | None = None


@dataclass(frozen=True)
class Cell:
    ebene: str
    typ: str
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class OverviewContext:
    """Everything `overview.html.j2` renders."""

    rows: tuple[Row, ...]
    typen: tuple[tuple[str, int], ...]
    ebenen: tuple[tuple[str, int], ...]
    matrix: tuple[tuple[Cell, ...], ...]
    # The overview's filter by organisational form: (value, label, count), "nicht angegeben" last.
    organisationsformen: tuple[tuple[str, str, int], ...] = ()
    # The governance page that groups the initiatives by organisational form, if the site has it.
    governance_url: str | None = None


def overview_context(catalog: Catalog) -> OverviewContext:
    rows = sorted(
        (Row(e.slug, e.initiative.name, e.initiative.typ.label, e.initiative.ebene.label,
             list(Ebene).index(e.initiative.ebene),
             e.initiative.bundesland.wert.value if e.initiative.bundesland else None,
             e.initiative.fallstudie is not None, e.initiative.modellregion is not None,
             *_form(e.initiative.organisationsform))
         for e in catalog.entries),
        key=lambda r: r.name.casefold(),
    )
    matrix = tuple(
        tuple(Cell(ebene.label, typ.label, tuple(r for r in rows if r.typ == typ.label and r.ebene == ebene.label))
              for typ in Typ)
        for ebene in Ebene
    )
    return OverviewContext(
        rows=tuple(rows),
        typen=tuple((t.label, sum(r.typ == t.label for r in rows)) for t in Typ),
        ebenen=tuple((e.label, sum(r.ebene == e.label for r in rows)) for e in Ebene),
        matrix=matrix,
        organisationsformen=tuple((f.value, f.label, sum(r.organisationsform == f.value for r in rows))
                                  for f in Organisationsform)
        + ((NICHT_ANGEGEBEN, "nicht angegeben", sum(r.organisationsform is None for r in rows)),),
        governance_url=GOVERNANCE_URL if catalog.wissen and "governance" in catalog.wissen.seiten else None,
    )


def _form(angabe) -> tuple[str | None, str | None]:
    return (angabe.wert.value, angabe.wert.label) if angabe else (None, None)
