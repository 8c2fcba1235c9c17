"""The output writers: each feature registers here the files it writes besides pages (pipeline step 3)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from wissensplattform.data.catalog import Catalog
from wissensplattform.editor.page import write_editor
from wissensplattform.outputs.hosting import write_server_files
from wissensplattform.pages.karte import write_map_files
from wissensplattform.pages.knowledge import write_checklist
from wissensplattform.pages.toolbox import write_downloads

OUTPUT_WRITERS: list[Callable[[Catalog, Path], None]] = [
    write_map_files,
    write_checklist,
    write_downloads,
    write_editor,
    write_server_files,
]
