"""What the web server adds to the built site: robots.txt, and the configuration of nginx and Apache
(compression, cache lifetimes, the headers a page cannot set itself).

Both configurations are rendered from the tables here and `csp.header_policy()`, so they say the same and the
policy has one source. Every build writes `.htaccess` into the site: Apache reads it from the folder it serves,
so it travels with `site/` and always belongs to the build next to it (GitHub and GitLab Pages ignore it). The
nginx snippet belongs in the server's configuration, not in the served folder; `scripts/serverkonfiguration`
writes it. Neither depends on the content, only on this module, `csp.py` and the path of `site_url`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from wissensplattform.data.catalog import Catalog
from wissensplattform.outputs.csp import header_policy
from wissensplattform.editor.page import EDITOR_DIR
from wissensplattform.data.config import read_config
from wissensplattform.pages.legal import site_url_problem
from wissensplattform.pages.rendering import render

ROBOTS_FILE = "robots.txt"
HTACCESS_FILE = ".htaccess"
SITEMAP_FILE = "sitemap.xml"

# Compressed with gzip: text. PDFs, Office files (ZIP) and PNGs are compressed already. Apache on newer Debian
# names JavaScript text/javascript, nginx application/javascript.
COMPRESSED_TYPES = (
    "text/html", "text/css", "application/javascript", "text/javascript", "application/json",
    "application/geo+json", "image/svg+xml", "application/xml", "text/xml", "text/yaml", "text/plain", "text/csv",
)
# Files sent as UTF-8 (`charset=utf-8` in Content-Type): the texts above, by extension for Apache.
TEXT_EXTENSIONS = ("html", "css", "js", "json", "map", "geojson", "svg", "xml", "yml", "txt", "csv")
# Types the servers' default tables lack: Decap CMS warns about config.yml unless it comes as text/yaml.
MIME_TYPES = {"text/yaml": ("yml", "yaml"), "application/geo+json": ("geojson",), "text/csv": ("csv",)}


@dataclass(frozen=True)
class CacheRule:
    """A Cache-Control value for the files whose URL path matches `pattern` (a PCRE, unanchored)."""

    pattern: str
    value: str
    why: str


# Everything else is revalidated on each use (a 304 while unchanged): pages, data, downloads, the project's
# own CSS and JavaScript. Their names stay the same when their content changes.
DEFAULT_CACHE = "no-cache"
# The first matching rule applies.
CACHE_RULES = (
    CacheRule(r"\.[0-9a-f]{8}\.min\.(css|js)(\.map)?$", "public, max-age=31536000, immutable",
              "Materials Bündel: der Inhalt-Hash steht im Namen, eine neue Fassung hat einen neuen Namen."),
    # A day, not a week: Decap's chunks are numbered, not versioned; after an upgrade a browser would combine
    # old and new files for as long as this lasts.
    CacheRule(r"/assets/(vendor|javascripts/lunr|images)/", "public, max-age=86400",
              "Fremde Bibliotheken und Bilder ohne Version im Namen: einen Tag (nach einem Update passen "
              "alte und neue Teildateien sonst nicht zusammen)."),
)


def security_headers() -> dict[str, str]:
    """The headers of every response, error pages included."""
    headers = {
        "Content-Security-Policy": header_policy(),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
    }
    # Both configurations put each value in double quotes.
    if any('"' in value or "\\" in value for value in headers.values()):
        raise ValueError(f"a header value with \" or \\ fits in neither server configuration: {headers}")
    return headers


def site_path(site_url: str) -> str:
    """The URL path the site lives under (`/`, or e.g. `/wissensplattform/`), from `site_url`."""
    try:
        path = urlsplit(site_url.strip()).path
    except ValueError:
        path = ""
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


def _context(site_url: str) -> dict:
    return {"path": site_path(site_url), "headers": security_headers(), "compressed": COMPRESSED_TYPES,
            "text_extensions": TEXT_EXTENSIONS, "mime_types": MIME_TYPES, "default_cache": DEFAULT_CACHE,
            "cache_rules": CACHE_RULES}


def nginx_config(site_url: str) -> str:
    """The snippet to include in the site's `server` block."""
    return render("server/nginx.conf.j2", **_context(site_url))


def apache_config(site_url: str) -> str:
    """The site's `.htaccess`."""
    return render("server/htaccess.j2", **_context(site_url))


def robots_txt(site_url: str) -> str:
    """Keeps crawlers out of the editor; names the sitemap only under a public address."""
    sitemap = None if site_url_problem(site_url) else site_url.strip().rstrip("/") + "/" + SITEMAP_FILE
    return render("server/robots.txt.j2", editor=f"{site_path(site_url)}{EDITOR_DIR}/", sitemap=sitemap)


def configured_site_url(root: Path) -> str:
    return str(read_config(root).get("site_url") or "")


def write_server_files(catalog: Catalog, site_dir: Path) -> None:
    """`robots.txt` and Apache's `.htaccess` into the built site."""
    site_url = configured_site_url(catalog.root)
    (site_dir / ROBOTS_FILE).write_text(robots_txt(site_url), encoding="utf-8")
    (site_dir / HTACCESS_FILE).write_text(apache_config(site_url), encoding="utf-8")
