"""Downloads: every toolbox document as PDF, DOCX and ODT, and a one-page PDF Steckbrief per initiative.

The files are generated once per catalogue, in memory, while the pages are generated, so each
link can state its size; the output writer then puts the same bytes into `site/downloads/`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from wissensplattform.data.catalog import Catalog, per_catalog
from wissensplattform.pages.contexts.profile import ProfileContext, profile_contexts
from wissensplattform.outputs.documents.model import Document
from wissensplattform.outputs.documents.odf import document_odt
from wissensplattform.outputs.documents.pdf import document_pdf, html_to_pdfs, prune_cache
from wissensplattform.outputs.documents.word import document_docx
from wissensplattform.pages.rendering import render
from wissensplattform.outputs.toolbox_documents import toolbox_documents

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


@per_catalog
def downloads_for(catalog: Catalog) -> Downloads:
    """All downloads of a catalogue, generated on first use; pages and the output writer share them."""
    documents = tuple(toolbox_documents(catalog))
    files: dict[str, Download] = {}
    for document in documents:
        for ext, (label, write) in WRITERS.items():
            download = Download(f"{document.stem}.{ext}", document.title, label, write(document))
            files[download.filename] = download
    profiles = list(profile_contexts(catalog).values())
    for profile, pdf in zip(profiles, html_to_pdfs([steckbrief_html(p) for p in profiles])):
        download = Download(steckbrief_filename(profile.slug), f"Steckbrief {profile.name}", "PDF", pdf)
        files[download.filename] = download
    prune_cache()
    return Downloads(files, documents)


def steckbrief_html(profile: ProfileContext) -> str:
    """The initiative's profile on one printable page, from the same context as its web page."""
    return render("documents/steckbrief.html.j2", p=profile, page_url=profile.url, landscape=False)


def write_downloads(catalog: Catalog, site_dir: Path) -> None:
    """Output writer: put every generated file into `site/downloads/`."""
    target = site_dir / DOWNLOAD_DIR
    target.mkdir(parents=True, exist_ok=True)
    for download in downloads_for(catalog).files.values():
        (target / download.filename).write_bytes(download.content)
