"""The MkDocs adapter: MkDocs' events call the build's four steps (see `wissensplattform.pipeline`).

With `converted` and `indexed` beside it, the only modules that import MkDocs, besides the hooks file that names
these functions in `mkdocs.yml`.
Generated pages go to MkDocs in memory; finished HTML skips its Markdown pass, and so does a Markdown page
whose conversion an earlier build of the same process kept (`converted`: the rebuilds of `mkdocs serve`); such a
build also keeps the search entries of each page that did not change (`indexed`).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from wissensplattform.builders.converted import ConvertedPages
from wissensplattform.builders.indexed import IndexedPages
from wissensplattform.data.problems import DataError
from wissensplattform.outputs.csp import apply_policy
from wissensplattform.pages.page import anchor_ids
from wissensplattform.pages.rendering import bytecode_cache
from wissensplattform.pipeline import Site

_state: dict[str, Site] = {}
_started: dict[str, str] = {}
_converted = ConvertedPages()
_indexed = IndexedPages()


def on_startup(command, dirty):
    _started["command"] = command


def on_config(config):
    # `mkdocs serve` builds again after each change: its first build prepares for that (see `Site.load`).
    rebuilds = _started.pop("command", None) == "serve"
    try:
        _state["site"] = Site.load(Path(config.config_file_path).parent, rebuilds=rebuilds)
    except DataError as error:
        # Abort prints the German report without a traceback and stops before anything is written.
        raise Abort(f"Die Daten enthalten Fehler; die Website wurde nicht gebaut.\n{error}") from None
    return config


@event_priority(-100)  # last: a page's links lead to the files as all plugins left them
def on_files(files: Files, config) -> Files:
    for page in _state["site"].pages:
        files.append(File.generated(config, page.src_path, content=page.content))
    _converted.start(config, files)
    _indexed.start(config)
    return files


def on_env(env, config, files):
    # MkDocs makes the theme's Jinja environment anew for every build: keep its compiled templates between builds.
    env.bytecode_cache = bytecode_cache(env)
    return env


@event_priority(-100)  # last: the Markdown as every plugin left it
def on_page_markdown(markdown, page, config, files):
    generated = _state["site"].page(page.file.src_uri)
    if generated and generated.finished_html:
        page.meta.update(generated.front_matter)
        return ""  # nothing to convert: on_page_content puts the finished HTML in
    return _converted.before(markdown, page)


@event_priority(100)  # first: the HTML as MkDocs converted it
def on_page_content(html, page, config, files):
    generated = _state["site"].page(page.file.src_uri)
    if generated and generated.finished_html:
        page.toc = get_toc(generated.toc)
        page.present_anchor_ids = anchor_ids(generated.content)
        return generated.content
    return _converted.after(html, page, files)


def on_page_context(context, page, config, nav):
    source = _state["site"].source_of(page.file.src_uri)
    if source and config.repo_url and config.edit_uri:
        # The edit button opens the data file the page was built from, not a Markdown file that does not exist.
        page.edit_url = _state["site"].edit_url(config.repo_url, config.edit_uri, source)
    return context


def on_post_page(output, page, config):
    return apply_policy(output)


def on_post_template(output, template_name, config):
    # Theme pages such as 404.html are not pages and skip on_post_page.
    return apply_policy(output)


def on_serve(server, config, builder):
    # `mkdocs serve` watches docs/ only; the data files and templates make most pages.
    for path in Site.inputs(Path(config.config_file_path).parent):
        if path.exists():
            server.watch(str(path))
    return server


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config):
    site_dir = Path(config.site_dir)
    site = _state["site"]
    site.write_outputs(site_dir)
    # Each page got its policy in on_post_page; MkDocs validated the links of the Markdown pages.
    site.finish(site_dir, site_dir / "search" / "search_index.json", policies=False, links=False)
