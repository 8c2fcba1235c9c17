"""Checks beyond the schema: source ids, markup in texts, fields left empty, duplicate slugs."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from wissensplattform.data.kreise import find_kreis
from wissensplattform.data.loading import LoadedFile
from wissensplattform.data.problems import LEERE_FELDER, Problem, Schwere

MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")


def unknown_sources(loaded: LoadedFile, sources: dict[str, Any], register_file: str) -> list[Problem]:
    """A `quelle` that names no entry of the source register (checked on the raw data, so it is found
    even when the file has other errors)."""
    return [
        loaded.problem(loc, f"Die Quelle »{value}« steht nicht im Quellenregister.",
                       f"Tragen Sie sie in `{register_file}` ein oder verwenden Sie eine vorhandene Kennung: "
                       f"{', '.join(sorted(sources))}.")
        for loc, value in loaded.texts
        if loc and loc[-1] == "quelle" and value not in sources
    ]


def markup_in_text(loaded: LoadedFile) -> list[Problem]:
    """HTML or script in a text is allowed, but shown as text: tell the editor so."""
    return [
        loaded.problem(loc, f"Der Text enthält HTML-Code (»{MARKUP.search(value).group(0)}«).",
                       "Er wird auf der Website als Text angezeigt und nie ausgeführt. Schreiben Sie "
                       "Formatierungen nicht als HTML.", schwere=Schwere.WARNUNG)
        for loc, value in loaded.texts
        if "<" in value and MARKUP.search(value)
    ]


def duplicate_slugs(paths: list[Path], root: Path) -> list[Problem]:
    """`x.yaml` and `x.yml` would be the same page."""
    seen: dict[str, Path] = {}
    problems = []
    for path in paths:
        if path.stem in seen:
            problems.append(Problem(path.relative_to(root).as_posix(), None, None,
                                    f"Die Kennung »{path.stem}« ist schon an "
                                    f"{seen[path.stem].relative_to(root).as_posix()} vergeben.",
                                    "Jede Datei braucht einen eigenen Namen: benennen Sie eine der beiden um."))
        seen.setdefault(path.stem, path)
    return problems


def empty_profile_fields(path: str, model: Any, fields: tuple[str, ...]) -> list[Problem]:
    """One warning per file listing the profile fields still empty."""
    empty = [name for name in fields if getattr(model, name) in (None, [])]
    if not empty:
        return []
    count = "1 Feld des Steckbriefs ist" if len(empty) == 1 else f"{len(empty)} Felder des Steckbriefs sind"
    it = "es" if len(empty) == 1 else "sie"
    return [Problem(path, None, None, f"{count} leer: {', '.join(empty)}.",
                    f"Ergänzen Sie {it}, wenn eine Quelle {it} belegt; sonst zeigt der Steckbrief "
                    "»in den Quellen nicht angegeben«.", schwere=Schwere.WARNUNG, art=LEERE_FELDER)]


def districts_outside_land(loaded: LoadedFile, initiative: Any) -> list[Problem]:
    """A district of `gebiet` that lies in another Land than the initiative's `bundesland`."""
    if initiative.bundesland is None:
        return []
    land = initiative.bundesland.wert.value
    problems = []
    for index, angabe in enumerate(initiative.gebiet):
        kreis = find_kreis(angabe.wert)
        if kreis.land != land:
            problems.append(loaded.problem(
                ("gebiet", index, "wert"),
                f"{kreis.bezeichnung} ({kreis.schluessel}) liegt in {kreis.land}, die Initiative laut `bundesland` in {land}.",
                "Prüfen Sie den Kreis und das Land: Ein Gebiet liegt in dem Land, das `bundesland` nennt."))
    return problems
