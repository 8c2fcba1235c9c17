"""DOCX through python-docx: real tables with a repeated header row, title and language in the core properties."""

from __future__ import annotations

import io

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from wissensplattform.outputs.documents.model import CHECKBOX, Bullets, Document, Heading, Paragraph, Table

LANGUAGE = "de-DE"


def document_docx(document: Document) -> bytes:
    doc = new_docx()
    doc.core_properties.title = document.title
    doc.core_properties.language = LANGUAGE
    doc.core_properties.subject = document.kind
    _set_language(doc)
    doc.styles["Normal"].font.size = Pt(10)
    doc.sections[0].page_width, doc.sections[0].page_height = Cm(21.0), Cm(29.7)  # A4, not the template's Letter
    if document.landscape:
        _landscape(doc)
    doc.add_heading(document.title, level=1)  # Heading 1, not Title: screen readers list it as the top heading
    if document.editorial:
        doc.add_paragraph().add_run("Redaktioneller Inhalt").italic = True
    for block in document.blocks:
        _add(doc, block)
    if document.notes:
        doc.add_heading("Quellen und Literatur", level=2)
        for note in document.notes:
            doc.add_paragraph(note, style="List Number")
    doc.sections[0].footer.paragraphs[0].text = document.footer
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _add(doc, block) -> None:
    if isinstance(block, Heading):
        doc.add_heading(block.text, level=2)
    elif isinstance(block, Paragraph):
        paragraph = doc.add_paragraph()
        if block.label:
            paragraph.add_run(f"{block.label}: ").bold = True
        paragraph.add_run(block.text)
    elif isinstance(block, Bullets):
        for item in block.items:
            doc.add_paragraph(item, style="List Number" if block.numbered else "List Bullet")
    elif isinstance(block, Table):
        _table(doc, block)


def _table(doc, block: Table) -> None:
    table = doc.add_table(rows=1, cols=len(block.columns))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, block.columns):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    _repeat_as_header(table.rows[0])
    for values in block.rows:
        row = table.add_row()
        _keep_together(row)
        for cell, text in zip(row.cells, values):
            cell.text = ""
            run = cell.paragraphs[0].add_run(text)
            if text == CHECKBOX:
                run.font.size = Pt(14)  # large enough to tick with a pen
    if block.widths:
        usable = 25.0 if doc.sections[0].orientation == WD_ORIENT.LANDSCAPE else 16.0
        total = sum(block.widths)
        # Word reads the cell widths, LibreOffice the table grid: set both.
        table.autofit = False
        for column, width in zip(table.columns, block.widths):
            column.width = Cm(usable * width / total)
            for cell in column.cells:
                cell.width = Cm(usable * width / total)


def _repeat_as_header(row) -> None:
    # w:tblHeader marks the row as a header: repeated on each page and announced as such by screen readers.
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _keep_together(row) -> None:
    # w:cantSplit: a row is never split across two pages, so a step stays readable in print.
    split = OxmlElement("w:cantSplit")
    split.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(split)


def _set_language(doc) -> None:
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = defaults.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        defaults.append(lang)
    lang.set(qn("w:val"), LANGUAGE)


def _landscape(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.5))
