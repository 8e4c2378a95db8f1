"""Looking at a source image once: content hash, size after EXIF orientation, alpha, and what is
wrong with it. Cheap enough for `showcase check` (JPEGs decode at 1/8 scale, which still reads the
whole file, so a truncated or corrupt file is caught) and cached by file identity.
"""
from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path

from showcase.images.cache import ImageCache
from showcase.images.safety import inspect_svg

# Phones make 12–50 MP; 108/200 MP sensors exist but bin to ≤ 50 MP photos. 100 MP holds every real
# photo and refuses "decompression bombs" (a tiny file that expands to gigabytes of pixels).
DEFAULT_PIXEL_LIMIT = 100_000_000

RASTER_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".tif", ".tiff", ".bmp", ".heic", ".heif", ".avif")
IMAGE_SUFFIXES = RASTER_SUFFIXES + (".svg",)
ACCEPTED_FORMATS = {"JPEG", "MPO", "PNG", "GIF", "WEBP", "TIFF", "BMP", "HEIF", "AVIF"}
ANIMATED_FORMATS = {"GIF", "WEBP", "PNG", "AVIF", "HEIF"}  # MPO's second frame is a depth map, not animation

# code → (level, message, hint). Level "error" stops the build; "warning" still ships the image.
MESSAGES = {
    "missing": ("error", "找不到图片 {name}", "把图片放到 {folder}/ 下，或改正文件名（注意大小写和扩展名）"),
    "unreadable": ("error", "无法读取图片 {name}（{detail}）", "检查文件权限，或重新复制这个文件"),
    "corrupt": ("error", "图片 {name} 已损坏或不是图片（{detail}）", "用看图软件打开确认，重新导出为 JPG 或 PNG"),
    "truncated": ("error", "图片 {name} 不完整（文件被截断）", "重新从原始来源复制或下载这张图片"),
    "bomb": ("error", "图片 {name} 像素过多（{detail}），可能是“解压炸弹”，已拒绝",
             "缩小到 1 亿像素以内（如长边 8000 像素）后再放入"),
    "unsupported": ("error", "不支持的图片格式 {name}（{detail}）", "转换为 JPG（照片）或 PNG（标识）"),
    "heic": ("error", "HEIC 图片 {name} 无法处理：未安装 pillow-heif", "运行 pip install pillow-heif，或在手机上导出为 JPG"),
    "svg": ("error", "SVG 图片 {name} 被拒绝：{detail}", "用设计软件重新导出为“纯图形”SVG，或改用 PNG"),
    "external": ("error", "不能引用站外图片 {name}", "内网站点不能访问外网：把图片下载后放到 {folder}/ 下，写文件名"),
    "outside": ("error", "图片 {name} 不在内容目录内", "把图片复制到 {folder}/ 下，写相对路径"),
    "raw_html": ("error", "正文用 HTML 写了图片 <img src=\"{name}\">，网站不会处理也不会发布这个文件",
                 "改成 Markdown 写法：![图片说明]({name})"),
    "animated": ("warning", "{name} 是动图（{detail} 帧），网站只显示第一帧", "如需动画请改用视频；不需要则可忽略"),
}


@dataclass(frozen=True)
class Probe:
    digest: str = ""  # sha256 of the file's bytes
    format: str = ""
    width: int = 0  # after EXIF orientation
    height: int = 0
    alpha: bool = False  # has transparency that is actually used
    frames: int = 1
    issue: str = ""  # a MESSAGES code, or ""
    detail: str = ""

    @property
    def ok(self) -> bool:
        return not self.issue or MESSAGES[self.issue][0] != "error"

    @property
    def is_svg(self) -> bool:
        return self.format == "SVG"


PROBE_VERSION = 1


def probe_file(path: Path, pixel_limit: int = DEFAULT_PIXEL_LIMIT, cache: ImageCache | None = None,
               compute: bool = True) -> Probe | None:
    """What the pipeline needs to know about one file; cached by (path, size, mtime).
    With compute=False: the cached answer or None."""
    path = Path(path)
    try:
        stat = path.stat()
    except FileNotFoundError:
        return Probe(issue="missing")
    except OSError as exc:
        return Probe(issue="unreadable", detail=exc.strerror or str(exc))
    key = f"{PROBE_VERSION}:{pixel_limit}:{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}"
    if cache is not None:
        found = cache.get_probe(key)
        if found is not None:
            return Probe(**found)
    if not compute:
        return None
    result = _probe_uncached(path, pixel_limit)
    if cache is not None and result.issue not in ("missing", "unreadable"):
        cache.put_probe(key, asdict(result))
    return result


def _probe_uncached(path: Path, pixel_limit: int) -> Probe:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Probe(issue="unreadable", detail=exc.strerror or str(exc))
    digest = hashlib.sha256(data).hexdigest()
    if path.suffix.lower() == ".svg":
        info = inspect_svg(data)
        if info.refusal:
            return Probe(digest, "SVG", issue="svg", detail=info.refusal)
        return Probe(digest, "SVG", info.width, info.height, alpha=True)
    return probe_raster(data, digest, path.suffix.lower(), pixel_limit)


def probe_raster(data: bytes, digest: str, suffix: str, pixel_limit: int) -> Probe:
    from PIL import Image

    heif = suffix in (".heic", ".heif") and enable_heif()
    if suffix in (".heic", ".heif") and not heif:
        return Probe(digest, "HEIF", issue="heic")
    with warnings.catch_warnings():
        # Our own pixel limit decides; Pillow's warning below its hard limit would only be noise.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        image = _open(data, digest)
        return image if isinstance(image, Probe) else _probe_image(image, digest, suffix, pixel_limit)


def _open(data: bytes, digest: str):
    """The opened image (not decoded yet), or the Probe saying why it cannot be opened."""
    from PIL import Image, UnidentifiedImageError

    try:
        return Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:
        return Probe(digest, issue="bomb", detail=_pixels_detail(str(exc)))
    except UnidentifiedImageError:
        return Probe(digest, issue="corrupt", detail="无法识别的文件内容")
    except (OSError, ValueError, SyntaxError) as exc:
        return Probe(digest, issue="corrupt", detail=str(exc)[:80])


def _probe_image(image, digest: str, suffix: str, pixel_limit: int) -> Probe:
    fmt = image.format or ""
    width, height = image.size
    if fmt not in ACCEPTED_FORMATS:
        return Probe(digest, fmt, width, height, issue="unsupported", detail=fmt or suffix)
    if width * height > pixel_limit:
        return Probe(digest, fmt, width, height, issue="bomb",
                     detail=f"{width}×{height}，约 {width * height / 1e6:.0f} 百万像素")
    frames = getattr(image, "n_frames", 1) if fmt in ANIMATED_FORMATS else 1
    try:
        orientation = image.getexif().get(0x0112, 1)
    except Exception:  # a broken EXIF block must not hide an otherwise good photo
        orientation = 1
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    failed = _decode(image, fmt, digest, width, height)
    if failed is not None:
        return failed
    alpha = uses_alpha(image)
    if frames > 1:
        return Probe(digest, fmt, width, height, alpha, frames, issue="animated", detail=str(frames))
    return Probe(digest, fmt, width, height, alpha, frames)


def _decode(image, fmt: str, digest: str, width: int, height: int) -> Probe | None:
    """Decode the pixels (a JPEG at an eighth of its size: enough to see it is whole), or say why not."""
    from PIL import Image

    try:
        if fmt in ("JPEG", "MPO"):
            image.draft(image.mode if image.mode in ("RGB", "L") else None, (width // 8, height // 8))
        image.load()
    except Image.DecompressionBombError as exc:
        return Probe(digest, fmt, issue="bomb", detail=_pixels_detail(str(exc)))
    except OSError as exc:
        issue = "truncated" if "truncated" in str(exc) else "corrupt"
        return Probe(digest, fmt, width, height, issue=issue, detail=str(exc)[:80])
    except (ValueError, SyntaxError, EOFError) as exc:
        return Probe(digest, fmt, width, height, issue="corrupt", detail=str(exc)[:80])
    return None


def uses_alpha(image) -> bool:
    """Transparency that shows: a logo saved RGBA but fully opaque still gets a JPEG fallback."""
    if image.mode in ("RGBA", "LA", "PA", "La", "RGBa"):
        alpha = image.getchannel("A") if image.mode in ("RGBA", "LA", "PA") else image.convert("RGBA").getchannel("A")
    elif "transparency" in image.info:
        alpha = image.convert("RGBA").getchannel("A")
    else:
        return False
    return alpha.getextrema()[0] < 255


def enable_heif() -> bool:
    """Teach Pillow HEIC/HEIF (iPhone photos) when pillow-heif is installed."""
    try:
        from pillow_heif import register_heif_opener
    except ImportError:
        return False
    register_heif_opener()
    return True


def _pixels_detail(message: str) -> str:
    import re

    match = re.search(r"\((\d+) pixels\)", message)
    return f"约 {int(match.group(1)) / 1e6:.0f} 百万像素" if match else "超过上限"


def report_issue(problems, where: tuple, code: str, name: str, folder, detail: str = "") -> None:
    """Report a probe's finding once, as `path:line: 错误|警告: … — …` (check and build may both see it)."""
    from showcase.content.problems import Problems, display_path

    level, message, hint = MESSAGES[code]
    values = {"name": name, "detail": detail, "folder": display_path(folder)}
    scratch = Problems()
    (scratch.error if level == "error" else scratch.warning)(where[0], where[1], message.format(**values),
                                                             hint.format(**values))
    if scratch.items[0] not in problems.items:
        problems.items.append(scratch.items[0])
