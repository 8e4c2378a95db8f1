"""The typefaces of a printed publication: an installed 仿宋 for the body, a 小标宋 for titles.

GB/T 9704 sets body text in 仿宋_GB2312 and titles in 小标宋; offices that have them installed get
them, picked by family name from fontconfig. Otherwise Noto Serif CJK SC (fonts-noto-cjk) stands in.
"""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass

FALLBACK = "Noto Serif CJK SC"
BODY_NAMES = ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "华文仿宋", "FZFangSong-Z02S")
TITLE_NAMES = ("方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "小标宋", "FZXiaoBiaoSong-B05")


@dataclass(frozen=True)
class Fonts:
    body: str  # family name for body text
    title: str  # family name for titles
    title_bold: bool  # the fallback's bold weight stands in for 小标宋's heavy strokes

    def css_family(self, role: str) -> str:
        family = self.title if role == "title" else self.body
        return f'"{family}", "{FALLBACK}", serif'


def choose(families: set[str]) -> Fonts:
    """The fonts to use, given the installed family names (pure: tests pass their own sets)."""
    body = next((name for name in BODY_NAMES if name in families), FALLBACK)
    title = next((name for name in TITLE_NAMES if name in families), None)
    return Fonts(body=body, title=title or FALLBACK, title_bold=title is None)


def installed_families() -> set[str]:
    """Family names fontconfig knows (every localized name of each family), empty without fc-list."""
    if shutil.which("fc-list") is None:
        return set()
    try:
        listing = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True,
                                 encoding="utf-8", timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return set()
    return {name.strip() for line in listing.splitlines() for name in line.split(",") if name.strip()}


def pick_fonts() -> Fonts:
    return choose(installed_families())
