"""Downloads: every toolbox document as PDF, DOCX and ODT, and a one-page PDF Steckbrief per initiative.

The files are generated once per catalogue, in memory, while the pages are generated, so each
link can state its size; the output writer then puts the same bytes into `site/downloads/`. Each file
comes from the build cache when an earlier build made it from the same input, so a build loads
WeasyPrint, python-docx and odfdo only for a document that changed.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

from wissensplattform.data.buildcache import cache_key, file_digest, stored, version
from wissensplattform.data.catalog import Catalog, per_catalog
from wissensplattform.pages.contexts.profile import ProfileContext, profile_contexts
from wissensplattform.outputs.documents import model
from wissensplattform.outputs.documents.model import Document
from wissensplattform.outputs.documents.pdf import document_pdf, html_to_pdfs, prune_cache
from wissensplattform.pages.rendering import render, reused
from wissensplattform.outputs.toolbox_documents import toolbox_documents

DOWNLOAD_DIR = "downloads"


def _office_writer(module: str, function: str, library: str) -> Callable[[Document], bytes]:
    """The writer `module.function`, its files kept in the build cache; the module is imported only for a new file.

    The key is what the file is made of: the library's version, the writer's and the model's source and
    the document itself (its `repr` names every field).
    """
    def write(document: Document) -> bytes:
        key = cache_key(version(library), file_digest(find_spec(module).origin), file_digest(model.__file__),
                        repr(document))
        return stored("dokumente", key, lambda: getattr(importlib.import_module(module), function)(document))

    return write


# Format label and writer per file extension, in the order the links are shown (PDFs have a cache of their own).
WRITERS: dict[str, tuple[str, Callable[[Document], bytes]]] = {
    "pdf": ("PDF", document_pdf),
    "docx": ("DOCX", _office_writer("wissensplattform.outputs.documents.word", "document_docx", "python-docx")),
    "odt": ("ODT", _office_writer("wissensplattform.outputs.documents.odf", "document_odt", "odfdo")),
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
    return reused("steckbrief-druck", profile.slug, profile,
                  lambda: render("documents/steckbrief.html.j2", p=profile, page_url=profile.url, landscape=False))


def write_downloads(catalog: Catalog, site_dir: Path) -> None:
    """Output writer: put every generated file into `site/downloads/`."""
    target = site_dir / DOWNLOAD_DIR
    target.mkdir(parents=True, exist_ok=True)
    for download in downloads_for(catalog).files.values():
        (target / download.filename).write_bytes(download.content)
