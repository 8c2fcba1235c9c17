"""The legal pages from the operator's settings in `mkdocs.yml`, and the release check on those settings.

A normal build shows "Angabe fehlt" on the pages and logs which settings are empty (at INFO level,
so `mkdocs build --strict` still passes); a release build (`WISSENSPLATTFORM_RELEASE=1`) stops. The same
holds for `site_url`: a placeholder such as `http://127.0.0.1:8000/` would end up in every canonical link,
in sitemap.xml and robots.txt of the published site.
"""

from __future__ import annotations

import ipaddress
import logging
import os
from collections.abc import Iterator
from urllib.parse import urlsplit


from wissensplattform.data.catalog import Catalog
from wissensplattform.data.config import CONFIG_FILE, read_config
from wissensplattform.pages.contexts.legal import LegalContext, legal_context
from wissensplattform.outputs.csp import TILE_HOSTS
from wissensplattform.data.problems import DataError, Problem
from wissensplattform.pages.page import GeneratedPage, page_url
from wissensplattform.pages.rendering import render

RELEASE_ENV = "WISSENSPLATTFORM_RELEASE"
# A child of MkDocs' logger, so the line appears in the build output like MkDocs' own.
log = logging.getLogger("mkdocs.wissensplattform")

LEGAL_PAGES = (
    ("impressum/index.md", "legal/impressum.md.j2"),
    ("datenschutz/index.md", "legal/datenschutz.md.j2"),
    ("barrierefreiheit/index.md", "legal/barrierefreiheit.md.j2"),
)


def is_release() -> bool:
    return os.environ.get(RELEASE_ENV) == "1"


# Domains and top-level domains reserved for examples and tests (RFC 2606, RFC 6761): never a published site.
_EXAMPLE_DOMAINS = ("example.org", "example.com", "example.net")
_RESERVED_TLDS = ("example", "invalid", "localhost", "test")


def _is_this_machine(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _is_example(host: str) -> bool:
    return (any(host == domain or host.endswith("." + domain) for domain in _EXAMPLE_DOMAINS)
            or host.rpartition(".")[2] in _RESERVED_TLDS)


def site_url_problem(site_url: str) -> str | None:
    """Why `site_url` cannot be the address of the published site (a German sentence), or None if it can."""
    url = site_url.strip()
    if not url:
        return "Die Adresse der Website ist leer."
    try:
        parts = urlsplit(url)
        scheme, host = parts.scheme, (parts.hostname or "").rstrip(".").lower()
    except ValueError:  # e.g. an unclosed `[` of an IPv6 address
        scheme = host = ""
    if scheme not in ("http", "https") or not host:
        return f"Die Adresse der Website »{url}« ist keine Webadresse mit http:// oder https://."
    if _is_this_machine(host):
        return (f"Die Adresse der Website »{url}« zeigt auf den eigenen Rechner, "
                "nicht auf die veröffentlichte Website.")
    if _is_example(host):
        return f"Die Adresse der Website »{url}« ist eine Beispieladresse."
    return None


def _release_problems(missing: list[str], site_url: str | None) -> list[Problem]:
    problems = [
        Problem(CONFIG_FILE, None, f"extra.{key}", "Die Einstellung für die rechtlichen Seiten ist leer.",
                "Tragen Sie die Angabe des Betreibers ein; ohne sie darf die Website nicht veröffentlicht werden.")
        for key in missing
    ]
    if site_url:
        problems.append(Problem(CONFIG_FILE, None, "site_url", site_url,
                                "Tragen Sie die öffentliche Adresse ein, unter der die Website erreichbar sein wird "
                                "(mit https://); kanonische Links, sitemap.xml und robots.txt nennen sie."))
    return problems


def check_settings(context: LegalContext, release: bool) -> None:
    """Stop a release build on missing settings or a placeholder `site_url`; in a normal build, say what is missing."""
    site_url = site_url_problem(context.site_url)
    if release and (context.fehlend or site_url):
        raise DataError(_release_problems(context.fehlend, site_url))
    if context.fehlend:
        log.info("Rechtliche Angaben fehlen (Impressum, Datenschutz, Barrierefreiheit zeigen »Angabe fehlt«; "
                 "»make build-release« bricht deshalb ab): %s in %s",
                 ", ".join(f"extra.{key}" for key in context.fehlend), CONFIG_FILE)
    if site_url:
        log.info("site_url in %s ist keine öffentliche Adresse (kanonische Links und sitemap.xml verwenden sie, "
                 "robots.txt nennt keine Sitemap; »make build-release« bricht deshalb ab): %s", CONFIG_FILE, site_url)


def legal_pages(catalog: Catalog) -> Iterator[GeneratedPage]:
    context = legal_context(read_config(catalog.root), TILE_HOSTS)
    check_settings(context, is_release())
    for src_path, template in LEGAL_PAGES:
        yield GeneratedPage(src_path, render(template, r=context, page_url=page_url(src_path)), CONFIG_FILE)
