"""Downloads: every toolbox document as PDF, DOCX and ODT, and a one-page PDF Steckbrief per initiative.

The files are generated once per catalogue, in memory, while the pages are generated, so each
link can state its size; the output writer then puts the same bytes into `site/downloads/`.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from wissensplattform.catalog import Catalog, Entry
from wissensplattform.contexts.profile import profile_context
from wissensplattform.documents.model import Document
from wissensplattform.documents.odf import document_odt
from wissensplattform.documents.pdf import document_pdf, html_to_pdf
from wissensplattform.documents.word import document_docx
from wissensplattform.rendering import render
from wissensplattform.toolbox import toolbox_documents

DOWNLOAD_DIR = "downloads"
# Format label and writer per file extension, in the order the links are shown.
WRITERS: dict[str, tuple[str, Callable[[Document], bytes]]] = {
    "pdf": ("PDF", document_pdf),
    "docx": ("DOCX", document_docx),
    "odt": ("ODT", document_odt),
}


@dataclass(frozen=True)
class Download:
    """One generated file: name, title, format and bytes."""

    filename: str
    title: str
    format: str
    content: bytes

    @property
    def url(self) -> str:
        return f"{DOWNLOAD_DIR}/{self.filename}"

    @property
    def size(self) -> str:
        """`48 KB` (kibibytes, rounded up, as file managers show them)."""
        return f"{math.ceil(len(self.content) / 1024)} KB"

    @property
    def label(self) -> str:
        """`Ablaufplan World Café (PDF, 48 KB)`."""
        return f"{self.title} ({self.format}, {self.size})"


@dataclass(frozen=True)
class Downloads:
    files: dict[str, Download]
    documents: tuple[Document, ...]

    def of(self, stem: str) -> tuple[Download, ...]:
        """The PDF, DOCX and ODT of one document."""
        return tuple(self.files[f"{stem}.{ext}"] for ext in WRITERS)

    def document(self, stem: str) -> Document:
        return next(d for d in self.documents if d.stem == stem)

    def steckbrief(self, slug: str) -> Download:
        return self.files[steckbrief_filename(slug)]


def steckbrief_filename(slug: str) -> str:
    return f"steckbrief-{slug}.pdf"


# Generated files by catalogue identity (a Catalog is not hashable); the weak reference guards against id reuse.
_generated: dict[int, tuple[weakref.ref, "Downloads"]] = {}


def downloads_for(catalog: Catalog) -> Downloads:
    """All downloads of a catalogue, generated on first use; pages and the output writer share them."""
    cached = _generated.get(id(catalog))
    if cached is None or cached[0]() is not catalog:
        cached = (weakref.ref(catalog), generate(catalog))
        _generated[id(catalog)] = cached
    return cached[1]


def generate(catalog: Catalog) -> Downloads:
    documents = tuple(toolbox_documents(catalog))
    files: dict[str, Download] = {}
    for document in documents:
        for ext, (label, write) in WRITERS.items():
            download = Download(f"{document.stem}.{ext}", document.title, label, write(document))
            files[download.filename] = download
    for entry in catalog.entries:
        download = Download(steckbrief_filename(entry.slug), f"Steckbrief {entry.initiative.name}", "PDF",
                            steckbrief_pdf(entry, catalog, catalog.stand[entry.path]))
        files[download.filename] = download
    return Downloads(files, documents)


def steckbrief_pdf(entry: Entry, catalog: Catalog, stand) -> bytes:
    """The initiative's profile on one printable page, from the same context as its web page."""
    return html_to_pdf(render("documents/steckbrief.html.j2", p=profile_context(entry, catalog, stand),
                              page_url=f"initiativen/{entry.slug}/", landscape=False))


def write_downloads(catalog: Catalog, site_dir: Path) -> None:
    """Output writer: put every generated file into `site/downloads/`."""
    target = site_dir / DOWNLOAD_DIR
    target.mkdir(parents=True, exist_ok=True)
    for download in downloads_for(catalog).files.values():
        (target / download.filename).write_bytes(download.content)
