"""ODT through odfdo: real tables with a header row, title and language in the metadata."""

from __future__ import annotations

import io

from odfdo import Cell, Document as OdfDocument, Element, Header, List, ListItem, Paragraph as OdfParagraph, Row
from odfdo import Style, Table as OdfTable

from wissensplattform.outputs.documents.model import CHECKBOX, Bullets, Document, Heading, Paragraph, Table

LANGUAGE = "de-DE"
CELL_STYLE = "WpZelle"
HEAD_STYLE = "WpKopfzelle"
BOLD_STYLE = "WpFett"
ROW_STYLE = "WpZeile"
BOX_STYLE = "WpKaestchen"
HEAD_TEXT_STYLE = "WpKopftext"
# Text width in cm on A4 with the template's 2 cm margins (landscape margins 1.5 cm).
PORTRAIT_WIDTH = 17.0
LANDSCAPE_WIDTH = 26.7


def document_odt(document: Document) -> bytes:
    doc = OdfDocument("text")
    doc.body.clear()
    doc.meta.set_title(document.title)
    doc.meta.set_language(LANGUAGE)
    doc.meta.set_subject(document.kind)
    _styles(doc)
    if document.landscape:
        _landscape(doc)
    usable = LANDSCAPE_WIDTH if document.landscape else PORTRAIT_WIDTH
    doc.body.append(Header(1, document.title))
    if document.editorial:
        doc.body.append(OdfParagraph("Redaktioneller Inhalt"))
    for index, block in enumerate(document.blocks):
        _add(doc, block, index, usable)
    if document.notes:
        doc.body.append(Header(2, "Quellen und Literatur"))
        doc.body.append(_list(document.notes))
    doc.body.append(OdfParagraph(document.footer))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _styles(doc: OdfDocument) -> None:
    border = "0.5pt solid #000000"
    doc.insert_style(Style("table-cell", name=CELL_STYLE, border=border, padding="0.1cm"), automatic=True)
    doc.insert_style(Style("table-cell", name=HEAD_STYLE, border=border, padding="0.1cm", background_color="#e8eaf6"),
                     automatic=True)
    doc.insert_style(Style("text", name=BOLD_STYLE, bold=True), automatic=True)
    box = Style("paragraph", name=BOX_STYLE)
    box.set_properties({"fo:font-size": "14pt"}, area="text")  # tick boxes large enough to tick with a pen
    doc.insert_style(box, automatic=True)
    doc.insert_style(Style("paragraph", name=HEAD_TEXT_STYLE, area="text", bold=True), automatic=True)
    # fo:keep-together on rows: a row is never split across two pages.
    row_style = Style("table-row", name=ROW_STYLE)
    row_style.set_properties({"fo:keep-together": "always"}, area="table-row")
    doc.insert_style(row_style, automatic=True)
    # The template numbers headings ("1.", "1.1."); these documents have plain headings.
    for level in doc.get_part("styles").get_elements("//text:outline-level-style"):
        level.set_attribute("style:num-format", "")
        for name in ("style:num-suffix", "loext:num-list-format"):
            level.del_attribute(name)
    # The default paragraph style carries the language, so spell checking in an office suite uses German.
    default = doc.get_style("paragraph", "Standard")
    if default is not None:
        default.set_properties(area="text", language="de", country="DE")


def _landscape(doc: OdfDocument) -> None:
    for layout in doc.get_styles("page-layout"):
        layout.set_properties({"fo:page-width": "29.699cm", "fo:page-height": "20.999cm",
                               "style:print-orientation": "landscape", "fo:margin-left": "1.5cm",
                               "fo:margin-right": "1.5cm"}, area="page-layout")


def _add(doc: OdfDocument, block, index: int, usable: float) -> None:
    if isinstance(block, Heading):
        doc.body.append(Header(2, block.text))
    elif isinstance(block, Paragraph):
        paragraph = OdfParagraph(f"{block.label}: {block.text}" if block.label else block.text)
        if block.label:
            paragraph.set_span(BOLD_STYLE, offset=0, length=len(block.label) + 1)
        doc.body.append(paragraph)
    elif isinstance(block, Bullets):
        doc.body.append(_list(block.items))
    elif isinstance(block, Table):
        doc.body.append(_table(doc, block, f"Tabelle{index + 1}", usable))


def _list(items) -> List:
    listing = List()
    for item in items:
        listing.append(ListItem(item))
    return listing


def _table(doc: OdfDocument, block: Table, name: str, usable: float) -> OdfTable:
    table = OdfTable(name)
    widths = block.widths or (1,) * len(block.columns)
    for number, width in enumerate(widths, 1):
        style = Style("table-column", name=f"{name}.{number}", width=f"{usable * width / sum(widths):.2f}cm")
        doc.insert_style(style, automatic=True)
        table.append(Element.from_tag(f'<table:table-column table:style-name="{name}.{number}"/>'))
    # table:table-header-rows: the header row repeats on every page and is announced as a header.
    header_rows = Element.from_tag("<table:table-header-rows/>")
    header_rows.append(_row(block.columns, HEAD_STYLE))
    table.append(header_rows)
    for values in block.rows:
        table.append(_row(values, CELL_STYLE))
    return table


def _row(values, style: str) -> Row:
    row = Row(style=ROW_STYLE)
    for text in values:
        cell = Cell(style=style)
        paragraph_style = HEAD_TEXT_STYLE if style == HEAD_STYLE else BOX_STYLE if text == CHECKBOX else None
        cell.append(OdfParagraph(text, style=paragraph_style))
        row.append(cell)
    return row
