"""Test images made on the spot: phone photos with GPS and rotation, CMYK, alpha, 16-bit, broken
files, decompression bombs, animated GIFs, SVGs, and an ICC profile that is not sRGB."""
from __future__ import annotations

import io
import struct
from pathlib import Path

from PIL import Image, ImageDraw

GPS_LATITUDE = (30.0, 15.0, 42.0)
MARKER = (255, 0, 0)  # a red block in the stored image's top-left corner, to follow rotation
CAMERA = "ShowcaseTestPhone"


def phone_photo(path: Path, size=(800, 600), orientation: int = 6, gps: bool = True, color=(40, 90, 160),
                icc: bytes | None = None, quality: int = 90) -> Path:
    """A JPEG as a phone writes it: stored sideways with EXIF Orientation, GPS position, camera model."""
    image = Image.new("RGB", size, color)
    draw = ImageDraw.Draw(image)
    w, h = size
    for x in range(0, w, 37):  # some texture so sizes are realistic
        draw.line([(x, 0), (w - x, h)], fill=(min(255, color[0] + 40), color[1], color[2]), width=3)
    draw.rectangle([0, 0, w // 4, h // 4], fill=MARKER)
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "ShowcaseTest"
    exif[0x0110] = CAMERA
    exif[0x0132] = "2024:05:01 10:00:00"
    if gps:
        exif[0x8825] = {1: "N", 2: GPS_LATITUDE, 3: "E", 4: (120.0, 10.0, 5.0), 5: 0, 6: 12.0}
    kwargs = {"exif": exif.tobytes(), "quality": quality}
    if icc:
        kwargs["icc_profile"] = icc
    image.save(path, "JPEG", **kwargs)
    return path


def noisy_jpeg(path: Path, size=(4032, 3024), seed: int = 0, quality: int = 88) -> Path:
    """A phone-size photo with detail everywhere (compresses like a real one: several MB)."""
    import random

    rng = random.Random(seed)
    small = Image.new("RGB", (size[0] // 8, size[1] // 8))
    small.putdata([(rng.randrange(256), rng.randrange(256), rng.randrange(256))
                   for _ in range(small.width * small.height)])
    image = small.resize(size, Image.BICUBIC)
    exif = Image.Exif()
    exif[0x0112] = 6 if seed % 3 == 0 else 1
    exif[0x8825] = {1: "N", 2: GPS_LATITUDE, 3: "E", 4: (120.0, 10.0, 5.0)}
    image.save(path, "JPEG", quality=quality, exif=exif.tobytes())
    return path


def cmyk_jpeg(path: Path, size=(300, 200)) -> Path:
    Image.new("CMYK", size, (0, 255, 255, 0)).save(path, "JPEG", quality=92)  # pure red in CMYK
    return path


def alpha_png(path: Path, size=(400, 300)) -> Path:
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse([40, 30, size[0] - 40, size[1] - 30], fill=(200, 20, 30, 255))
    image.save(path, "PNG")
    return path


def opaque_rgba_png(path: Path, size=(300, 300)) -> Path:
    Image.new("RGBA", size, (10, 120, 60, 255)).save(path, "PNG")
    return path


def png16(path: Path, size=(200, 100), value: int = 0x8000) -> Path:
    Image.new("I;16", size, value).save(path, "PNG")
    return path


def truncated_jpeg(path: Path, size=(800, 600)) -> Path:
    buffer = io.BytesIO()
    noisy = Image.effect_noise(size, 60).convert("RGB")
    noisy.save(buffer, "JPEG", quality=90)
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) * 6 // 10])
    return path


def corrupt_file(path: Path) -> Path:
    path.write_bytes(b"\xff\xd8\xff\xe0 this is not really a JPEG " * 20)
    return path


def bomb_png(path: Path, size=(11000, 10000)) -> Path:
    """110 megapixels in a file of a few KB."""
    Image.new("1", size, 0).save(path, "PNG")
    return path


def animated_gif(path: Path, size=(120, 90)) -> Path:
    frames = [Image.new("RGB", size, c) for c in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    frames[0].save(path, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return path


SAFE_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 60">'
            '<rect width="120" height="60" fill="#c8161d"/><circle cx="30" cy="30" r="20" fill="#f5c242"/></svg>')
SCRIPT_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script>'
              '<rect width="10" height="10"/></svg>')
HANDLER_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><rect width="10" height="10"/></svg>'


def svg(path: Path, text: str = SAFE_SVG) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def heic(path: Path, size=(320, 240)) -> Path:
    import pillow_heif

    pillow_heif.register_heif_opener()
    Image.new("RGB", size, (30, 160, 60)).save(path, "HEIF", quality=80)
    return path


# ---- an RGB ICC profile whose red and green primaries are swapped ---------------------------------

def swapped_primaries_icc() -> bytes:
    """A v2 matrix/TRC display profile that says "channel 1 is green, channel 2 is red": a pixel
    stored as (200, 0, 0) in it is green on screen. Only a pipeline that honours the profile shows
    it green after conversion to sRGB."""
    def s15(v: float) -> bytes:
        return struct.pack(">i", round(v * 65536))

    def xyz(x, y, z) -> bytes:
        return b"XYZ " + b"\0" * 4 + s15(x) + s15(y) + s15(z)

    def curve(gamma: float) -> bytes:
        return b"curv" + b"\0" * 4 + struct.pack(">I", 1) + struct.pack(">H", round(gamma * 256)) + b"\0\0"

    def desc(text: str) -> bytes:
        ascii_text = text.encode() + b"\0"
        return (b"desc" + b"\0" * 4 + struct.pack(">I", len(ascii_text)) + ascii_text
                + struct.pack(">II", 0, 0) + struct.pack(">HB", 0, 0) + b"\0" * 67)

    red, green, blue = (0.4361, 0.2225, 0.0139), (0.3851, 0.7169, 0.0971), (0.1431, 0.0606, 0.7141)
    tags = [(b"desc", desc("Swapped RG test")), (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
            (b"rXYZ", xyz(*green)), (b"gXYZ", xyz(*red)), (b"bXYZ", xyz(*blue)),
            (b"rTRC", curve(2.2)), (b"gTRC", curve(2.2)), (b"bTRC", curve(2.2)),
            (b"cprt", b"text" + b"\0" * 4 + b"none\0\0\0\0")]
    table_size = 4 + 12 * len(tags)
    offset = 128 + table_size
    table, data = struct.pack(">I", len(tags)), b""
    for signature, body in tags:
        while len(body) % 4:
            body += b"\0"
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body
    size = 128 + table_size + len(data)
    header = (struct.pack(">I", size) + b"\0" * 4 + struct.pack(">I", 0x02100000) + b"mntr" + b"RGB " + b"XYZ "
              + struct.pack(">6H", 2024, 1, 1, 0, 0, 0) + b"acsp" + b"\0" * 4 + b"\0" * 4 + b"\0" * 8 + b"\0" * 8
              + struct.pack(">I", 0) + s15(0.9642) + s15(1.0) + s15(0.8249) + b"\0" * 4 + b"\0" * 16)
    header += b"\0" * (128 - len(header))
    return header + table + data


def has_metadata(data: bytes) -> list[str]:
    """What of a photo's private metadata an output file still holds (empty list = clean): EXIF,
    GPS, XMP, ICC, text chunks — read from the container's own structure, not guessed from bytes."""
    found = [f"segment {name}" for name in container_segments(data) if name in METADATA_SEGMENTS]
    for marker in (CAMERA.encode(), b"ShowcaseTest", b"2024:05:01"):
        if marker in data:
            found.append(marker.decode())
    image = Image.open(io.BytesIO(data))
    if image.getexif():
        found.append("exif tags")
    for key in ("icc_profile", "exif", "xmp", "XML:com.adobe.xmp"):
        if image.info.get(key):
            found.append(key)
    return found


# JPEG APP1 (Exif/XMP), APP2 (ICC), APP13 (IPTC); WebP EXIF/XMP/ICCP chunks; PNG eXIf/iCCP/text chunks.
METADATA_SEGMENTS = {"APP1", "APP2", "APP13", "EXIF", "XMP ", "ICCP", "eXIf", "iCCP", "tEXt", "zTXt", "iTXt"}


def container_segments(data: bytes) -> list[str]:
    if data[:2] == b"\xff\xd8":  # JPEG: markers up to the start of scan
        names, i = [], 2
        while i + 4 <= len(data) and data[i] == 0xFF:
            marker = data[i + 1]
            if marker == 0xDA:
                break
            length = struct.unpack(">H", data[i + 2:i + 4])[0]
            names.append(f"APP{marker - 0xE0}" if 0xE0 <= marker <= 0xEF else f"{marker:02X}")
            i += 2 + length
        return names
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        names, i = [], 12
        while i + 8 <= len(data):
            size = struct.unpack("<I", data[i + 4:i + 8])[0]
            names.append(data[i:i + 4].decode("latin-1"))
            i += 8 + size + (size & 1)
        return names
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        names, i = [], 8
        while i + 8 <= len(data):
            size = struct.unpack(">I", data[i:i + 4])[0]
            names.append(data[i + 4:i + 8].decode("latin-1"))
            i += 12 + size
        return names
    return []
