"""A page the core asks MkDocs to build: where it lives, which content template, what it shows."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PageSpec:
    src_path: str  # docs-relative source path, e.g. "brands/wenlv/index.md"
    title: str
    template: str  # content template in theme/showcase/, e.g. "brand.md"
    context: dict = field(default_factory=dict)  # what the template shows (record, derived data)
    meta: dict = field(default_factory=dict)  # page front matter for MkDocs/Material (template, search …)
    kind: str = "page"  # page family, for theme chrome (body class) and search filters
    preview: bool = False  # a draft/review record shown by --drafts: watermarked 草稿预览


@dataclass
class StaticFile:
    """A non-page output (feed, redirect page, data file): written to `dest_path` as is."""

    dest_path: str  # site-relative, e.g. "column/feed.xml"
    content: str | bytes
