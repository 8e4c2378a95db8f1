"""The image functions a content template calls, bound to the page being rendered.

URLs are relative to the page's own URL (pages live at directory URLs such as `brands/x/`), so the
site works at the server root, under a sub-path and from `file://`. MkDocs does not rewrite raw
HTML in Markdown, so the URLs are final as emitted.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from markupsafe import Markup

from showcase.content.records import Record
from showcase.domain.urls import url_of
from showcase.images.refs import MARKDOWN_IMAGE, FENCE, line_of
from showcase.images.variants import PURPOSES, Rendition

PICTURE_TEMPLATE = "_picture.html"
GALLERY_TEMPLATE = "_gallery.html"


class Renditions(Protocol):
    """What the template functions ask of the build's image catalog (catalog.ImageCatalog)."""

    def rendition(self, folder: Path, src: str, purpose: str, where: tuple,
                  whole: bool = False) -> Rendition | None: ...

    def cover(self, title: str, subtitle: str, seed: str, purpose: str, where: tuple) -> Rendition: ...


@dataclass
class _Url:
    url: str
    width: int
    height: int


class PageImages:
    def __init__(self, catalog: Renditions, env, src_path: str, folder: Path, record: Record | None = None,
                 source_file: Path | None = None):
        self.catalog = catalog
        self.env = env
        self.src_path = src_path
        self.folder = Path(folder)  # where relative image names in this page's Markdown start
        self.record = record
        self.source_file = source_file or self.folder / Path(src_path).name  # for messages
        self.page_dir = url_of(src_path).rstrip("/") or "."

    def functions(self) -> dict:
        return {"picture": self.picture, "cover": self.cover, "image_url": self.image_url,
                "gallery": self.gallery}

    # ---- template functions ----
    def picture(self, record: Record | None, src: str | None, purpose: str = "content", alt: str = "",
                css_class: str = "", sizes: str | None = None, eager: bool = False) -> Markup:
        """`<picture>` markup for `src` (relative to the record's folder), or "" when there is no
        usable image (no `src`, or a problem already reported with file:line). `eager`: the first image
        a reader sees — loaded at once, with high priority, never lazily."""
        rendition = self._rendition(record, src, purpose)
        if rendition is None:
            return Markup("")
        return self.markup(rendition, alt, css_class, sizes, eager)

    def cover(self, record: Record, purpose: str = "card", alt: str | None = None, css_class: str = "",
              subtitle: str = "", eager: bool = False) -> Markup:
        """A generated cover with the record's title (for a brand without a logo)."""
        rendition = self._cover(record, purpose, subtitle)
        return self.markup(rendition, record.title if alt is None else alt, f"sc-cover {css_class}".strip(), None,
                           eager)

    def image_url(self, record: Record | None, src: str | None = None, purpose: str = "content") -> str:
        """The URL (relative to this page) of the largest JPEG/PNG of `src`; without `src`, of the
        record's generated cover. "" when the image is unusable."""
        rendition = self._rendition(record, src, purpose) if src else self._cover(record, "card", "")
        return self.url(rendition.largest.path) if rendition else ""

    def gallery(self, record: Record, items: list | None = None) -> Markup:
        """The record's gallery ([{src, caption, credit}], default `record.gallery`) as thumbnails
        that open the large image in the lightbox."""
        entries = []
        for item in items if items is not None else (record.get("gallery") or []):
            thumb = self._rendition(record, item.get("src"), "gallery")
            large = self._rendition(record, item.get("src"), "large")
            if thumb is None or large is None:
                continue
            caption = item.get("caption") or ""
            entries.append({"thumb": self.markup(thumb, caption or record.title, "sc-gallery__thumb", None),
                            "large": self.url(large.largest.path), "caption": caption,
                            "credit": item.get("credit") or "", "width": large.width, "height": large.height})
        if not entries:
            return Markup("")
        return Markup(self.env.get_template(GALLERY_TEMPLATE).render(items=entries))

    # ---- Markdown bodies ----
    def rewrite_markdown(self, markdown: str, record: Record | None = None) -> str:
        """`![说明](photo.jpg "图注")` in rendered Markdown → processed `<picture>` markup (a lone image
        with a title becomes a figure with its caption). Code blocks are left alone."""
        record = record if record is not None else self.record
        out, fenced = [], False
        for number, line in enumerate(markdown.split("\n")):
            if FENCE.match(line):
                fenced = not fenced
            if fenced or "![" not in line:
                out.append(line)
                continue
            out.append(MARKDOWN_IMAGE.sub(lambda m: self._replace(m, line, record), line))
        return "\n".join(out)

    def _replace(self, match, line: str, record) -> str:
        src = match.group("src1") or match.group("src2")
        alt, title = match.group("alt"), match.group("title") or ""
        rendition = self._rendition(record, src, "content")
        if rendition is None:
            return alt  # reported with file:line; the build stops on the error anyway
        picture = self.markup(rendition, alt or title, "sc-content-image", None)
        if title and line.strip() == match.group(0):
            return f'\n<figure class="sc-figure">{picture}<figcaption>{Markup.escape(title)}</figcaption></figure>\n'
        return str(picture)

    # ---- shared ----
    def _rendition(self, record: Record | None, src: str | None, purpose: str):
        if not src:
            return None
        if record is not None:
            # A record's logo is never cropped, whatever the purpose (a cut emblem is wrong).
            whole = src == record.get("logo")
            return self.catalog.rendition(record.folder, src, purpose, (record.path, line_of(record, src)), whole)
        return self.catalog.rendition(self.folder, src, purpose, (self.source_file, _line_in(self.source_file, src)))

    def _cover(self, record: Record, purpose: str, subtitle: str) -> Rendition:
        return self.catalog.cover(record.title, subtitle, f"{record.kind}:{record.id}", purpose,
                                  (record.path, record.line("title") if "title" in record.fields else 1))

    def url(self, site_path: str) -> str:
        return posixpath.relpath(site_path, self.page_dir)

    def markup(self, rendition: Rendition, alt: str, css_class: str, sizes: str | None,
               eager: bool = False) -> Markup:
        urls = lambda variants: [_Url(self.url(v.path), v.width, v.height) for v in variants]  # noqa: E731
        fallback = urls(rendition.fallback)
        default = next((u for u in reversed(fallback) if u.width <= 960), fallback[0])
        html = self.env.get_template(PICTURE_TEMPLATE).render(
            svg=rendition.fallback[0].format == "svg", webp=urls(rendition.webp), fallback=fallback,
            default_src=default.url, width=rendition.width, height=rendition.height, alt=alt or "",
            css_class=css_class, sizes=sizes or PURPOSES[rendition.purpose].sizes, eager=eager)
        # One line: inline HTML inside a Markdown paragraph stays intact.
        return Markup("".join(part.strip() for part in html.splitlines()))


def _line_in(path: Path, src: str) -> int:
    """First line of a plain page's file that names `src` (0 when unknown)."""
    try:
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").split("\n"), start=1):
            if src in line:
                return number
    except (OSError, UnicodeDecodeError):
        pass
    return 0
