"""MkDocs hooks: hand the generated pages and outputs to MkDocs. All logic lives in the package."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from wissensplattform.problems import DataError
from wissensplattform.site import Site

_state: dict[str, Site] = {}


def on_config(config):
    try:
        _state["site"] = Site.load(Path(config.config_file_path).parent)
    except DataError as error:
        # Abort prints the German report without a traceback and stops before anything is written.
        raise Abort(f"Die Daten enthalten Fehler; die Website wurde nicht gebaut.\n{error}") from None
    return config


def on_files(files: Files, config) -> Files:
    for page in _state["site"].pages:
        files.append(File.generated(config, page.src_path, content=page.content))
    return files


def on_page_context(context, page, config, nav):
    source = _state["site"].source_of(page.file.src_uri)
    if source and config.repo_url and config.edit_uri:
        # The edit button opens the data file the page was built from, not a Markdown file that does not exist.
        page.edit_url = _state["site"].edit_url(config.repo_url, config.edit_uri, source)
    return context


def on_post_build(config):
    _state["site"].write_outputs(Path(config.site_dir))
