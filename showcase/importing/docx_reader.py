"""A .docx body as blocks, in document order: paragraphs (style, outline level, numbering, bold and
italic runs, pictures, footnote marks), tables, and the footnotes' text.

Tracked changes read as accepted (insertions kept, deletions dropped) and comments are dropped; the
reader counts both so the import can warn. Soft line breaks and page/section breaks are dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.oxml.ns import qn

NS_A_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
NS_V_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"
R_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MC_ALTERNATE, MC_CHOICE, MC_FALLBACK = MC + "AlternateContent", MC + "Choice", MC + "Fallback"
HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
TITLE_STYLES = {"title", "标题"}
CAPTION_STYLES = {"caption", "题注"}
FOOTNOTE_MARK = "\x00fn{}\x00"  # replaced by [^n] when Markdown is written; never escaped


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Picture:
    name: str  # the part's file name in the .docx (image1.png)
    data: bytes


@dataclass
class Paragraph:
    number: int  # 1-based block number: the `line` of problems found in the source
    runs: list[Run] = field(default_factory=list)
    style: str = ""
    heading: int | None = None  # 1 for Heading 1 …, 0 for the title style
    numbering: str = ""  # the format of Word's own automatic numbering: "chinese", "chinese-paren", "decimal"
    pictures: list[Picture] = field(default_factory=list)
    centered: bool = False

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    @property
    def is_caption_style(self) -> bool:
        return self.style.lower() in CAPTION_STYLES


@dataclass
class Table:
    number: int
    rows: list[list[str]]


@dataclass
class WordDocument:
    blocks: list = field(default_factory=list)
    footnotes: dict[str, str] = field(default_factory=dict)
    tracked_changes: int = 0
    comments: int = 0


@dataclass
class _Walk:
    document: object
    numbering: dict
    result: WordDocument
    counters: dict = field(default_factory=dict)  # numId → {ilvl: the last number given}


def read_document(document) -> WordDocument:
    """Every block of a python-docx `Document`, in order."""
    walk = _Walk(document, numbering_formats(document), WordDocument())
    walk.result.footnotes = read_footnotes(document)
    walk.result.comments = _count_comments(document)
    _walk_body(document.element.body, walk)
    return walk.result


def _walk_body(element, walk: _Walk) -> None:
    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            walk.result.blocks.append(read_paragraph(child, walk))
        elif child.tag == qn("w:tbl"):
            walk.result.blocks.append(Table(len(walk.result.blocks) + 1, read_table(child)))
        elif child.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
            _walk_body(child, walk)
        elif child.tag == MC_ALTERNATE and (branch := alternate_branch(child)) is not None:
            _walk_body(branch, walk)


def read_paragraph(element, walk: _Walk) -> Paragraph:
    paragraph = Paragraph(number=len(walk.result.blocks) + 1)
    style_id = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    paragraph.style = style_name(walk.document, style_id.get(qn("w:val")) if style_id is not None else None)
    paragraph.heading = heading_level(paragraph.style, element)
    key = numbering_key(element, style_element(walk.document, style_id))
    paragraph.numbering = walk.numbering.get(key, "") if key else ""
    jc = element.find(f"{qn('w:pPr')}/{qn('w:jc')}")
    paragraph.centered = jc is not None and jc.get(qn("w:val")) == "center"
    label = number_label(paragraph.numbering, count_number(walk.counters, key)) if key else ""
    if label:  # a number kept as written (（1）, ①): Word holds it outside the text
        paragraph.runs.append(Run(label))
    _read_inline(element, paragraph, walk)
    return paragraph


def count_number(counters: dict, key: tuple[str, str]) -> int:
    """The number Word shows for the next paragraph of list `key` = (numId, ilvl): one more than the
    last at that level; the deeper levels start again."""
    num_id, ilvl = key[0], int(key[1]) if key[1].isdigit() else 0
    levels = counters.setdefault(num_id, {})
    levels[ilvl] = levels.get(ilvl, 0) + 1
    for deeper in [level for level in levels if level > ilvl]:
        del levels[deeper]
    return levels[ilvl]


def number_label(kind: str, n: int) -> str:
    """The written form of numbers the outline keeps as text: （1） and ①…⑳; "" for the others."""
    if kind == "decimal-paren":
        return f"（{n}）"
    if kind == "circle":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else f"（{n}）"
    return ""


def _read_inline(element, paragraph: Paragraph, walk: _Walk) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if tag == qn("w:r"):
            _read_run(child, paragraph, walk)
        elif tag in (qn("w:del"), qn("w:moveFrom")):
            walk.result.tracked_changes += 1
        elif tag in (qn("w:ins"), qn("w:moveTo")):
            walk.result.tracked_changes += 1
            _read_inline(child, paragraph, walk)
        elif tag in (qn("w:hyperlink"), qn("w:smartTag"), qn("w:sdt"), qn("w:sdtContent"), qn("w:fldSimple"),
                     qn("w:customXml")):
            _read_inline(child, paragraph, walk)
        elif tag == MC_ALTERNATE and (branch := alternate_branch(child)) is not None:
            _read_inline(branch, paragraph, walk)


def alternate_branch(element):
    """The one branch of an mc:AlternateContent to read (never both: they hold the same picture or
    text twice, as WPS and Word write it): the first mc:Choice holding a picture or text, else the
    mc:Fallback."""
    for choice in element.iterchildren(MC_CHOICE):
        if next(choice.iter(NS_A_BLIP, NS_V_IMAGEDATA, qn("w:t")), None) is not None:
            return choice
    return element.find(MC_FALLBACK)


def _read_run(run, paragraph: Paragraph, walk: _Walk) -> None:
    props = run.find(qn("w:rPr"))
    _read_run_content(run, _on(props, "w:b"), _on(props, "w:i"), paragraph, walk)


def _read_run_content(run, bold: bool, italic: bool, paragraph: Paragraph, walk: _Walk) -> None:
    for child in run.iterchildren():
        tag = child.tag
        if tag == qn("w:t"):
            paragraph.runs.append(Run(child.text or "", bold, italic))
        elif tag == qn("w:tab"):
            paragraph.runs.append(Run(" "))
        elif tag in (qn("w:drawing"), qn("w:pict"), qn("w:object")):
            paragraph.pictures.extend(_pictures(child, walk.document))
        elif tag in (qn("w:footnoteReference"), qn("w:endnoteReference")):
            paragraph.runs.append(Run(FOOTNOTE_MARK.format(child.get(qn("w:id")))))
        elif tag == MC_ALTERNATE and (branch := alternate_branch(child)) is not None:
            _read_run_content(branch, bold, italic, paragraph, walk)
        # w:br (soft line break, page break), w:cr, w:lastRenderedPageBreak: dropped on purpose


def _on(props, tag: str) -> bool:
    if props is None:
        return False
    found = props.find(qn(tag))
    return found is not None and found.get(qn("w:val")) not in ("0", "false", "off")


def _pictures(element, document) -> list[Picture]:
    found = []
    for node in element.iter(NS_A_BLIP, NS_V_IMAGEDATA):
        rid = node.get(R_EMBED) or node.get(R_ID)
        part = document.part.related_parts.get(rid) if rid else None
        if part is not None and hasattr(part, "blob"):
            found.append(Picture(str(part.partname).rsplit("/", 1)[-1], part.blob))
    return found


def read_table(element) -> list[list[str]]:
    rows = []
    for tr in element.iterchildren(qn("w:tr")):
        cells = []
        for tc in tr.iterchildren(qn("w:tc")):
            text = " ".join("".join(t.text or "" for t in p.iter(qn("w:t")) if not _deleted(t))
                            for p in tc.iter(qn("w:p")))
            span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
            cells.extend([text.strip()] * (int(span.get(qn("w:val"))) if span is not None else 1))
        rows.append(cells)
    return rows


def _deleted(node) -> bool:
    parent = node.getparent()
    while parent is not None:
        if parent.tag in (qn("w:del"), qn("w:moveFrom")):
            return True
        parent = parent.getparent()
    return False


# ---- styles and numbering ------------------------------------------------------------------------

def style_name(document, style_id: str | None) -> str:
    if not style_id:
        return ""
    try:
        return document.styles.get_by_id(style_id, 1).name or style_id  # 1 = WD_STYLE_TYPE.PARAGRAPH
    except (KeyError, ValueError):
        return style_id


def style_element(document, style_id):
    """The w:style element of a w:pStyle reference, or None."""
    if style_id is None:
        return None
    try:
        return document.styles.get_by_id(style_id.get(qn("w:val")), 1).element
    except (KeyError, ValueError, AttributeError):
        return None


def heading_level(style: str, element) -> int | None:
    if style.lower() in TITLE_STYLES:
        return 0
    match = HEADING_STYLE.match(style.strip())
    if match:
        return int(match.group(1))
    level = element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
    if level is not None and level.get(qn("w:val")).isdigit() and int(level.get(qn("w:val"))) < 9:
        return int(level.get(qn("w:val"))) + 1
    return None


def numbering_formats(document) -> dict:
    """(numId, ilvl) → "chinese" | "chinese-paren" | "decimal" | "decimal-paren" from numbering.xml."""
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstract = {}
    for node in root.iterchildren(qn("w:abstractNum")):
        for lvl in node.iterchildren(qn("w:lvl")):
            fmt, text = lvl.find(qn("w:numFmt")), lvl.find(qn("w:lvlText"))
            kind = _number_kind(fmt.get(qn("w:val")) if fmt is not None else "",
                                text.get(qn("w:val")) if text is not None else "")
            abstract[(node.get(qn("w:abstractNumId")), lvl.get(qn("w:ilvl")))] = kind
    found = {}
    for num in root.iterchildren(qn("w:num")):
        ref = num.find(qn("w:abstractNumId"))
        for (abstract_id, ilvl), kind in abstract.items():
            if ref is not None and abstract_id == ref.get(qn("w:val")):
                found[(num.get(qn("w:numId")), ilvl)] = kind
    return found


def _number_kind(fmt: str, text: str) -> str:
    paren = text.startswith(("(", "（"))
    if fmt.startswith(("chinese", "ideograph", "japaneseCounting", "taiwaneseCounting")):
        return "chinese-paren" if paren else "chinese"
    if fmt in ("decimal", "decimalZero", "decimalFullWidth", "decimalHalfWidth"):
        return "decimal-paren" if paren else "decimal"
    if fmt.startswith("decimalEnclosed"):  # ① (and its full-stop/paren/Chinese variants)
        return "circle"
    return "bullet" if fmt == "bullet" else ""


def numbering_key(element, style=None) -> tuple[str, str] | None:
    """(numId, ilvl) of the paragraph's automatic numbering: its own numPr, else its style's (Word's
    "List Number" carries it in the style); None when it has none (numId 0 switches numbering off)."""
    num = element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    if num is None and style is not None:
        num = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    if num is None:
        return None
    num_id, ilvl = num.find(qn("w:numId")), num.find(qn("w:ilvl"))
    key = (num_id.get(qn("w:val")) if num_id is not None else "", ilvl.get(qn("w:val")) if ilvl is not None else "0")
    return None if key[0] in ("", "0") else key


# ---- notes and comments --------------------------------------------------------------------------

def _related(document, reltype_end: str) -> list:
    return [rel.target_part for rel in document.part.rels.values()
            if rel.reltype.endswith(reltype_end) and not rel.is_external]


def read_footnotes(document) -> dict[str, str]:
    from lxml import etree

    notes = {}
    for part in _related(document, "/footnotes") + _related(document, "/endnotes"):
        root = etree.fromstring(part.blob)
        for note in root:
            if note.get(qn("w:type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = "".join(t.text or "" for t in note.iter(qn("w:t")) if not _deleted(t)).strip()
            if text:
                notes[note.get(qn("w:id"))] = text
    return notes


def _count_comments(document) -> int:
    from lxml import etree

    return sum(len(etree.fromstring(part.blob).findall(qn("w:comment"))) for part in _related(document, "/comments"))
