"""A generated page: its path below `docs/`, its content, and the data file it is built from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class SearchEntry:
    """One search hit: where it leads, its title and its text, both HTML as the theme's search shows them."""

    location: str
    title: str
    text: str


@dataclass(frozen=True)
class GeneratedPage:
    """One page: its path below `docs/`, its Markdown, and the data file it is built from.

    With `finished_html`, the content is finished HTML (valid Markdown too, as Markdown allows raw
    HTML): a builder hands it over as the page body without converting it, which keeps thousands of
    profiles cheap; its table of contents and title come from its headings.
    With `search`, the page brings its own search entries and the theme's search does not index it:
    parsing every profile's HTML would cost half the build and index footnotes and map notes too.
    """

    # Always `<URL>/index.md`: the file's folder is the page's URL, so a link relative to either is the same
    # for every builder (Zensical resolves relative links from the file's folder, even in raw HTML).
    src_path: str
    content: str
    source: str | None = None
    finished_html: bool = False
    search: tuple[SearchEntry, ...] | None = None
    # Parts of the theme's page frame left out (`navigation`, `toc`), as Material's `hide` front matter.
    hide: tuple[str, ...] = ()

    @cached_property
    def toc(self) -> list[dict[str, Any]]:
        """The headings of finished HTML (see `toc_tokens`)."""
        return toc_tokens(self.content)

    @property
    def front_matter(self) -> dict[str, Any]:
        """What front matter would say: the title of finished HTML (its `<h1>`, escaped as a Markdown
        heading's would be), the theme search's exclusion where the page brings its own entries, and the
        parts of the page frame it hides."""
        matter: dict[str, Any] = {}
        if self.finished_html and self.toc and self.toc[0]["level"] == 1:
            matter["title"] = self.toc[0]["name"]
        if self.search is not None:
            matter["search"] = {"exclude": True}
        if self.hide:
            matter["hide"] = list(self.hide)
        return matter

    @property
    def url(self) -> str:
        return page_url(self.src_path)


def page_url(src_path: str) -> str:
    """`initiativen/x.md` → `initiativen/x/`, `initiativen/index.md` → `initiativen/` (directory URLs)."""
    stem = src_path.removesuffix(".md")
    stem = stem.removesuffix("index").rstrip("/") if stem.endswith("index") else stem
    return f"{stem}/" if stem else ""


def profile_src(slug: str) -> str:
    """Where an initiative's profile page sits below `docs/`."""
    return f"initiativen/{slug}/index.md"


def profile_url(slug: str) -> str:
    """`initiativen/<slug>/`: the URL of an initiative's profile page."""
    return page_url(profile_src(slug))


# The templates write headings as `<hN id="…">text</hN>` with escaped text and no nested markup.
_HEADING = re.compile(r'<h([1-6]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.DOTALL)
_ID = re.compile(r'\sid="([^"]+)"')


def toc_tokens(html: str) -> list[dict[str, Any]]:
    """The headings of finished HTML as a nested table of contents, in Python-Markdown's `toc_tokens` form."""
    root: dict[str, Any] = {"level": 0, "children": []}
    open_levels = [root]
    for level, anchor, name in _HEADING.findall(html):
        token = {"level": int(level), "id": anchor, "name": name.strip(), "children": []}
        while open_levels[-1]["level"] >= token["level"]:
            open_levels.pop()
        open_levels[-1]["children"].append(token)
        open_levels.append(token)
    return root["children"]


def anchor_ids(html: str) -> set[str]:
    """Every element id of finished HTML: the anchors a link may point to."""
    return set(_ID.findall(html))
