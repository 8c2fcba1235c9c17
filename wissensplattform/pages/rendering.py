"""The Jinja environment: every page's markup lives in `templates/`, HTML-escaped by default."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined

from wissensplattform.data.buildcache import cache_folder, cache_key, version
from wissensplattform.data.fingerprint import file_lines

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

T = TypeVar("T")
# What the previous build in this process rendered, by kind and name, with its inputs (see `reused`).
_before: dict[tuple[str, str], tuple[tuple[str, object], Any]] = {}


def relative_url(from_url: str, to_url: str) -> str:
    """Link from the page at directory URL `from_url` (e.g. `initiativen/x/`) to `to_url`.

    Site URLs are normalised (no `.` or `..` parts), so this is `posixpath.relpath` without its
    file-system lookups, which cost a second at ten thousand profiles.
    """
    source = [part for part in from_url.split("/") if part]
    target = [part for part in to_url.split("/") if part]
    common = 0
    while common < min(len(source), len(target)) and source[common] == target[common]:
        common += 1
    relative = "/".join([".."] * (len(source) - common) + target[common:])
    if not relative:
        return "./"
    return relative + "/" if to_url.endswith("/") else relative


# What changes how Jinja compiles a template, besides its source and Jinja's version.
_COMPILE_OPTIONS = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
                    "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
                    "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized",
                    "autoescape", "finalize", "is_async")


def bytecode_cache(env: Environment) -> FileSystemBytecodeCache:
    """Compiled templates of `env` kept between builds: compiling them anew costs every build a second.

    Jinja reuses a compiled template only while the template's source has the same checksum, but its key
    ignores the environment's options and extensions, so these name the folder the templates are kept in.
    """
    options = [getattr(value, "__qualname__", value) for value in map(env.__getattribute__, _COMPILE_OPTIONS)]
    folder = cache_folder("jinja") / cache_key(version("jinja2"), *options, *sorted(env.extensions))[:16]
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Templates do not change during a build: no file check on each of the many thousand renders.
        auto_reload=False,
    )
    env.bytecode_cache = bytecode_cache(env)
    # `{{ "initiativen/"|relative_to(page_url) }}`: link to a site URL from the current page.
    env.filters["relative_to"] = lambda to_url, from_url: relative_url(from_url, to_url)
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)


@cache
def templates_stand() -> str:
    """One digest of every template's source: what a page rendered from them depends on besides its context."""
    return cache_key(*file_lines(TEMPLATES, TEMPLATES))


def reset() -> None:
    """Read the templates anew: `mkdocs serve` builds again in the same process after an edit, also of a template."""
    environment.cache_clear()
    templates_stand.cache_clear()


def reused(kind: str, name: str, inputs: object, make: Callable[[], T]) -> T:
    """`make()`, or what it made for `name` in the previous build of this process from equal `inputs` and the same
    templates.

    `mkdocs serve` builds the whole site again after each edit, mostly from unchanged data. `inputs` must hold
    everything `make` reads besides the templates, as values that compare by content (frozen dataclasses,
    strings, numbers, tuples), so that equal inputs render the same.
    """
    key = (templates_stand(), inputs)
    before = _before.get((kind, name))
    if before is not None and before[0] == key:
        return before[1]
    value = make()
    _before[(kind, name)] = (key, value)
    return value
