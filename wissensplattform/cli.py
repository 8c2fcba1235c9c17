"""Entry points of the command-line scripts in ``scripts/``."""

from __future__ import annotations

import sys
from pathlib import Path

from wissensplattform.catalog import load_catalog
from wissensplattform.problems import DataError, format_problems

ROOT = Path(__file__).resolve().parent.parent


def pruefen(root: Path = ROOT) -> int:
    """Check every data file; print all problems in German; return the exit status."""
    try:
        catalog = load_catalog(root)
    except DataError as error:
        if error.warnings:
            print(format_problems(error.warnings))
        print(format_problems(error.problems), file=sys.stderr)
        return 1
    if catalog.warnings:
        print(format_problems(catalog.warnings))
    print(f"Alles in Ordnung: {len(catalog.entries)} Initiativen, {len(catalog.sources)} Quellen geprüft.")
    return 0
