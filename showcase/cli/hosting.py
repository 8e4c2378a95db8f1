"""Hosting the built site: sub-path base URL, pre-compressed files for nginx, the offline zip.

Pure file work on a finished `site/`; MkDocs settings for these builds are applied in build.py.
"""
from __future__ import annotations

import gzip
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

# Text formats worth compressing; images, fonts and PDFs are compressed already.
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map")
# Below this size gzip saves nothing worth a second file (nginx's gzip_min_length matches it).
MIN_COMPRESS_BYTES = 256

# Folder inside the zip: unzipping never sprays files, and the name is ASCII because older
# Windows unzippers garble non-ASCII names in zips.
OFFLINE_FOLDER = "showcase-offline"
# What a disk copy cannot use: server error page, pre-compressed twins, sitemaps for crawlers,
# source maps for developers' tools.
_OFFLINE_SKIP = re.compile(r"(^|/)(404\.html|sitemap\.xml(\.gz)?)$|\.(gz|map)$")

OFFLINE_README = """\
{site_name}（离线版）

打开方法：解压整个文件夹（不要只拷贝其中一个文件），然后双击 index.html，
用浏览器（谷歌、Edge、360、奇安信等）打开即可浏览、看图和搜索，无需联网，也不需要服务器。

生成时间：{built_at}
"""


class HostingError(ValueError):
    """A hosting option the user gave cannot work; the message says how to fix it (Chinese)."""


def normalize_base_url(value: str) -> str:
    """`--base-url` → MkDocs site_url: `/dangjian` → `/dangjian/`; full URLs keep host and scheme.

    A path-only value is enough for the site to work under the sub-path (the 404 page and
    canonical links use it); a full URL also makes the sitemap absolute.
    """
    text = (value or "").strip()
    parts = urlsplit(text)
    if parts.scheme and parts.scheme not in ("http", "https"):
        raise HostingError(f"--base-url {value}：只支持 http:// 或 https:// 开头的网址，或以 / 开头的路径（如 /dangjian/）")
    if parts.scheme and not parts.netloc:
        raise HostingError(f"--base-url {value}：网址缺少服务器名 — 写成 http://服务器名/dangjian/ 或 /dangjian/")
    if not parts.scheme and not text.startswith("/"):
        raise HostingError(f"--base-url {value}：路径要以 / 开头 — 例如 /dangjian/")
    if parts.query or parts.fragment:
        raise HostingError(f"--base-url {value}：不能带 ? 或 # — 只写服务器和路径，例如 /dangjian/")
    path = parts.path or "/"
    if not re.fullmatch(r"/([A-Za-z0-9._~-]+/)*[A-Za-z0-9._~-]*/?", path) or "/../" in path + "/":
        raise HostingError(f"--base-url {value}：路径只能用英文字母、数字、- _ . 和 / — 例如 /dangjian/")
    if not path.endswith("/"):
        path += "/"
    return f"{parts.scheme}://{parts.netloc}{path}" if parts.scheme else path


def url_path(site_url: str | None) -> str:
    """The path part the site is served under (`/` when unset)."""
    return urlsplit(site_url or "/").path or "/"


# ---- pre-compressed files for nginx's gzip_static -------------------------------------------------

@dataclass
class CompressStats:
    files: int = 0
    original_bytes: int = 0
    compressed_bytes: int = 0


def precompress(site_dir: Path, min_bytes: int = MIN_COMPRESS_BYTES) -> CompressStats:
    """Write `<file>.gz` beside every compressible file that shrinks; nginx serves it as is.

    The twin gets the original's mtime so Last-Modified/ETag agree whichever file nginx sends.
    """
    stats = CompressStats()
    for path in sorted(Path(site_dir).rglob("*")):
        if not path.is_file() or path.suffix not in COMPRESSIBLE:
            continue
        data = path.read_bytes()
        if len(data) < min_bytes:
            continue
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        if len(packed) >= len(data):
            continue
        twin = path.with_name(path.name + ".gz")
        twin.write_bytes(packed)
        stat = path.stat()
        os.utime(twin, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        stats.files += 1
        stats.original_bytes += len(data)
        stats.compressed_bytes += len(packed)
    return stats


# ---- offline bundle ------------------------------------------------------------------------------

def offline_files(site_dir: Path) -> list[Path]:
    """The site's files that belong on a USB stick, sorted (a stable zip)."""
    site_dir = Path(site_dir)
    return [p for p in sorted(site_dir.rglob("*"))
            if p.is_file() and not _OFFLINE_SKIP.search(p.relative_to(site_dir).as_posix())]


def write_offline_zip(site_dir: Path, zip_path: Path, site_name: str, built_at: str) -> int:
    """Zip the offline build under one folder with a README; atomic (a failed run keeps the old zip).

    Returns the number of site files packed.
    """
    site_dir, zip_path = Path(site_dir), Path(zip_path)
    files = offline_files(site_dir)
    if not (site_dir / "index.html").is_file():
        raise HostingError(f"{site_dir}/index.html 不存在 — 离线包需要先成功生成网站")
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{zip_path.name}.", dir=zip_path.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            # UTF-8 with BOM: Windows Notepad shows the Chinese text correctly.
            readme = "\ufeff" + OFFLINE_README.format(site_name=site_name, built_at=built_at)
            archive.writestr(f"{OFFLINE_FOLDER}/README.txt", readme.replace("\n", "\r\n").encode("utf-8"))
            for path in files:
                archive.write(path, f"{OFFLINE_FOLDER}/{path.relative_to(site_dir).as_posix()}")
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp's 0600 would hide the zip from other users
        os.replace(tmp, zip_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(files)


def remove_offline_extras(site_dir: Path) -> None:
    """Drop from an offline site folder what `offline_files` leaves out, so folder and zip agree."""
    site_dir = Path(site_dir)
    for path in sorted(site_dir.rglob("*")):
        if path.is_file() and _OFFLINE_SKIP.search(path.relative_to(site_dir).as_posix()):
            path.unlink()
    for folder in sorted((p for p in site_dir.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            shutil.rmtree(folder)


# ---- LAN preview -----------------------------------------------------------------------------------

def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses other machines can reach (for `serve --host 0.0.0.0`'s hint)."""
    import socket

    found = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))  # UDP connect sends nothing; it only picks a route
            found.append(probe.getsockname()[0])
        except OSError:
            pass
    try:
        found += socket.gethostbyname_ex(socket.gethostname())[2]
    except OSError:
        pass
    return sorted({a for a in found if not a.startswith("127.")})
