"""PDF through WeasyPrint: the document rendered by a Jinja template, tagged PDF/UA-1, fonts embedded from the repository."""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

import weasyprint
from weasyprint import HTML

from wissensplattform.documents.model import Document
from wissensplattform.rendering import render

FONTS = Path(__file__).resolve().parent.parent / "fonts"
PDF_VARIANT = "pdf/ua-1"


# Rendering a PDF costs 0.1-0.3 s; a rebuild reuses every PDF whose HTML, fonts and WeasyPrint are unchanged.
CACHE = Path(__file__).resolve().parent.parent.parent / ".cache" / "pdf"


@cache
def _fonts_fingerprint() -> str:
    return ";".join(f"{f.name}:{f.stat().st_size}" for f in sorted(FONTS.iterdir()))


def html_to_pdf(html: str) -> bytes:
    """The PDF of `html`, from the build cache when the same input was rendered before."""
    key = hashlib.sha256(f"{weasyprint.__version__}|{PDF_VARIANT}|{_fonts_fingerprint()}|{html}".encode()).hexdigest()
    cached = CACHE / f"{key}.pdf"
    if cached.exists():
        return cached.read_bytes()
    # base_url lets the stylesheet name the vendored fonts by relative file URL; nothing is fetched from elsewhere.
    pdf = HTML(string=html, base_url=FONTS.as_uri() + "/").write_pdf(pdf_variant=PDF_VARIANT)
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.tmp")
    partial.write_bytes(pdf)
    partial.replace(cached)  # atomic, so parallel builds never read half a file
    return pdf


def document_pdf(document: Document) -> bytes:
    return html_to_pdf(render("documents/document.html.j2", d=document, landscape=document.landscape))
