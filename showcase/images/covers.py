"""Generated covers for brands without a logo: the brand's name on the theme's red, or — when no
Chinese font is installed or a character is missing from it — the same design without text.

A cover is planned in the build's process (name, colours, font → a cache key) and drawn in a worker.
"""
from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass

from showcase.images.fonts import FontChoice
from showcase.images.variants import CARD_ASPECT, JPEG_QUALITY, PURPOSES, WEBP_QUALITY, Rendition, Variant

DESIGN_VERSION = 1
# The theme's colours (theme/assets/css/showcase.css: --sc-red, --sc-gold) in four shades; a brand
# keeps its shade (chosen from its id) from build to build.
PALETTES = (("#c8161d", "#8f0f14"), ("#b3121a", "#6b0a0f"), ("#d23a2a", "#a0141b"), ("#a5141b", "#5a090d"))
GOLD = "#f5c242"
WHITE = "#ffffff"


@dataclass(frozen=True)
class CoverSpec:
    title: str  # "" draws the design without text
    subtitle: str
    palette: int
    aspect: tuple[int, int]
    font_path: str
    font_index: int

    def key(self, font_identity: str) -> str:
        settings = json.dumps([DESIGN_VERSION, self.title, self.subtitle, self.palette, self.aspect,
                               font_identity], ensure_ascii=False)
        return "cover-" + hashlib.sha256(settings.encode()).hexdigest()[:20]


def palette_for(seed: str) -> int:
    return int(hashlib.sha1(seed.encode()).hexdigest(), 16) % len(PALETTES)


def missing_glyphs(text: str, font: FontChoice) -> str:
    """Characters of `text` the font cannot draw (they would show as tofu boxes)."""
    from PIL import Image, ImageDraw, ImageFont

    face = ImageFont.truetype(font.path, 32, index=font.index)

    def drawn(char: str) -> bytes:
        canvas = Image.new("L", (48, 48))
        ImageDraw.Draw(canvas).text((4, 4), char, font=face, fill=255)
        return canvas.tobytes()

    notdef = drawn("\U000f0000")  # a private-use code point: always the .notdef box
    missing = []
    for char in dict.fromkeys(text):
        if not char.isspace() and drawn(char) == notdef:
            missing.append(char)
    return "".join(missing)


def plan_cover(spec: CoverSpec, purpose: str, font_identity: str) -> Rendition:
    widths = PURPOSES[purpose].widths if purpose in PURPOSES else PURPOSES["card"].widths
    aw, ah = spec.aspect
    key = spec.key(font_identity)
    webp, jpeg = [], []
    for w in widths:
        h = round(w * ah / aw)
        webp.append(Variant(f"{key}-{w}.webp", w, h, "webp", None, WEBP_QUALITY))
        jpeg.append(Variant(f"{key}-{w}.jpg", w, h, "jpeg", None, JPEG_QUALITY))
    return Rendition(key, purpose, jpeg[-1].width, jpeg[-1].height, tuple(webp), tuple(jpeg))


def cover_aspect(purpose: str) -> tuple[int, int]:
    return (PURPOSES[purpose].aspect if purpose in PURPOSES else None) or CARD_ASPECT


def draw_cover(spec: CoverSpec, width: int, height: int):
    """The cover as an RGB image of width×height."""
    from PIL import Image, ImageDraw

    top, bottom = PALETTES[spec.palette]
    image = _gradient(width, height, top, bottom)
    overlay = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    unit = min(width, height)
    # Rays from the lower right corner: a quiet, festive motif that needs no text.
    cx, cy, radius = width * 1.02, height * 1.05, unit * 1.1
    for i in range(12):
        a0 = math.pi + i * math.pi / 22
        a1 = a0 + math.pi / 44
        draw.polygon([(cx, cy), (cx + radius * math.cos(a0), cy + radius * math.sin(a0)),
                      (cx + radius * math.cos(a1), cy + radius * math.sin(a1))], fill=(255, 214, 102, 28))
    draw.rectangle([0, height - max(3, unit // 40), width, height], fill=GOLD)
    if not spec.title:
        _star(draw, width / 2, height * 0.46, unit * 0.2, GOLD)
        image.paste(overlay, (0, 0), overlay)
        return image
    image.paste(overlay, (0, 0), overlay)
    _draw_title(ImageDraw.Draw(image), spec, width, height)
    return image


def _title_font(spec: CoverSpec, size: int, box_w: float):
    """The largest font (from `size` down) that sets the title in at most three lines of `box_w`."""
    from PIL import ImageFont

    while True:
        font = ImageFont.truetype(spec.font_path, size, index=spec.font_index)
        lines = _wrap(spec.title, font, box_w)
        if (len(lines) <= 3 and all(font.getlength(l) <= box_w for l in lines)) or size <= 10:
            return font, size, lines
        size = int(size * 0.9)


def _draw_title(draw, spec: CoverSpec, width: int, height: int) -> None:
    from PIL import ImageFont

    margin = width * 0.09
    box_w = width - 2 * margin
    font, size, lines = _title_font(spec, int(min(width, height) * 0.17), box_w)
    line_h = size * 1.3
    sub_font = ImageFont.truetype(spec.font_path, max(9, int(size * 0.45)), index=spec.font_index)
    block_h = line_h * len(lines) + (size * 0.9 if spec.subtitle else 0)
    y = (height - block_h) / 2 - height * 0.03
    accent_w = width * 0.12
    draw.rectangle([margin, y - size * 0.5, margin + accent_w, y - size * 0.5 + max(2, size // 12)], fill=GOLD)
    for line in lines:
        draw.text((margin, y), line, font=font, fill=WHITE)
        y += line_h
    if spec.subtitle:
        subtitle = spec.subtitle
        while sub_font.getlength(subtitle) > box_w and len(subtitle) > 1:
            subtitle = subtitle[:-2] + "…"
        draw.text((margin, y + size * 0.15), subtitle, font=sub_font, fill=GOLD)


def _gradient(width: int, height: int, top: str, bottom: str):
    from PIL import Image

    start, end = Image.new("RGB", (1, 1), top).getpixel((0, 0)), Image.new("RGB", (1, 1), bottom).getpixel((0, 0))
    column = Image.new("RGB", (1, 256))
    column.putdata([tuple(round(s + (e - s) * i / 255) for s, e in zip(start, end)) for i in range(256)])
    return column.resize((width, height), Image.BILINEAR)


def _wrap(text: str, font, max_width: float) -> list[str]:
    """Greedy wrapping by character (Chinese has no spaces); Latin words are kept whole."""
    tokens, word = [], ""
    for char in text:
        if char.isascii() and not char.isspace():
            word += char
            continue
        if word:
            tokens.append(word)
            word = ""
        tokens.append(char)
    if word:
        tokens.append(word)
    lines, current = [], ""
    for token in tokens:
        if current and font.getlength(current + token) > max_width:
            lines.append(current.rstrip())
            current = token.lstrip()
        else:
            current += token
    if current:
        lines.append(current)
    return lines


def _star(draw, cx: float, cy: float, r: float, fill: str) -> None:
    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.382
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(points, fill=fill)
