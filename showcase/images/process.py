"""Making the variants of one source (runs in a worker process): decode once, orient, to sRGB,
crop, resize, encode. Nothing of the original's metadata survives: no EXIF (GPS, camera, date), no
XMP, no ICC profile (pixels are converted to sRGB, which browsers assume for untagged images).
"""
from __future__ import annotations

import io
import warnings
from pathlib import Path

from showcase.images.cache import ImageCache
from showcase.images.variants import WEBP_METHOD, Variant


def make_source_variants(path: str, variants: list[Variant], source_size: tuple[int, int], cache_root: str,
                         pixel_limit: int) -> list[str]:
    """Write every missing variant of one source into the cache; returns the names written."""
    cache = ImageCache(Path(cache_root))
    todo = [v for v in variants if not cache.has(v.name)]
    if not todo:
        return []
    data = Path(path).read_bytes()
    if todo[0].format == "svg":
        for variant in todo:
            cache.put(variant.name, data)
        return [v.name for v in todo]
    image = open_oriented(data, Path(path).suffix.lower(), pixel_limit, scale_needed(todo, source_size))
    for crop, group in _by_crop(todo).items():
        current = crop_scaled(image, crop, source_size)
        # Largest first, each from the previous one: a 960 from the 1600 costs a fraction of one from
        # 12 MP, and WebP and JPEG of one width share a single resize.
        for width in sorted({v.width for v in group}, reverse=True):
            same = [v for v in group if v.width == width]
            size = (same[0].width, same[0].height)
            if current.size != size:
                current = current.resize(size, _lanczos(), reducing_gap=2.0)
            for variant in same:
                cache.put(variant.name, encode(current, variant))
    return [v.name for v in todo]


def make_cover_variants(spec, variants: list[Variant], cache_root: str) -> list[str]:
    from showcase.images.covers import draw_cover

    cache = ImageCache(Path(cache_root))
    todo = [v for v in variants if not cache.has(v.name)]
    for variant in todo:
        cache.put(variant.name, encode(draw_cover(spec, variant.width, variant.height), variant))
    return [v.name for v in todo]


def scale_needed(variants: list[Variant], source_size: tuple[int, int]) -> float:
    """The smallest decode scale that still serves every variant without upscaling."""
    scale = 0.0
    for v in variants:
        crop_w = (v.crop[2] - v.crop[0]) if v.crop else source_size[0]
        scale = max(scale, v.width / max(1, crop_w))
    return min(1.0, scale)


def _by_crop(variants: list[Variant]) -> dict:
    groups: dict = {}
    for v in variants:
        groups.setdefault(v.crop, []).append(v)
    return groups


def _lanczos():
    from PIL import Image

    return Image.LANCZOS


def crop_scaled(image, crop, source_size: tuple[int, int]):
    """Crop by a box planned on the full-size upright image (a draft decode may be smaller)."""
    if not crop:
        return image
    sx, sy = image.width / source_size[0], image.height / source_size[1]
    left, top, right, bottom = crop
    return image.crop((round(left * sx), round(top * sy), round(right * sx), round(bottom * sy)))


def open_oriented(data: bytes, suffix: str, pixel_limit: int, scale: float = 1.0):
    """The source decoded, upright, in 8-bit RGB or RGBA sRGB, with no metadata attached."""
    from PIL import Image

    if suffix in (".heic", ".heif"):
        from showcase.images.probe import enable_heif

        enable_heif()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        image = Image.open(io.BytesIO(data))
        if image.width * image.height > pixel_limit:  # the probe refused it; never decode it here either
            raise ValueError(f"image above the pixel limit: {image.size}")
        orientation = _orientation(image)
        if scale < 1.0 and image.format in ("JPEG", "MPO"):
            # Decode at 1/2, 1/4 or 1/8 scale when the largest output allows: 4–8× faster for phone photos.
            image.draft(image.mode if image.mode in ("RGB", "L") else None,
                        (max(1, int(image.width * scale + 0.999)), max(1, int(image.height * scale + 0.999))))
        image.load()
    icc = image.info.get("icc_profile")
    if getattr(image, "n_frames", 1) > 1:
        image.seek(0)  # animated: the first frame (documented; the probe warns the editor)
    image = to_srgb(image, icc)
    image = _transpose(image, orientation)
    image.info.clear()
    return image


def _orientation(image) -> int:
    try:
        return int(image.getexif().get(0x0112, 1) or 1)
    except Exception:
        return 1


def _transpose(image, orientation: int):
    from PIL import Image

    method = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180,
              4: Image.Transpose.FLIP_TOP_BOTTOM, 5: Image.Transpose.TRANSPOSE,
              6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
              8: Image.Transpose.ROTATE_90}.get(orientation)
    return image.transpose(method) if method is not None else image


def to_srgb(image, icc: bytes | None):
    """8-bit RGB/RGBA (or L) in sRGB: CMYK, 16-bit, palette and ICC-tagged images included."""
    from PIL import Image, ImageCms

    mode = image.mode
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        # 16-bit greyscale: scale to 8 bits (a plain convert would clip everything above 255 to white).
        image = image.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    elif mode == "F":
        image = image.convert("L")
    elif mode == "1":
        image = image.convert("L")
    elif mode in ("P", "PA"):
        image = image.convert("RGBA" if "transparency" in image.info or mode == "PA" else "RGB")
    elif mode == "LA":
        image = image.convert("RGBA")
    elif mode in ("RGBa", "La"):
        image = image.convert("RGBA")
    elif mode == "YCbCr":
        image = image.convert("RGB")
    elif mode == "LAB":
        image = image.convert("RGB")
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            target_mode = "RGBA" if image.mode == "RGBA" else "RGB"
            if image.mode in ("CMYK", "RGB", "RGBA", "L"):
                converted = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"),
                                                      renderingIntent=ImageCms.Intent.PERCEPTUAL,
                                                      outputMode=target_mode if image.mode != "L" else "RGB")
                if converted is not None:
                    image = converted
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass  # a broken profile: fall back to the untagged conversion below
    if image.mode == "CMYK":
        image = image.convert("RGB")
    if image.mode not in ("RGB", "RGBA", "L"):
        image = image.convert("RGBA" if "A" in image.mode else "RGB")
    return image


def encode(image, variant: Variant) -> bytes:
    out = io.BytesIO()
    image.info.clear()
    if variant.format == "webp":
        image.save(out, "WEBP", quality=variant.quality, method=WEBP_METHOD, exif=b"", icc_profile=b"", xmp=b"")
    elif variant.format == "jpeg":
        if image.mode == "RGBA":  # never happens by planning, but a black background would be wrong
            image = _flatten(image)
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=variant.quality, optimize=True, progressive=True, exif=b"")
    elif variant.format == "png":
        image.save(out, "PNG", optimize=variant.width <= 640)
    else:
        raise ValueError(variant.format)
    return out.getvalue()


def _flatten(image):
    from PIL import Image

    background = Image.new("RGB", image.size, (255, 255, 255))
    background.paste(image, mask=image.getchannel("A"))
    return background
