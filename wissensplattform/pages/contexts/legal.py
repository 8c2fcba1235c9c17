"""Context of the legal pages (Impressum, Datenschutz, Barrierefreiheit): the operator's settings.

Every value comes from `extra` in `mkdocs.yml`; an empty setting stays empty and the page says which
setting is missing. Nothing here invents an operator, an address or a contact.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Angabe:
    """One setting: its key below `extra` (e.g. `betreiber.name`) and its text, None where it is empty."""

    schluessel: str
    wert: str | None

    @property
    def zeilen(self) -> list[str]:
        return (self.wert or "").splitlines()


# The settings the legal pages need; the optional ones are shown only when set.
REQUIRED: tuple[str, ...] = (
    "betreiber.name", "betreiber.anschrift", "betreiber.email", "inhaltlich_verantwortlich",
    "datenschutz.hosting", "datenschutz.protokolle", "datenschutz.aufsichtsbehoerde",
    "barrierefreiheit.stand", "barrierefreiheit.vereinbarkeit", "barrierefreiheit.feedback_email",
    "barrierefreiheit.schlichtungsstelle",
)
OPTIONAL: tuple[str, ...] = (
    "betreiber.vertreten_durch", "betreiber.telefon", "betreiber.register", "betreiber.ust_id",
    "datenschutz.beauftragter", "barrierefreiheit.feedback_telefon", "barrierefreiheit.einschraenkungen",
)


def setting(extra: dict[str, Any], key: str) -> Angabe:
    """The setting `key` (dotted path below `extra`); empty strings and missing keys give None."""
    value: Any = extra
    for part in key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if isinstance(value, list):
        value = "\n".join(str(item) for item in value if item not in (None, ""))
    text = str(value).strip() if value is not None else ""
    return Angabe(key, text or None)


@dataclass(frozen=True)
class LegalContext:
    site_name: str
    site_url: str
    angaben: dict[str, Angabe]
    # Hosts the map loads tiles from after the reader's click (the same list the CSP allows).
    kachel_server: tuple[str, ...]

    def __getitem__(self, key: str) -> Angabe:
        return self.angaben[key]

    @property
    def fehlend(self) -> list[str]:
        return [key for key in REQUIRED if self.angaben[key].wert is None]


def legal_context(config: dict[str, Any], tile_hosts: tuple[str, ...]) -> LegalContext:
    extra = config.get("extra") or {}
    return LegalContext(
        site_name=str(config.get("site_name") or ""),
        site_url=str(config.get("site_url") or ""),
        angaben={key: setting(extra, key) for key in REQUIRED + OPTIONAL},
        kachel_server=tile_hosts,
    )
