"""A column as a series: its published articles in series order, progress, neighbours, markers.

`column_views(model)` derives one `ColumnView` per column of columns.yml; every column page
(home, archives, article pages, feed) reads from it, so lists, counters, the calendar and the feed
can never disagree about which articles a column has. Only published articles are in it: a
retracted or unpublished article is in no list, counter, calendar or feed.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from showcase.content.records import Record
from showcase.domain.column.numbers import printed_marker
from showcase.domain.model import Model

ROOT = "column/"  # the section: /column/


@dataclass
class ColumnView:
    column: Record
    newspaper: Record | None
    base: str  # docs-relative folder of the column's own pages: "column/" or "column/<id>/"
    articles: list[Record] = field(default_factory=list)  # published, by series number
    neighbours: dict = field(default_factory=dict)  # article key → (previous, next) in the series

    @property
    def planned(self) -> int:
        return self.column["planned_total"]

    @property
    def published(self) -> int:
        return len(self.articles)

    @property
    def percent(self) -> int:
        # Same rounding as the home page's counters (showcase/domain/counters.py), so both say the same.
        return min(100, round(100 * self.published / self.planned)) if self.planned else 0

    @property
    def by_date(self) -> list[Record]:
        """Oldest first: the order of the archive and the calendar."""
        return sorted(self.articles, key=date_order)

    @property
    def latest(self) -> list[Record]:
        """Newest first (the feed, 最新刊发)."""
        return sorted(self.articles, key=date_order, reverse=True)

    def src(self, *parts) -> str:
        """Docs-relative source of one of the column's pages: src("archive", "2023") → …/archive/2023/index.md."""
        return self.base + "".join(f"{p}/" for p in parts) + "index.md"

    def marker(self, article: Record) -> str:
        return printed_marker(article, self.column)


def series_order(article: Record) -> tuple:
    return (article["series_no"], article["date"], article.id)


def date_order(article: Record) -> tuple:
    return (article["date"], article["series_no"], article.id)


def column_base(column: Record, columns: list[Record]) -> str:
    """One column lives at /column/ itself; several each get /column/<id>/ and /column/ lists them.

    Article URLs never depend on this (they are column/<yyyy>/<id>/): adding a second column moves
    only the first column's listing pages.
    """
    return ROOT if len(columns) == 1 else f"{ROOT}{column.id}/"


def column_views(model: Model) -> list[ColumnView]:
    views = []
    for column in model.columns:
        articles = sorted((a for a in model.articles if a["column"] == column.id), key=series_order)
        view = ColumnView(
            column=column,
            newspaper=model.get("newspaper", column["newspaper"]),
            base=column_base(column, model.columns),
            articles=articles,
        )
        view.neighbours = neighbours(articles)
        views.append(view)
    return views


def neighbours(articles: list[Record]) -> dict:
    """Previous and next published article in series order (gaps and retractions are skipped)."""
    return {a.key: (articles[i - 1] if i > 0 else None, articles[i + 1] if i + 1 < len(articles) else None)
            for i, a in enumerate(articles)}
