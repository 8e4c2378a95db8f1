"""A .docx whose outline is Word's own automatic numbering (numbering.xml), as units' templates make
it: the numbers are not in the text, only `w:numFmt` (chineseCounting, ideographTraditional,
decimalEnclosedCircle …) and `w:lvlText` ("%1、", "（%2）") say what they are. Made with python-docx;
the numbering definitions are added to the numbering part python-docx's template already has."""
from __future__ import annotations

from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ABSTRACT_ID, NUM_ID = "90", "90"


def _level(ilvl: int, fmt: str, text: str) -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')


def add_numbering(document, levels: list[tuple[str, str]], abstract_id: str = ABSTRACT_ID,
                  num_id: str = NUM_ID) -> str:
    """A multi-level list of (numFmt, lvlText) per level; its numId."""
    from docx.oxml import parse_xml

    root = document.part.numbering_part.element
    abstract = parse_xml(f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="{abstract_id}">'
                         f'<w:multiLevelType w:val="multilevel"/>'
                         + "".join(_level(i, fmt, text) for i, (fmt, text) in enumerate(levels))
                         + "</w:abstractNum>")
    root.insert(0, abstract)  # every w:abstractNum comes before the first w:num
    root.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'))
    return num_id


def numbered(document, text: str, num_id: str, ilvl: int):
    from docx.oxml import parse_xml

    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph


def numbered_story_docx(path: Path, top: tuple[str, str] = ("chineseCounting", "%1、")) -> Path:
    """A 事迹材料 whose 一、/（一）/① are Word's numbering: level 0 `top`, level 1 （%2）in
    chineseCounting, level 2 decimalEnclosedCircle; a second list in ideographTraditional (甲、)."""
    import docx

    document = docx.Document()
    document.add_heading("自动编号 党建引领", level=0)
    for line in ("单位：市人社局", "党支部：市人力资源和社会保障局社保经办党支部", "荣誉称号：红旗党支部"):
        document.add_paragraph(line)
    outline = add_numbering(document, [top, ("chineseCounting", "（%2）"), ("decimalEnclosedCircle", "%3")])
    document.add_paragraph("　　支部有党员24名。")
    numbered(document, "建强支部堡垒", outline, 0)
    numbered(document, "强化政治引领", outline, 1)
    document.add_paragraph("　　支部每月开展一次主题党日。")
    numbered(document, "建立服务台账", outline, 2)
    numbered(document, "推行首问负责", outline, 2)
    numbered(document, "优化经办服务", outline, 0)
    numbered(document, "推行一窗通办", outline, 1)
    document.add_paragraph("　　群众办事只进一扇门。")
    stems = add_numbering(document, [("ideographTraditional", "%1、")], "91", "91")
    numbered(document, "打造服务品牌", stems, 0)
    document.add_paragraph("　　形成“人社暖心”品牌。")
    document.save(path)
    return path
