"""A booklet as a Word document (python-docx), for offices that finish booklets in Word.

Same order as the PDF: cover, 前言, 目录 (a Word TOC field: 右键“更新域”), 名单, entries. Text uses
Word's built-in styles "Heading 1" and "Normal" — Chinese Word shows them as 标题 1 and 正文 — so
Word's navigation pane and its own TOC work; their fonts follow GB/T 9704 (fonts.py). Pictures are
embedded (pictures.prepare: upright, no EXIF). Footers: "— PAGE —", odd pages right, even left.
"""
from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from showcase.domain.formatting import cn_date
from showcase.publications.booklet import Booklet, Entry, Picture
from showcase.publications.fonts import Fonts
from showcase.publications.html import markdown_html
from showcase.publications.pictures import prepare

BODY_PT, TITLE_PT, SMALL_PT = 16, 22, 14


def booklet_docx(booklet: Booklet, fonts: Fonts) -> bytes:
    from docx import Document

    doc = Document()
    _page_setup(doc)
    _styles(doc, fonts)
    _cover(doc, booklet)
    if booklet.preface:
        _heading(doc, "前　言", page_break=True)
        _markdown(doc, booklet.preface, booklet.preface_folder, booklet.to_html)
    _heading(doc, "目　录", page_break=True, bookmark=False)
    _toc_field(doc)
    if booklet.roster:
        _heading(doc, booklet.roster_title, page_break=True)
        _roster(doc, booklet)
    for number, entry in enumerate(booklet.entries):
        _entry(doc, entry, booklet.to_html, page_break=not booklet.run_on or number == 0)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _page_setup(doc) -> None:
    from docx.shared import Mm

    doc.settings.odd_and_even_pages_header_footer = True
    for section in doc.sections:
        section.different_first_page_header_footer = True  # the cover carries no page number
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
        section.footer_distance = Mm(28)
        _page_number(section.footer.paragraphs[0], "right")
        _page_number(section.even_page_footer.paragraphs[0], "left")


def _page_number(paragraph, side: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if side == "right" else WD_ALIGN_PARAGRAPH.LEFT
    paragraph.add_run("— ").font.size = Pt(SMALL_PT)
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(" —").font.size = Pt(SMALL_PT)


def _field(paragraph, instruction: str, shown: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind):
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    run = paragraph.add_run()
    run._r.append(char("begin"))
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run._r.append(text)
    run._r.append(char("separate"))
    paragraph.add_run(shown)._r.append(char("end"))


def _set_font(style_or_run, family: str, size: int, bold: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    font = style_or_run.font
    font.name, font.size, font.bold = family, Pt(size), bold
    element = style_or_run.element
    rpr = element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), family)


def _styles(doc, fonts: Fonts) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt, RGBColor

    normal = doc.styles["Normal"]
    _set_font(normal, fonts.body, BODY_PT)
    normal.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    normal.paragraph_format.line_spacing = Pt(28)
    normal.paragraph_format.space_after = Pt(0)
    for name, size in (("Heading 1", TITLE_PT), ("Heading 2", BODY_PT), ("Heading 3", BODY_PT), ("Title", 26)):
        style = doc.styles[name]
        _set_font(style, fonts.title if name in ("Heading 1", "Title") else fonts.body, size, bold=True)
        style.font.color.rgb = RGBColor(0, 0, 0)  # black and white: Word's blue headings would print grey
        style.paragraph_format.first_line_indent = Pt(0) if name in ("Heading 1", "Title") else Pt(BODY_PT * 2)
        style.paragraph_format.line_spacing = Pt(size * 1.6)
        if name in ("Heading 1", "Title"):
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _centered(doc, text: str, size: int = BODY_PT, space_before: int = 0):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = doc.add_paragraph(text)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Pt(0)
    paragraph.paragraph_format.space_before = Pt(space_before)
    for run in paragraph.runs:
        run.font.size = Pt(size)
    return paragraph


def _cover(doc, booklet: Booklet) -> None:
    doc.add_paragraph(booklet.title, style="Title").paragraph_format.space_before = _pt(160)
    if booklet.doc_no:
        _centered(doc, booklet.doc_no, space_before=24)
    _centered(doc, booklet.organization, space_before=260)
    _centered(doc, cn_date(booklet.on))


def _pt(value):
    from docx.shared import Pt

    return Pt(value)


def _heading(doc, text: str, page_break: bool, bookmark: bool = True):
    paragraph = doc.add_paragraph(text, style="Heading 1" if bookmark else "Title")
    paragraph.paragraph_format.page_break_before = page_break
    if not bookmark:  # 目录 itself is not listed in the TOC
        paragraph.runs[0].font.size = _pt(TITLE_PT)
        paragraph.paragraph_format.space_before = _pt(0)
    return paragraph


def _toc_field(doc) -> None:
    paragraph = doc.add_paragraph()
    _field(paragraph, 'TOC \\o "1-1" \\h \\z \\u', "（目录：在 Word 中右键此处，选“更新域”生成页码）")


def _roster(doc, booklet: Booklet) -> None:
    if booklet.doc_no:
        doc.add_paragraph(f"（{booklet.doc_no}{'，' + cn_date(booklet.decided_on) if booklet.decided_on else ''}）")
    table = doc.add_table(rows=1, cols=4)
    table.style = doc.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, ("序号", "名称", "单位", "备注")):
        _cell(cell, text, bold=True)
    for number, line in enumerate(booklet.roster, start=1):
        for cell, text in zip(table.add_row().cells, (str(number), line.name, line.unit, line.note)):
            _cell(cell, text)


def _cell(cell, text: str, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.first_line_indent = _pt(0)
    run = paragraph.add_run(text)
    run.font.size, run.font.bold = _pt(SMALL_PT), bold


def _entry(doc, entry: Entry, to_html, page_break: bool) -> None:
    for line, size in ((entry.kicker, SMALL_PT), (entry.lead, BODY_PT)):
        if line:
            _centered(doc, line, size).paragraph_format.page_break_before = page_break
            page_break = False
    _heading(doc, entry.title, page_break=page_break)
    if entry.subtitle:
        _centered(doc, entry.subtitle)
    for note in entry.notes:
        _centered(doc, f"〔{note}〕")
    for picture in entry.pictures:
        _picture(doc, picture)
    for label, value in entry.facts:
        paragraph = doc.add_paragraph()
        paragraph.paragraph_format.first_line_indent = _pt(0)
        paragraph.add_run(f"{label}：").bold = True
        paragraph.add_run(value)
    _markdown(doc, entry.body, entry.folder, to_html)
    for picture in entry.gallery:
        _picture(doc, picture)


def _picture(doc, picture: Picture, width_mm: int | None = None) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    prepared = prepare(picture.path)
    if prepared is None:
        return
    width = width_mm or {"logo": 40, "scan": 150}.get(picture.role, 110)
    height = width * prepared.height / prepared.width
    if height > 90 and picture.role != "scan":  # portrait photos: bounded by height, as in the PDF
        width = int(width * 90 / height)
    doc.add_picture(io.BytesIO(prepared.data), width=Mm(width))
    paragraph = doc.paragraphs[-1]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = _pt(0)
    if picture.caption:
        _centered(doc, picture.caption, 12)


def _markdown(doc, text: str, folder, to_html) -> None:
    """Markdown → Word paragraphs: headings, paragraphs (bold/italic kept), lists, tables, pictures."""
    html = markdown_html(text, folder, to_html)
    try:
        root = ET.fromstring(f"<div>{html}</div>")
    except ET.ParseError:  # raw HTML that is not well-formed: its text, paragraph by paragraph
        for line in (part.strip() for part in _strip_tags(html).split("\n")):
            if line:
                doc.add_paragraph(line)
        return
    for element in root:
        _block(doc, element)


def _block(doc, element) -> None:
    tag = element.tag
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        level = 2 if tag in ("h1", "h2", "h3") else 3
        doc.add_paragraph("".join(element.itertext()).strip(), style=f"Heading {level}")
    elif tag in ("ol", "ul"):
        for number, item in enumerate(element.findall("li"), start=1):
            paragraph = doc.add_paragraph(f"{number}. " if tag == "ol" else "· ")
            _inline(paragraph, item)
    elif tag == "table":
        _table(doc, element)
    elif element.find(".//img") is not None and not "".join(element.itertext()).strip():
        for img in element.iter("img"):
            _img(doc, img)
    else:
        _inline(doc.add_paragraph(), element)


def _inline(paragraph, element) -> None:
    if element.text:
        paragraph.add_run(element.text)
    for child in element:
        run = paragraph.add_run("".join(child.itertext()))
        run.bold = child.tag in ("strong", "b") or None
        run.italic = child.tag in ("em", "i") or None
        if child.tail:
            paragraph.add_run(child.tail)


def _table(doc, element) -> None:
    rows = list(element.iter("tr"))
    if not rows:
        return
    width = max(len(list(row)) for row in rows)
    table = doc.add_table(rows=0, cols=width)
    table.style = doc.styles["Table Grid"]
    for row in rows:
        cells = table.add_row().cells
        for cell, source in zip(cells, list(row)):
            _cell(cell, "".join(source.itertext()).strip(), bold=source.tag == "th")


def _img(doc, img) -> None:
    from pathlib import Path
    from urllib.parse import unquote, urlparse

    src = img.get("src", "")
    if src.startswith("file://"):  # only pictures beside the record; never a request outside
        _picture(doc, Picture(Path(unquote(urlparse(src).path)), img.get("alt", "")))


def _strip_tags(html: str) -> str:
    import re

    return re.sub(r"<[^>]+>", "", re.sub(r"</(p|h\d|li|tr)>", "\n", html))
