"""Pictures uploaded at the desk: into a saved record's own folder only, through the image pipeline's
decoder as `showcase import` does (showcase/importing/pictures.py: upright, EXIF/GPS/XMP/ICC dropped,
at most 2000 px). The name is made ASCII (`photo.jpg`, `photo-2.jpg` when taken); a name with a path in
it is refused, as is a folder reached through a symbolic link, a file over the size limit, and anything
Pillow does not read as a photo, whatever its name says.
"""
from __future__ import annotations

import io
import re
from pathlib import Path, PurePosixPath

from showcase.desk.save import write_atomic
from showcase.importing.pictures import PictureSkipped, prepare_picture

MAX_BYTES = 20 * 1024 * 1024
FORMATS = {"JPEG", "MPO", "PNG", "WEBP", "GIF", "TIFF", "HEIF", "BMP"}


class Refused(Exception):
    def __init__(self, message: str, hint: str = "", status: int = 400):
        super().__init__(message)
        self.message, self.hint, self.status = message, hint, status


def safe_stem(name: str) -> str:
    """The upload's name as an ASCII file stem; a name holding a path is refused."""
    if not name or "/" in name or "\\" in name or "\x00" in name or name in (".", "..") or ".." in name:
        raise Refused(f"文件名“{name}”不能含路径", "直接上传图片文件本身")
    stem = PurePosixPath(name).stem.lower()
    stem = re.sub(r"[^a-z0-9]+", "-", stem).strip("-")[:40].strip("-")
    return stem or "photo"


def record_folder(root: Path, record_path: Path) -> Path:
    """The folder of a record kept as <id>/index.md, inside content/ and reached by no symbolic link."""
    root = Path(root).absolute()
    if Path(record_path).name != "index.md":
        raise Refused("这条记录不是文件夹形式（<标识>/index.md），不能放图片",
                      "把记录改成 <标识>/index.md 的形式后再上传")
    folder = Path(record_path).absolute().parent
    try:
        parts = folder.relative_to(root).parts
    except ValueError:
        raise Refused("图片文件夹不在 content/ 之内", "", 403) from None
    current = root
    for part in parts:
        current = current / part
        if part == ".." or current.is_symlink():
            raise Refused("图片文件夹是符号链接或不在 content/ 之内，拒绝写入", "", 403)
    if not current.resolve().is_relative_to(root.resolve()):
        raise Refused("图片文件夹不在 content/ 之内", "", 403)
    return current


def check_picture(data: bytes) -> str:
    """Pillow's name of the picture's format, read from its content."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            kind = image.format
    except Exception:  # Pillow raises many kinds for what is not a picture
        kind = None
    if kind not in FORMATS:
        raise Refused("上传的文件不是可读的图片", "上传 JPEG 或 PNG 照片")
    return kind


def store_upload(root: Path, record_path: Path, name: str, data: bytes, limit: int = MAX_BYTES) -> str:
    """Write the picture into the record's folder; its file name there."""
    if len(data) > limit:
        raise Refused(f"图片超过 {limit // (1024 * 1024)} MB", "先缩小图片再上传", 413)
    stem = safe_stem(name)
    folder = record_folder(root, record_path)
    check_picture(data)
    try:
        picture = prepare_picture(name if "." in name else name + ".jpg", data, 1)
    except PictureSkipped as skipped:
        raise Refused(skipped.message, skipped.hint) from None
    suffix = PurePosixPath(picture.name).suffix
    target, n = folder / f"{stem}{suffix}", 2
    while target.exists():
        target, n = folder / f"{stem}-{n}{suffix}", n + 1
    write_atomic(target, picture.data)
    return target.name
