"""Load the study's knowledge (``wissen/``) and check it against the initiatives.

Case studies and model regions are linked from the initiative files (`fallstudie:`,
`modellregion:`), so the initiative data is the one place that says which is which.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from wissensplattform.data.catalog import Entry, Feature, Record, load_directory, load_file
from wissensplattform.data.models import Quelle
from wissensplattform.data.models.common import Kriterium
from wissensplattform.data.models.knowledge import (
    KNOWLEDGE_DIRECTORIES, Governanceseite, Materialseite, Netzwerktreffen, Textseite, Typologie,
)
from wissensplattform.data.problems import Problem

KNOWLEDGE_DIR = "wissen"
# Single-file pages: file name → model. A missing file means the page is not (yet) written.
SINGLE_FILES = {
    "typologie": Typologie,
    "netzwerktreffen": Netzwerktreffen,
    "empfehlungen": Textseite,
    "erfolgsmessung": Textseite,
    "zusammenfassung": Textseite,
    "governance": Governanceseite,
    "materialien": Materialseite,
}


@dataclass(frozen=True)
class Wissen:
    """The validated knowledge data of a site: slug → record (model + file path), in the study's order."""

    kriterien: dict[str, Record] = field(default_factory=dict)
    fallstudien: dict[str, Record] = field(default_factory=dict)
    modellregionen: dict[str, Record] = field(default_factory=dict)
    seiten: dict[str, Record] = field(default_factory=dict)


def initiative_of(entries: list[Entry], attribute: str, slug: str) -> Entry | None:
    """The initiative whose `fallstudie`/`modellregion` field names `slug`."""
    return next((e for e in entries if getattr(e.initiative, attribute) == slug), None)


def initiative_named(entries: list[Entry], name: str) -> Entry | None:
    """The initiative called `name` (its name, short name or a recorded name variant), if the data has it."""
    key = name.casefold()
    for entry in entries:
        names = [entry.initiative.name, entry.initiative.kurzname or ""]
        names += [v.text for v in entry.initiative.namensvarianten]
        if key in (n.casefold() for n in names):
            return entry
    return None


def load_knowledge(root: Path, entries: list[Entry], problems: list[Problem],
                   sources: dict[str, Quelle] | None) -> Wissen:
    """Validate every file below `wissen/`; append problems; check the links to and from the initiatives."""
    base = root / KNOWLEDGE_DIR
    if not base.is_dir():
        return Wissen()
    kriterien, fallstudien, regionen = (load_directory(root, directory, model, problems, sources)
                                        for directory, model in KNOWLEDGE_DIRECTORIES.items())
    seiten = {name: load_file(root, base / f"{name}.yaml", model, problems, sources)
              for name, model in SINGLE_FILES.items() if (base / f"{name}.yaml").exists()}
    problems.extend(_unknown_criteria(kriterien))
    problems.extend(_dangling(entries, "fallstudie", {r.slug for r in fallstudien}, "wissen/fallstudien"))
    problems.extend(_dangling(entries, "modellregion", {r.slug for r in regionen}, "wissen/modellregionen"))
    order = [k.value for k in Kriterium]
    return Wissen(
        kriterien={r.slug: r for r in sorted(kriterien, key=lambda r: order.index(r.slug) if r.slug in order else 99)},
        fallstudien={r.slug: r for r in sorted(fallstudien, key=lambda r: _chapter_key(r.model.kapitel))},
        modellregionen={r.slug: r for r in sorted(regionen, key=lambda r: _chapter_key(r.model.kapitel))},
        seiten={name: r for name, r in seiten.items() if r},
    )


KNOWLEDGE = Feature("wissen", load_knowledge)


def _chapter_key(kapitel: str) -> tuple:
    return tuple(int(p) if p.isdigit() else 0 for p in kapitel.split("."))


def _unknown_criteria(records: list[Record]) -> list[Problem]:
    known = [k.value for k in Kriterium]
    return [Problem(r.path, None, None, f"»{r.slug}« ist kein Good-Practice-Kriterium der Studie.",
                    f"Erlaubte Dateinamen: {', '.join(known)}.")
            for r in records if r.slug not in known]


def _dangling(entries: list[Entry], attribute: str, known: set[str], directory: str) -> list[Problem]:
    return [Problem(e.path, None, attribute,
                    f"»{getattr(e.initiative, attribute)}« gibt es nicht in `{directory}/`.",
                    f"Verwenden Sie einen vorhandenen Dateinamen: {', '.join(sorted(known)) or '(keiner)'}.")
            for e in entries if getattr(e.initiative, attribute) and known and getattr(e.initiative, attribute) not in known]
