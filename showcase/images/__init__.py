"""The image pipeline: every image content refers to is processed, never copied raw.

For content templates (theme/showcase/*.md), these functions are bound to the page being rendered
(`render_page` passes them as Jinja globals); every URL they emit is relative to that page:

    picture(record, src, purpose="content", alt="", css_class="", sizes=None, eager=False) -> Markup
        `<picture>`: WebP `srcset` + JPEG (PNG when the image has transparency; the file itself for a
        safe SVG) `<img>` with srcset, width, height, alt, loading="lazy", decoding="async".
        `src` is relative to the record's folder (e.g. `record.logo`, `record.photo.src`); None or
        "" gives "" so `{{ picture(record, record.logo, "logo") }}` needs no `if`. `eager=True` for the
        first image a page shows: `fetchpriority="high"` and no `loading="lazy"` (its LCP). An unusable image
        gives "" after reporting `path:line: 错误: …` (the build then stops).
        purpose: "logo" (never cropped, small) | "card" (centre-cropped to 4:3 thumbnails) |
        "content" (480/960/1600) | "gallery" (4:3 thumbnails) | "large" (lightbox view) |
        "photo" (uncropped, ≤ 960) | "portrait" (a person, centre-cropped to 3:4) |
        "hero" (the head of a brand page, uncropped); widths and `sizes` in variants.PURPOSES.
        A record's own `logo` is never cropped, whatever the purpose.
    cover(record, purpose="card", alt=None, css_class="", subtitle="", eager=False) -> Markup
        A generated cover (the record's title on the theme's red) for a brand without a logo.
    image_url(record, src=None, purpose="content") -> str
        The URL of the largest JPEG/PNG of `src` (for the big screen, og:image …); without `src`,
        of the record's generated cover.
    gallery(record, items=None) -> Markup
        Thumbnails of `record.gallery` (or `items`: [{src, caption, credit}]) opening the large
        image in the offline lightbox (theme/assets/js/lightbox.js).

Images in Markdown bodies — `![说明](photo.jpg "图注")`, relative to the record's folder — are
rewritten to the same markup while the page renders. Plain pages (content/*.md that are not records)
get the same treatment in the plugin's on_page_markdown.

Modules: variants (purposes, widths, names), probe (hash, size, what is wrong), process (decode,
orient, sRGB, resize, encode — in worker processes), cache, covers + fonts (generated covers),
safety (SVG), refs (where content names images), catalog (one build's requests and the work),
page (the template functions), check (`showcase check`'s image check). docs/images.md is the
editors' guide.
"""
from showcase.images.catalog import ImageCatalog, ImageSettings, WriteStats
from showcase.images.page import PageImages
from showcase.images.probe import IMAGE_SUFFIXES
from showcase.images.refs import is_image_name

__all__ = ["ImageCatalog", "ImageSettings", "WriteStats", "PageImages", "IMAGE_SUFFIXES", "is_image_name"]
