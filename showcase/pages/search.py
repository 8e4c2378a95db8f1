"""The full results page /search/: the header box's "查看全部结果" and its no-JavaScript fallback."""
from __future__ import annotations

from showcase.pages.spec import PageSpec

SRC = "search/index.md"  # the index data lives beside it, in search/data/


def pages(model):
    yield PageSpec(src_path=SRC, title="站内搜索", template="search.md", kind="search",
                   meta={"search": {"exclude": True}, "sitemap": False, "hide": ["navigation", "toc"]})
