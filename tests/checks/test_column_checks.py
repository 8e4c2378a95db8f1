"""`showcase check` on the column: series gaps and duplicates, dates, plan, categories, rights —
each message with its file and line, all in one run."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from support.sites import copy_fixture, showcase


def line_of(path: Path, prefix: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if line.startswith(prefix):
            return number
    raise AssertionError(f"{prefix} not in {path}")


def set_field(path: Path, name: str, value: str) -> None:
    """Replace (or add, before the closing ---) a front-matter field."""
    lines = path.read_text(encoding="utf-8").split("\n")
    end = lines.index("---", 1)
    for i in range(1, end):
        if lines[i].startswith(f"{name}:"):
            lines[i] = f"{name}: {value}"
            break
    else:
        lines.insert(end, f"{name}: {value}")
    path.write_text("\n".join(lines), encoding="utf-8")


def drop_field(path: Path, name: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(l for l in lines if not l.startswith(f"{name}:")), encoding="utf-8")


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_fixture("column", tmp_path)


def check(project: Path):
    result = showcase("check", cwd=project)
    return result.returncode, result.stdout.splitlines()


def test_fixture_is_clean(project):
    code, lines = check(project)
    assert code == 0
    assert lines[-1].startswith("检查完成：0 个错误，0 个警告")


def test_every_series_problem_with_file_and_line_in_one_run(project):
    col = project / "content" / "column"
    first, third, fourth = col / "2023/a-first.md", col / "2023/c-third.md", col / "2023/d-fourth.md"
    sixth = col / "2024/f-sixth/index.md"
    set_field(fourth, "series_no", "3")  # duplicate of c-third
    set_field(sixth, "series_no", "12")  # above planned_total 10, leaves 6–11 missing (5 is a draft)
    set_field(first, "date", "2023-02-20")  # before the column started (2023-03-01)
    tomorrow = date.today() + timedelta(days=1)
    set_field(col / "2023/e-fifth.md", "status", "published")
    set_field(col / "2023/e-fifth.md", "date", tomorrow.isoformat())  # after today
    set_field(third, "category", "典型人物")  # not one of the column's categories
    drop_field(third, "summary")  # summary_only without its summary

    code, lines = check(project)
    assert code == 1
    fifth = col / "2023/e-fifth.md"
    expected = [
        f"content/column/2023/d-fourth.md:{line_of(fourth, 'series_no:')}: 错误: 专栏序号 3 重复"
        f"（content/column/2023/c-third.md:{line_of(third, 'series_no:')} 已使用） — 每篇文章的 series_no 在专栏内唯一：改正其中一篇",
        f"content/column/2024/f-sixth/index.md:{line_of(sixth, 'series_no:')}: 警告: 专栏序号 12 超过专栏“三创先锋”的计划篇数 10"
        " — 核对序号；若专栏计划延长，修改 content/columns.yml 中的 planned_total",
        f"content/column/2024/f-sixth/index.md:{line_of(sixth, 'series_no:')}: 警告: 专栏“三创先锋”缺少第6—11篇（本篇是第12篇）"
        " — 补录缺少的文章（尚未发布的可设 status: draft），或核对本篇的 series_no",
        f"content/column/2023/e-fifth.md:{line_of(fifth, 'series_no:')}: 警告: 专栏“三创先锋”缺少第4篇（本篇是第5篇）"
        " — 补录缺少的文章（尚未发布的可设 status: draft），或核对本篇的 series_no",
        f"content/column/2023/a-first.md:{line_of(first, 'date:')}: 错误: 见报日期 2023-02-20 早于专栏“三创先锋”的开栏日期 2023-03-01"
        " — 核对 date；若开栏日期有误，修改 content/columns.yml 中的 started_on",
        f"content/column/2023/e-fifth.md:{line_of(fifth, 'date:')}: 警告: 见报日期 {tomorrow.isoformat()} 晚于今天（{date.today().isoformat()}）"
        " — 核对 date；尚未见报的文章设 status: draft，或用 publish_at 定时到见报当天发布",
        f"content/column/2023/c-third.md:{line_of(third, 'category:')}: 错误: 分类“典型人物”不是专栏“三创先锋”的分类"
        " — 改为其中之一：品牌先进典型案例、红旗党支部、五星党员标兵；或在 content/columns.yml 的 categories 末尾添加",
        f"content/column/2023/c-third.md:{line_of(third, 'rights:')}: 错误: rights: summary_only 的文章缺少 summary（摘要）"
        " — 仅摘要的文章在网站上只显示摘要：加上 `summary: …`",
    ]
    for line in expected:
        assert line in lines, "\n".join(lines)
    # and the fifth, now dated tomorrow, is in the 2023 folder and after No. 12's date: two more warnings
    assert f"content/column/2023/e-fifth.md:{line_of(fifth, 'date:')}: 警告: 文章放在 column/2023/ 下，但见报日期是 " \
           f"{tomorrow.isoformat()}（网址会带上错误的年份 2023） — 把文件移到 column/{tomorrow.year}/ 下；已发布过的，" \
           "在 aliases 里写上旧网址 column/2023/e-fifth/" in lines
    assert any(line.startswith(f"content/column/2024/f-sixth/index.md:{line_of(sixth, 'series_no:')}: 警告: 第12篇的见报日期")
               for line in lines)
    assert lines[-1].startswith("检查完成：4 个错误，6 个警告")


def test_an_embargoed_article_dated_ahead_is_no_warning(project):
    fifth = project / "content/column/2023/e-fifth.md"
    day = date.today() + timedelta(days=3)
    set_field(fifth, "status", "published")
    set_field(fifth, "date", day.isoformat())
    set_field(fifth, "publish_at", f"{day.isoformat()}T06:00:00+08:00")
    code, lines = check(project)
    assert code == 0 and not any("晚于今天" in line for line in lines), "\n".join(lines)


def test_series_no_zero_and_bad_columns(project):
    first = project / "content/column/2023/a-first.md"
    set_field(first, "series_no", "0")
    columns = project / "content/columns.yml"
    text = columns.read_text(encoding="utf-8")
    columns.write_text(text.replace('numbering: "之{cn}"', 'numbering: "之{num}"')
                       + "- id: \"2024\"\n  name: 年度专栏\n  newspaper: ycrb\n  started_on: 2024-01-01\n"
                         "  planned_total: 5\n", encoding="utf-8")
    code, lines = check(project)
    assert code == 1
    assert (f"content/column/2023/a-first.md:{line_of(first, 'series_no:')}: 错误: 专栏序号 0 无效：序号从 1 开始"
            " — 写这篇文章在专栏中的篇次，第一篇为 1") in lines
    assert (f"content/columns.yml:{line_of(columns, '  numbering:')}: 错误: numbering 中的“{{num}}”无法识别"
            " — 只能用 {cn}（中文数字，如 之{cn} → 之七十一）或 {n}（阿拉伯数字）") in lines
    year_line = line_of(columns, '- id: "2024"')
    assert (f"content/columns.yml:{year_line}: 错误: 专栏标识“2024”是四位数字，"
            "与文章的年份目录 column/<年份>/ 冲突 — 换一个英文标识，如 sanchuang") in lines


def test_retracted_number_is_no_gap_and_a_draft_holds_its_number(project):
    # The fixture has 2 retracted and 5 as a draft: neither is reported as missing.
    code, lines = check(project)
    assert not any("缺少第" in line for line in lines)
    (project / "content/column/2023/e-fifth.md").unlink()
    code, lines = check(project)
    sixth = project / "content/column/2024/f-sixth/index.md"
    assert (f"content/column/2024/f-sixth/index.md:{line_of(sixth, 'series_no:')}: 警告: "
            "专栏“三创先锋”缺少第5篇（本篇是第6篇） — 补录缺少的文章（尚未发布的可设 status: draft），或核对本篇的 series_no") in lines
