"""Series numbers of a column: printed markers and gaps. Pure, and free of the page layer, so
`showcase check` (showcase/checks/column.py) and the pages (showcase/pages/column/series.py)
share them without the check importing every page family.
"""
from __future__ import annotations

from showcase.content.records import Record
from showcase.domain.formatting import cn_numeral

NUMBERING_FIELDS = ("cn", "n")  # placeholders a column's `numbering` may use


def printed_marker(article: Record, column: Record | None) -> str:
    """The series marker as the paper printed it: the article's own `marker` (之七十一, ⑦) verbatim,
    else the column's `numbering` pattern filled in, else ""."""
    if article.get("marker"):
        return article["marker"]
    pattern = column.get("numbering") if column is not None else None
    if not pattern:
        return ""
    return fill_numbering(pattern, article["series_no"])


def fill_numbering(pattern: str, number: int) -> str:
    """"之{cn}" → 之七十一; "第{n}期" → 第71期."""
    return pattern.replace("{cn}", cn_numeral(number)).replace("{n}", str(number))


def series_gaps(numbers) -> list[tuple[int, int]]:
    """Missing runs in 1…max(numbers) as (first, last) pairs: {1, 2, 5, 9} → [(3, 4), (6, 8)]."""
    present = sorted(set(numbers))
    gaps = []
    expected = 1
    for number in present:
        if number > expected:
            gaps.append((expected, number - 1))
        expected = max(expected, number + 1)
    return gaps


def next_free_number(used, planned: int | None = None) -> int:
    """The series number a new article takes: the one after the highest used; past the planned total,
    the lowest number still free (the plan's own gaps), else the one after the highest."""
    taken = {n for n in used if isinstance(n, int) and n >= 1}
    after = max(taken, default=0) + 1
    if planned and after > planned:
        free = [n for n in range(1, planned + 1) if n not in taken]
        return free[0] if free else after
    return after
