"""Read facts straight from the committed source texts, so tests can compare the data against them."""

from __future__ import annotations

import re
from pathlib import Path

STUDY_FILE = Path(__file__).resolve().parents[2] / "quellentexte" / "003_f99b7b2f39b7bc14.txt"

_LEVELS = {"Lokale": "lokal", "Regionale": "regional", "Landesweite": "landesweit"}
_TYPES = ("netzwerkorientiert", "maßnahmenorientiert", "mischtyp")


def table_1(text: str | None = None) -> dict[str, tuple[str, str]]:
    """Table 1 of the study (III.2.3): initiative name → (typ, ebene), parsed from the study text."""
    text = text if text is not None else STUDY_FILE.read_text(encoding="utf-8")
    cells: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        header = re.match(r"\s*<b>(Lokale|Regionale|Landesweite) Initiativen \(\d+\)</b>", line)
        if not header:
            continue
        columns = line.split("\t")[1:]
        for typ, column in zip(_TYPES, columns):
            for name in re.findall(r"<li>▪ (.*?)</li>", column):
                cells[name.strip()] = (typ, _LEVELS[header.group(1)])
    return cells


def normalised(text: str) -> str:
    """Whitespace collapsed, for comparing quotations with the source text."""
    return re.sub(r"\s+", " ", text).strip()
