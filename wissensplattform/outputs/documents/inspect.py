"""Read generated documents back (shared by tests and scripts): text of a PDF, and whether items appear in order."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader


def plain(text: str) -> str:
    """Whitespace collapsed; a line break after a hyphen ("Design-\\nThinking", "und -\\ngastgeber") joined again."""
    return re.sub(r"(?<=-) (?=\w)", "", re.sub(r"\s+", " ", text)).strip()


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return plain(" ".join(page.extract_text() for page in reader.pages))


def in_order(text: str, items: list[str]) -> bool:
    """True if every item occurs in `text`, each after the previous one."""
    position = 0
    for item in items:
        found = text.find(plain(item), position)
        if found < 0:
            return False
        position = found + len(plain(item))
    return True
