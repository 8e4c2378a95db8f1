"""Chinese outline numbering and clean text: what a paragraph of a Word document is in Markdown.

一、 → `##`, （一） → `###` (the number itself dropped: the site numbers nothing and the table of contents
reads better without it); 1. stays a numbered list, （1） a paragraph as written. A run-in heading
("（一）强化政治引领。支部坚持……") splits into the heading and its paragraph. First-line indents ("　　"),
stray full-width spaces and non-breaking spaces go.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = "一二三四五六七八九十百"
LEVEL2 = re.compile(rf"^[{CN_DIGITS}]+[、．.]\s*")
LEVEL3 = re.compile(rf"^[（(][{CN_DIGITS}]+[）)]\s*")
DECIMAL_ITEM = re.compile(r"^\d{1,2}[.．、](?!\d)\s*")
HEADING_MAX = 40  # longer than this is a paragraph that happens to start with a number
HAN = "\u3400-\u9fff\uf900-\ufaff"
PUNCT = "，。、；：？！“”‘’（）《》【】—…·"
# Full-width and non-breaking spaces next to Chinese text are stray; a single ASCII space is kept (a
# title's "人社暖心 服务为民" means it), runs of them go.
SPACES_BETWEEN = re.compile(rf"(?<=[{HAN}{PUNCT}])(?:[\u3000\u00a0\t]| {{2,}})+|(?:[\u3000\u00a0\t]| {{2,}})+(?=[{HAN}{PUNCT}])")


@dataclass(frozen=True)
class Shape:
    kind: str  # "heading" | "item" | "paragraph"
    level: int = 0
    text: str = ""
    rest: str = ""  # the paragraph after a run-in heading


def clean_text(text: str) -> str:
    """No first-line indent, no full-width or doubled spaces inside Chinese text; Latin spacing kept."""
    text = text.replace("\u200b", "").replace("\ufeff", "")
    text = text.strip(" \t\u3000\r\n")
    text = SPACES_BETWEEN.sub("", text)
    return re.sub(r"[ \t\u3000\u00a0]+", " ", text)


def shape_of(text: str, heading_style: int | None = None, numbering: str = "") -> Shape:
    """What the cleaned paragraph `text` is: the style wins, then Word's numbering, then the text."""
    if heading_style:
        return Shape("heading", min(heading_style + 1, 6), strip_number(text))
    if numbering == "chinese":
        return _heading_or_paragraph(2, text)
    if numbering == "chinese-paren":
        return _heading_or_paragraph(3, text)
    if numbering in ("decimal", "bullet"):
        return Shape("item", 1 if numbering == "decimal" else 0, text)
    for level, pattern in ((2, LEVEL2), (3, LEVEL3)):
        match = pattern.match(text)
        if match:
            return _heading_or_paragraph(level, text[match.end():], text)
    match = DECIMAL_ITEM.match(text)
    if match and text[match.end():]:
        return Shape("item", 1, text[match.end():])
    return Shape("paragraph", 0, text)


def _heading_or_paragraph(level: int, rest: str, original: str | None = None) -> Shape:
    rest = rest.strip()
    if len(rest) <= HEADING_MAX:
        return Shape("heading", level, rest.rstrip("。"))
    stop = rest.find("。")
    if 0 < stop <= HEADING_MAX:
        return Shape("heading", level, rest[:stop], rest[stop + 1:].strip())
    return Shape("paragraph", 0, original if original is not None else rest)


def strip_number(text: str) -> str:
    for pattern in (LEVEL2, LEVEL3):
        match = pattern.match(text)
        if match:
            return text[match.end():].strip()
    return text
