"""Pictures as they go into a PDF or a .docx: upright, without EXIF (GPS first of all), bounded in size.

Originals straight from a camera carry their location and weigh megabytes; a printed page needs
neither. A file that is missing, corrupt or a decompression bomb is left out (None), never a crash.
"""
from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

MAX_SIDE = 1800  # px: 150 mm at 300 dpi, more than a booklet's widest picture needs


@dataclass(frozen=True)
class Prepared:
    data: bytes
    mime: str  # image/jpeg | image/png
    width: int
    height: int


def prepare(path: Path) -> Prepared | None:
    from PIL import Image, ImageOps

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                image.load()
                picture = ImageOps.exif_transpose(image)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return None
    picture.thumbnail((MAX_SIDE, MAX_SIDE))
    keeps_alpha = picture.mode in ("RGBA", "LA", "P") and _has_alpha(picture)
    out = io.BytesIO()
    if keeps_alpha:
        picture.convert("RGBA").save(out, "PNG", optimize=True)
        return Prepared(out.getvalue(), "image/png", *picture.size)
    picture.convert("RGB").save(out, "JPEG", quality=85, optimize=True)
    return Prepared(out.getvalue(), "image/jpeg", *picture.size)


def _has_alpha(picture) -> bool:
    if picture.mode == "P":
        return "transparency" in picture.info
    return True
