"""The column's pure logic: series, markers, the newspaper record, calendars, feed addresses."""
from __future__ import annotations

import calendar
from datetime import date
from pathlib import Path

import pytest

from showcase.content.records import Record
from showcase.pages.column.atom import base_href, excerpt, href
from showcase.pages.column.feed import summary_text, updated_on
from showcase.pages.column.calendar import Month, months_of, years_of
from showcase.pages.column.record import asset_src, byline_text, issue_label, record_line
from showcase.domain.column.numbers import fill_numbering, printed_marker, series_gaps
from showcase.pages.column.series import neighbours


def article(id_, series_no, day, *, folder=False, **fields):
    path = Path(f"/x/content/column/{day.year}/{id_}/index.md" if folder else f"/x/content/column/{day.year}/{id_}.md")
    return Record("article", id_, path, {"title": id_, "column": "c", "series_no": series_no, "date": day, **fields})


COLUMN = Record("column", "c", Path("/x/content/columns.yml"),
                {"name": "三创先锋", "numbering": "之{cn}", "planned_total": 100})
PAPER = Record("newspaper", "ycrb", Path("/x/content/newspapers.yml"), {"name": "云川日报"})


@pytest.mark.parametrize("numbers, gaps", [
    ([1, 2, 3], []),
    ([1, 2, 5, 9], [(3, 4), (6, 8)]),
    ([3], [(1, 2)]),
    ([2, 2, 4], [(1, 1), (3, 3)]),
    ([], []),
])
def test_series_gaps(numbers, gaps):
    assert series_gaps(numbers) == gaps


def test_marker_is_kept_as_printed_else_filled_from_numbering():
    assert printed_marker(article("a", 71, date(2023, 4, 21)), COLUMN) == "之七十一"
    assert printed_marker(article("a", 7, date(2023, 4, 21), marker="⑦"), COLUMN) == "⑦"
    assert printed_marker(article("a", 71, date(2023, 4, 21), marker="之七十（续）"), COLUMN) == "之七十（续）"
    plain = Record("column", "p", COLUMN.path, {"name": "无序号", "planned_total": 10})
    assert printed_marker(article("a", 3, date(2023, 4, 21)), plain) == ""
    assert fill_numbering("第{n}期 之{cn}", 100) == "第100期 之一百"


def test_record_line_has_paper_date_issue_page_and_series():
    a = article("a", 71, date(2023, 4, 21), page="03", page_name="党的建设", issue="13301")
    assert record_line(a, PAPER) == "《云川日报》2023年4月21日 第13301期 第3版（党的建设） · 专栏第71篇"
    b = article("b", 2, date(2022, 3, 15), page="A03", issue="总第12819期")
    assert record_line(b, PAPER) == "《云川日报》2022年3月15日 总第12819期 第A03版 · 专栏第2篇"
    c = article("c", 5, date(2022, 3, 15))
    assert record_line(c, PAPER) == "《云川日报》2022年3月15日 · 专栏第5篇"
    assert issue_label("第12819期") == "第12819期"


def test_bylines_group_consecutive_roles():
    bylines = [{"name": "顾晓晨", "role": "本报记者"}, {"name": "高若溪", "role": "本报记者"},
               {"name": "范一帆", "role": "通讯员"}, {"name": "无名"}]
    assert byline_text(bylines) == "本报记者 顾晓晨 高若溪　通讯员 范一帆　无名"
    assert byline_text(None) == ""


def test_neighbours_skip_missing_numbers():
    a, b, c = (article(x, n, date(2023, 1, n)) for x, n in (("a", 1), ("b", 4), ("c", 9)))
    found = neighbours([a, b, c])
    assert found[a.key] == (None, b)
    assert found[b.key] == (a, c)
    assert found[c.key] == (b, None)


def test_asset_of_folder_and_single_file_articles():
    day = date(2024, 1, 5)
    assert asset_src(article("x", 1, day, folder=True), "scan.pdf") == "column/2024/x/scan.pdf"
    assert asset_src(article("y", 1, day), "y-scan.jpg") == "column/2024/y-scan.jpg"


def test_month_grid_marks_the_days_with_articles():
    items = [article("a", 1, date(2023, 4, 21)), article("b", 2, date(2023, 4, 21)),
             article("c", 3, date(2023, 4, 3)), article("d", 4, date(2023, 5, 1))]
    months = months_of(sorted(items, key=lambda r: r["date"]))
    assert [(m.year, m.month, len(m.articles)) for m in months] == [(2023, 4, 3), (2023, 5, 1)]
    april = months[0]
    weeks = april.weeks()
    cells = [cell for week in weeks for cell in week]
    # Every day of the month once, in order, Monday first (2023-04-01 was a Saturday).
    assert [c.day for c in cells if c.day] == list(range(1, 31))
    assert [c.day for c in weeks[0]] == [0, 0, 0, 0, 0, 1, 2]
    assert all(len(week) == 7 for week in weeks)
    assert {c.day: len(c.articles) for c in cells if c.marked} == {3: 1, 21: 2}
    assert [day for day, _ in april.days] == [3, 21]
    assert list(years_of(months)) == [2023]


def test_month_grid_for_every_month_of_a_leap_year():
    for month in range(1, 13):
        grid = Month(2024, month, ()).weeks()
        days = [c.day for week in grid for c in week if c.day]
        assert days == list(range(1, calendar.monthrange(2024, month)[1] + 1))


def test_feed_addresses_relative_unless_site_url():
    assert href("column/2023/x/", "column/feed.xml", "") == "2023/x/"
    assert href("column/", "column/feed.xml", "") == "./"
    assert href("column/feed.xml", "column/feed.xml", "") == "feed.xml"
    assert href("column/2023/x/", "column/second/feed.xml", "") == "../2023/x/"
    assert href("column/2023/x/", "column/feed.xml", "https://intranet.example/sc/") == \
        "https://intranet.example/sc/column/2023/x/"


def test_feed_base_is_the_feeds_folder_at_the_server_root_unless_site_url():
    assert base_href("column/feed.xml", "") == "/column/"
    assert base_href("column/second/feed.xml", "") == "/column/second/"
    assert base_href("column/feed.xml", "/dangjian/") == "/dangjian/column/"
    assert base_href("column/feed.xml", "https://intranet.example/sc/") == "https://intranet.example/sc/column/"


def test_feed_summary_never_carries_a_summary_only_body():
    secret = article("s", 1, date(2023, 4, 21), rights="summary_only", summary="摘要。",
                     corrections=[{"date": date(2023, 5, 2), "note": "更正内容。"}])
    secret.body = "不得上网的正文。"
    assert summary_text(secret) == "摘要。\n更正：2023年5月2日 更正内容。"
    assert updated_on(secret) == date(2023, 5, 2)
    full = article("f", 2, date(2023, 4, 22))
    full.body = "## 小标题\n\n第一段有[链接](x.md)和**强调**。![图](a.jpg)\n"
    assert summary_text(full) == "小标题 第一段有链接和强调。"
    assert excerpt("字" * 300).endswith("……") and len(excerpt("字" * 300)) == 202
