"""`showcase check` for the column: series numbers, dates, categories, numbering (registered in checks.py).

They see every record, whatever its status: a draft's number is taken, and a retracted article
keeps the number the paper printed — neither is a gap.
"""
from __future__ import annotations

import re
from collections import defaultdict

from showcase.checks.context import CheckContext
from showcase.content.problems import Problems, display_path
from showcase.content.records import Record
from showcase.domain.column.numbers import NUMBERING_FIELDS, series_gaps

YEAR_LIKE = re.compile(r"^\d{4}$")
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def _columns(records: list[Record]) -> dict[str, Record]:
    columns: dict[str, Record] = {}
    for record in records:
        if record.kind == "column":
            columns.setdefault(record.id, record)
    return columns


def _articles_by_column(records: list[Record]) -> dict[str, list[Record]]:
    by_column: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        if record.kind == "article" and record.get("series_no") is not None and record.get("column"):
            by_column[record["column"]].append(record)
    return by_column


def _articles_with_column(records: list[Record]):
    """(article, its column or None) for every article record."""
    columns = _columns(records)
    for record in records:
        if record.kind == "article":
            yield record, columns.get(record.get("column"))


def where(record: Record) -> str:
    return f"{display_path(record.path)}:{record.line('series_no')}"


def check_series_unique(records: list[Record], context: CheckContext, problems: Problems) -> None:
    """Two articles may not carry the same series number in one column."""
    for articles in _articles_by_column(records).values():
        first: dict[int, Record] = {}
        for record in articles:
            other = first.setdefault(record["series_no"], record)
            if other is not record:
                problems.error(record.path, record.line("series_no"),
                               f"专栏序号 {record['series_no']} 重复（{where(other)} 已使用）",
                               "每篇文章的 series_no 在专栏内唯一：改正其中一篇")


def check_series_numbers(records: list[Record], context: CheckContext, problems: Problems) -> None:
    """Numbers start at 1, stay within the plan, and leave no gap (an article not yet entered)."""
    columns = _columns(records)
    for column_id, articles in _articles_by_column(records).items():
        column = columns.get(column_id)
        planned = column.get("planned_total") if column is not None else None
        for record in articles:
            number = record["series_no"]
            if number < 1:
                problems.error(record.path, record.line("series_no"), f"专栏序号 {number} 无效：序号从 1 开始",
                               "写这篇文章在专栏中的篇次，第一篇为 1")
            elif planned and number > planned:
                problems.warning(record.path, record.line("series_no"),
                                 f"专栏序号 {number} 超过专栏“{column['name']}”的计划篇数 {planned}",
                                 f"核对序号；若专栏计划延长，修改 {display_path(column.path)} 中的 planned_total")
        by_number: dict[int, Record] = {}
        for record in sorted(articles, key=lambda r: (r["series_no"], str(r.path))):
            by_number.setdefault(record["series_no"], record)
        for first, last in series_gaps(n for n in by_number if n >= 1):
            after = by_number[last + 1]  # the article right after the gap carries the warning
            missing = f"第{first}篇" if first == last else f"第{first}—{last}篇"
            problems.warning(after.path, after.line("series_no"),
                             f"专栏“{_name(column, column_id)}”缺少{missing}（本篇是第{last + 1}篇）",
                             "补录缺少的文章（尚未发布的可设 status: draft），或核对本篇的 series_no")


def check_article_dates(records: list[Record], context: CheckContext, problems: Problems) -> None:
    """A paper cannot have printed an article before the column started, nor after today."""
    for record, column in _articles_with_column(records):
        if record.get("date") is None:
            continue
        started = column.get("started_on") if column is not None else None
        if started is not None and record["date"] < started:
            problems.error(record.path, record.line("date"),
                           f"见报日期 {record['date'].isoformat()} 早于专栏“{column['name']}”的开栏日期 "
                           f"{started.isoformat()}",
                           f"核对 date；若开栏日期有误，修改 {display_path(column.path)} 中的 started_on")
        if record.status in ("published", "retracted") and record["date"] > context.today:
            embargo = record.get("publish_at")
            if embargo is None or embargo.date() < record["date"]:
                problems.warning(record.path, record.line("date"),
                                 f"见报日期 {record['date'].isoformat()} 晚于今天（{context.today.isoformat()}）",
                                 "核对 date；尚未见报的文章设 status: draft，或用 publish_at 定时到见报当天发布")


def check_article_folder_year(records: list[Record], context: CheckContext, problems: Problems) -> None:
    """The year folder is the year in the article's URL: it must be the year the paper printed it."""
    for record, _column in _articles_with_column(records):
        folder = record.path.parent if record.path.name != "index.md" else record.path.parent.parent
        printed = record.get("date")
        if printed is None or not YEAR_LIKE.match(folder.name) or int(folder.name) == printed.year:
            continue
        problems.warning(record.path, record.line("date"),
                         f"文章放在 column/{folder.name}/ 下，但见报日期是 {printed.isoformat()}"
                         f"（网址会带上错误的年份 {folder.name}）",
                         f"把文件移到 column/{printed.year}/ 下；已发布过的，"
                         f"在 aliases 里写上旧网址 column/{folder.name}/{record.id}/")


def check_series_order(records: list[Record], context: CheckContext, problems: Problems) -> None:
    """Series numbers follow the dates: an article numbered after another cannot be printed before it."""
    for column_id, articles in _articles_by_column(records).items():
        dated = sorted((r for r in articles if r.get("date") is not None), key=lambda r: (r["series_no"], str(r.path)))
        for before, record in zip(dated, dated[1:]):
            if record["date"] < before["date"] and record["series_no"] != before["series_no"]:
                problems.warning(record.path, record.line("series_no"),
                                 f"第{record['series_no']}篇的见报日期 {record['date'].isoformat()} 早于第"
                                 f"{before['series_no']}篇（{where(before)}，{before['date'].isoformat()}）",
                                 "序号应随见报日期递增（否则“上一篇”会指向更晚的文章）：核对这两篇的 series_no 和 date")


def check_article_fields(records: list[Record], context: CheckContext, problems: Problems) -> None:
    """Category from the column's list; summary_only needs its summary."""
    for record, column in _articles_with_column(records):
        categories = (column.get("categories") or []) if column is not None else []
        category = record.get("category")
        if category and column is not None and category not in categories:
            known = "、".join(categories) if categories else "（专栏未设分类）"
            problems.error(record.path, record.line("category"),
                           f"分类“{category}”不是专栏“{column['name']}”的分类",
                           f"改为其中之一：{known}；或在 {display_path(column.path)} 的 categories 末尾添加")
        if record.get("rights") == "summary_only" and not record.get("summary"):
            problems.error(record.path, record.line("rights"), "rights: summary_only 的文章缺少 summary（摘要）",
                           "仅摘要的文章在网站上只显示摘要：加上 `summary: …`")


def check_columns(records: list[Record], context: CheckContext, problems: Problems) -> None:
    """Column ids that would collide with the year folders of articles; numbering patterns."""
    for column in _columns(records).values():
        if YEAR_LIKE.match(column.id):
            problems.error(column.path, column.line("id"),
                           f"专栏标识“{column.id}”是四位数字，与文章的年份目录 column/<年份>/ 冲突",
                           "换一个英文标识，如 sanchuang")
        pattern = column.get("numbering")
        for name in PLACEHOLDER.findall(pattern or ""):
            if name not in NUMBERING_FIELDS:
                problems.error(column.path, column.line("numbering"),
                               f"numbering 中的“{{{name}}}”无法识别",
                               "只能用 {cn}（中文数字，如 之{cn} → 之七十一）或 {n}（阿拉伯数字）")


def _name(column: Record | None, column_id: str) -> str:
    return column["name"] if column is not None else column_id


COLUMN_CHECKS = (check_series_unique, check_series_numbers, check_series_order, check_article_dates,
                 check_article_folder_year, check_article_fields, check_columns)
