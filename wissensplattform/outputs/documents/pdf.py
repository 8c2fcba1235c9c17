"""PDF through WeasyPrint: the document rendered by a Jinja template, tagged PDF/UA-1, fonts embedded from the repository."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from wissensplattform.data.buildcache import CACHE_ROOT, remove_unused, version, write_atomically
from wissensplattform.outputs.documents.model import Document
from wissensplattform.pages.rendering import render

if TYPE_CHECKING:
    from weasyprint.text.fonts import FontConfiguration

FONTS = Path(__file__).resolve().parent.parent / "fonts"
PDF_VARIANT = "pdf/ua-1"


# Rendering a PDF costs 0.07-0.3 s; a rebuild reuses every PDF whose HTML, fonts and WeasyPrint are unchanged.
# WeasyPrint is imported only to render a PDF that is not in the cache: the import alone costs 0.7 s.
CACHE = CACHE_ROOT / "pdf"
# Below this many PDFs to render, starting worker processes costs more than it saves.
PARALLEL_FROM = 8


@cache
def _fonts_fingerprint() -> str:
    return ";".join(f"{f.name}:{f.stat().st_size}" for f in sorted(FONTS.iterdir()))


@cache
def _font_config() -> FontConfiguration:
    from weasyprint.text.fonts import FontConfiguration

    # One per process: WeasyPrint then loads the embedded fonts once, not once per document.
    return FontConfiguration()


def _cache_path(html: str) -> Path:
    key = hashlib.sha256(f"{version('weasyprint')}|{PDF_VARIANT}|{_fonts_fingerprint()}|{html}".encode()).hexdigest()
    return CACHE / f"{key}.pdf"


def load_renderer() -> None:
    """Import WeasyPrint and set it up (half a second), for a process that will render PDFs soon: a first
    document, thrown away, makes it prepare what it prepares only once (its C bindings for subsetting fonts)."""
    _render(render("documents/probe.html.j2", landscape=False))


def _render(html: str) -> bytes:
    from weasyprint import HTML

    # base_url lets the stylesheet name the vendored fonts by relative file URL; nothing is fetched from elsewhere.
    return HTML(string=html, base_url=FONTS.as_uri() + "/").write_pdf(pdf_variant=PDF_VARIANT,
                                                                      font_config=_font_config())


def _workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def html_to_pdfs(htmls: Sequence[str]) -> list[bytes]:
    """The PDF of each HTML document: from the build cache where the same input was rendered before,
    the others rendered on every processor core when there are many (a first build of thousands of Steckbriefe)."""
    paths = [_cache_path(html) for html in htmls]
    missing = [i for i, path in enumerate(paths) if not path.exists()]
    if missing:
        import weasyprint  # noqa: F401 - here, before worker processes fork, not once in each of them
    workers = min(_workers(), len(missing))
    pdfs: dict[int, bytes] = {}
    with ProcessPoolExecutor(workers) if workers > 1 and len(missing) >= PARALLEL_FROM else nullcontext() as pool:
        rendered = (pool.map(_render, [htmls[i] for i in missing], chunksize=8) if pool
                    else map(_render, (htmls[i] for i in missing)))
        for i, pdf in zip(missing, rendered):
            write_atomically(paths[i], pdf)  # each at once: an interrupted first build keeps what it rendered
            pdfs[i] = pdf
    return [pdfs[i] if i in pdfs else _reuse(path) for i, path in enumerate(paths)]


def _reuse(path: Path) -> bytes:
    os.utime(path)  # in use: `prune_cache` keeps it
    return path.read_bytes()


def prune_cache() -> int:
    """Remove the cached PDFs no build has used for a while (`buildcache.KEEP_UNUSED`); return how many."""
    return remove_unused(CACHE.glob("*.pdf")) if CACHE.is_dir() else 0


def html_to_pdf(html: str) -> bytes:
    """The PDF of one HTML document (from the build cache when the same input was rendered before)."""
    return html_to_pdfs([html])[0]


def document_pdf(document: Document) -> bytes:
    return html_to_pdf(render("documents/document.html.j2", d=document, landscape=document.landscape))
