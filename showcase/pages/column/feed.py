"""The column's Atom feed: its newest published articles (showcase/pages/column/atom.py writes the XML).

A `ColumnView` holds published articles only, so a retracted article leaves the feed; a
`summary_only` article gives its summary, never its body. A correction updates the entry.
"""
from __future__ import annotations

from datetime import date

from showcase.content.records import Record
from showcase.pages.column.atom import Entry, Feed, atom, base_href, excerpt, feed_id, href
from showcase.domain.formatting import cn_date, newspaper_name
from showcase.domain.model import Model
from showcase.domain.urls import page_path, url_of
from showcase.pages.column.record import byline_groups, record_line
from showcase.pages.column.series import ColumnView
from showcase.pages.spec import StaticFile

FEED_SIZE = 50  # newest entries; the archive pages hold the rest


def feed_path(view: ColumnView) -> str:
    return f"{view.base}feed.xml"


def feed_links(views: list[ColumnView]) -> list[dict]:
    """The feeds a page advertises in its head (theme/main.html: <link rel="alternate">), as front matter."""
    return [{"title": f"{view.column['name']}（Atom）", "path": feed_path(view)} for view in views]


def updated_on(article: Record) -> date:
    """An article changes when it is printed and when a correction is published."""
    return max([article["date"], *(c["date"] for c in article.get("corrections", []))])


def summary_text(article: Record) -> str:
    text = article.get("summary") or (excerpt(article.body) if article.get("rights") != "summary_only" else "")
    notes = [f"更正：{cn_date(c['date'])} {c['note']}" for c in article.get("corrections", [])]
    return "\n".join([text, *notes]).strip()


def column_feed(view: ColumnView, model: Model) -> StaticFile:
    site = model.site or {}
    site_url = site.get("url") or ""
    path = feed_path(view)
    column = view.column
    entries = []
    for article in view.latest[:FEED_SIZE]:
        newspaper = model.get("newspaper", article.get("newspaper")) or view.newspaper
        entries.append(Entry(
            id=feed_id("article", column.id, article.id),
            title=article.title,
            href=href(url_of(page_path(article)), path, site_url),
            published=article["date"],
            updated=updated_on(article),
            authors=[name for _role, names in byline_groups(article.get("bylines")) for name in names],
            categories=[article["category"]] if article.get("category") else [],
            summary=f"{record_line(article, newspaper)}\n{summary_text(article)}".strip(),
        ))
    paper = newspaper_name(view.newspaper["name"]) if view.newspaper else ""
    feed = Feed(
        id=feed_id("column", column.id),
        title=column["name"],
        subtitle=f"{paper}“{column['name']}”专栏，计划刊发{view.planned}篇，已刊发{view.published}篇",
        updated=max((e.updated for e in entries), default=column["started_on"]),
        self_href=href(path, path, site_url),
        alternate_href=href(view.base, path, site_url),
        author=site.get("name") or column["name"],
        entries=entries,
        base=base_href(path, site_url),
    )
    return StaticFile(path, atom(feed))
