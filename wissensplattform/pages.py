"""A generated page: its path below `docs/`, its Markdown, and the data file it is built from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GeneratedPage:
    """One page: its path below `docs/`, its Markdown, and the data file it is built from."""

    src_path: str
    content: str
    source: str | None = None

    @property
    def url(self) -> str:
        return page_url(self.src_path)


def page_url(src_path: str) -> str:
    """`initiativen/x.md` → `initiativen/x/`, `initiativen/index.md` → `initiativen/` (directory URLs)."""
    stem = src_path.removesuffix(".md")
    stem = stem.removesuffix("index").rstrip("/") if stem.endswith("index") else stem
    return f"{stem}/" if stem else ""
