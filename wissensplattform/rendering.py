"""The Jinja environment: every page's markup lives in `templates/`, HTML-escaped by default."""

from __future__ import annotations

import posixpath
from functools import cache, lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=65536)  # a few targets linked from thousands of pages
def relative_url(from_url: str, to_url: str) -> str:
    """Link from the page at directory URL `from_url` (e.g. `initiativen/x/`) to `to_url`."""
    target = posixpath.relpath(to_url or ".", from_url or ".")
    return target + "/" if to_url.endswith("/") and target != "." else ("./" if target == "." else target)


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
    # `{{ "initiativen/"|relative_to(page_url) }}`: link to a site URL from the current page.
    env.filters["relative_to"] = lambda to_url, from_url: relative_url(from_url, to_url)
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
