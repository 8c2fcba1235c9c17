"""The form editor's page and configuration in the built site.

With every setting of the Git host filled in (or in the local mode), `/bearbeiten/` is Decap CMS on a
page of its own with its own Content-Security-Policy; otherwise it is a page of the site that says
which setting is missing. `config.yml` is written either way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from wissensplattform.data.catalog import Catalog, per_catalog
from wissensplattform.outputs.csp import editor_policy
from wissensplattform.editor.config import decap_config
from wissensplattform.editor.settings import SETTINGS, EditorSettings, editor_settings
from wissensplattform.data.config import CONFIG_FILE, read_config
from wissensplattform.pages.page import GeneratedPage
from wissensplattform.pages.rendering import render, reused

EDITOR_DIR = "bearbeiten"
DECAP_JS = "assets/vendor/decap-cms/decap-cms.js"


@dataclass(frozen=True)
class Editor:
    site_name: str
    settings: EditorSettings
    config: dict

    @property
    def fehlend(self) -> list[tuple[str, str]]:
        """The missing settings with what each means."""
        return [(f"extra.bearbeiten.{key}", SETTINGS[key]) for key in self.settings.missing]


@per_catalog
def editor(catalog: Catalog) -> Editor:
    mkdocs = read_config(catalog.root)
    settings = editor_settings(mkdocs)
    return Editor(str(mkdocs.get("site_name") or ""), settings,
                  decap_config(catalog, settings, str(mkdocs.get("site_url") or "")))


def editor_pages(catalog: Catalog) -> Iterator[GeneratedPage]:
    """While the editor cannot work, a page of the site explains what the operator has to set."""
    if not editor(catalog).settings.ready:
        yield GeneratedPage(f"{EDITOR_DIR}/index.md", render("editor/nicht-eingerichtet.md.j2", e=editor(catalog)),
                            CONFIG_FILE)


def write_editor(catalog: Catalog, site_dir: Path) -> None:
    """`bearbeiten/config.yml`, and the editor's own page once it can sign in."""
    target = site_dir / EDITOR_DIR
    target.mkdir(parents=True, exist_ok=True)
    current = editor(catalog)
    # libyaml's emitter writes the same text as PyYAML's pure-Python one, five times as fast (the file is 240 KB);
    # `mkdocs serve` writes it anew only when the configuration changed.
    text = reused("editor", "config.yml", current.config, lambda: yaml.dump(
        current.config, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True, sort_keys=False,
        width=120))
    (target / "config.yml").write_text(
        "# Erzeugt beim Bau aus dem Schema (wissensplattform/editor); nicht von Hand ändern.\n" + text,
        encoding="utf-8")
    if current.settings.ready:
        html = render("editor/bearbeiten.html.j2", e=current, decap_js=f"../{DECAP_JS}",
                      policy=editor_policy(current.settings.api_origins))
        (target / "index.html").write_text(html, encoding="utf-8")
