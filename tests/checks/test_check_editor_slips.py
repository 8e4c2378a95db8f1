"""`showcase check` on what an editor gets wrong: each slip with its exact message, file and line, through
the real command on a copy of a fixture."""
from __future__ import annotations

from pathlib import Path

import pytest

from support.sites import copy_fixture, showcase


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_fixture("one-of-each", tmp_path)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(project: Path) -> list[str]:
    result = showcase("check", cwd=project)
    return [line for line in result.stdout.splitlines() if ": 错误: " in line or ": 警告: " in line]


def test_fixture_is_clean(project):
    assert problems(project) == []


def test_folder_year_differs_from_the_date(project):
    (project / "content/column/2026").mkdir()
    (project / "content/column/2023/first.md").rename(project / "content/column/2026/first.md")
    assert problems(project) == [
        "content/column/2026/first.md:6: 警告: 文章放在 column/2026/ 下，但见报日期是 2023-04-21（网址会带上错误的年份 2026）"
        " — 把文件移到 column/2023/ 下；已发布过的，在 aliases 里写上旧网址 column/2026/first/"]


def test_series_order_contradicts_the_dates(project):
    edit(project / "content/column/2023/first.md", "date: 2023-04-21", "date: 2023-06-21")
    assert problems(project) == [
        "content/column/2023/second.md:4: 警告: 第2篇的见报日期 2023-05-02 早于第1篇"
        "（content/column/2023/first.md:4，2023-06-21） — 序号应随见报日期递增（否则“上一篇”会指向更晚的文章）："
        "核对这两篇的 series_no 和 date"]


def test_unquoted_page_with_a_leading_zero(project):
    edit(project / "content/column/2023/first.md", 'page: "03"', "page: 03")
    assert problems(project) == [
        'content/column/2023/first.md:7: 警告: page: 03 没有加引号，被读成了数字 3，网页上显示“第3版” — 加上引号：page: "03"']


def test_ascii_brackets_in_a_doc_number_and_fix(project):
    honor = project / "content/honors/2022-five-star.yml"
    edit(honor, "云直工〔2023〕6号", "云直工[2023]6号")
    assert problems(project) == [
        "content/honors/2022-five-star.yml:5: 警告: 文号里的年份写成了“[2023]” — 文号的年份用六角括号：改为“〔2023〕”；"
        "可运行 showcase check --fix 自动修改"]
    fixed = showcase("check", "--fix", cwd=project)
    assert fixed.stdout.splitlines()[:2] == ["已自动修改 1 处（1 个文件）：", "  content/honors/2022-five-star.yml：1 处"]
    assert "doc_no: 云直工〔2023〕6号\n" in honor.read_text(encoding="utf-8")
    assert problems(project) == []


def test_award_name_differs_from_the_linked_person(project):
    edit(project / "content/honors/2022-five-star.yml", "name: 李红梅", "name: 李虹梅")
    assert problems(project) == [
        "content/honors/2022-five-star.yml:9: 警告: 获奖名称“李虹梅”与所链接的 star-li（content/exemplars/star-li/index.md）"
        "的姓名“李红梅”不一致 — 核对文件原文：写错的一方改正；确是同一对象而名称已变更的，可忽略此提示"]


@pytest.mark.parametrize("path, old, new, line", [
    ("content/brands/alpha/index.md", "unit: wenlv", "unit: 市文旅局", 3),
    ("content/honors/2022-five-star.yml", "name: 王建国, unit: wenlv", "name: 王建国, unit: 市文旅局", 10),
])
def test_a_unit_written_by_its_name(project, path, old, new, line):
    edit(project / path, old, new)
    assert problems(project) == [f"{path}:{line}: 错误: unit 要写单位的标识，“市文旅局”是单位 wenlv 的名称 — 改为 unit: wenlv"]


def test_a_unit_written_by_a_name_close_to_its_own(project):
    edit(project / "content/brands/alpha/index.md", "unit: wenlv", "unit: 市文化旅游局")
    assert problems(project) == ["content/brands/alpha/index.md:3: 错误: unit 要写单位的标识，“市文化旅游局”不是标识"
                                 " — 是不是单位“市文旅局”？改为 unit: wenlv"]


def test_a_yaml_error_is_told_once_and_its_dependants_held_back(project):
    # alpha-sub's parent and the article's related both point to alpha, whose front matter breaks.
    edit(project / "content/brands/alpha/index.md", "slogan: 让党旗在文旅窗口飘扬", 'slogan: "让党旗在文旅窗口飘扬')
    found = problems(project)
    assert found == [
        "content/brands/alpha/index.md:5: 错误: YAML 格式错误：这一行的引号没有配对 — 检查这一行及上一行的缩进、冒号和"
        "引号是否配对；另有 3 处对这里的品牌的引用暂不检查，改正后再运行 showcase check"]


def test_a_broken_units_file_holds_back_every_unit_reference(project):
    edit(project / "content/units.yml", "  order: 1\n", "  order: 1\n name: 错位\n")
    found = problems(project)
    assert len(found) == 1 and found[0].startswith("content/units.yml:11: 错误: YAML 格式错误：缩进与上文不一致 — ")
    assert "暂不检查" in found[0]


def test_placeholders_left_in_a_published_record(project):
    edit(project / "content/brands/alpha/index.md", "slogan: 让党旗在文旅窗口飘扬", "slogan: 请填写品牌口号")
    edit(project / "content/brands/alpha/index.md", "## 品牌内涵\n", "## 品牌内涵\n\n请在这里写品牌内涵。\n")
    hint = "填写实际内容（还没写好的记录设 status: draft，不会发布）"
    assert problems(project) == [
        f"content/brands/alpha/index.md:5: 错误: slogan 还是模板里的占位文字“请填写品牌口号” — {hint}",
        f"content/brands/alpha/index.md:14: 错误: 正文还是模板里的占位文字“请在这里写品牌内涵。” — {hint}"]


def test_new_article_takes_the_next_number_and_the_year_of_its_date(project):
    result = showcase("new", "article", "third", "--date", "2023-05-16", cwd=project)
    assert result.stdout == "已创建 content/column/2023/third.md，请按注释填写后运行 showcase check。\n"
    text = (project / "content/column/2023/third.md").read_text(encoding="utf-8")
    assert "\nseries_no: 3\n" in text and "\ndate: 2023-05-16\n" in text
    assert problems(project) == []  # a draft: its placeholders wait


def test_new_unit_says_it_appended(project):
    result = showcase("new", "unit", "sjj", cwd=project)
    assert result.stdout == "已追加到 content/units.yml，请按注释填写后运行 showcase check。\n"
    assert problems(project) == []


def test_new_rejects_a_date_it_cannot_read(project):
    result = showcase("new", "article", "third", "--date", "2023-0516", cwd=project)
    assert result.returncode == 2
    assert result.stderr == "错误: --date 的日期“2023-0516”无法识别 — 写成 2023-05-16\n"


STANDARDS_BY_YEAR = """\
standards:
  five_star_member:
    - from: 2018
      items: [学习型, 服务型, 奉献型]
    - from: 2022
      items: [学习型, 服务型, 奉献型, 廉洁自律型, 文明和谐型]
"""


def test_stars_outside_the_default_standard(project):
    edit(project / "content/exemplars/star-li/index.md", "stars: [学习型, 服务型,", "stars: [学习型, 创新型,")
    assert problems(project) == [
        "content/exemplars/star-li/index.md:6: 错误: stars 的“创新型”不是2022年度五星党员的星 — "
        "可选：学习型、服务型、奉献型、廉洁自律型、文明和谐型（见 campaign.yml 的 standards.five_star_member）"]


def test_standards_by_year_from_campaign_yml(project):
    campaign = project / "content/campaign.yml"
    campaign.write_text(campaign.read_text(encoding="utf-8") + STANDARDS_BY_YEAR, encoding="utf-8")
    assert problems(project) == []  # selected in 2022: the set from 2022 on
    edit(project / "content/honors/2022-five-star.yml", "year: 2022", "year: 2021")
    hint = "可选：学习型、服务型、奉献型（见 campaign.yml 的 standards.five_star_member）"
    assert problems(project) == [
        f"content/exemplars/star-li/index.md:6: 错误: stars 的“{star}”不是2021年度五星党员的星 — {hint}"
        for star in ("廉洁自律型", "文明和谐型")]
