"""Month calendars of a column, as 数字报 往期回顾 show them: the days with an article are marked.

Weeks start on Monday (一 … 日), the way Chinese calendars print them.
"""
from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from showcase.content.records import Record

WEEKDAYS = ("一", "二", "三", "四", "五", "六", "日")


@dataclass(frozen=True)
class Day:
    day: int  # 0 = a cell outside the month
    articles: tuple = ()  # the articles printed on that day, in series order

    @property
    def marked(self) -> bool:
        return bool(self.articles)


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    articles: tuple  # the month's articles, oldest first

    @property
    def first(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def days(self) -> list[tuple[int, list[Record]]]:
        """(day, articles) for the days that have articles, in order."""
        by_day = defaultdict(list)
        for article in self.articles:
            by_day[article["date"].day].append(article)
        return sorted(by_day.items())

    def weeks(self) -> list[list[Day]]:
        by_day = dict(self.days)
        return [[Day(d, tuple(by_day.get(d, ())) if d else ()) for d in week]
                for week in calendar.Calendar(firstweekday=0).monthdayscalendar(self.year, self.month)]


def months_of(articles_by_date: list[Record]) -> list[Month]:
    """The months that have articles, oldest first (articles given oldest first)."""
    grouped: dict[tuple, list[Record]] = defaultdict(list)
    for article in articles_by_date:
        grouped[(article["date"].year, article["date"].month)].append(article)
    return [Month(y, m, tuple(items)) for (y, m), items in sorted(grouped.items())]


def years_of(months: list[Month]) -> dict[int, list[Month]]:
    years: dict[int, list[Month]] = defaultdict(list)
    for month in months:
        years[month.year].append(month)
    return dict(sorted(years.items()))
