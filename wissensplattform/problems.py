"""Problems found in data files, reported in one fixed German shape."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Schwere(str, Enum):
    FEHLER = "Fehler"
    WARNUNG = "Warnung"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding: where it is, what is wrong and how to fix it."""

    datei: str
    zeile: int | None
    feld: str | None
    meldung: str
    hinweis: str | None = None
    schwere: Schwere = Schwere.FEHLER

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
