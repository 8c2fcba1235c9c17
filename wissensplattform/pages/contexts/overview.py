"""Context of the overview page: the list of all initiatives and Table 1 computed from the data."""

from __future__ import annotations

from dataclasses import dataclass

from wissensplattform.data.catalog import Catalog
from wissensplattform.data.models.initiative import Ebene, Typ


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


def overview_context(catalog: Catalog) -> OverviewContext:
    rows = sorted(
        (Row(e.slug, e.initiative.name, e.initiative.typ.label, e.initiative.ebene.label,
             list(Ebene).index(e.initiative.ebene),
             e.initiative.bundesland.wert.value if e.initiative.bundesland else None,
             e.initiative.fallstudie is not None, e.initiative.modellregion is not None)
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
    )
