"""`showcase check`: every problem, with exact file, line and message, in one run."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from showcase.checks.run import check_content
from support.sites import showcase

UNITS = """\
- id: wenlv
  name: 云川市文化和旅游局
  short_name: 市文旅局
  order: 2
- id: fgw
  name: 云川市发展和改革委员会
  order: 1
"""


def write(root: Path, rel: str, text: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        text = textwrap.dedent(text).encode("utf-8")
    path.write_bytes(text)
    return path


@pytest.fixture
def content(tmp_path) -> Path:
    root = tmp_path / "content"
    write(root, "units.yml", UNITS)
    return root


def messages(root: Path) -> list[str]:
    """Every problem as the editor sees it, paths relative to the content root."""
    problems = check_content(root).problems.sorted()
    out = []
    for p in problems:
        rel = Path(p.path).resolve().relative_to(root.resolve()).as_posix()
        out.append(f"{rel}:{p.line}: {p.level}: {p.message}")
    return out


def the_brand(checked):
    return next(r for r in checked.records if r.kind == "brand")


def brand(root, brand_id, front: str, body: str = "## 品牌内涵\n\n正文\n"):
    return write(root, f"brands/{brand_id}/index.md", "---\n" + textwrap.dedent(front) + "---\n" + body)


def test_valid_content_has_no_problems(content):
    brand(content, "wenlv-red", "title: 文旅红\nunit: wenlv\nlaunched: 2018-06-28\n")
    assert messages(content) == []


def test_every_problem_of_every_file_in_one_run(content):
    brand(content, "a", """\
        title: 品牌甲
        unit: wenlv
        sloagn: 口号
        tags: 文旅
        parent: nope
        """)
    brand(content, "b", "title: 品牌乙\nunit: culture\n")
    found = messages(content)
    assert found == [
        "brands/a/index.md:4: 错误: 不认识的字段 sloagn",
        "brands/a/index.md:5: 错误: tags 应是列表，这里是“文旅”",
        "brands/a/index.md:6: 错误: 找不到品牌“nope”",
        "brands/b/index.md:3: 错误: 找不到单位“culture”",
    ]


def test_did_you_mean_for_a_misspelt_field(content):
    brand(content, "a", "title: 甲\nunit: wenlv\nsloagn: 口号\n")
    problem = check_content(content).problems.errors[0]
    assert problem.hint == "是不是想写 slogan？"
    assert problem.format().endswith("错误: 不认识的字段 sloagn — 是不是想写 slogan？")


def test_missing_required_field_names_it(content):
    brand(content, "a", "unit: wenlv\n")
    assert messages(content) == ["brands/a/index.md:1: 错误: 缺少必填字段 title（标题）"]


@pytest.mark.parametrize("written", ["2023年4月21日", "2023/4/21", "2023-4-21", "2023.4.21", "2023-04-21"])
def test_dates_as_editors_write_them_are_accepted(content, written):
    brand(content, "a", f"title: 甲\nunit: wenlv\nlaunched: {written}\n")
    checked = check_content(content)
    assert checked.problems.items == []
    assert the_brand(checked)["launched"].isoformat() == "2023-04-21"


def test_impossible_date_is_an_error(content):
    brand(content, "a", "title: 甲\nunit: wenlv\nlaunched: 2023-02-30\n")
    assert messages(content) == ["brands/a/index.md:4: 错误: 日期 2023-02-30 不存在"]


def test_wrong_types(content):
    brand(content, "a", """\
        title: 甲
        unit: wenlv
        slogan: [一, 二]
        metrics:
          - {label: 人数, value: 很多, as_of: 2023-01-01}
        featured: 是
        """)
    assert messages(content) == [
        "brands/a/index.md:4: 错误: slogan 应是文字，这里是列表",
        "brands/a/index.md:6: 错误: value 应是数字，这里是“很多”",
        "brands/a/index.md:7: 错误: featured 应是 true 或 false，这里是“是”",
    ]


def test_enum_value_with_suggestion(content):
    write(content, "exemplars/x/index.md", "---\ntitle: 甲\nkind: red_flag_brach\nunit: wenlv\n---\n")
    problems = check_content(content).problems.errors
    assert [(p.line, p.message, p.hint) for p in problems] == [
        (3, "kind 的取值“red_flag_brach”不在可选范围内", "是不是想写 red_flag_branch？")]


def test_bad_id_folder(content):
    brand(content, "Wen_Lv", "title: 甲\nunit: wenlv\n")
    found = check_content(content).problems.errors
    assert len(found) == 1
    assert found[0].message == "标识“Wen_Lv”不合规：只能用小写英文字母、数字和连字符"
    assert "wen-lv" in found[0].hint


def test_duplicate_ids_in_list_file(content):
    write(content, "units.yml", UNITS + "- id: fgw\n  name: 重复\n  order: 3\n")
    found = messages(content)
    assert len(found) == 1 and found[0].startswith("units.yml:8: 错误: 单位标识 fgw 重复（已用于 ")
    assert found[0].endswith("units.yml:5）")


def test_duplicate_series_number(content):
    write(content, "newspapers.yml", "- {id: ycrb, name: 云川日报}\n")
    write(content, "columns.yml", "- {id: sc, name: 三创先锋, newspaper: ycrb, started_on: 2022-03-01, planned_total: 100}\n")
    for name in ("one", "two"):
        write(content, f"column/2023/{name}.md",
              f"---\ntitle: {name}\ncolumn: sc\nseries_no: 7\ndate: 2023-04-21\n---\n正文\n")
    found = [m for m in messages(content) if "重复" in m]
    assert len(found) == 1
    assert found[0].startswith("column/2023/two.md:4: 错误: 专栏序号 7 重复")


def test_missing_referenced_file(content):
    brand(content, "a", "title: 甲\nunit: wenlv\nlogo: logo.png\n")
    assert messages(content) == ["brands/a/index.md:4: 错误: 找不到文件 logo.png"]


# ---- what real editors' files look like ------------------------------------------------------------

def test_yaml_syntax_error_reports_its_line(content):
    write(content, "honors/h.yml", "title: 表彰\ntype: other\nyear: 2022\nawards:\n  - name: 甲\n   unit: wenlv\n")
    found = messages(content)
    assert len(found) == 1 and found[0].startswith("honors/h.yml:6: 错误: YAML 格式错误")


def test_unclosed_quote_points_at_where_it_opened(content):
    write(content, "honors/h.yml", 'title: "表彰\ntype: other\nyear: 2022\n')
    assert messages(content) == ["honors/h.yml:1: 错误: YAML 格式错误：这一行的引号没有配对"]


def test_tab_indentation(content):
    write(content, "honors/h.yml", "title: 表彰\ntype: other\nyear: 2022\nawards:\n\t- name: 甲\n")
    assert messages(content) == ["honors/h.yml:5: 错误: YAML 的缩进里有制表符（Tab）"]


def test_fullwidth_colon(content):
    brand(content, "a", "title：甲\nunit: wenlv\n")
    assert messages(content) == ["brands/a/index.md:2: 错误: 字段名 title 后面用了全角冒号“：”"]


def test_missing_space_after_colon(content):
    brand(content, "a", "title:甲\nunit: wenlv\n")
    assert messages(content) == ["brands/a/index.md:2: 错误: 字段名 title 的冒号后面缺少空格"]


def test_bom_and_crlf_are_read_as_if_clean(content):
    write(content, "brands/a/index.md", "\ufeff---\r\ntitle: 甲\r\nunit: wenlv\r\n---\r\n正文\r\n".encode("utf-8"))
    checked = check_content(content)
    assert checked.problems.items == []
    assert the_brand(checked).title == "甲"


def test_gbk_file_is_read_correctly_with_a_warning(content):
    write(content, "brands/a/index.md", "---\ntitle: 文旅红\nunit: wenlv\n---\n正文\n".encode("gbk"))
    checked = check_content(content)
    assert [p.level for p in checked.problems.items] == ["警告"]
    assert checked.problems.items[0].message == "文件不是 UTF-8 编码（按 GBK 读取）"
    assert the_brand(checked).title == "文旅红"  # never mojibake


def test_undecodable_file_is_an_error(content):
    write(content, "brands/a/index.md", b"---\ntitle: \xff\xfe\xff\nunit: wenlv\n---\n")
    assert messages(content) == ["brands/a/index.md:2: 错误: 文件不是 UTF-8 编码，也无法按 GBK 读取"]


def test_empty_file(content):
    write(content, "brands/a/index.md", "")
    assert messages(content) == ["brands/a/index.md:1: 错误: 文件是空的"]


def test_front_matter_without_closing_line(content):
    write(content, "brands/a/index.md", "---\ntitle: 甲\nunit: wenlv\n\n正文\n")
    assert messages(content) == ["brands/a/index.md:1: 错误: front matter 没有结束的 ---"]


def test_duplicate_key(content):
    brand(content, "a", "title: 甲\nunit: wenlv\ntitle: 乙\n")
    assert messages(content) == ["brands/a/index.md:4: 错误: 字段 title 重复出现"]


def test_yes_no_stay_words(content):
    brand(content, "a", "title: 甲\nunit: wenlv\nslogan: no\n")
    checked = check_content(content)
    assert checked.problems.items == []
    assert the_brand(checked)["slogan"] == "no"


def test_parent_cycle(content):
    brand(content, "a", "title: 甲\nunit: wenlv\nparent: b\n")
    brand(content, "b", "title: 乙\nunit: wenlv\nparent: a\n")
    assert any(m.startswith("brands/a/index.md:4: 错误: 上级品牌形成循环：a → b → a") for m in messages(content))


# ---- the command ------------------------------------------------------------------------------------

def test_cli_exit_codes_and_summary(tmp_path, content):
    brand(content, "a", "title: 甲\nunit: wenlv\nsloagn: 口号\n")
    result = showcase("check", str(content), cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "content/brands/a/index.md:4: 错误: 不认识的字段 sloagn — 是不是想写 slogan？"
    assert lines[-1] == "检查完成：1 个错误，0 个警告，3 条记录。"
    (content / "brands/a/index.md").write_text("---\ntitle: 甲\nunit: wenlv\n---\n", encoding="utf-8")
    result = showcase("check", str(content), cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip().splitlines()[-1] == "检查完成：0 个错误，0 个警告，3 条记录。"


def test_demo_content_is_clean():
    root = Path(__file__).resolve().parents[1] / "content"
    checked = check_content(root)
    assert checked.problems.errors == [], checked.problems.report()
    assert len(checked.records) > 100
