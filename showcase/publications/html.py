"""A booklet as one HTML document for a paged-media engine: theme/print/booklet.html and its styles.

Bodies are the records' Markdown converted here; relative pictures become file:// URLs inside the
content folder (pdf.py's fetcher serves only those). Headings inside a story move one level down so
the story's own title is the only level-2 heading (TOC and PDF bookmarks list stories, not sections).
"""
from __future__ import annotations

import re
from pathlib import Path

from showcase.domain.formatting import cn_date
from showcase.pages.compilation import demote
from showcase.publications.booklet import Booklet
from showcase.publications.fonts import Fonts

_SRC = re.compile(r'(<img\b[^>]*?\bsrc=")([^"]+)(")')
_ABSOLUTE = re.compile(r"^([a-z][a-z0-9+.-]*:|/|#)", re.IGNORECASE)


def environment(template_dir: Path):
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(template_dir)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters["cn_date"] = cn_date
    env.filters["file_uri"] = lambda path: Path(path).resolve().as_uri()
    env.filters["shape"] = shape
    return env


def shape(path: Path) -> str:
    """"wide" or "tall": a newspaper page scan is sized by its width or by its height accordingly."""
    from PIL import Image

    try:
        with Image.open(path) as image:
            width, height = image.size
    except (OSError, ValueError, Image.DecompressionBombError):
        return "tall"
    return "wide" if width * 180 >= height * 156 else "tall"  # wider than 156 × 180 mm (caption below)


def markdown_html(text: str, folder: Path | None, to_html, levels: int = 1) -> str:
    """The Markdown of a story or preface as HTML (by `to_html`, the converter the command line hands
    in), its headings `levels` down, pictures as file:// URLs."""
    if to_html is None:
        raise ValueError("a booklet with Markdown needs a converter: Options(markdown=…)")
    html = to_html(demote(text or "", levels))
    return _SRC.sub(lambda m: m.group(1) + _picture_uri(m.group(2), folder) + m.group(3), html)


def _picture_uri(src: str, folder: Path | None) -> str:
    if _ABSOLUTE.match(src) or folder is None:
        return src  # anything not beside the record is refused by the PDF fetcher
    return (Path(folder) / src).resolve().as_uri()


def render_booklet(booklet: Booklet, fonts: Fonts, template_dir: Path, template: str = "booklet.html") -> str:
    env = environment(template_dir)
    bodies = {e.anchor: markdown_html(e.body, e.folder, booklet.to_html) for e in booklet.entries}
    preface = (markdown_html(booklet.preface, booklet.preface_folder, booklet.to_html, levels=0)
               if booklet.preface else "")
    return env.get_template(template).render(booklet=booklet, fonts=fonts, bodies=bodies, preface=preface)
