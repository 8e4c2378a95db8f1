"""HTML → PDF with WeasyPrint (CSS Paged Media: running footers, target-counter TOC, bookmarks).

The fetcher serves only file:// URLs inside the folders it is given (the content, the theme): a
publication never fetches anything from outside the machine, whatever a story's Markdown links to.
Pictures go through pictures.prepare (upright, no EXIF, bounded size).
"""
from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote, urlparse

from showcase.publications.pictures import prepare

PICTURE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".bmp", ".heic", ".heif")


class RefusedURL(ValueError):
    pass


def local_path(url: str, roots: tuple) -> Path:
    """The file a file:// URL names, if it is inside one of `roots`; RefusedURL otherwise."""
    parsed = urlparse(url)
    if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
        raise RefusedURL(f"不取外部资源：{url}")
    path = Path(unquote(parsed.path)).resolve()
    if not any(path.is_relative_to(Path(root).resolve()) for root in roots):
        raise RefusedURL(f"不取项目以外的文件：{path}")
    return path


def make_fetcher(roots: tuple, refused: list):
    """A WeasyPrint URL fetcher confined to `roots`; every refused URL is appended to `refused`."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            try:
                path = local_path(url, roots)
            except RefusedURL as exc:
                refused.append(url)
                raise exc
            if path.suffix.lower() in PICTURE_SUFFIXES:
                picture = prepare(path)
                if picture is None:
                    raise RefusedURL(f"图片无法读取：{path}")
                return URLFetcherResponse(url, picture.data, {"Content-Type": picture.mime})
            return URLFetcherResponse(url, path.read_bytes())

    return LocalFetcher()


def html_to_pdf(html: str, base_dir: Path, roots: tuple, refused: list | None = None) -> bytes:
    from weasyprint import HTML

    refused = [] if refused is None else refused
    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # refused URLs are reported by the caller
    document = HTML(string=html, base_url=Path(base_dir).resolve().as_uri() + "/",
                    url_fetcher=make_fetcher(tuple(roots), refused))
    return document.write_pdf()
