"""The neutral description of a document that every writer (PDF, DOCX, ODT) renders the same way."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

CHECKBOX = "☐"


@dataclass(frozen=True)
class Heading:
    kind: ClassVar[str] = "heading"
    text: str


@dataclass(frozen=True)
class Paragraph:
    kind: ClassVar[str] = "paragraph"
    text: str
    label: str | None = None  # bold lead-in, e.g. "Zweck"


@dataclass(frozen=True)
class Bullets:
    kind: ClassVar[str] = "bullets"
    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Table:
    """A real table: a header row and body rows of plain text cells."""

    kind: ClassVar[str] = "table"

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...] = ()  # relative column widths


Block = Heading | Paragraph | Bullets | Table


@dataclass(frozen=True)
class Document:
    """One download: its file name without extension, its title and its content."""

    stem: str
    title: str
    kind: str  # e.g. "Ablaufplan", "Checkliste"
    blocks: tuple[Block, ...]
    notes: tuple[str, ...] = ()  # sources and literature, printed at the end
    footer: str = "Wissensplattform Industrieinitiativen · Werkzeugkiste"
    landscape: bool = False
    editorial: bool = True
