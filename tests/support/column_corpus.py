"""A synthetic daily column for scale tests and benchmarks/column_scale.py: N tiny articles, one a day.

Written into an existing content tree (e.g. a copy of tests/fixtures/column) as a further column of
columns.yml, so the site also runs in several-columns mode (/column/<id>/).
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

CATEGORIES = ("品牌先进典型案例", "红旗党支部", "五星党员标兵")
ROLES = ("本报记者", "通讯员")


def add_daily_column(content: Path, column_id: str, count: int, start: date = date(2020, 1, 1),
                     units: tuple[str, ...] = ("wenlv", "rsj"), body_paragraphs: int = 2) -> list[dict]:
    """Append column `column_id` to columns.yml and write `count` articles dated start, start+1 …

    Returns [{id, series_no, date, category, url}] in series order.
    """
    with (content / "columns.yml").open("a", encoding="utf-8") as out:
        out.write(f"- id: {column_id}\n  name: 每日党建{column_id}\n  newspaper: ycrb\n"
                  f"  started_on: {start.isoformat()}\n  planned_total: {count}\n"
                  f"  categories: [{', '.join(CATEGORIES)}]\n  numbering: \"第{{n}}期\"\n")
    written = []
    for i in range(count):
        day = start + timedelta(days=i)
        number = i + 1
        article_id = f"{column_id}-{number:04d}"
        category = CATEGORIES[i % len(CATEGORIES)]
        folder = content / "column" / str(day.year)
        folder.mkdir(parents=True, exist_ok=True)
        body = "\n\n".join(f"第{number}篇第{p + 1}段：支部党员在服务窗口亮身份、作表率。" for p in range(body_paragraphs))
        (folder / f"{article_id}.md").write_text(
            "---\n"
            f"title: 每日党建第{number}篇\n"
            f"column: {column_id}\n"
            f"series_no: {number}\n"
            f"date: {day.isoformat()}\n"
            f"page: \"{number % 8 + 1:02d}\"\n"
            f"bylines:\n  - {{name: 记者{number % 7}, role: {ROLES[number % 2]}}}\n"
            f"category: {category}\n"
            f"related: [{units[i % len(units)]}]\n"
            "---\n\n" + body + "\n", encoding="utf-8")
        written.append({"id": article_id, "series_no": number, "date": day, "category": category,
                        "unit": units[i % len(units)], "url": f"column/{day.year}/{article_id}/"})
    return written
