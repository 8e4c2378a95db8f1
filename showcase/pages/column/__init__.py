"""日报专栏: the column home(s), one page per article with its newspaper record, and its clipping.

The archives (year/month calendars), category and unit listings and the feed are in
column_archive.py, column_groups.py and column_feed.py; all of them read the same `ColumnView`s
(column_series.py), which hold published articles only.

URLs: one column lives at /column/; with several, each has /column/<id>/ and /column/ lists them.
Articles always live at /column/<yyyy>/<id>/ (showcase/domain/urls.py), their clipping at …/clipping/.
"""
from __future__ import annotations

import posixpath

from showcase.content.records import Record
from showcase.domain.formatting import cn_date
from showcase.domain.model import Model
from showcase.domain.urls import page_path, url_of
from showcase.pages.column import archive as column_archive
from showcase.pages.column import groups as column_groups
from showcase.pages.column.feed import column_feed, feed_links, feed_path
from showcase.pages.column.record import asset_src, byline_text, is_image, record_line
from showcase.pages.column.series import ROOT, ColumnView, column_views
from showcase.pages.column.archive import search_excluded
from showcase.pages.common import record_page, section_page
from showcase.pages.corrections import SRC as CORRECTIONS_SRC
from showcase.pages.pagination import page_title, paginate
from showcase.pages.spec import PageSpec

PER_PAGE = 30  # series list on the column home: 100 planned articles are 4 pages, 1,800 are 60
LATEST = 5  # 最新刊发 on the column home


def pages(model: Model):
    views = column_views(model)
    if len(views) != 1:
        yield advertising(section_page(f"{ROOT}index.md", "日报专栏", "columns.md", "column", views=views,
                                       model=model), views)
    for view in views:
        yield from (advertising(spec, [view]) for spec in home_pages(view, model))
        for article in view.articles:
            yield advertising(article_page(article, view, model), [view])
            yield clipping_page(article, view, model)  # a print view: the article's page advertises
        yield from (advertising(spec, [view]) for spec in column_archive.pages(view, model))
        yield from (advertising(spec, [view]) for spec in column_groups.pages(view, model))
        yield column_feed(view, model)


def advertising(spec: PageSpec, views: list[ColumnView]) -> PageSpec:
    """A column page names its column's feed in its head (front matter `feeds`, theme/main.html)."""
    spec.meta["feeds"] = feed_links(views)
    return spec


def home_pages(view: ColumnView, model: Model):
    facets = column_groups.facets(view, model)
    for pager in paginate(view.articles, PER_PAGE, view.base):
        spec = section_page(pager.src_path, page_title(view.column["name"], pager), "column.md", "column",
                            view=view, pager=pager, latest=view.latest[:LATEST], facets=facets,
                            archive=column_archive.summary(view), feed_path=feed_path(view),
                            corrections_path=CORRECTIONS_SRC, model=model)
        if pager.number > 1:
            spec.meta.update(search_excluded())
        yield spec


def newspaper_of(article: Record, view: ColumnView, model: Model) -> Record | None:
    return model.get("newspaper", article.get("newspaper")) or view.newspaper


def article_context(article: Record, view: ColumnView, model: Model) -> dict:
    previous, following = view.neighbours.get(article.key, (None, None))
    newspaper = newspaper_of(article, view, model)
    scan = article.get("scan")
    return {
        "view": view, "column": view.column, "newspaper": newspaper, "model": model,
        "record_line": record_line(article, newspaper),
        "marker": view.marker(article),
        "byline": byline_text(article.get("bylines")),
        "previous": previous, "next": following,
        "related": related_records(article, model),
        "category_src": column_groups.category_src(view, article.get("category")),
        "scan": {"src": asset_src(article, scan), "is_image": is_image(scan), "name": scan} if scan else None,
        "clipping_src": clipping_src(article),
        "corrections_path": CORRECTIONS_SRC,
    }


def article_page(article: Record, view: ColumnView, model: Model) -> PageSpec:
    return record_page(article, "article.md", **article_context(article, view, model))


def clipping_src(article: Record) -> str:
    # Beside the article's index.md, so Markdown links in the body resolve the same in both pages.
    return posixpath.join(posixpath.dirname(page_path(article)), "clipping.md")


def clipping_page(article: Record, view: ColumnView, model: Model) -> PageSpec:
    """剪报: the record on top, the body in newspaper columns, sized for A4 (theme/clipping.html)."""
    # theme/clipping.html is a MkDocs template: it gets ready-made text, not our Jinja filters.
    corrections = [f"更正：{cn_date(c['date'])} {c['note']}" for c in article.get("corrections", [])]
    spec = record_page(article, "clipping.md", article_url=url_of(page_path(article)),
                       correction_lines=corrections, **article_context(article, view, model))
    spec.src_path = clipping_src(article)
    spec.title = f"剪报：{article.title}"
    spec.kind = "clipping"
    spec.meta.update({"template": "clipping.html", **search_excluded()})
    return spec


def related_records(article: Record, model: Model) -> list[Record]:
    """Brands, exemplars and units the article is about, in the order the editor listed them."""
    found = []
    for ref in article.get("related", []):
        target = model.resolve(("brand", "exemplar", "unit"), ref)
        if target is not None and target not in found:
            found.append(target)
    return found
