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
