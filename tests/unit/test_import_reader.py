"""The .docx reader on documents python-docx makes: heading styles, Word's own list numbering, soft
line breaks and page breaks, merged table cells, italic runs."""
from __future__ import annotations

import docx
from docx.enum.text import WD_BREAK

from showcase.importing.body import body_text, read_record
from showcase.importing.docx_reader import read_document


def markdown_of(document) -> tuple[str, str]:
    reading = read_record(read_document(document))
    return (reading.title.value if reading.title else ""), body_text(reading, {})


def test_heading_styles_and_word_numbering():
    document = docx.Document()
    document.add_heading("支部工作法", level=1)
    document.add_heading("一、组织建设", level=1)
    document.add_heading("（一）班子队伍", level=2)
    document.add_paragraph("建立台账", style="List Number")
    document.add_paragraph("首问负责", style="List Number")
    document.add_paragraph("要点一", style="List Bullet")
    title, body = markdown_of(document)
    assert title == "支部工作法"
    assert body.split("\n\n") == ["## 组织建设", "### 班子队伍", "1. 建立台账\n1. 首问负责", "- 要点一"]


def test_breaks_are_dropped_and_runs_keep_italic():
    document = docx.Document()
    document.add_heading("标题", level=0)
    paragraph = document.add_paragraph("　　第一句")
    paragraph.add_run().add_break()  # soft line break (Shift+Enter)
    paragraph.add_run("接着写。")
    paragraph.add_run().add_break(WD_BREAK.PAGE)
    paragraph.add_run("强调").italic = True
    _, body = markdown_of(document)
    assert body == "第一句接着写。*强调*"


def test_merged_cells_repeat_across_their_span():
    document = docx.Document()
    document.add_heading("标题", level=0)
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "2023年"
    table.cell(0, 2).text = "合计"
    for i, text in enumerate(("12", "30", "42")):
        table.cell(1, i).text = text
    _, body = markdown_of(document)
    assert body.splitlines() == ["| 2023年 | 2023年 | 合计 |", "| --- | --- | --- |", "| 12 | 30 | 42 |"]
