"""往期回顾: a column's archive by year and month, each month with its calendar.

<base>archive/                 every year, the months with their article counts
<base>archive/<yyyy>/          the year's month calendars
<base>archive/<yyyy>/<mm>/     the month's calendar and its articles day by day

A page holds at most a year of calendars or a month of articles, so pages stay small however long
the column runs; only months that have articles get a page.
"""
from __future__ import annotations

from dataclasses import dataclass

from showcase.domain.model import Model
from showcase.pages.column.calendar import WEEKDAYS, Month, months_of, years_of
from showcase.pages.column.series import ColumnView
from showcase.pages.common import section_page



def search_excluded() -> dict:
    """Listings only repeat titles: search finds the articles themselves (and the column's first page)."""
    return {"search": {"exclude": True}}


def listing_page(src_path: str, title: str, template: str, **context):
    spec = section_page(src_path, title, template, "column", **context)
    spec.meta.update(search_excluded())
    return spec


@dataclass(frozen=True)
class Archive:
    """What the archive pages link to: the months that have articles, by year."""

    view: ColumnView
    years: dict  # year → [Month], oldest first

    def month_src(self, month: Month) -> str:
        return self.view.src("archive", f"{month.year:04d}", f"{month.month:02d}")

    def year_src(self, year: int) -> str:
        return self.view.src("archive", f"{year:04d}")

    @property
    def index_src(self) -> str:
        return self.view.src("archive")

    def count(self, year: int) -> int:
        return sum(len(m.articles) for m in self.years.get(year, []))

    def month_of(self, year: int, month: int) -> Month | None:
        return next((m for m in self.years.get(year, []) if m.month == month), None)


def summary(view: ColumnView) -> Archive:
    return Archive(view, years_of(months_of(view.by_date)))


def pages(view: ColumnView, model: Model):
    archive = summary(view)
    name = view.column["name"]
    common = {"view": view, "archive": archive, "weekdays": WEEKDAYS, "model": model}
    yield listing_page(archive.index_src, f"{name} · 往期回顾", "column_archive.md", **common)
    years = list(archive.years)
    months = [m for y in years for m in archive.years[y]]
    for i, year in enumerate(years):
        yield listing_page(archive.year_src(year), f"{name} · {year}年", "column_year.md",
                           year=year, months=archive.years[year],
                           previous_year=years[i - 1] if i > 0 else None,
                           next_year=years[i + 1] if i + 1 < len(years) else None, **common)
    for i, month in enumerate(months):
        yield listing_page(archive.month_src(month), f"{name} · {month.year}年{month.month}月",
                           "column_month.md", month=month,
                           previous_month=months[i - 1] if i > 0 else None,
                           next_month=months[i + 1] if i + 1 < len(months) else None, **common)
