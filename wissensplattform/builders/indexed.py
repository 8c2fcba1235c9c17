"""Search entries made once per `mkdocs serve` session, not once per rebuild (used by the MkDocs adapter).

Material's search plugin parses the HTML of every page in every build to cut it into search entries, though
a rebuild after one edited data file changes only a few pages. A page whose entries depend on the same things
as in an earlier build of this process gets that build's entries: its HTML, table of contents (the anchors
the entries link to), address, title and front matter (title, tags, boost, exclusion).

Material's index is reached through its plugin's `search_index.add_entry_from_context(page)` and `entries`;
without them (another search plugin, another Material version) every page is parsed as before.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink


class IndexedPages:
    """The search entries of each page in the latest build that parsed it."""

    def __init__(self) -> None:
        # Page → (what its entries are made from, the entries as JSON).
        self._kept: dict[str, tuple[tuple, str]] = {}

    def start(self, config: MkDocsConfig) -> None:
        """A new build: hand the search plugin's new index a method that keeps each page's entries."""
        for plugin in config.plugins.values():
            index = getattr(plugin, "search_index", None)
            if callable(getattr(index, "add_entry_from_context", None)) and isinstance(
                    getattr(index, "entries", None), list):
                index.add_entry_from_context = self._keeping(index)

    def _keeping(self, index) -> Callable[[Page], None]:
        add = index.add_entry_from_context

        def add_entries(page: Page) -> None:
            entries = index.entries
            src = page.file.src_uri
            key = _key(page)
            kept = self._kept.get(src)
            if kept and kept[0] == key:
                entries.extend(json.loads(kept[1]))
                return
            start = len(entries)
            add(page)
            # A copy as the index will write it (Material's `default=str` too), not the entries themselves, which
            # the index may change after this build.
            self._kept[src] = (key, json.dumps(entries[start:], default=str))
        return add_entries


def _key(page: Page) -> tuple:
    """Everything of a page the search entries are made from."""
    return page.content, _anchors(page.toc), page.url, page.title, repr(page.meta)


def _anchors(toc: Iterable[AnchorLink]) -> tuple:
    return tuple((item.id, item.url, _anchors(item.children)) for item in toc)
