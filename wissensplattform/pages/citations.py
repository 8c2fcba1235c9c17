"""Citations: the full reference of a source, and per-page numbered footnotes."""

from __future__ import annotations

from dataclasses import dataclass, field

from wissensplattform.data.dates import german_date
from wissensplattform.data.models import Quelle
from wissensplattform.data.models.common import Beleg


def reference(quelle: Quelle) -> str:
    """Full citation, e.g. `A. Schild, M. Schulz: Gesellschaftlicher Dialog … Berlin, 31.01.2018`."""
    head = f"{quelle.autor}: {quelle.titel}" if quelle.autor else quelle.titel
    parts = [head, quelle.art, quelle.nummer and f"Nr. {quelle.nummer}", quelle.ort,
             quelle.datum and german_date(quelle.datum)]
    return ". ".join(filter(None, parts[:2])) + "".join(f", {p}" for p in parts[2:] if p)


@dataclass(frozen=True)
class Footnote:
    number: int
    quelle_id: str
    reference: str
    stelle: str
    anmerkung: str | None


@dataclass
class Footnotes:
    """Numbers each distinct (source, place, note) once, in order of first use on a page."""

    sources: dict[str, Quelle]
    notes: list[Footnote] = field(default_factory=list)
    _index: dict[tuple, int] = field(default_factory=dict)

    def cite(self, beleg: Beleg) -> int:
        key = (beleg.quelle, beleg.stelle, beleg.anmerkung)
        if key not in self._index:
            number = len(self.notes) + 1
            self._index[key] = number
            self.notes.append(Footnote(number, beleg.quelle, reference(self.sources[beleg.quelle]),
                                       beleg.stelle, beleg.anmerkung))
        return self._index[key]
