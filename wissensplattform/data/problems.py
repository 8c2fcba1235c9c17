"""Problems found in data files, reported in one fixed German shape."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class Schwere(str, Enum):
    FEHLER = "Fehler"
    WARNUNG = "Warnung"


# The warning about a profile's empty fields: one per file, condensed in the local report.
LEERE_FELDER = "leere-felder"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding: where it is, what is wrong and how to fix it."""

    datei: str
    zeile: int | None
    feld: str | None
    meldung: str
    hinweis: str | None = None
    schwere: Schwere = Schwere.FEHLER
    # A kind reports may group, e.g. `LEERE_FELDER`.
    art: str | None = field(default=None, compare=False)

    def __str__(self) -> str:
        where = [self.datei]
        if self.zeile is not None:
            where.append(f"Zeile {self.zeile}")
        if self.feld:
            where.append(f"Feld `{self.feld}`")
        prefix = "WARNUNG: " if self.schwere is Schwere.WARNUNG else ""
        text = f"{prefix}{', '.join(where)}: {self.meldung}"
        return f"{text} {self.hinweis}" if self.hinweis else text


class DataError(Exception):
    """Raised when data files have errors; carries every error found in one pass, and the warnings."""

    def __init__(self, problems: list[Problem], warnings: list[Problem] | None = None):
        self.problems = sorted(problems, key=lambda p: (p.datei, p.zeile or 0))
        self.warnings = warnings or []
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[Problem]) -> str:
    """The report editors see, identical in build, check script and CI."""
    errors = sum(1 for p in problems if p.schwere is Schwere.FEHLER)
    lines = [str(p) for p in problems]
    if errors:
        lines.append(f"{errors} Fehler gefunden. Bitte korrigieren Sie die genannten Stellen.")
    return "\n".join(lines)


def condensed(warnings: list[Problem]) -> list[Problem | str]:
    """The warnings, those about empty profile fields folded into one line with their count."""
    empty = [w for w in warnings if w.art == LEERE_FELDER]
    if len(empty) < 2:
        return list(warnings)
    line = (f"WARNUNG: In {len(empty)} Steckbriefen sind Felder leer. Das ist kein Fehler: ergänzen Sie sie, wenn "
            "eine Quelle sie belegt. Einzeln zeigt sie »scripts/pruefen --alle«.")
    return [w for w in warnings if w.art != LEERE_FELDER] + [line]


def left_out(errors: int, warnings: int) -> str:
    """The line that counts the problems a report of the changed files leaves out."""
    warned = f"{warnings} Warnung{'' if warnings == 1 else 'en'}"
    if errors:
        also = f" und {warned}" if warnings else ""
        return (f"Nicht geänderte Dateien haben {errors} Fehler{also}. Sie sind hier ausgelassen, verhindern aber "
                "den Bau der Website. Alle Meldungen zeigt »make pruefen«.")
    return (f"{warned} zu nicht geänderten Dateien {'ist' if warnings == 1 else 'sind'} ausgelassen. "
            "Alle Meldungen zeigt »make pruefen«.")


@dataclass(frozen=True)
class Changes:
    """The files a change touches (paths from the project root): those still there and those deleted."""

    files: frozenset[str]
    deleted: frozenset[str]

    @classmethod
    def of(cls, root: Path, paths: Iterable[str]) -> Changes:
        paths = set(paths)
        present = frozenset(path for path in paths if (root / path).exists())
        return cls(present, frozenset(paths - present))

    def concern(self, problem: Problem) -> bool:
        """A problem of a changed file, or of another file because of a change: its message names a changed
        file (a duplicate name, a source removed from `quellen.yaml`) or the »name« of a deleted one."""
        if problem.datei in self.files:
            return True
        text = f"{problem.meldung} {problem.hinweis or ''}"
        return (any(path in text for path in self.files | self.deleted)
                or any(f"»{Path(path).stem}«" in text for path in self.deleted))
