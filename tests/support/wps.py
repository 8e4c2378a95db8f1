"""A .docx as WPS Office writes it, made from a python-docx file by editing its XML the way WPS's
own output differs: the wpsCustomData namespace (mc:Ignorable), w14:paraId/textId on paragraphs,
`w:rFonts w:hint="eastAsia"` on every run, text split over many runs with xml:space="preserve",
pictures inside `mc:AlternateContent` (a DrawingML choice and a VML fallback naming the same
picture), and docProps/custom.xml with KSOProductBuildVer."""
from __future__ import annotations

import zipfile
from pathlib import Path

NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
      "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
      "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
      "v": "urn:schemas-microsoft-com:vml", "o": "urn:schemas-microsoft-com:office:office",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
WPS_NS = "http://www.wps.cn/officeDocument/2013/wpsCustomData"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
CUSTOM = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/'
          'officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
          '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer">'
          '<vt:lpwstr>2052-12.1.0.16120</vt:lpwstr></property></Properties>')


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def _alternate(run, drawing) -> None:
    """The picture as WPS writes it: mc:Choice holds the DrawingML, mc:Fallback a VML shape."""
    from lxml import etree

    rid = drawing.find(f".//{_q('a:blip')}").get(_q("r:embed"))
    alternate = etree.SubElement(run, _q("mc:AlternateContent"))
    choice = etree.SubElement(alternate, _q("mc:Choice"), Requires="wps")
    choice.append(drawing)  # moved out of the run
    pict = etree.SubElement(etree.SubElement(alternate, _q("mc:Fallback")), _q("w:pict"))
    shape = etree.SubElement(pict, _q("v:shape"), id="_x0000_i1025", style="width:226.8pt;height:170.1pt")
    etree.SubElement(shape, _q("v:imagedata"), {_q("r:id"): rid, _q("o:title"): ""})


def _split_runs(paragraph) -> None:
    """WPS splits text into runs at every change of input: here, at every fourth character."""
    from copy import deepcopy

    for run in list(paragraph.iterchildren(_q("w:r"))):
        text = run.find(_q("w:t"))
        if text is None or not text.text or len(text.text) < 8:
            continue
        pieces = [text.text[i:i + 4] for i in range(0, len(text.text), 4)]
        text.text = pieces[0]
        for piece in reversed(pieces[1:]):
            clone = deepcopy(run)
            clone.find(_q("w:t")).text = piece
            run.addnext(clone)


def _edit_document(xml: bytes) -> bytes:
    from lxml import etree

    xml = xml.replace(b'mc:Ignorable="w14 wp14"',
                      f'xmlns:wpsCustomData="{WPS_NS}" mc:Ignorable="w14 wp14 wpsCustomData"'.encode())
    root = etree.fromstring(xml)
    for n, paragraph in enumerate(root.iter(_q("w:p"))):
        paragraph.set(_q("w14:paraId"), f"{0x1A2B0000 + n:08X}")
        paragraph.set(_q("w14:textId"), "77777777")
        _split_runs(paragraph)
    for run in root.iter(_q("w:r")):
        props = run.find(_q("w:rPr"))
        if props is None:
            props = etree.Element(_q("w:rPr"))
            run.insert(0, props)
        etree.SubElement(props, _q("w:rFonts"), {_q("w:hint"): "eastAsia"})
        drawing = run.find(_q("w:drawing"))
        if drawing is not None:
            _alternate(run, drawing)
    for text in root.iter(_q("w:t")):
        text.set(XML_SPACE, "preserve")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def wps_like(source: Path, target: Path) -> Path:
    """`source` (a python-docx file) rewritten as WPS would have saved it."""
    with zipfile.ZipFile(source) as given, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in given.infolist():
            data = given.read(item)
            if item.filename == "word/document.xml":
                data = _edit_document(data)
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/docProps/custom.xml" ContentType='
                                    b'"application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>')
            elif item.filename == "_rels/.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.openxml'
                                    b'formats.org/officeDocument/2006/relationships/custom-properties" '
                                    b'Target="docProps/custom.xml"/></Relationships>')
            out.writestr(item, data)
        out.writestr("docProps/custom.xml", CUSTOM)
    return target
