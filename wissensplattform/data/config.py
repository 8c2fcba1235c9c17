"""`mkdocs.yml` as the package reads it: the site's settings (legal details, editor, address)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml_env_tag import construct_env_tag

CONFIG_FILE = "mkdocs.yml"


class _ConfigLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml parses ten times as fast
    """Reads mkdocs.yml; `!ENV` as MkDocs does (e.g. `site_url: !ENV [SITE_URL, …]` in CI), MkDocs' other tags
    (`!!python/name:` etc.) are irrelevant here and read as None."""


_ConfigLoader.add_constructor("!ENV", construct_env_tag)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(root: Path) -> dict[str, Any]:
    return yaml.load((root / CONFIG_FILE).read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
