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
    key: int = 0  # the column that names a row (a run-sheet's step, a checklist's task)


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

    def key_texts(self) -> list[str]:
        """The title and, in order, the text that names each filled table row: what every format must contain."""
        return [self.title] + [row[t.key] for t in self.blocks if isinstance(t, Table) for row in t.rows if row[t.key]]
