"""Pictures from a document, through the image pipeline's own decoder (showcase/images/process.py):
upright, sRGB, no EXIF (GPS, camera, date), no XMP, no ICC — the file beside index.md carries nothing
the output could leak. EMF/WMF are converted to PNG by LibreOffice (its Draw filters,
libreoffice-draw-nogui) or ImageMagick when either is here; the converters are a parameter, so a caller
(or a test) can say which are available.
"""
from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from showcase.content.workers import IN_THIS_PROCESS, Workers
from showcase.images.probe import DEFAULT_PIXEL_LIMIT
from showcase.images.process import open_oriented

VECTOR_SUFFIXES = (".emf", ".wmf")
JPEG_QUALITY = 90
# The longest side kept: above every width the site serves (1600), and a 12-megapixel phone photo
# decodes at half size (JPEG draft mode) — 4× faster than whole (benchmarks/README-import.md).
MAX_EDGE = 2000


@dataclass(frozen=True)
class PictureFile:
    name: str  # photo-1.jpg
    data: bytes


class PictureSkipped(Exception):
    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.message, self.hint = message, hint


def prepare_picture(name: str, data: bytes, number: int, converters=None) -> PictureFile:
    """The `number`th picture of the document as `photo-<number>.jpg` (or .png with transparency),
    at most MAX_EDGE pixels on its longest side. `converters(source, outdir)` lists the commands that
    turn an EMF/WMF into PNG (default: `vector_converters`, what this machine has)."""
    suffix = Path(name).suffix.lower()
    if suffix in VECTOR_SUFFIXES:
        data, suffix = vector_to_png(name, data, converters or vector_converters), ".png"
    try:
        image = open_oriented(data, suffix, DEFAULT_PIXEL_LIMIT, decode_scale(data))
        image.thumbnail((MAX_EDGE, MAX_EDGE))
    except Exception as exc:  # Pillow raises many kinds for a broken or unknown picture
        raise PictureSkipped(f"文档中的图片 {name} 无法读取（{type(exc).__name__}），未导入",
                             "在 Word 中换一张 JPEG/PNG 图片后再导入，或导入后手工放入图片") from None
    out = io.BytesIO()
    if image.mode in ("RGBA", "LA", "PA"):
        image.save(out, "PNG", optimize=True)
        return PictureFile(f"photo-{number}.png", out.getvalue())
    image.convert("RGB").save(out, "JPEG", quality=JPEG_QUALITY)
    return PictureFile(f"photo-{number}.jpg", out.getvalue())


PARALLEL_FROM = 3  # fewer pictures than this: a worker process costs more than it saves


def prepare_pictures(pictures: list[tuple[str, bytes]], workers: Workers = IN_THIS_PROCESS,
                     converters=None) -> list:
    """`prepare_picture` for each (name, data), numbered from 1: a PictureFile or a PictureSkipped each,
    in order; over two processes of `workers` (the command line's) when there are several."""
    jobs = [(_prepare_job, name, data, number, converters)
            for number, (name, data) in enumerate(pictures, start=1)]
    return workers.calls(jobs, 2 if len(jobs) >= PARALLEL_FROM else 1)


def _prepare_job(name: str, data: bytes, number: int, converters=None):
    try:
        return prepare_picture(name, data, number, converters)
    except PictureSkipped as skipped:
        return skipped


def decode_scale(data: bytes) -> float:
    """The fraction of full size the picture is needed at (read from its header only)."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as header:
            return min(1.0, MAX_EDGE / max(header.size))
    except Exception:  # unreadable: open_oriented reports it
        return 1.0


def vector_to_png(name: str, data: bytes, converters=None) -> bytes:
    """EMF/WMF → PNG with the first of `converters(source, outdir)` that makes one; PictureSkipped
    naming the picture when none does."""
    with tempfile.TemporaryDirectory(prefix="showcase-picture-") as tmp:
        source = Path(tmp) / Path(name).name
        source.write_bytes(data)
        for command in (converters or vector_converters)(source, Path(tmp)):
            try:
                subprocess.run(command, capture_output=True, timeout=60, check=False)
            except (OSError, subprocess.TimeoutExpired):
                continue
            target = source.with_suffix(".png")
            if target.is_file() and target.stat().st_size:
                return trim_page(target.read_bytes())
    raise PictureSkipped(f"文档中的图片 {name} 是 EMF/WMF 矢量图，本机无法转换，未导入",
                         "安装 libreoffice-draw-nogui 或 imagemagick 后重新导入，或在 Word 中把图片另存为 PNG 再插入")


def no_converters(source: Path, outdir: Path) -> list[list[str]]:
    """A machine without any EMF/WMF converter."""
    return []


def trim_page(png: bytes) -> bytes:
    """The drawing without the blank page around it: LibreOffice's Draw export puts the picture on a
    whole A4 page."""
    from PIL import Image, ImageChops

    try:
        with Image.open(io.BytesIO(png)) as image:
            image = image.convert("RGB")
            box = ImageChops.difference(image, Image.new("RGB", image.size, (255, 255, 255))).getbbox()
            if box is None or box == (0, 0, *image.size):
                return png
            out = io.BytesIO()
            image.crop(box).save(out, "PNG")
            return out.getvalue()
    except Exception:  # not a picture after all: the decoder reports it
        return png


def vector_converters(source: Path, outdir: Path) -> list[list[str]]:
    """The EMF/WMF → PNG commands this machine has: soffice, then ImageMagick."""
    commands = []
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        commands.append([soffice, f"-env:UserInstallation=file://{outdir / 'profile'}", "--headless",
                         "--convert-to", "png", "--outdir", str(outdir), str(source)])
    magick = shutil.which("magick") or shutil.which("convert")
    if magick:
        commands.append([magick, str(source), str(source.with_suffix(".png"))])
    return commands
