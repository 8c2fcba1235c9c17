"""Load and validate all data of a site: the source register and every initiative.

The catalogue is the validated model the rest of the flow works on. Loading
collects every problem of every file in one pass and raises one `DataError`.
"""

from __future__ import annotations

import re
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, wraps
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from wissensplattform.data.history import last_changed
from wissensplattform.data.loading import LoadedFile, load_yaml
from wissensplattform.data.messages import problems_from_validation
from wissensplattform.data.models import Initiative, Quelle, Quellenregister
from wissensplattform.data.models.initiative import PROFILE_FIELDS
from wissensplattform.data.models.common import SLUG_PATTERN
from wissensplattform.data.models.knowledge import KNOWLEDGE_DIRECTORIES
from wissensplattform.data.models.toolbox import Modul
from wissensplattform.data.checks import (duplicate_slugs, districts_outside_land, empty_profile_fields, markup_in_text,
                                          unknown_sources)
from wissensplattform.data.problems import DataError, Problem, Schwere

INITIATIVES_DIR = "initiatives"
SOURCES_FILE = "quellen.yaml"
TOOLBOX_DIR = "toolbox"
# Folders of data files and the model of each; features add theirs here.
DATA_DIRECTORIES: dict[str, type[BaseModel]] = {INITIATIVES_DIR: Initiative, **KNOWLEDGE_DIRECTORIES, TOOLBOX_DIR: Modul}


@dataclass(frozen=True)
class Record:
    """A validated data file: its slug (the file name), its repository path and its model."""

    slug: str
    path: str
    model: Any
    loaded: LoadedFile | None = field(default=None, repr=False, compare=False)


class Entry(Record):
    """A validated initiative with where it came from."""

    @property
    def initiative(self) -> Initiative:
        return self.model


@dataclass
class Catalog:
    """All validated data of one site."""

    root: Path
    sources: dict[str, Quelle]
    entries: list[Entry]
    warnings: list[Problem] = field(default_factory=list)
    wissen: Any = None
    toolbox: list[Record] = field(default_factory=list)
    # What `per_catalog` functions computed from this catalogue, by function.
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def by_slug(self, slug: str) -> Entry:
        return next(entry for entry in self.entries if entry.slug == slug)

    @cached_property
    def stand(self) -> dict[str, dt.date]:
        """When each initiative's file last changed: read from git once, for pages and PDFs alike."""
        return last_changed(self.root, [entry.path for entry in self.entries])


T = TypeVar("T")


def per_catalog(build: Callable[[Catalog], T]) -> Callable[[Catalog], T]:
    """Compute `build(catalog)` once per catalogue: pages, downloads and exports then share one result."""
    key = f"{build.__module__}.{build.__qualname__}"

    @wraps(build)
    def shared(catalog: Catalog) -> T:
        if key not in catalog.derived:
            catalog.derived[key] = build(catalog)
        return catalog.derived[key]

    return shared


@dataclass(frozen=True)
class Feature:
    """A data folder beyond the initiatives, loaded after them and checked against them.

    Features are handed to the catalogue (see `data.load`) rather than imported by it, so the
    catalogue depends on no feature. `load` appends its problems and returns what `Catalog.<name>` holds.
    """

    name: str
    load: Callable[[Path, list[Entry], list[Problem], dict[str, Quelle] | None], Any]


def load_catalog_with(root: Path, features: tuple[Feature, ...]) -> Catalog:
    """Read and check every data file below `root`; raise `DataError` listing all problems."""
    problems: list[Problem] = []
    sources_file = load_yaml(root / SOURCES_FILE, root)
    register = _validate(sources_file, Quellenregister, problems)
    sources: dict[str, Quelle] = register.root if register else {}

    records = load_directory(root, INITIATIVES_DIR, Initiative, problems, sources if register else None)
    entries = [Entry(r.slug, r.path, r.model, r.loaded) for r in records]
    problems.extend(_duplicate_names(entries))
    for entry in entries:
        # A Land-wide initiative has no town by definition.
        fields = tuple(f for f in PROFILE_FIELDS if not (f == "ort" and entry.initiative.ebene.value == "landesweit"))
        problems.extend(empty_profile_fields(entry.path, entry.initiative, fields))
        problems.extend(districts_outside_land(entry.loaded, entry.initiative))
    loaded = {feature.name: feature.load(root, entries, problems, sources if register else None) for feature in features}
    errors = [p for p in problems if p.schwere is Schwere.FEHLER]
    warnings = [p for p in problems if p.schwere is Schwere.WARNUNG]
    if errors:
        raise DataError(errors, warnings)
    return Catalog(root=root, sources=sources, entries=entries, warnings=warnings, **loaded)


def data_files(root: Path) -> list[tuple[Path, type[BaseModel]]]:
    """Every editable data file with the model that validates it."""
    files: list[tuple[Path, type[BaseModel]]] = [(root / SOURCES_FILE, Quellenregister)]
    for directory, model in DATA_DIRECTORIES.items():
        files.extend((path, model) for path in sorted((root / directory).glob("*.y*ml")))
    return files


def load_directory(root: Path, directory: str, model: type[BaseModel], problems: list[Problem],
                   sources: dict[str, Quelle] | None) -> list[Record]:
    """Validate every YAML file in `root/directory` against `model`; append problems, return the valid ones.

    With `sources`, every citation's `quelle` must name an entry of the register.
    """
    paths = sorted((root / directory).glob("*.y*ml"))
    problems.extend(duplicate_slugs(paths, root))
    records = [load_file(root, path, model, problems, sources) for path in paths]
    return [record for record in records if record is not None]


def load_file(root: Path, path: Path, model: type[BaseModel], problems: list[Problem],
              sources: dict[str, Quelle] | None) -> Record | None:
    """Validate one YAML file against `model` (see `load_directory`); None if it has errors."""
    loaded = load_yaml(path, root)
    if sources is not None and not loaded.problems:
        problems.extend(unknown_sources(loaded, sources, SOURCES_FILE))
    problems.extend(markup_in_text(loaded))
    if not re.match(SLUG_PATTERN, path.stem):
        problems.append(Problem(loaded.label, None, None,
                                f"Der Dateiname »{path.name}« ist keine gültige Kennung.",
                                "Erlaubt sind Kleinbuchstaben, Ziffern und Bindestriche, z. B. »lokale-allianz-dormagen.yaml«."))
    validated = _validate(loaded, model, problems)
    if validated is None:
        return None
    return Record(path.stem, loaded.label, validated, loaded)


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


def _duplicate_names(entries: list[Entry]) -> list[Problem]:
    """Each file that shares its name with another gets one error naming the others."""
    by_name: dict[str, list[Entry]] = {}
    for entry in entries:
        by_name.setdefault(entry.initiative.name.casefold(), []).append(entry)
    return [
        entry.loaded.problem(("name",),
                f"Der Name »{entry.initiative.name}« wird auch in "
                f"{', '.join(other.path for other in group if other is not entry)} verwendet.",
                "Jede Initiative darf nur einmal vorkommen: führen Sie die Dateien zusammen.")
        for group in by_name.values() if len(group) > 1
        for entry in group
    ]
