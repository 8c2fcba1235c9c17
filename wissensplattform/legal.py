"""The legal pages from the operator's settings in `mkdocs.yml`, and the release check on those settings.

A normal build shows "Angabe fehlt" on the pages and logs which settings are empty (at INFO level,
so `mkdocs build --strict` still passes); a release build (`WISSENSPLATTFORM_RELEASE=1`) stops.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from wissensplattform.catalog import Catalog
from wissensplattform.contexts.legal import LegalContext, legal_context
from wissensplattform.csp import TILE_HOSTS
from wissensplattform.problems import DataError, Problem
from wissensplattform.pages import GeneratedPage, page_url
from wissensplattform.rendering import render

CONFIG_FILE = "mkdocs.yml"
RELEASE_ENV = "WISSENSPLATTFORM_RELEASE"
# A child of MkDocs' logger, so the line appears in the build output like MkDocs' own.
log = logging.getLogger("mkdocs.wissensplattform")

LEGAL_PAGES = (
    ("impressum.md", "legal/impressum.md.j2"),
    ("datenschutz.md", "legal/datenschutz.md.j2"),
    ("barrierefreiheit.md", "legal/barrierefreiheit.md.j2"),
)


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml; MkDocs' own tags (`!ENV`, `!!python/name:`) are irrelevant here and read as None."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(root: Path) -> dict[str, Any]:
    return yaml.load((root / CONFIG_FILE).read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}


def is_release() -> bool:
    return os.environ.get(RELEASE_ENV) == "1"


def check_settings(context: LegalContext, release: bool) -> None:
    """Stop a release build on missing settings; in a normal build, say which ones are missing."""
    if not context.fehlend:
        return
    if release:
        raise DataError([
            Problem(CONFIG_FILE, None, f"extra.{key}", "Die Einstellung für die rechtlichen Seiten ist leer.",
                    "Tragen Sie die Angabe des Betreibers ein; ohne sie darf die Website nicht veröffentlicht werden.")
            for key in context.fehlend
        ])
    log.info("Rechtliche Angaben fehlen (Impressum, Datenschutz, Barrierefreiheit zeigen »Angabe fehlt«; "
             "»make build-release« bricht deshalb ab): %s in %s",
             ", ".join(f"extra.{key}" for key in context.fehlend), CONFIG_FILE)


def legal_pages(catalog: Catalog) -> Iterator[GeneratedPage]:
    context = legal_context(read_config(catalog.root), TILE_HOSTS)
    check_settings(context, is_release())
    for src_path, template in LEGAL_PAGES:
        yield GeneratedPage(src_path, render(template, r=context, page_url=page_url(src_path)), CONFIG_FILE)
