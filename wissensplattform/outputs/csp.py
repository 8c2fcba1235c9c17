"""The Content-Security-Policy of every page: only the site's own files and the page's own inline scripts run.

The theme writes a placeholder into a `<meta http-equiv>`; after rendering, `apply_policy` replaces it
with a policy that lists the SHA-256 hash of each inline script of that very page. Scripts from other
hosts, scripts injected later and `eval` are refused by the browser.
"""

from __future__ import annotations

import base64
import hashlib
import re

PLACEHOLDER = "wissensplattform-csp"
# Map tiles load only after the reader's click on the map page; the policy allows them as images only.
TILE_HOSTS = ("https://tile.openstreetmap.org",)
# Script types the browser executes (others, like Material's JSON config, are data).
_EXECUTED_TYPES = {"", "text/javascript", "application/javascript", "module"}


# A script element's text ends at the first `</script` (HTML's raw-text rule), so this match is exact;
# a full HTML parse of every page would cost as much as rendering it.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)


def inline_scripts(html: str) -> list[str]:
    """The exact text of every inline `<script>` the browser executes."""
    scripts = []
    for match in _SCRIPT.finditer(html):
        attributes, text = match.groups()
        script_type = _TYPE.search(attributes)
        if not _SRC.search(attributes) and (script_type.group(1).lower() if script_type else "") in _EXECUTED_TYPES:
            scripts.append(text)
    return scripts


def script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _directives() -> dict[str, list[str]]:
    return {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
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


def _text(directives: dict[str, list[str]]) -> str:
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def policy(script_hashes: list[str]) -> str:
    """The policy for a page whose inline scripts have these hashes."""
    directives = _directives()
    directives["script-src"] += sorted(set(script_hashes))
    return _text(directives)


def editor_policy(api_origins: tuple[str, ...]) -> str:
    """The policy of the form editor (`/bearbeiten/`): Decap CMS and the Git host's API, nothing else.

    Decap compiles its configuration validator at run time, so it needs `'unsafe-eval'`; without it the
    page stays blank. No map tiles here; `blob:` for the previews Decap makes of its own data.
    """
    directives = _directives()
    directives["script-src"].append("'unsafe-eval'")
    directives["img-src"] = ["'self'", "data:", "blob:"]
    directives["connect-src"] += list(api_origins)
    return _text(directives)


# What a `<meta>` policy cannot say: the browser ignores these directives there.
_HEADER_ONLY = {"frame-ancestors": ["'none'"]}
# Directives every page's policy and the editor's share, word for word.
_SITE_WIDE = ("object-src", "base-uri", "form-action")


def header_policy() -> str:
    """The policy of the web server's `Content-Security-Policy` header, the same on every response.

    The browser enforces the header and a page's `<meta>` policy both: a load must pass each. So the header
    holds no fetch directive that differs between pages (no `default-src`, `script-src`, `img-src` or
    `connect-src`: the script hashes of each page, the map tiles and the editor's `'unsafe-eval'` and Git API
    stay in the meta policies); it holds what only a header can carry (`frame-ancestors`) and the directives
    every meta policy has anyway, for a response without one. It never changes with the content, so the
    server configuration made from it stays valid from build to build.
    """
    directives = _directives()
    return _text({**_HEADER_ONLY, **{name: directives[name] for name in _SITE_WIDE}})


def apply_policy(html: str) -> str:
    """Fill the theme's placeholder with the page's policy; pages without it are returned unchanged."""
    if f'content="{PLACEHOLDER}"' not in html:
        return html
    hashes = [script_hash(script) for script in inline_scripts(html)]
    return html.replace(f'content="{PLACEHOLDER}"', f'content="{policy(hashes)}"', 1)
