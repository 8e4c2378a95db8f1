"""Real Windows metafiles for the import tests: a minimal valid EMF ([MS-EMF]) and WMF ([MS-WMF],
with the placeable header) drawing one filled rectangle, and a .docx made by python-docx whose
picture part is such a metafile (content type image/x-emf or image/x-wmf)."""
from __future__ import annotations

import io
import struct
from pathlib import Path

EMR_HEADER, EMR_EOF, EMR_SELECTOBJECT, EMR_CREATEBRUSHINDIRECT, EMR_RECTANGLE = 1, 14, 37, 39, 43
EMF_SIGNATURE = 0x464D4520  # " EMF"


def _emr(kind: int, payload: bytes) -> bytes:
    return struct.pack("<II", kind, 8 + len(payload)) + payload


def emf_bytes(width: int = 200, height: int = 120, color=(200, 30, 30)) -> bytes:
    """An EMF of `width`×`height` device units: a `color` rectangle inset by 10."""
    red, green, blue = color
    body = [_emr(EMR_CREATEBRUSHINDIRECT, struct.pack("<IIII", 1, 0, red | green << 8 | blue << 16, 0)),
            _emr(EMR_SELECTOBJECT, struct.pack("<I", 1)),
            _emr(EMR_RECTANGLE, struct.pack("<iiii", 10, 10, width - 10, height - 10)),
            _emr(EMR_EOF, struct.pack("<III", 0, 16, 20))]
    size = 88 + sum(map(len, body))
    header = struct.pack("<iiii", 0, 0, width - 1, height - 1) + struct.pack("<iiii", 0, 0, width * 26, height * 26)
    header += struct.pack("<IIIIHHIIIiiii", EMF_SIGNATURE, 0x10000, size, 1 + len(body), 2, 0, 0, 0, 0,
                          1024, 768, 270, 203)  # reference device: 1024×768 pixels, 270×203 mm
    return _emr(EMR_HEADER, header) + b"".join(body)


def _wmr(function: int, *words: int) -> bytes:
    return struct.pack(f"<IH{len(words)}h", 3 + len(words), function, *words)


def wmf_bytes(width: int = 200, height: int = 120, color=(30, 30, 200)) -> bytes:
    """A placeable WMF of `width`×`height` logical units at 96 per inch: a `color` rectangle."""
    red, green, blue = color
    brush = struct.pack("<IHHIH", 3 + 4, 0x02FC, 0, red | green << 8 | blue << 16, 0)  # META_CREATEBRUSHINDIRECT
    records = [_wmr(0x020B, 0, 0), _wmr(0x020C, height, width), brush, _wmr(0x012D, 0),
               _wmr(0x041B, height - 10, width - 10, 10, 10), _wmr(0x0000)]
    words = 9 + sum(len(r) for r in records) // 2
    header = struct.pack("<HHHIHIH", 1, 9, 0x0300, words, 1, max(len(r) for r in records) // 2, 0)
    placeable = struct.pack("<IHhhhhHI", 0x9AC6CDD7, 0, 0, 0, width, height, 96, 0)
    checksum = 0
    for (word,) in struct.iter_unpack("<H", placeable):
        checksum ^= word
    return placeable + struct.pack("<H", checksum) + header + b"".join(records)


def docx_with_metafile(path: Path, metafile: bytes, suffix: str = "emf", caption: str = "图：支部活动流程图") -> Path:
    """A story whose one picture is `metafile`: python-docx places a PNG, then the picture's
    relationship is pointed at a new part holding the metafile."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml.ns import qn
    from docx.shared import Cm
    from PIL import Image

    document = docx.Document()
    document.add_heading("流程再造 服务提速", level=0)
    document.add_paragraph("单位：市人社局")
    document.add_paragraph("党支部：市人力资源和社会保障局社保经办党支部")
    document.add_paragraph("荣誉称号：红旗党支部")
    document.add_paragraph("一、理顺经办流程")
    document.add_paragraph("　　支部梳理社保经办事项，绘制流程图。")
    placeholder = io.BytesIO()
    Image.new("RGB", (20, 12), (255, 255, 255)).save(placeholder, "PNG")
    document.add_picture(placeholder, width=Cm(8))
    blip = document.element.body.findall(f".//{qn('a:blip')}")[-1]
    old = blip.get(qn("r:embed"))
    part = Part(PackURI(f"/word/media/chart1.{suffix}"), f"image/x-{suffix}", metafile, document.part.package)
    blip.set(qn("r:embed"), document.part.relate_to(part, RELATIONSHIP_TYPE.IMAGE))
    document.part.drop_rel(old)
    document.add_paragraph(caption)
    document.add_paragraph("　　流程再造后，平均办理时间缩短一半。")
    document.save(path)
    return path
