"""Saving round-trip: only changed top-level fields are rewritten, comments and untouched lines stay byte for
byte, a new field goes where the schema puts it, an emptied one goes away; writes refuse a changed file."""
from __future__ import annotations

import pytest

from showcase.desk.save import Conflict, digest, read_values, updated_text, write_if_unchanged

TEXT = """\
---
# 品牌信息（宣传科 2023 年整理）
title: 文旅红
unit: wenlv     # 单位标识
slogan: "让党旗飘扬"
launched: 2018年6月28日
tags: [文旅融合, 窗口]
metrics:
  # 数据来源：年度报告
  - {label: 服务游客, value: 12.6, unit: 万人次, as_of: 2023-12-31}
---

## 品牌内涵

正文。
"""
ORDER = ["title", "unit", "branch", "slogan", "logo", "launched", "tags", "metrics"]


def test_values_are_read_as_written():
    values, body = read_values(TEXT, True)
    assert values["launched"] == "2018年6月28日" and values["metrics"][0]["as_of"] == "2023-12-31"
    assert body == "\n## 品牌内涵\n\n正文。\n"


def test_nothing_changed_writes_the_same_bytes():
    values, body = read_values(TEXT, True)
    assert updated_text(TEXT, True, values, body, ORDER) == TEXT


def test_only_the_changed_field_is_rewritten_and_comments_stay():
    out = updated_text(TEXT, True, {"slogan": "新口号", "branch": "机关党委"}, None, ORDER)
    before, after = TEXT.splitlines(), out.splitlines()
    assert [line for line in before if line not in after] == ['slogan: "让党旗飘扬"']
    assert [line for line in after if line not in before] == ["branch: 机关党委", 'slogan: "新口号"']
    assert after.index("branch: 机关党委") == after.index("unit: wenlv     # 单位标识") + 1  # schema order


def test_a_changed_list_keeps_its_inner_comment_and_row_style():
    values, _ = read_values(TEXT, True)
    metrics = values["metrics"] + [{"label": "志愿", "value": 3, "as_of": "2024-01-01"}]
    out = updated_text(TEXT, True, {"metrics": metrics}, None, ORDER)
    assert "  # 数据来源：年度报告\n" in out
    assert "  - {label: 志愿, value: 3, as_of: 2024-01-01}\n" in out


def test_an_emptied_field_is_removed_and_a_new_body_replaces_the_old():
    out = updated_text(TEXT, True, {"tags": []}, "新的正文。", ORDER)
    assert "tags:" not in out and out.endswith("---\n新的正文。\n")


def test_a_yaml_record_keeps_its_head_comment():
    text = "# 评选批次\ntype: red_flag_branch\nyear: 2022  # 年度\n"
    assert updated_text(text, False, {"year": 2023}, None, ["type", "year"]) == "# 评选批次\ntype: red_flag_branch\nyear: 2023  # 年度\n"


def test_a_write_over_a_changed_or_new_file_is_refused(tmp_path):
    path = tmp_path / "index.md"
    path.write_text("a\n", encoding="utf-8")
    opened = digest(b"a\n")
    path.write_text("b\n", encoding="utf-8")
    with pytest.raises(Conflict) as refused:
        write_if_unchanged(path, b"mine\n", opened)
    assert refused.value.current == "b\n" and path.read_text(encoding="utf-8") == "b\n"
    with pytest.raises(Conflict):
        write_if_unchanged(path, b"mine\n", "")  # a "new" record over an existing file
    write_if_unchanged(path, b"mine\n", digest(b"b\n"))
    assert path.read_bytes() == b"mine\n" and [p.name for p in tmp_path.iterdir()] == ["index.md"]
