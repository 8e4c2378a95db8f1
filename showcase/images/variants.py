"""What the pipeline makes of one image: purposes, widths, crops, formats and output names.

Pure planning: given what the probe learned about a source (size after EXIF orientation, alpha),
say which files to write and what they are called. Names carry a hash of the source's bytes and of
every setting that changes the output, so a name never changes meaning (cacheable forever) and a
changed image or setting gets new names.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass

# Bump when the processing code changes what a variant looks like: every name changes with it.
PIPELINE_VERSION = 2

OUTPUT_DIR = "assets/images/content"  # site-relative folder of every processed image
CARD_ASPECT = (4, 3)  # the brand wall's card thumbnails (theme CSS uses the same ratio)
GALLERY_ASPECT = (4, 3)
PORTRAIT_ASPECT = (3, 4)
JPEG_QUALITY = 82
WEBP_QUALITY = 78
# libwebp effort 0–6: 2 is twice as fast as the default 4 for ~5% larger files (measured in benchmarks/).
WEBP_METHOD = 2


@dataclass(frozen=True)
class Purpose:
    name: str
    widths: tuple[int, ...]  # candidate widths in CSS px; never upscaled beyond the source
    aspect: tuple[int, int] | None  # crop around the centre to this ratio; None keeps the whole image
    sizes: str  # the `sizes` attribute: how wide the image shows, for the browser's pick


PURPOSES = {
    # Logos are never cropped (a cut-off emblem is wrong) and stay small.
    "logo": Purpose("logo", (160, 320, 640), None, "(max-width: 600px) 40vw, 160px"),
    # Cards sit two to a row on phones (theme/assets/css/site.css, below 44.9375em), ~12rem wide beyond.
    "card": Purpose("card", (320, 640), CARD_ASPECT, "(max-width: 44.9375em) 50vw, 15rem"),
    "content": Purpose("content", (480, 960, 1600), None, "(max-width: 1000px) 100vw, 50rem"),
    "gallery": Purpose("gallery", (320, 640), GALLERY_ASPECT, "(max-width: 600px) 50vw, 14rem"),
    # The lightbox's big view of a gallery image: the whole photo, as large as we serve.
    "large": Purpose("large", (960, 1600), None, "100vw"),
    "photo": Purpose("photo", (320, 640, 960), None, "(max-width: 600px) 100vw, 20rem"),
    # A person on an exemplar card or page: centre-cropped to a 3:4 portrait.
    "portrait": Purpose("portrait", (240, 480, 720), PORTRAIT_ASPECT, "(max-width: 600px) 60vw, 15rem"),
    # The head of a brand page: the logo or photo whole, up to half the content width.
    "hero": Purpose("hero", (320, 640, 960), None, "(max-width: 600px) 90vw, 24rem"),
}
CROPPING = {name for name, purpose in PURPOSES.items() if purpose.aspect}


@dataclass(frozen=True)
class Variant:
    """One output file."""

    name: str  # file name inside OUTPUT_DIR
    width: int
    height: int
    format: str  # "webp" | "jpeg" | "png" | "svg"
    crop: tuple[int, int, int, int] | None  # box in the oriented source, or None for the whole image
    quality: int

    @property
    def path(self) -> str:
        return f"{OUTPUT_DIR}/{self.name}"

    @property
    def mime(self) -> str:
        return {"jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp", "svg": "image/svg+xml"}[self.format]


@dataclass(frozen=True)
class Rendition:
    """One picture of one source for one purpose: the sizes and files the markup points at."""

    source_hash: str
    purpose: str
    width: int  # intrinsic size of the largest variant (the width/height attributes)
    height: int
    webp: tuple[Variant, ...]
    fallback: tuple[Variant, ...]  # JPEG, or PNG when the image has transparency; SVG for vector logos

    @property
    def variants(self) -> tuple[Variant, ...]:
        return self.webp + self.fallback

    @property
    def largest(self) -> Variant:
        return self.fallback[-1]


def widths_for(candidates: tuple[int, ...], natural: int) -> list[int]:
    """Candidate widths below the source's width, plus the source's own when it is smaller than the
    largest candidate: never upscale, and skip a candidate within 10% of the natural width."""
    chosen = [w for w in candidates if w < natural * 0.9]
    if natural <= max(candidates) or not chosen:
        chosen.append(min(natural, max(candidates)))
    elif max(candidates) not in chosen:
        chosen.append(max(candidates))
    return sorted(set(chosen))


def centre_crop(width: int, height: int, aspect: tuple[int, int] | None) -> tuple[int, int, int, int] | None:
    """The largest box of `aspect` centred in a width×height image, or None when no crop is needed."""
    if aspect is None:
        return None
    aw, ah = aspect
    if width * ah > height * aw:  # too wide: trim the sides
        new_w = max(1, round(height * aw / ah))
        left = (width - new_w) // 2
        box = (left, 0, left + new_w, height)
    else:  # too tall: trim top and bottom
        new_h = max(1, round(width * ah / aw))
        top = (height - new_h) // 2
        box = (0, top, width, top + new_h)
    return None if box == (0, 0, width, height) else box


def plan_rendition(source_hash: str, width: int, height: int, alpha: bool, purpose: str,
                   whole: bool = False) -> Rendition:
    """The variants of a raster source (size after EXIF orientation) for one purpose; `whole` keeps
    the entire image even where the purpose crops (logos are never cut)."""
    spec = PURPOSES[purpose]
    crop = None if whole else centre_crop(width, height, spec.aspect)
    cw, ch = (crop[2] - crop[0], crop[3] - crop[1]) if crop else (width, height)
    fallback_format = "png" if alpha else "jpeg"
    webp, fallback = [], []
    for w in widths_for(spec.widths, cw):
        h = max(1, round(ch * w / cw))
        for fmt, bucket in (("webp", webp), (fallback_format, fallback)):
            quality = WEBP_QUALITY if fmt == "webp" else JPEG_QUALITY
            key = variant_key(source_hash, crop, fmt, quality)
            ext = "jpg" if fmt == "jpeg" else fmt
            bucket.append(Variant(f"{key}-{w}.{ext}", w, h, fmt, crop, quality))
    return Rendition(source_hash, purpose, fallback[-1].width, fallback[-1].height, tuple(webp), tuple(fallback))


def plan_svg(source_hash: str, width: int, height: int, purpose: str) -> Rendition:
    """A vector logo ships once (sanitised), sized by its own viewBox."""
    key = variant_key(source_hash, None, "svg", 0)
    variant = Variant(f"{key}.svg", width, height, "svg", None, 0)
    return Rendition(source_hash, purpose, width, height, (), (variant,))


def variant_key(source_hash: str, crop, fmt: str, quality: int) -> str:
    """Hash of everything that decides a variant's pixels except its width (which ends the name)."""
    settings = json.dumps([PIPELINE_VERSION, source_hash, crop, fmt, quality], separators=(",", ":"))
    return hashlib.sha256(settings.encode()).hexdigest()[:20]


def settings_of(variant: Variant) -> dict:
    return asdict(variant)
