#!/usr/bin/env python3
"""Draw the site icon's bitmaps from the shape of theme/assets/images/favicon.svg (a gold flag on a
red rounded square): theme/assets/images/favicon.png (the file Material's `theme.favicon` names, in
place of Material's own) and theme/favicon.ico (the site root's /favicon.ico, which browsers ask for
on pages that name no icon and crawlers ask for always).

Usage:  python tools/make_favicon.py [theme-dir]      (default: theme/ beside this script's parent)

Only Pillow is needed; the same input gives the same bytes.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

RED = (200, 22, 29)  # #c8161d, as in favicon.svg
GOLD = (245, 194, 66)  # #f5c242
# favicon.svg's 64×64 drawing: rect rx=12; the pole M18 14v38; the flag M18 16h26l-6 9 6 9H18, stroke 5.
POLE = ((18, 14), (18, 52))
FLAG = ((18, 16), (44, 16), (38, 25), (44, 34), (18, 34))


def draw(size: int) -> Image.Image:
    """The icon at `size` pixels, drawn 4× larger and scaled down (smooth edges)."""
    scale = size * 4 / 64
    big = Image.new("RGBA", (size * 4, size * 4), (0, 0, 0, 0))
    pen = ImageDraw.Draw(big)
    pen.rounded_rectangle((0, 0, size * 4 - 1, size * 4 - 1), radius=round(12 * scale), fill=RED)
    width = max(1, round(5 * scale))
    points = [(x * scale, y * scale) for x, y in FLAG]
    pen.line(points + [points[0]], fill=GOLD, width=width, joint="curve")
    pen.line([(x * scale, y * scale) for x, y in POLE], fill=GOLD, width=width)
    return big.resize((size, size), Image.LANCZOS)


def main(theme: Path) -> None:
    draw(48).save(theme / "assets" / "images" / "favicon.png", optimize=True)
    draw(48).save(theme / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "theme")
