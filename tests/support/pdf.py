"""Reading PDFs back in tests: page texts, footer page numbers, TOC lines, fonts, how full pages are."""
from __future__ import annotations

import re
from pathlib import Path

MM = 72 / 25.4
TOP_MARGIN, TYPE_AREA_HEIGHT, FOOT = 37 * MM, 225 * MM, 35 * MM
_TOC_LINE = re.compile(r"^(.*?)\s*…{4,}\s*(\d+)$")
_FOOTER = re.compile(r"—\s*(\d+)\s*—")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def page_texts(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def footer_numbers(path: Path) -> list[int | None]:
    """The "— N —" printed at each page's foot (None where there is none, e.g. the cover)."""
    import pdfplumber

    numbers = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            foot = page.crop((0, page.height - FOOT, page.width, page.height)).extract_text() or ""
            found = _FOOTER.search(foot)
            numbers.append(int(found.group(1)) if found else None)
    return numbers


def toc_items(path: Path) -> list[tuple[str, int]]:
    """(title, page number) of every table-of-contents line (title …… N; a wrapped title joined)."""
    items, pending = [], ""
    for text in page_texts(path):
        for line in text.splitlines():
            found = _TOC_LINE.match(line.strip())
            if found:
                items.append((squeeze(pending + found.group(1)), int(found.group(2))))
                pending = ""
            elif items or "目录" in squeeze(line):
                pending = "" if "目录" in squeeze(line) else pending + line.strip()
        pending = ""
    return items


def font_problems(path: Path) -> list[str]:
    """Fonts that are Type 3 or not embedded (no FontFile/FontFile2/FontFile3), by name."""
    from pypdf import PdfReader

    problems = []
    for page in PdfReader(str(path)).pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for font in (ref.get_object() for ref in fonts.values()):
            name = str(font.get("/BaseFont"))
            if font["/Subtype"] == "/Type3":
                problems.append(f"{name}: Type3")
                continue
            descendant = font["/DescendantFonts"][0].get_object() if font["/Subtype"] == "/Type0" else font
            descriptor = descendant["/FontDescriptor"].get_object()
            if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                problems.append(f"{name}: not embedded")
    return problems


def font_names(path: Path) -> set[str]:
    from pypdf import PdfReader

    names = set()
    for page in PdfReader(str(path)).pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        names |= {str(ref.get_object().get("/BaseFont")) for ref in fonts.values()}
    return names


def fill_ratios(path: Path) -> list[float]:
    """How far down the type area each page's text reaches (0 = empty, 1 = full), footers left out."""
    import pdfplumber

    ratios = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            bottoms = [c["bottom"] for c in page.chars if c["bottom"] < page.height - FOOT]
            bottoms += [i["bottom"] for i in page.images if i["bottom"] < page.height - FOOT]
            ratios.append(max(0.0, (max(bottoms) - TOP_MARGIN) / TYPE_AREA_HEIGHT) if bottoms else 0.0)
    return ratios


def outline_titles(path: Path) -> list[str]:
    from pypdf import PdfReader

    def walk(items):
        for item in items:
            if isinstance(item, list):
                yield from walk(item)
            else:
                yield squeeze(item.title)

    return list(walk(PdfReader(str(path)).outline))


def pdf_text(data: bytes) -> str:
    """All text of a PDF (pypdf), for leak searches; "" when it cannot be read."""
    import io

    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except Exception:  # not a PDF after all: the caller searches the bytes as text
        return ""
