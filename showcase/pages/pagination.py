"""Listings split into numbered pages: `<base>/`, `<base>/page/2/`, `<base>/page/3/` …

A pure API any page family can use (brand wall, exemplar lists, the column archive):

    for pager in paginate(items, per_page=30, base="brands/"):
        yield section_page(pager.src_path, title_of(pager), "brands.md", "brands", pager=pager)

and in the content template: `{% import "_pagination.md" as p with context %}{{ p.nav(pager) }}`.
The navigation shows the first and last page and a window around the current one, so a listing
of 2,000 items in 70 pages still renders a short bar.
"""
from __future__ import annotations

from dataclasses import dataclass
from math import ceil
from typing import Sequence

from showcase.kinds import PAGE_DIR

_NOTHING = object()  # "no earlier item" (a key may itself be None)


def page_src(base: str, number: int) -> str:
    """Docs-relative source of page `number` of the listing at `base` ("brands/" or "")."""
    base = base.strip("/")
    prefix = f"{base}/" if base else ""
    if number == 1:
        return f"{prefix}index.md"
    return f"{prefix}{PAGE_DIR}/{number}/index.md"


@dataclass(frozen=True)
class Pager:
    """One page of a listing: its items and where its neighbours are."""

    base: str
    number: int  # 1-based
    count: int  # number of pages (at least 1)
    items: tuple
    first_index: int  # 0-based position of items[0] in the whole listing
    total: int  # items in the whole listing

    @property
    def src_path(self) -> str:
        return page_src(self.base, self.number)

    def src_of(self, number: int) -> str:
        return page_src(self.base, number)

    @property
    def prev_src(self) -> str | None:
        return self.src_of(self.number - 1) if self.number > 1 else None

    @property
    def next_src(self) -> str | None:
        return self.src_of(self.number + 1) if self.number < self.count else None

    @property
    def is_paged(self) -> bool:
        return self.count > 1

    @property
    def last_index(self) -> int:
        """0-based position after the last item of this page."""
        return self.first_index + len(self.items)

    def window(self, around: int = 2) -> list[int | None]:
        """Page numbers to show: 1, …, n-2 … n+2, …, last; None marks a gap (an ellipsis)."""
        shown = {1, self.count} | set(range(self.number - around, self.number + around + 1))
        numbers = sorted(n for n in shown if 1 <= n <= self.count)
        out: list[int | None] = []
        for n in numbers:
            if out and n - out[-1] == 2:  # a gap of one page: show it rather than "…"
                out.append(n - 1)
            elif out and n - out[-1] > 2:
                out.append(None)
            out.append(n)
        return out


def paginate(items: Sequence, per_page: int, base: str) -> list[Pager]:
    """The pages of a listing; an empty listing still has its first page."""
    if per_page < 1:
        raise ValueError(f"per_page must be positive, not {per_page}")
    items = tuple(items)
    count = max(1, ceil(len(items) / per_page))
    return [Pager(base=base, number=n, count=count, items=items[(n - 1) * per_page:n * per_page],
                  first_index=(n - 1) * per_page, total=len(items))
            for n in range(1, count + 1)]


def page_title(title: str, pager: Pager) -> str:
    """党建品牌 on page 1, 党建品牌（第2页） after, so browser tabs and search results differ."""
    return title if pager.number == 1 else f"{title}（第{pager.number}页）"


def page_runs(pagers: Sequence[Pager], key) -> list[list[tuple]]:
    """Each page's items in runs of equal `key(item)`: per page [(key, items, continued)], where
    `continued` says the run began on the page before (its heading reads “（续）”). The listing
    must already be ordered by `key`."""
    pages, last = [], _NOTHING
    for pager in pagers:
        out: list[tuple] = []
        for item in pager.items:
            k = key(item)
            if out and out[-1][0] == k:
                out[-1][1].append(item)
            else:
                out.append((k, [item], not out and last is not _NOTHING and last == k))
        pages.append([(k, tuple(items), continued) for k, items, continued in out])
        if pager.items:
            last = key(pager.items[-1])
    return pages


def page_of(pagers: Sequence[Pager], item) -> Pager | None:
    """The page that lists `item` (for links into a listing, e.g. a unit's first brand)."""
    for pager in pagers:
        if item in pager.items:
            return pager
    return None
