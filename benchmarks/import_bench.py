"""`showcase import` of a 20-page Word document: time per stage, and python-docx against mammoth on
what a Chinese document's structure needs (outline numbering → headings, tables, pictures, footnotes).

    python benchmarks/import_bench.py [--pages 20] [--runs 3]

Builds the document with python-docx (as tests/support/office.py does), imports it into a copy of
the demo content (a real run: read, plan, stage, check, write), and converts it with mammoth for the
comparison. Prints the numbers benchmarks/README-import.md records.
"""
from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

PARAGRAPH = ("　　支部坚持把政治建设摆在首位，严格落实“三会一课”、主题党日、谈心谈话等制度，党员干部在窗口一线"
             "亮身份、作表率，推行首问负责、限时办结和帮办代办，群众办事从“多头跑”变为“一次办”，满意率持续提升。")


def camera_photo(seed: int) -> bytes:
    """A 12-megapixel JPEG with camera noise (≈ 3 MB, like a phone photo) and GPS EXIF."""
    from PIL import Image

    from support.office import GPS_IFD

    size = (4000, 3000)
    noise = Image.effect_noise(size, 40 + seed).convert("RGB")
    image = Image.blend(Image.linear_gradient("L").resize(size).convert("RGB"), noise, 0.35)
    exif = Image.Exif()
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (25.0, 2.0, 30.5)})
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif.tobytes())
    return out.getvalue()


def make_document(path: Path, pages: int) -> dict:
    """Per page 2 outline headings, 4 paragraphs (≈ 600 characters), a list; a table every 4 pages, a
    12-megapixel photo every 3 (the pictures, not the text, make the bulk of a real 事迹材料)."""
    import docx
    from docx.shared import Cm

    from support.office import field_table

    document = docx.Document()
    document.add_heading("市人社局社保经办党支部先进事迹材料", level=0)
    field_table(document, [("单位", "市人社局"), ("党支部", "市人力资源和社会保障局社保经办党支部"), ("荣誉称号", "红旗党支部")])
    counts = {"h2": 0, "h3": 0, "tables": 0, "pictures": 0}
    cn = "一二三四五六七八九十"
    for page in range(pages):
        document.add_paragraph(f"{cn[page % 10]}、建强支部堡垒第{page + 1}部分")
        document.add_paragraph(f"（一）强化政治引领{page + 1}")
        counts["h2"] += 1
        counts["h3"] += 1
        for _ in range(4):
            paragraph = document.add_paragraph(PARAGRAPH[:60])
            paragraph.add_run("“红色引擎”").bold = True
            paragraph.add_run(PARAGRAPH[60:])
        document.add_paragraph("1.建立服务台账")
        document.add_paragraph("2.推行首问负责")
        if page % 4 == 3:
            table = document.add_table(rows=4, cols=3)
            for r in range(4):
                for c in range(3):
                    table.cell(r, c).text = f"第{r}行第{c}列"
            counts["tables"] += 1
        if page % 3 == 2:
            document.add_picture(io.BytesIO(camera_photo(page)), width=Cm(12))
            document.add_paragraph(f"图：党员在服务窗口为群众办理业务{page}")
            counts["pictures"] += 1
    document.save(path)
    return counts


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the picture workers): what the import
    costs whatever else the machine is doing."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(function, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def ours(source: Path, runs: int) -> dict:
    import docx

    from showcase.importing.body import read_record
    from showcase.importing.context import Options
    from showcase.importing.docx_reader import read_document
    from showcase.importing.pictures import prepare_picture
    from showcase.importing.run import import_files

    read_s, word = timed(lambda: read_document(docx.Document(str(source))), runs)
    body_s, reading = timed(lambda: read_record(word), runs)
    pictures = [p for p in reading.pieces if p[0] == "picture"]
    pictures_s, _ = timed(lambda: [prepare_picture(p[1].name, p[1].data, n) for n, p in enumerate(pictures, 1)], runs)
    totals, cpus = [], []
    for n in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copytree(REPO / "content", Path(tmp) / "content")
            out = io.StringIO()
            started, cpu_started = time.perf_counter(), cpu_seconds()
            code = import_files([str(source)], Path(tmp) / "content", Options(record_id=f"bench-{n}"), False, False, out)
            totals.append(time.perf_counter() - started)
            cpus.append(cpu_seconds() - cpu_started)
            assert code == 0, out.getvalue()
            text = (Path(tmp) / "content" / "exemplars" / f"bench-{n}" / "index.md").read_text(encoding="utf-8")
    return {"read": read_s, "body": body_s, "pictures": pictures_s, "total": statistics.median(totals),
            "cpu": statistics.median(cpus), "markdown": text}


def structure_ours(text: str) -> dict:
    return {"h2": len(re.findall(r"^## ", text, re.M)), "h3": len(re.findall(r"^### ", text, re.M)),
            "tables": len(re.findall(r"^\|( --- \|)+$", text, re.M)),
            "pictures": text.count("!["), "captions": len(re.findall(r'"[^"]+"\)', text))}


def mammoth_run(source: Path, runs: int) -> dict:
    import mammoth

    def convert():
        with open(source, "rb") as stream:
            return mammoth.convert_to_html(stream).value

    seconds, html = timed(convert, runs)
    return {"total": seconds, "h2": html.count("<h2"), "h3": html.count("<h3"), "tables": html.count("<table"),
            "pictures": html.count("<img"), "captions": 0, "outline_p": len(re.findall(r"<p>[一二三四五六七八九十]+、", html))}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "story.docx"
        expected = make_document(source, args.pages)
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"document: {args.pages} pages, {source.stat().st_size // 1024} KB, expected {expected}")
        mine = ours(source, args.runs)
        print(f"showcase import: read (python-docx) {mine['read']:.2f} s, body → Markdown {mine['body']:.2f} s, "
              f"{mine['markdown'].count('![')} pictures {mine['pictures']:.2f} s, "
              f"whole import (read, pictures, stage, check, write) {mine['total']:.2f} s wall, "
              f"{mine['cpu']:.2f} s CPU (medians of {args.runs})")
        print(f"  structure kept: {structure_ours(mine['markdown'])}")
        try:
            theirs = mammoth_run(source, args.runs)
        except ImportError:
            print("mammoth not installed: pip install mammoth for the comparison")
            return
        print(f"mammoth convert_to_html: {theirs['total']:.2f} s; structure: "
              f"{ {k: theirs[k] for k in ('h2', 'h3', 'tables', 'pictures', 'captions')} }, "
              f"outline headings left as <p>: {theirs['outline_p']}")


if __name__ == "__main__":
    main()
