"""MkDocs hooks: hand the generated pages to MkDocs. No logic lives here; it is all in the package."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from wissensplattform.problems import DataError
from wissensplattform.site import GeneratedPage, build_pages

_pages: dict[str, GeneratedPage] = {}


def on_config(config):
    root = Path(config.config_file_path).parent
    try:
        pages = build_pages(root)
    except DataError as error:
        # Abort prints the German report without a traceback and stops before anything is written.
        raise Abort(f"Die Daten enthalten Fehler; die Website wurde nicht gebaut.\n{error}") from None
    _pages.clear()
    _pages.update({page.src_path: page for page in pages})
    return config


def on_files(files: Files, config) -> Files:
    for page in _pages.values():
        files.append(File.generated(config, page.src_path, content=page.content))
    return files


def on_page_context(context, page, config, nav):
    generated = _pages.get(page.file.src_uri)
    if generated and generated.source and config.repo_url and config.edit_uri:
        # The edit button opens the data file the page was built from, not a Markdown file.
        page.edit_url = config.repo_url.rstrip("/") + "/" + config.edit_uri.strip("/").removesuffix("docs").rstrip("/") + "/" + generated.source
    return context
