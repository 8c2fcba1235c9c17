"""The Content-Security-Policy of every page: only the site's own files and the page's own inline scripts run.

The theme writes a placeholder into a `<meta http-equiv>`; after rendering, `apply_policy` replaces it
with a policy that lists the SHA-256 hash of each inline script of that very page. Scripts from other
hosts, scripts injected later and `eval` are refused by the browser.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

PLACEHOLDER = "wissensplattform-csp"
# Map tiles load only after the reader's click on the map page; the policy allows them as images only.
TILE_HOSTS = ("https://tile.openstreetmap.org",)
# Script types the browser executes (others, like Material's JSON config, are data).
_EXECUTED_TYPES = {"", "text/javascript", "application/javascript", "module"}


class _InlineScripts(HTMLParser):
    """Collects the exact text of every executed inline `<script>`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and "src" not in attributes and (attributes.get("type") or "").lower() in _EXECUTED_TYPES:
            self._current = []

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def inline_scripts(html: str) -> list[str]:
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    return parser.scripts


def script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(script_hashes: list[str]) -> str:
    """The policy for a page whose inline scripts have these hashes."""
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *sorted(set(script_hashes))],
        # Material and Leaflet position elements with inline styles; styles cannot load code.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", *TILE_HOSTS],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def apply_policy(html: str) -> str:
    """Fill the theme's placeholder with the page's policy; pages without it are returned unchanged."""
    if f'content="{PLACEHOLDER}"' not in html:
        return html
    hashes = [script_hash(script) for script in inline_scripts(html)]
    return html.replace(f'content="{PLACEHOLDER}"', f'content="{policy(hashes)}"', 1)
