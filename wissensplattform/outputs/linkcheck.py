"""Offline check of a built site: every internal link, anchor and download must resolve.

External links are collected, never fetched (CI has no internet), so an editor can check them online.
Reading a page's links takes a few milliseconds, ten thousand pages a minute: a page whose text an
earlier check read comes from the build cache.
"""

from __future__ import annotations

import hashlib
import posixpath
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from wissensplattform.data.buildcache import cache_key, file_digest, stored

# Attributes that make the browser fetch or navigate to another resource.
_LINK_ATTRIBUTES = {("a", "href"), ("area", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
                    ("source", "src"), ("iframe", "src"), ("video", "src"), ("audio", "src"), ("form", "action")}
_IGNORED_SCHEMES = {"data", "javascript", "blob"}


@dataclass(frozen=True)
class Link:
    page: str  # the page's path below the site, e.g. `initiativen/index.html`
    target: str  # the link as written


@dataclass
class _ParsedPage:
    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = _ParsedPage()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.page.ids.add(value)
            elif (tag, name) in _LINK_ATTRIBUTES:
                self.page.links.append(value)


def parse(path: Path) -> _ParsedPage:
    """The links and ids of one page; the same text always gives the same, so the key is the text's digest
    (with this module's code and Python's HTML parser)."""
    text = path.read_text(encoding="utf-8")
    key = cache_key(file_digest(__file__), sys.version, hashlib.sha256(text.encode()).hexdigest())
    return stored("links", key, lambda: _parse_text(text))


def _parse_text(text: str) -> _ParsedPage:
    parser = _Parser()
    parser.feed(text)
    parser.close()
    return parser.page


@dataclass
class Report:
    broken: list[tuple[Link, str]]
    external: list[Link]


def check_site(site_dir: Path, site_url: str = "") -> Report:
    """Check every link of every HTML file below `site_dir`; links below `site_url` count as internal."""
    pages = {path.relative_to(site_dir).as_posix(): parse(path) for path in sorted(site_dir.rglob("*.html"))}
    # What exists, listed once: a file-system lookup per link costs more than reading the pages.
    entries = list(site_dir.rglob("*"))
    files = {path.relative_to(site_dir).as_posix() for path in entries if path.is_file()}
    folders = {path.relative_to(site_dir).as_posix() for path in entries if path.is_dir()}
    broken: list[tuple[Link, str]] = []
    external: list[Link] = []
    for page, parsed in pages.items():
        for target in parsed.links:
            link = Link(page, target)
            if site_url and target.startswith(site_url):
                # Canonical links name the site's own address: check them as site paths.
                target = "/" + target.removeprefix(site_url)
            parts = urlsplit(target)
            if parts.scheme in _IGNORED_SCHEMES:
                continue
            if parts.scheme or parts.netloc:
                external.append(link)
                continue
            problem = _internal_problem(files, folders, pages, page, parts.path, parts.fragment)
            if problem:
                broken.append((link, problem))
    return Report(broken, external)


def _internal_problem(files: set[str], folders: set[str], pages: dict[str, _ParsedPage], page: str, path: str,
                      fragment: str) -> str | None:
    """Why an internal link does not resolve, or None when it does (`files` and `folders` below the site)."""
    if path.startswith("/"):
        # 404.html links from the site root, as a server shows it under any address.
        resolved = posixpath.normpath(path.lstrip("/")) if path.strip("/") else ""
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(path))) if path else page
    if resolved in ("", "."):
        resolved = "index.html"
    if resolved.startswith(".."):
        return "zeigt aus der Website heraus"
    if resolved in folders:
        resolved = posixpath.join(resolved, "index.html")
    if resolved not in files:
        return "Ziel fehlt"
    if fragment and resolved in pages and unquote(fragment) not in pages[resolved].ids:
        return f"Anker #{fragment} fehlt"
    return None


def external_report(report: Report) -> Iterator[str]:
    """The external links as Markdown lines, grouped by address, for a check by hand."""
    by_target: dict[str, list[str]] = {}
    for link in report.external:
        by_target.setdefault(link.target, []).append(link.page)
    yield f"# Externe Links ({len(by_target)} Adressen, nicht abgerufen)"
    yield ""
    for target in sorted(by_target):
        pages = sorted(set(by_target[target]))
        yield f"- <{target}> auf {', '.join(pages[:5])}" + (f" und {len(pages) - 5} weiteren" if len(pages) > 5 else "")
