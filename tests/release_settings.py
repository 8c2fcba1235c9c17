"""Settings in a project copy's mkdocs.yml, e.g. those a release build (`make build-release`) needs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from wissensplattform.pages.contexts.legal import REQUIRED
from wissensplattform.data.config import CONFIG_FILE

RELEASE = {"WISSENSPLATTFORM_RELEASE": "1"}
# Not reserved for examples, so the release check accepts it; nothing here contacts it.
PUBLIC_URL = "https://wissensplattform-industrieinitiativen.de/"


def set_settings(project: Path, settings: dict[str, Any]) -> None:
    """Set `settings` (dotted keys such as `extra.betreiber.name`) in the project's mkdocs.yml, comments kept."""
    yaml = YAML()
    yaml.width = 4096  # no new line breaks in long values
    path = project / CONFIG_FILE
    config = yaml.load(path)
    for key, value in settings.items():
        *parents, name = key.split(".")
        section = config
        for parent in parents:
            section = section[parent]
        section[name] = value
    yaml.dump(config, path)


def legal_settings() -> dict[str, str]:
    """A value for every legal setting a release build requires."""
    return {f"extra.{key}": "test@example.org" if key.endswith("email") else f"Test {key}" for key in REQUIRED}
