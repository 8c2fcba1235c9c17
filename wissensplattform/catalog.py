"""Load and validate all data of a site: the source register and every initiative.

The catalogue is the validated model the rest of the flow works on. Loading
collects every problem of every file in one pass and raises one `DataError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from pydantic import BaseModel, ValidationError

from wissensplattform.loading import LoadedFile, load_yaml
from wissensplattform.messages import problems_from_validation
from wissensplattform.models import Initiative, Quelle, Quellenregister
from wissensplattform.models.common import SLUG_PATTERN, Beleg
from wissensplattform.models.toolbox import Modul
from wissensplattform.problems import DataError, Problem

INITIATIVES_DIR = "initiatives"
SOURCES_FILE = "quellen.yaml"
TOOLBOX_DIR = "toolbox"


@dataclass(frozen=True)
class Record:
    """A validated data file: its slug (the file name), its repository path and its model."""

    slug: str
    path: str
    model: Any


@dataclass(frozen=True)
class Entry:
    """A validated initiative with where it came from."""

    slug: str
    path: str
    initiative: Initiative


@dataclass
class Catalog:
    """All validated data of one site."""

    root: Path
    sources: dict[str, Quelle]
    entries: list[Entry]
    warnings: list[Problem] = field(default_factory=list)
    toolbox: list[Record] = field(default_factory=list)

    def by_slug(self, slug: str) -> Entry:
        return next(entry for entry in self.entries if entry.slug == slug)


def load_catalog(root: Path) -> Catalog:
    """Read and check every data file below `root`; raise `DataError` listing all problems."""
    problems: list[Problem] = []
    sources_file = load_yaml(root / SOURCES_FILE, root)
    register = _validate(sources_file, Quellenregister, problems)
    sources: dict[str, Quelle] = register.root if register else {}

    records = load_directory(root, INITIATIVES_DIR, Initiative, problems, sources if register else None)
    entries = [Entry(r.slug, r.path, r.model) for r in records]
    problems.extend(_duplicate_names(entries))
    toolbox = load_directory(root, TOOLBOX_DIR, Modul, problems, sources if register else None)
    if problems:
        raise DataError(problems)
    return Catalog(root=root, sources=sources, entries=entries, toolbox=toolbox)


def load_directory(root: Path, directory: str, model: type[BaseModel], problems: list[Problem],
                   sources: dict[str, Quelle] | None) -> list[Record]:
    """Validate every YAML file in `root/directory` against `model`; append problems, return the valid ones.

    With `sources`, every citation's `quelle` must name an entry of the register.
    """
    records = []
    for path in sorted((root / directory).glob("*.y*ml")):
        loaded = load_yaml(path, root)
        if not re.match(SLUG_PATTERN, path.stem):
            problems.append(Problem(loaded.label, None, None,
                                    f"Der Dateiname »{path.name}« ist keine gültige Kennung.",
                                    "Erlaubt sind Kleinbuchstaben, Ziffern und Bindestriche, z. B. »lokale-allianz-dormagen.yaml«."))
        validated = _validate(loaded, model, problems)
        if validated is None:
            continue
        if sources is not None:
            problems.extend(_unknown_sources(validated, loaded, sources))
        records.append(Record(path.stem, loaded.label, validated))
    return records


def _validate(loaded: LoadedFile, model: type[BaseModel], problems: list[Problem]) -> Any:
    problems.extend(loaded.problems)
    if loaded.problems:
        return None
    if not isinstance(loaded.data, dict):
        problems.append(loaded.problem((), "Die Datei enthält keine Felder (»schlüssel: wert«).",
                                       "Beginnen Sie mit `name: …` in der ersten Zeile."))
        return None
    try:
        return model.model_validate(loaded.data)
    except ValidationError as error:
        problems.extend(problems_from_validation(error, model, loaded))
        return None


def iter_citations(model: BaseModel, loc: tuple = ()) -> Iterator[tuple[tuple, Beleg]]:
    """Every citation in a model, with its position in the data."""
    if isinstance(model, Beleg):
        yield loc, model
    for name in type(model).model_fields:
        value = getattr(model, name)
        items = enumerate(value) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            if isinstance(item, BaseModel):
                yield from iter_citations(item, loc + ((name,) if index is None else (name, index)))


def _unknown_sources(model: BaseModel, loaded: LoadedFile, sources: dict[str, Quelle]) -> list[Problem]:
    return [
        loaded.problem(loc + ("quelle",), f"Die Quelle »{beleg.quelle}« steht nicht im Quellenregister.",
                       f"Tragen Sie sie in `{SOURCES_FILE}` ein oder verwenden Sie eine vorhandene Kennung: "
                       f"{', '.join(sorted(sources))}.")
        for loc, beleg in iter_citations(model)
        if beleg.quelle not in sources
    ]


def _duplicate_names(entries: list[Entry]) -> list[Problem]:
    seen: dict[str, Entry] = {}
    problems = []
    for entry in entries:
        key = entry.initiative.name.casefold()
        if key in seen:
            problems.append(Problem(entry.path, None, "name",
                                    f"Der Name »{entry.initiative.name}« wird schon in {seen[key].path} verwendet.",
                                    "Jede Initiative darf nur einmal vorkommen: führen Sie die Dateien zusammen."))
        else:
            seen[key] = entry
    return problems
