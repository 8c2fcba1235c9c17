"""Entry points of the command-line scripts in ``scripts/``."""

from __future__ import annotations

import sys
from pathlib import Path

from wissensplattform import annotations
from wissensplattform.catalog import INITIATIVES_DIR, data_files, load_catalog
from wissensplattform.formatting import format_file
from wissensplattform.models.common import slugify
from wissensplattform.scaffold import new_initiative
from wissensplattform.problems import DataError, format_problems

ROOT = Path(__file__).resolve().parent.parent


def pruefen(args: list[str] | None = None, root: Path = ROOT) -> int:
    """Check every data file; print all problems in German; return the exit status.

    `--github` adds annotations for the pull request; `--gitlab DATEI` writes a Code Quality report.
    """
    args = args or []
    try:
        catalog = load_catalog(root)
        errors, warnings = [], catalog.warnings
    except DataError as error:
        catalog, errors, warnings = None, error.problems, error.warnings
    if warnings:
        print(format_problems(warnings))
    if errors:
        print(format_problems(errors), file=sys.stderr)
    if "--github" in args:
        print(annotations.github(errors + warnings))
    if "--gitlab" in args:
        Path(args[args.index("--gitlab") + 1]).write_text(annotations.gitlab(errors + warnings), encoding="utf-8")
    if catalog is None:
        return 1
    print(f"Alles in Ordnung: {len(catalog.entries)} Initiativen, {len(catalog.sources)} Quellen geprüft.")
    return 0


def neue_initiative(args: list[str], root: Path = ROOT) -> int:
    """Write `initiatives/<slug>.yaml` for the name in `args`; never overwrite an existing file."""
    if len(args) != 1 or not args[0].strip():
        print('Aufruf: scripts/neue-initiative "Name der Initiative"', file=sys.stderr)
        return 2
    name = args[0].strip()
    path = root / INITIATIVES_DIR / f"{slugify(name)}.yaml"
    if path.exists():
        print(f"{path.relative_to(root)} gibt es schon. Bearbeiten Sie diese Datei.", file=sys.stderr)
        return 1
    path.write_text(new_initiative(name), encoding="utf-8")
    print(f"Angelegt: {path.relative_to(root)}. Füllen Sie die Pflichtfelder aus und prüfen Sie mit »make pruefen«.")
    return 0


def formatieren(args: list[str], root: Path = ROOT) -> int:
    """Normalise every data file (or only report, with `--pruefen`); exit 1 if a file is (would be) changed."""
    check_only = "--pruefen" in args
    changed = [path for path, model in data_files(root) if format_file(path, model, write=not check_only)]
    for path in changed:
        verb = "wäre zu formatieren" if check_only else "formatiert"
        print(f"{path.relative_to(root)}: {verb}")
    if check_only and changed:
        print("Bitte »make formatieren« ausführen.", file=sys.stderr)
        return 1
    return 0
