"""Finding a Chinese font for generated covers, at run time, on the machine that builds.

fontconfig knows what is installed (`fc-list :lang=zh-cn`); a few well-known paths cover machines
without it. Debian/Ubuntu: `apt-get install fonts-noto-cjk`. No font → covers without text (never
tofu boxes), and one warning says how to fix it.
"""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

# Preferred families, best first: a bold sans reads well on a small card.
PREFERRED = ("Noto Sans CJK SC", "Source Han Sans SC", "Noto Serif CJK SC", "WenQuanYi Zen Hei",
             "WenQuanYi Micro Hei", "Droid Sans Fallback", "AR PL UMing CN")
KNOWN_PATHS = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),  # index 2 = SC in Noto's collection
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc", 2),
    ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc", 2),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/System/Library/Fonts/PingFang.ttc", 0),
    ("C:/Windows/Fonts/msyhbd.ttc", 0),
    ("C:/Windows/Fonts/msyh.ttc", 0),
)


@dataclass(frozen=True)
class FontChoice:
    path: str
    index: int
    family: str

    @property
    def identity(self) -> str:
        """Part of a cover's cache key: another font draws another picture."""
        try:
            stat = Path(self.path).stat()
            return f"{self.path}#{self.index}:{stat.st_size}"
        except OSError:
            return f"{self.path}#{self.index}"


def find_cjk_font() -> FontChoice | None:
    for choice in _fontconfig_candidates():
        return choice
    for path, index in KNOWN_PATHS:
        if Path(path).is_file():
            return FontChoice(path, index, Path(path).stem)
    return None


def _fontconfig_candidates():
    if not shutil.which("fc-list"):
        return
    try:
        out = subprocess.run(["fc-list", ":lang=zh-cn", "file", "index", "family", "style"],
                             capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return
    fonts = []
    for line in out.splitlines():
        # /path/font.ttc: Family A,Family B:style=Bold:index=2 (field order varies by version)
        path, _, rest = line.partition(": ")
        parts = rest.split(":")
        families = parts[0].split(",") if parts else []
        style = next((p[6:] for p in parts if p.startswith("style=")), "")
        index = next((int(p[6:]) for p in parts if p.startswith("index=") and p[6:].isdigit()), 0)
        if path and Path(path).is_file():
            fonts.append((path, index, families, style))
    def rank(font):
        path, index, families, style = font
        family_rank = min((PREFERRED.index(f) for f in families if f in PREFERRED), default=len(PREFERRED))
        return (family_rank, 0 if "Bold" in style else 1, path, index)
    for path, index, families, _style in sorted(fonts, key=rank):
        yield FontChoice(path, index, families[0] if families else Path(path).stem)
