"""首页: the 三创 campaign at a glance — counters beside the official figures, the column's progress,
latest column articles, featured brands, the latest competition and notices."""
from __future__ import annotations

from showcase.domain.counters import campaign_counters, column_progress
from showcase.domain.model import Model
from showcase.pages import brands as brand_pages
from showcase.pages.column.feed import feed_links
from showcase.pages.column.series import column_views
from showcase.pages.exemplars import kind_src
from showcase.pages.spec import PageSpec

LATEST_ARTICLES = 6
FEATURED_BRANDS = 6
LATEST_NOTICES = 5


def featured_brands(model: Model) -> list:
    """Brands marked `featured: true`; without any, the "1" of each "1+N" matrix, then honored brands."""
    chosen = [b for b in model.brands if b.get("featured")]
    if not chosen:
        matrices = [b for b in model.brands if model.sub_brands.get(b.id) and not b.get("parent")]
        honored = [b for b in model.brands if model.awards_of.get(b.key) and b not in matrices]
        chosen = matrices + honored
    return [brand_pages.card(model, b) for b in chosen[:FEATURED_BRANDS]]


def pages(model: Model):
    yield PageSpec(src_path="index.md", title=model.home.get("title", "首页"), template="home.md",
                   context={"model": model, "intro": model.home.get("body", ""),
                            "counters": campaign_counters(model), "progress": column_progress(model),
                            "articles": list(reversed(model.articles))[:LATEST_ARTICLES],
                            "featured": featured_brands(model),
                            "competition": model.competitions[0] if model.competitions else None,
                            "notices": model.notices[:LATEST_NOTICES], "kind_src": kind_src,
                            "brand_count": len(model.brands)},
                   kind="home", meta={"hide": ["navigation", "toc"], "feeds": feed_links(column_views(model))})
