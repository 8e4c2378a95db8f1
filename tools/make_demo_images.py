#!/usr/bin/env python3
"""Generate the demo site's images: brand logos, gallery photos, exemplar photos, a newspaper scan.

Usage:  python tools/make_demo_images.py [content-dir]      (default: content/ beside this script's parent)

The script reads the front matter of the demo content and draws every image it names:

* brands/<id>/index.md     `logo`          -> 512x512 PNG with transparency (an abstract emblem)
                           `gallery[].src` -> 1600x1067 JPEG (an abstract, photo-like scene)
* exemplars/<id>/index.md  `photo.src`     -> 800x1067 JPEG (silhouettes, never a real person)
* column/<yyyy>/<id>/index.md `scan`       -> 1200x1700 greyscale JPEG laid out like a newspaper page

Everything is derived from the record id (a SHA-256 seed), so running the script twice gives the
same pictures. Only Pillow and PyYAML are needed. If a CJK font is installed (Noto Serif/Sans CJK),
the newspaper scan carries real Chinese text; otherwise it shows grey text lines only.
"""
from __future__ import annotations

import hashlib
import math
import random
import re
import subprocess
import sys
from pathlib import Path

import yaml
from PIL import Image, ImageDraw, ImageFilter, ImageFont

RED = (200, 22, 29)        # #C8161D Party red
DEEP_RED = (150, 12, 18)
GOLD = (245, 194, 66)      # #F5C242
LIGHT_GOLD = (252, 226, 150)
CREAM = (255, 248, 235)

JPEG = dict(quality=80, optimize=True, progressive=True)


# --------------------------------------------------------------------------- helpers

def rng_for(*parts: str) -> random.Random:
    digest = hashlib.sha256("/".join(parts).encode("utf-8")).hexdigest()
    return random.Random(int(digest[:16], 16))


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    match = re.match(r"^---\n(.*?)\n---\n?(.*)$", text, re.S)
    if not match:
        return {}
    data = yaml.safe_load(match.group(1)) or {}
    data["__body__"] = match.group(2)
    return data


def mix(a, b, t):
    return tuple(int(round(x + (y - x) * t)) for x, y in zip(a, b))


def vertical_gradient(size, top, bottom):
    w, h = size
    column = Image.new("RGB", (1, h))
    for y in range(h):
        column.putpixel((0, y), mix(top, bottom, y / max(1, h - 1)))
    return column.resize((w, h))


def star_points(cx, cy, r_outer, r_inner, rotation=-math.pi / 2):
    points = []
    for i in range(10):
        r = r_outer if i % 2 == 0 else r_inner
        a = rotation + i * math.pi / 5
        points.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return points


def ribbon(draw, cx, cy, radius, start, sweep, width, fill, steps=90):
    """A curved band following part of a circle, thinning at both ends."""
    outer, inner = [], []
    for i in range(steps + 1):
        t = i / steps
        a = math.radians(start + sweep * t)
        w = width * math.sin(math.pi * t) ** 0.6
        outer.append((cx + (radius + w / 2) * math.cos(a), cy + (radius + w / 2) * math.sin(a)))
        inner.append((cx + (radius - w / 2) * math.cos(a), cy + (radius - w / 2) * math.sin(a)))
    draw.polygon(outer + inner[::-1], fill=fill)


# --------------------------------------------------------------------------- logos

# emblem styles that echo a brand's `logo_meaning` (others are picked from the id's seed)
STYLE_HINTS = {"wenlv-yidian": 0, "fgw-xianxing": 2, "scjgj-hongdun": 3, "sthjj-lvdun": 3,
               "jt-tongda": 1, "jt-luchang": 1, "jyj-hongzhu": 0, "zjj-anju": 3}


def make_logo(brand_id: str, out: Path, dots: int | None = None) -> None:
    rnd = rng_for("logo", brand_id)
    scale = 4
    size = 512 * scale
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    c = size / 2
    style = STYLE_HINTS.get(brand_id, rnd.randrange(4))
    accent = rnd.choice([GOLD, LIGHT_GOLD, (255, 210, 90)])

    # outer ring, common to every emblem
    r_out = size * 0.46
    ring = size * rnd.uniform(0.035, 0.06)
    d.ellipse([c - r_out, c - r_out, c + r_out, c + r_out], fill=RED)
    d.ellipse([c - r_out + ring, c - r_out + ring, c + r_out - ring, c + r_out - ring], fill=CREAM)
    r_in = r_out - ring * 2.2
    d.ellipse([c - r_in, c - r_in, c + r_in, c + r_in], fill=RED if style in (0, 2) else CREAM)

    if style == 0:  # gold disc, white ribbon, star
        r_disc = r_in * 0.42
        d.ellipse([c - r_disc, c - r_disc, c + r_disc, c + r_disc], fill=accent)
        ribbon(d, c, c, r_in * 0.70, rnd.uniform(0, 360), rnd.uniform(200, 250), r_in * 0.22, CREAM)
        if rnd.random() < 0.5:
            ribbon(d, c, c, r_in * 0.86, rnd.uniform(0, 360), rnd.uniform(90, 140), r_in * 0.10, accent)
        d.polygon(star_points(c, c, r_disc * 0.62, r_disc * 0.25), fill=RED)
    elif style == 1:  # red ribbons on cream, gold star at the top
        bands = rnd.randint(2, 4)
        start = rnd.uniform(170, 210)
        for k in range(bands):
            ribbon(d, c, c + r_in * 0.12, r_in * (0.30 + 0.55 * k / bands), start + 8 * k, 160 - 12 * k,
                   r_in * (0.22 - 0.04 * k), RED if k % 2 == 0 else DEEP_RED)
        d.polygon(star_points(c, c - r_in * 0.45, r_in * 0.22, r_in * 0.09), fill=accent)
    elif style == 2:  # rising steps / bars in gold on red, with a gold sun
        bars = rnd.randint(3, 5)
        bw = r_in * 1.1 / bars
        for k in range(bars):
            x0 = c - r_in * 0.55 + k * bw
            h = r_in * (0.25 + 0.55 * (k + 1) / bars)
            d.rectangle([x0 + bw * 0.12, c + r_in * 0.45 - h, x0 + bw * 0.88, c + r_in * 0.45], fill=accent)
        sr = r_in * 0.16
        d.ellipse([c + r_in * 0.2 - sr, c - r_in * 0.55 - sr, c + r_in * 0.2 + sr, c - r_in * 0.55 + sr],
                  fill=CREAM)
    else:  # shield on cream with a gold chevron
        w, h = r_in * 1.1, r_in * 1.35
        top = c - h * 0.5
        shield = [(c - w / 2, top), (c + w / 2, top), (c + w / 2, top + h * 0.55), (c, top + h),
                  (c - w / 2, top + h * 0.55)]
        d.polygon(shield, fill=rnd.choice([RED, DEEP_RED]))
        chevrons = rnd.randint(1, 2)
        for k in range(chevrons):
            dy = h * 0.16 * k
            d.polygon([(c - w * 0.35, top + h * 0.55 + dy), (c, top + h * 0.25 + dy),
                       (c + w * 0.35, top + h * 0.55 + dy), (c + w * 0.35, top + h * 0.68 + dy),
                       (c, top + h * 0.38 + dy), (c - w * 0.35, top + h * 0.68 + dy)],
                      fill=accent if k == 0 else CREAM)
        if rnd.random() < 0.5:
            d.polygon(star_points(c, top + h * 0.14, w * 0.10, w * 0.04), fill=accent)
        else:
            sr = w * 0.07
            d.ellipse([c - sr, top + h * 0.14 - sr, c + sr, top + h * 0.14 + sr], fill=accent)

    # dots around the ring: the number of sub-brands for a matrix parent, else a few
    n = dots if dots is not None else rnd.choice([0, 0, 5, 8, 12])
    for k in range(n):
        a = -math.pi / 2 + 2 * math.pi * k / max(1, n)
        rr = r_out - ring / 2
        dr = ring * 0.32
        x, y = c + rr * math.cos(a), c + rr * math.sin(a)
        d.ellipse([x - dr, y - dr, x + dr, y + dr], fill=accent)

    img = img.resize((512, 512), Image.LANCZOS)
    img.save(out, optimize=True)


# --------------------------------------------------------------------------- scenes

PALETTES = [
    ((118, 170, 222), (236, 214, 190)),   # morning sky
    ((72, 110, 170), (250, 190, 140)),    # sunset
    ((170, 196, 214), (230, 232, 228)),   # overcast
    ((214, 200, 180), (120, 96, 80)),     # warm indoor hall
    ((60, 66, 92), (170, 140, 120)),      # evening stage
]


def silhouette(d, x, y, h, colour):
    """A faceless standing figure: head circle plus rounded body. Abstract, not a person."""
    head = h * 0.13
    d.ellipse([x - head, y - h, x + head, y - h + head * 2], fill=colour)
    bw = h * 0.22
    d.rounded_rectangle([x - bw, y - h + head * 2.2, x + bw, y], radius=int(bw * 0.6), fill=colour)


def make_scene(key: str, out: Path, size=(1600, 1067)) -> None:
    rnd = rng_for("scene", key)
    w, h = size
    top, bottom = rnd.choice(PALETTES)
    indoor = top[0] > 200 or top[0] < 80
    img = vertical_gradient(size, top, bottom)
    d = ImageDraw.Draw(img)
    horizon = int(h * rnd.uniform(0.55, 0.68))

    if not indoor:
        # sun / light
        sx, sy, sr = rnd.uniform(0.15, 0.85) * w, rnd.uniform(0.12, 0.35) * h, rnd.uniform(50, 90)
        for k in range(6, 0, -1):
            d.ellipse([sx - sr * k / 2, sy - sr * k / 2, sx + sr * k / 2, sy + sr * k / 2],
                      fill=mix(top, (255, 240, 200), 0.12 * (7 - k)))
        # far hills
        for layer in range(3):
            base = horizon - 60 + layer * 40
            colour = mix((90, 120, 110), bottom, 0.55 - 0.15 * layer)
            pts = [(0, h)]
            for x in range(0, w + 80, 80):
                pts.append((x, base - 60 * math.sin(x / rnd.uniform(150, 320) + layer) - rnd.uniform(0, 30)))
            pts.append((w, h))
            d.polygon(pts, fill=colour)
        # skyline
        x = 0
        while x < w:
            bw = rnd.randint(60, 150)
            bh = rnd.randint(80, 330)
            colour = mix((70, 80, 96), top, rnd.uniform(0.1, 0.4))
            d.rectangle([x, horizon - bh, x + bw, horizon + 10], fill=colour)
            for wy in range(horizon - bh + 14, horizon - 8, 26):
                for wx in range(x + 10, x + bw - 12, 22):
                    if rnd.random() < 0.55:
                        d.rectangle([wx, wy, wx + 9, wy + 12], fill=mix(colour, (250, 230, 170), 0.45))
            x += bw + rnd.randint(4, 30)
        # ground and road
        d.rectangle([0, horizon, w, h], fill=mix((96, 104, 96), bottom, 0.3))
        d.polygon([(w * 0.42, horizon), (w * 0.58, horizon), (w * 0.95, h), (w * 0.05, h)],
                  fill=(88, 88, 92))
        for k in range(8):
            t0, t1 = k / 8, k / 8 + 0.05
            y0, y1 = horizon + (h - horizon) * t0 ** 1.5, horizon + (h - horizon) * t1 ** 1.5
            d.polygon([(w / 2 - 3 - 10 * t0, y0), (w / 2 + 3 + 10 * t0, y0),
                       (w / 2 + 3 + 10 * t1, y1), (w / 2 - 3 - 10 * t1, y1)], fill=(236, 220, 150))
    else:
        # hall: back wall with windows, a red banner, a stage edge and rows of seats
        wall = mix(top, (255, 255, 255), 0.1)
        d.rectangle([0, 0, w, horizon], fill=wall)
        for k in range(5):
            x0 = w * (0.06 + 0.19 * k)
            d.rectangle([x0, h * 0.08, x0 + w * 0.12, h * 0.40], fill=mix(wall, (255, 250, 235), 0.55))
        d.rectangle([w * 0.18, h * 0.44, w * 0.82, h * 0.52], fill=RED)
        for k in range(10):
            d.rectangle([w * (0.22 + 0.057 * k), h * 0.465, w * (0.22 + 0.057 * k) + 30, h * 0.495],
                        fill=mix(RED, GOLD, 0.8))
        d.rectangle([0, horizon, w, h], fill=mix(bottom, (40, 30, 30), 0.3))

    # flags / red accents
    for _ in range(rnd.randint(2, 5)):
        fx, fy = rnd.uniform(0.05, 0.95) * w, horizon - rnd.uniform(40, 160)
        d.line([(fx, fy), (fx, horizon + 30)], fill=(70, 60, 60), width=5)
        d.polygon([(fx, fy), (fx + 70, fy + 12), (fx + 66, fy + 42), (fx, fy + 36)], fill=RED)

    # a group of faceless figures in the foreground
    people = rnd.randint(4, 11)
    for k in range(people):
        x = w * (0.08 + 0.84 * (k + rnd.uniform(-0.3, 0.3)) / max(1, people - 1)) if people > 1 else w / 2
        ph = rnd.uniform(0.22, 0.34) * h
        vest = rnd.random() < 0.5
        colour = RED if vest else mix((60, 64, 80), bottom, rnd.uniform(0, 0.3))
        silhouette(d, x, h - rnd.uniform(0, 30), ph, colour)

    img = img.filter(ImageFilter.GaussianBlur(2.2))
    img = vignette(img)
    img.save(out, "JPEG", **JPEG)


def vignette(img: Image.Image) -> Image.Image:
    w, h = img.size
    mask = Image.new("L", (w // 8, h // 8), 0)
    md = ImageDraw.Draw(mask)
    md.ellipse([-w // 40, -h // 40, w // 8 + w // 40, h // 8 + h // 40], fill=255)
    mask = mask.filter(ImageFilter.GaussianBlur(12)).resize((w, h))
    dark = Image.new("RGB", (w, h), (20, 16, 16))
    return Image.composite(img, Image.blend(img, dark, 0.35), mask)


def make_portrait(key: str, out: Path, group: bool, size=(800, 1067)) -> None:
    rnd = rng_for("portrait", key)
    w, h = size
    top, bottom = rnd.choice([((214, 220, 228), (150, 160, 176)), ((236, 226, 206), (170, 140, 112)),
                              ((200, 214, 200), (110, 130, 120))])
    img = vertical_gradient(size, top, bottom)
    d = ImageDraw.Draw(img)
    # soft bokeh lights
    for _ in range(18):
        x, y, r = rnd.uniform(0, w), rnd.uniform(0, h * 0.6), rnd.uniform(20, 70)
        d.ellipse([x - r, y - r, x + r, y + r], fill=mix(top, (255, 250, 235), rnd.uniform(0.2, 0.6)))
    # a red banner stripe in the background
    d.rectangle([0, h * 0.30, w, h * 0.36], fill=mix(RED, top, 0.35))
    img = img.filter(ImageFilter.GaussianBlur(10))
    d = ImageDraw.Draw(img)
    figures = [(w / 2, 1.0)] if not group else [(w * (0.18 + 0.16 * k), 0.62 + 0.06 * (k % 2)) for k in range(5)]
    for x, s in figures:
        coat = mix((44, 50, 66), bottom, rnd.uniform(0, 0.25))
        head = w * 0.13 * s
        cy = h * (0.40 if not group else 0.50) + (1 - s) * h * 0.1
        # shoulders
        d.rounded_rectangle([x - head * 2.4, cy + head * 1.3, x + head * 2.4, h + 40],
                            radius=int(head * 1.6), fill=coat)
        # collar
        d.polygon([(x - head * 0.6, cy + head * 1.3), (x + head * 0.6, cy + head * 1.3), (x, cy + head * 2.3)],
                  fill=(236, 236, 240))
        # neck and head: a plain oval, no features
        d.rectangle([x - head * 0.35, cy + head * 0.6, x + head * 0.35, cy + head * 1.5],
                    fill=(206, 170, 146))
        d.ellipse([x - head * 0.85, cy - head * 1.1, x + head * 0.85, cy + head * 1.0], fill=(214, 178, 152))
        d.chord([x - head * 0.9, cy - head * 1.2, x + head * 0.9, cy + head * 0.6], 180, 360, fill=(40, 34, 32))
        # party badge
        bx, by, br = x - head * 1.2, cy + head * 2.6, head * 0.16
        d.ellipse([bx - br, by - br, bx + br, by + br], fill=RED)
        d.ellipse([bx - br * 0.5, by - br * 0.5, bx + br * 0.5, by + br * 0.5], fill=GOLD)
    img = img.filter(ImageFilter.GaussianBlur(1.2))
    img.save(out, "JPEG", **JPEG)


# --------------------------------------------------------------------------- newspaper scan

CN_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    if n < 10:
        return CN_DIGITS[n]
    if n < 20:
        return "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return CN_DIGITS[n // 10] + "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    hundreds, rest = divmod(n, 100)
    if rest == 0:
        return CN_DIGITS[hundreds] + "百"
    if rest < 10:
        return CN_DIGITS[hundreds] + "百零" + CN_DIGITS[rest]
    tail = chinese_numeral(rest)
    return CN_DIGITS[hundreds] + "百" + ("一" + tail if rest < 20 else tail)


def find_cjk_font(bold: bool) -> tuple[str, int] | None:
    candidates = [
        "/usr/share/fonts/opentype/noto/NotoSerifCJK-%s.ttc" % ("Bold" if bold else "Regular"),
        "/usr/share/fonts/opentype/noto/NotoSansCJK-%s.ttc" % ("Bold" if bold else "Regular"),
        "/usr/share/fonts/noto-cjk/NotoSerifCJK-%s.ttc" % ("Bold" if bold else "Regular"),
    ]
    try:
        listed = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True,
                                timeout=10).stdout.split("\n")
        candidates += sorted(line.rstrip(": ").strip() for line in listed if line.strip())
    except (OSError, subprocess.SubprocessError):
        pass
    for path in candidates:
        if not Path(path).exists():
            continue
        for index in range(10):
            try:
                font = ImageFont.truetype(path, 20, index=index)
            except OSError:
                break
            if "SC" in " ".join(font.getname()):
                return path, index
        try:
            ImageFont.truetype(path, 20)
            return path, 0
        except OSError:
            continue
    return None


class Fonts:
    def __init__(self):
        self.regular = find_cjk_font(bold=False)
        self.bold = find_cjk_font(bold=True) or self.regular

    def get(self, size: int, bold=False):
        spec = self.bold if bold else self.regular
        if spec is None:
            return None
        return ImageFont.truetype(spec[0], size, index=spec[1])


def plain_text(markdown: str) -> list[tuple[str, str]]:
    """The article body as (kind, text) blocks: kind is "head" for a subheading, else "para"."""
    blocks = []
    for block in re.split(r"\n\s*\n", markdown):
        block = block.strip()
        if not block:
            continue
        kind = "head" if block.startswith("#") else "para"
        block = re.sub(r"^#+\s*", "", block)
        block = re.sub(r"[*_`>]", "", block)
        blocks.append((kind, block.replace("\n", "")))
    return blocks


NO_LINE_START = set("，。、；：？！”’）》」』…—·%")


def wrap(text: str, font, width: int) -> list[str]:
    """Greedy line breaking with the basic Chinese rule: no closing punctuation at a line start."""
    lines, line = [], ""
    for ch in text:
        if line and font.getlength(line + ch) > width and ch not in NO_LINE_START:
            lines.append(line)
            line = ch
        else:
            line += ch
    if line:
        lines.append(line)
    return lines


def make_scan(article: dict, out: Path, fonts: Fonts, column_name: str, numbering: str,
              newspaper_name: str) -> None:
    key = str(article.get("series_no", ""))
    rnd = rng_for("scan", key, article.get("title", ""))
    w, h = 1200, 1700
    paper = 236
    img = Image.new("L", (w, h), paper)
    d = ImageDraw.Draw(img)
    ink, grey = 40, 120
    margin = 60

    def text(xy, s, size, bold=False, fill=ink, anchor="la"):
        font = fonts.get(size, bold)
        if font is None:
            x, y = xy
            width = int(size * 0.9 * len(s))
            if anchor[0] == "m":
                x -= width / 2
            d.rectangle([x, y + size * 0.2, x + width, y + size * 0.8], fill=fill)
            return
        d.text(xy, s, font=font, fill=fill, anchor=anchor)

    # page header
    date = article.get("date")
    weekday = "一二三四五六日"[date.weekday()] if hasattr(date, "weekday") else ""
    date_text = f"{date.year}年{date.month}月{date.day}日 星期{weekday}" if hasattr(date, "year") else ""
    page = str(article.get("page", ""))
    text((margin, 40), f"{newspaper_name}  {date_text}", 22, fill=grey)
    text((w - margin, 40), f"{page}  {article.get('page_name', '')}", 22, fill=grey, anchor="ra")
    d.line([(margin, 80), (w - margin, 80)], fill=ink, width=3)
    d.line([(margin, 86), (w - margin, 86)], fill=ink, width=1)

    # column banner
    series = article.get("series_no")
    marker = numbering.replace("{cn}", chinese_numeral(series)).replace("{n}", str(series)) if series else ""
    d.rectangle([margin, 110, margin + 300, 170], fill=70)
    text((margin + 150, 140), column_name, 34, bold=True, fill=paper, anchor="mm")
    text((margin + 320, 140), marker, 28, bold=True, fill=ink, anchor="lm")

    # headline block
    y = 200
    if article.get("lead_title"):
        text((w / 2, y), article["lead_title"], 28, fill=ink, anchor="ma")
        y += 50
    text((w / 2, y), article.get("title", ""), 64, bold=True, fill=20, anchor="ma")
    y += 95
    if article.get("subtitle"):
        text((w / 2, y), "——" + article["subtitle"], 26, fill=ink, anchor="ma")
        y += 48
    bylines = "　".join(f"{b.get('role', '')} {b.get('name', '')}" for b in article.get("bylines") or [])
    text((w / 2, y), bylines, 22, fill=grey, anchor="ma")
    y += 50
    d.line([(margin, y), (w - margin, y)], fill=grey, width=1)
    y += 20

    # a photo block across two columns
    photo_box = [margin, y, margin + (w - 2 * margin) * 0.5 - 10, y + 330]
    d.rectangle(photo_box, fill=150)
    for _ in range(12):
        px = rnd.uniform(photo_box[0] + 30, photo_box[2] - 30)
        ph = rnd.uniform(90, 170)
        d.ellipse([px - 16, photo_box[3] - ph - 30, px + 16, photo_box[3] - ph + 2], fill=90)
        d.rounded_rectangle([px - 30, photo_box[3] - ph + 4, px + 30, photo_box[3]], radius=18, fill=90)
    text((photo_box[0], photo_box[3] + 10), "图为活动现场。本报记者摄", 18, fill=grey)

    # body text in four columns, flowing around the photo
    columns = 4
    gap = 24
    col_w = int((w - 2 * margin - gap * (columns - 1)) / columns)
    size = 19
    font = fonts.get(size)
    line_h = 30
    bottom = h - 330
    blocks = plain_text(article.get("__body__", ""))
    lines: list[tuple[str, str]] = []
    for kind, para in blocks:
        if font is None:
            n = max(1, len(para) // 18)
            lines += [(kind, "#" * 18)] * (n - 1) + [(kind, "#" * max(2, len(para) % 18))]
        elif kind == "head":
            lines += [("head", t) for t in wrap(para, fonts.get(size, True), col_w)]
        else:
            lines += [("para", t) for t in wrap("\u3000\u3000" + para, font, col_w)]
    i = 0
    for col in range(columns):
        x = margin + col * (col_w + gap)
        cy = photo_box[3] + 50 if col < 2 else y
        if i >= len(lines):
            # the story has ended: a boxed sidebar of another item fills the column
            d.rectangle([x, cy, x + col_w, bottom], outline=grey, width=2)
            d.rectangle([x + 14, cy + 16, x + col_w - 14, cy + 52], fill=90)
            for r in range(int((bottom - cy - 80) / line_h)):
                length = col_w - 28 if r % 6 != 5 else (col_w - 28) * rnd.uniform(0.3, 0.8)
                d.rectangle([x + 14, cy + 76 + r * line_h, x + 14 + length, cy + 88 + r * line_h], fill=175)
            continue
        while cy < bottom and i < len(lines):
            kind, line = lines[i]
            if font is None:
                d.rectangle([x, cy + 8, x + col_w * len(line) / 18, cy + 20], fill=grey)
            elif kind == "head":
                d.text((x + col_w / 2, cy), line, font=fonts.get(size, True), fill=20, anchor="ma")
            else:
                d.text((x, cy), line, font=font, fill=ink)
            cy += line_h
            i += 1
    # other stories at the foot of the page: headline bars and grey text lines
    d.line([(margin, bottom + 20), (w - margin, bottom + 20)], fill=ink, width=2)
    for k in range(3):
        x0 = margin + k * ((w - 2 * margin) / 3)
        d.rectangle([x0, bottom + 45, x0 + 300, bottom + 75], fill=90)
        for r in range(7):
            length = rnd.uniform(0.7, 1.0) * 330
            d.rectangle([x0, bottom + 100 + r * 28, x0 + length, bottom + 112 + r * 28], fill=175)

    img = img.filter(ImageFilter.GaussianBlur(0.7))
    img.save(out, "JPEG", quality=60, optimize=True)


# --------------------------------------------------------------------------- main

def main(argv: list[str]) -> int:
    content = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "content"
    written = []

    brands = {p.parent.name: front_matter(p) for p in sorted(content.glob("brands/*/index.md"))}
    children: dict[str, int] = {}
    for data in brands.values():
        if data.get("parent"):
            children[data["parent"]] = children.get(data["parent"], 0) + 1
    for brand_id, data in brands.items():
        folder = content / "brands" / brand_id
        if data.get("logo"):
            out = folder / data["logo"]
            make_logo(brand_id, out, dots=children.get(brand_id))
            written.append(out)
        for item in data.get("gallery") or []:
            out = folder / item["src"]
            make_scene(f"{brand_id}/{item['src']}", out)
            written.append(out)

    for path in sorted(content.glob("exemplars/*/index.md")):
        data = front_matter(path)
        photo = data.get("photo")
        if photo and photo.get("src"):
            out = path.parent / photo["src"]
            make_portrait(path.parent.name, out, group=data.get("kind") != "five_star_member")
            written.append(out)

    columns = {}
    newspapers = {}
    if (content / "columns.yml").exists():
        columns = {c["id"]: c for c in yaml.safe_load((content / "columns.yml").read_text("utf-8")) or []}
    if (content / "newspapers.yml").exists():
        newspapers = {n["id"]: n["name"] for n in
                      yaml.safe_load((content / "newspapers.yml").read_text("utf-8")) or []}
    fonts = Fonts()
    for path in sorted(content.glob("column/*/*/index.md")):
        data = front_matter(path)
        if not data.get("scan"):
            continue
        column = columns.get(data.get("column"), {})
        paper_id = data.get("newspaper") or column.get("newspaper")
        out = path.parent / data["scan"]
        make_scan(data, out, fonts, column.get("name", ""), column.get("numbering", "之{cn}"),
                  newspapers.get(paper_id, ""))
        written.append(out)

    total = sum(p.stat().st_size for p in written)
    for p in written:
        print(f"{p.stat().st_size // 1024:5d} KB  {p.relative_to(content)}")
    print(f"{len(written)} images, {total / 1024 / 1024:.2f} MB"
          + ("" if fonts.regular else " (no CJK font found: scan drawn without text)"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
