"""Real Word and Excel files for the import tests and benchmark, made with python-docx, openpyxl and
Pillow (photos with GPS EXIF written through Pillow's `Image.Exif`) — never hand-written XML."""
from __future__ import annotations

import io
from pathlib import Path

GPS_IFD = 0x8825
GPS_LATITUDE = 2


def photo_bytes(color=(180, 30, 30), size=(640, 480), gps: bool = False, orientation: int = 1) -> bytes:
    from PIL import Image

    image = Image.new("RGB", size, color)
    for x in range(0, size[0], 40):  # some structure, so JPEG has something to encode
        image.paste((255, 255, 255), (x, 0, x + 4, size[1]))
    exif = Image.Exif()
    exif[0x010F] = "TestCam"  # Make
    exif[0x0112] = orientation
    if gps:
        exif.get_ifd(GPS_IFD).update({1: "N", GPS_LATITUDE: (25.0, 2.0, 30.5), 3: "E", 4: (102.0, 42.0, 10.0)})
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), quality=85)
    return out.getvalue()


def field_table(document, pairs: list[tuple[str, str]]) -> None:
    table = document.add_table(rows=0, cols=2)
    for key, value in pairs:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = key, value


def story_docx(path: Path, *, title: str = "人社暖心 服务为民", fields=None, photos: int = 2,
               extra_paragraphs: list[str] = (), sections: int = 2, with_title: bool = True) -> Path:
    """A 事迹材料 as units send it: title, leading field table, outline headings, indents, a table,
    photos (the first with GPS EXIF) with "图：" captions, bold runs and a footnote-free body."""
    import docx
    from docx.shared import Cm

    document = docx.Document()
    if with_title:
        document.add_heading(title, level=0)
    field_table(document, fields if fields is not None else
                [("单位", "市人社局"), ("党支部", "市人力资源和社会保障局社保经办党支部"), ("荣誉称号", "红旗党支部")])
    document.add_paragraph("　　市人社局社保经办党支部有党员24名，承担全市社保经办服务。")
    for n in range(sections):
        document.add_paragraph(f"{'一二三四五六七八九十'[n]}、建强支部堡垒第{n + 1}部分")
        paragraph = document.add_paragraph("　　支部坚持")
        paragraph.add_run("“三会一课”").bold = True
        paragraph.add_run("制度，　推行党员责任区。")
        document.add_paragraph(f"（一）强化政治引领{n + 1}")
        document.add_paragraph("　　支部每月开展一次主题党日，党员轮流讲党课。")
        document.add_paragraph("1.建立服务台账")
        document.add_paragraph("2.推行首问负责")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([("指标", "2022年", "2023年"), ("办件量", "12.5万件", "14.1万件"), ("满意率", "98.2%", "99.1%")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for i in range(photos):
        document.add_picture(io.BytesIO(photo_bytes((40 * i + 100, 30, 30), gps=(i == 0))), width=Cm(8))
        document.add_paragraph(f"图：党员在服务窗口为群众办理业务{i + 1}")
    for text in extra_paragraphs:
        document.add_paragraph(text)
    document.save(path)
    return path


def honors_xlsx(path: Path, rows: list[tuple], title: str, doc_no: str = "云直工〔2024〕3号",
                date_line: str = "2024年3月15日") -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "名单"
    sheet.append([title])
    sheet.append([f"{doc_no}　{date_line}"])
    sheet.append(["序号", "姓名", "单位", "支部", "职务"])
    for i, row in enumerate(rows, start=1):
        sheet.append([i, *row])
    workbook.save(path)
    return path
