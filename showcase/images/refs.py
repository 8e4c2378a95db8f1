"""Where content refers to images: `file` fields holding an image, and `![说明](photo.jpg)` in bodies.

Every reference carries the line it was written on, so problems point at it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from showcase.content.records import Record
from showcase.content.schema import Field, fields_of
from showcase.images.probe import IMAGE_SUFFIXES

# ![alt](src "title"){: attrs} — the inline form editors write; <src> in angle brackets allows spaces.
MARKDOWN_IMAGE = re.compile(
    r"!\[(?P<alt>[^\]\n]*)\]\(\s*(?:<(?P<src1>[^>\n]+)>|(?P<src2>[^)\s]+))(?:\s+[\"'](?P<title>[^\"'\n]*)[\"'])?\s*\)"
)
FENCE = re.compile(r"^\s*(```|~~~)")
# <img src="photo.jpg"> typed as HTML: MkDocs leaves it alone and the raw file never ships.
RAW_IMG = re.compile(r"<img\b[^>]*\bsrc\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE)
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")


@dataclass(frozen=True)
class ImageRef:
    src: str
    line: int
    alt: str = ""
    title: str = ""


def is_image_name(name: str) -> bool:
    return PurePosixPath(name.split("?")[0].split("#")[0]).suffix.lower() in IMAGE_SUFFIXES


def is_external(src: str) -> bool:
    return bool(SCHEME.match(src))


def field_refs(record: Record) -> list[ImageRef]:
    """Image files named in the record's `file` fields (logo, gallery[].src, photo.src, scan …)."""
    found: list[ImageRef] = []
    spec = fields_of(record.kind)
    for name, value in record.fields.items():
        if name in spec:
            _walk(spec[name], value, (name,), record, found)
    return found


def _walk(spec: Field, value, at: tuple, record: Record, found: list) -> None:
    if spec.type == "list" and isinstance(value, list):
        for i, item in enumerate(value):
            _walk(spec.item, item, at + (i,), record, found)
    elif spec.type == "object" and spec.fields and isinstance(value, dict):
        members = {f.name: f for f in spec.fields}
        for key, item in value.items():
            if key in members:
                _walk(members[key], item, at + (key,), record, found)
    elif spec.type == "file" and isinstance(value, str) and is_image_name(value):
        found.append(ImageRef(value, record.line(*at)))


def markdown_refs(text: str, first_line: int = 1) -> list[ImageRef]:
    """Inline images in Markdown text (outside fenced code), with their lines."""
    found = []
    fenced = False
    for number, line in enumerate(text.split("\n"), start=first_line):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        for match in MARKDOWN_IMAGE.finditer(line):
            src = match.group("src1") or match.group("src2")
            found.append(ImageRef(src, number, match.group("alt"), match.group("title") or ""))
    return found


def raw_html_images(text: str, first_line: int = 1) -> list[ImageRef]:
    """`<img src=…>` pointing at a local file (outside fenced code): the pipeline cannot see those."""
    found, fenced = [], False
    for number, line in enumerate(text.split("\n"), start=first_line):
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            found += [ImageRef(m.group(1), number) for m in RAW_IMG.finditer(line) if not is_external(m.group(1))]
    return found


def body_refs(record: Record) -> list[ImageRef]:
    return markdown_refs(record.body or "", record.body_line)


def line_of(record: Record, src: str) -> int:
    """The line where the record names `src` (a field value or a body image), for messages."""
    for ref in field_refs(record):
        if ref.src == src:
            return ref.line
    for ref in body_refs(record):
        if ref.src == src:
            return ref.line
    return record.line()
