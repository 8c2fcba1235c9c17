"""The form editor's settings (`extra.bearbeiten` in `mkdocs.yml`): which Git host it saves to.

Every value comes from the operator. While a required setting is empty, `/bearbeiten/` explains which
one is missing instead of offering a sign-in that cannot work. The local mode (`make bearbeiten`)
needs no setting: it saves through `decap-server` on this machine.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

# `make bearbeiten` sets this to the port of the local `decap-server`; the build then points the editor at it.
LOCAL_ENV = "WISSENSPLATTFORM_BEARBEITEN_LOKAL"

# What each setting means, in the words the explanation page uses.
SETTINGS: dict[str, str] = {
    "backend": "Git-Plattform: »gitlab« (auch openCoDE) oder »github«",
    "repository": "Repository in der Form »gruppe/projekt«",
    "app_id": "Application ID der OAuth-Anwendung, die auf der GitLab-Instanz für die Website angelegt ist",
    "base_url": "Adresse der GitLab-Instanz (z. B. https://gitlab.example.org) bzw. bei GitHub die Adresse "
                "des OAuth-Proxys",
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "gitlab": ("backend", "repository", "app_id", "base_url"),
    "github": ("backend", "repository", "base_url"),
}
GITHUB_API = "https://api.github.com"


@dataclass(frozen=True)
class EditorSettings:
    """The operator's settings below `extra.bearbeiten`; empty strings where nothing is set."""

    backend: str = ""
    repository: str = ""
    app_id: str = ""
    base_url: str = ""
    branch: str = "main"
    local_port: int | None = None

    @property
    def local(self) -> bool:
        return self.local_port is not None

    @property
    def local_proxy(self) -> str:
        return f"http://127.0.0.1:{self.local_port}/api/v1"

    @property
    def missing(self) -> list[str]:
        """The settings still empty, in the order the explanation lists them (none in local mode)."""
        if self.local:
            return []
        if self.backend not in REQUIRED:  # empty or unknown: the platform is the first thing to name
            return ["backend", *(key for key in ("repository", "base_url") if not getattr(self, key))]
        return [key for key in REQUIRED[self.backend] if not getattr(self, key)]

    @property
    def ready(self) -> bool:
        return not self.missing

    @property
    def api_origins(self) -> tuple[str, ...]:
        """The hosts the editor talks to besides the site itself: the Content-Security-Policy's `connect-src`."""
        if self.local:
            return (_origin(self.local_proxy),)
        if self.backend == "gitlab" and self.base_url:
            return (_origin(self.base_url),)
        if self.backend == "github":
            return (GITHUB_API,)
        return ()

    def backend_config(self) -> dict[str, Any]:
        """Decap CMS's `backend` block."""
        if self.local:
            return {"name": "proxy", "proxy_url": self.local_proxy, "branch": self.branch}
        config: dict[str, Any] = {"name": self.backend or "gitlab", "repo": self.repository, "branch": self.branch}
        if self.backend == "github":
            # GitHub's sign-in needs a small OAuth proxy of the operator's (see README, "Bearbeiten im Browser").
            config["base_url"] = self.base_url
        else:
            base = self.base_url.rstrip("/")
            config.update(auth_type="pkce", app_id=self.app_id, base_url=base,
                          api_root=f"{base}/api/v4" if base else "", auth_endpoint="oauth/authorize")
        return config


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def editor_settings(config: dict[str, Any]) -> EditorSettings:
    """The settings from a parsed `mkdocs.yml`; the local mode comes from the environment."""
    raw = (config.get("extra") or {}).get("bearbeiten") or {}
    text = {key: str(raw.get(key) or "").strip() for key in ("backend", "repository", "app_id", "base_url", "branch")}
    port = os.environ.get(LOCAL_ENV, "")
    return EditorSettings(
        backend=text["backend"].lower(), repository=text["repository"], app_id=text["app_id"],
        base_url=text["base_url"], branch=text["branch"] or "main", local_port=int(port) if port.isdigit() else None,
    )
