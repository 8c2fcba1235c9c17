"""PDF through WeasyPrint: the document rendered by a Jinja template, tagged PDF/UA-1, fonts embedded from the repository."""

from __future__ import annotations

from pathlib import Path

from weasyprint import HTML

from wissensplattform.documents.model import Document
from wissensplattform.rendering import render

FONTS = Path(__file__).resolve().parent.parent / "fonts"
PDF_VARIANT = "pdf/ua-1"


def html_to_pdf(html: str) -> bytes:
    # base_url lets the stylesheet name the vendored fonts by relative file URL; nothing is fetched from elsewhere.
    return HTML(string=html, base_url=FONTS.as_uri() + "/").write_pdf(pdf_variant=PDF_VARIANT)


def document_pdf(document: Document) -> bytes:
    return html_to_pdf(render("documents/document.html.j2", d=document, landscape=document.landscape))
