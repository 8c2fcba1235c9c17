"""The project's search entries put into the search index a builder wrote (step 4 of the pipeline)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from wissensplattform.pages.page import SearchEntry


def add_to_search_index(index_file: Path, entries: Iterable[SearchEntry]) -> None:
    """Put the entries into a builder's search index, in place of what the builder indexed for those pages.

    mkdocs-material writes lunr's form (`{"config", "docs"}`) and skips these pages already; Zensical writes
    `{"config", "items"}` with a level and a breadcrumb per item and indexes every page.
    """
    index = json.loads(index_file.read_text(encoding="utf-8"))
    entries = list(entries)
    pages = {entry.location.split("#")[0] for entry in entries}
    if "items" in index:
        titles = {entry.location: entry.title for entry in entries}
        kept = [item for item in index["items"] if item["location"].split("#")[0] not in pages]
        index["items"] = kept + [_zensical_item(entry, titles) for entry in entries]
    else:
        kept = [doc for doc in index["docs"] if doc["location"].split("#")[0] not in pages]
        index["docs"] = kept + [asdict(entry) for entry in entries]
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _zensical_item(entry: SearchEntry, titles: dict[str, str]) -> dict[str, object]:
    page = entry.location.split("#")[0]
    section = page != entry.location
    return {**asdict(entry), "level": 2 if section else 1, "path": [titles.get(page, entry.title)] if section else [],
            "tags": []}
