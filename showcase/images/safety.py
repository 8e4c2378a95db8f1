"""SVG logos: shipped as they are when harmless, refused when they could run code or fetch things.

An SVG is a document, not a picture: it can hold scripts, event handlers, links to other sites and
XML entity tricks. Inside `<img>` a browser runs none of that, but the file is also reachable by its
own URL, so a logo with any of it is refused with a message rather than "cleaned" behind the
editor's back (a silent rewrite could also break the drawing).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

FORBIDDEN_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
LINK_ATTRIBUTES = {"href", "src"}
_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")


@dataclass(frozen=True)
class SvgInfo:
    width: int
    height: int
    refusal: str | None  # why the file is refused (Chinese, for the editor), or None


def inspect_svg(data: bytes) -> SvgInfo:
    head = data[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in data.lower():
        return SvgInfo(0, 0, "SVG 文件含 DOCTYPE/ENTITY 声明（可被用来攻击解析器）")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        return SvgInfo(0, 0, f"SVG 文件无法解析（{exc}）")
    if _local(root.tag) != "svg":
        return SvgInfo(0, 0, "文件不是 SVG 图形")
    for element in root.iter():
        name = _local(element.tag)
        if name in FORBIDDEN_ELEMENTS:
            return SvgInfo(0, 0, f"SVG 中含有 <{name}>（脚本或嵌入内容）")
        for attribute, value in element.attrib.items():
            attr = _local(attribute)
            if attr.startswith("on"):
                return SvgInfo(0, 0, f"SVG 中含有事件属性 {attr}（脚本）")
            if attr in LINK_ATTRIBUTES and not _internal_link(value):
                return SvgInfo(0, 0, f"SVG 引用了外部资源“{value[:60]}”")
        if name == "style" and re.search(r"url\(\s*['\"]?(?!#)|@import", element.text or ""):
            return SvgInfo(0, 0, "SVG 样式引用了外部资源")
    width, height = _size(root)
    return SvgInfo(width, height, None)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _internal_link(value: str) -> bool:
    value = value.strip()
    return value.startswith("#") or (value.startswith("data:image/") and "svg" not in value[:20])


def _size(root) -> tuple[int, int]:
    """Intrinsic size from width/height, else the viewBox, else a square."""
    width, height = _length(root.get("width")), _length(root.get("height"))
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        try:
            bw, bh = float(box[2]), float(box[3])
        except ValueError:
            bw = bh = 0
        if bw > 0 and bh > 0:
            if width and not height:
                height = width * bh / bw
            elif height and not width:
                width = height * bw / bh
            elif not width:
                width, height = bw, bh
    if not width or not height:
        return 300, 300
    return max(1, round(width)), max(1, round(height))


def _length(value: str | None) -> float | None:
    match = _LENGTH.match(value or "")
    return float(match.group(1)) if match else None
