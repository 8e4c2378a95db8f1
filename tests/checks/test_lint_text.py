"""Text lint: scraped artifacts and placeholders (errors), wrong names (errors), Chinese typography
(warnings) — each with the exact file:line and message."""
from __future__ import annotations

import pytest

from showcase.lint.text import artifact_hits, typography_hits
from support.sites import copy_fixture, showcase

FIX = "可运行 showcase check --fix 自动修改"


@pytest.fixture(scope="module")
def lines(tmp_path_factory):
    project = copy_fixture("publish-lint", tmp_path_factory.mktemp("text"))
    return showcase("check", cwd=project).stdout.splitlines()


def of(lines, path):
    return [line for line in lines if line.startswith(path + ":")]


def test_scraped_artifacts_and_placeholders_are_errors(lines):
    assert of(lines, "content/brands/scraped/index.md") == [
        "content/brands/scraped/index.md:4: 错误: 疑似屏蔽残留“中国**党” — 核对原文，补全被屏蔽的文字（抓取的网页常把敏感词替换成 **）",
        "content/brands/scraped/index.md:9: 错误: 占位符“xx”未替换（“习xx总”） — 填写实际的名称或数字（抓取的网页常把人名、地名换成 xx）",
        "content/brands/scraped/index.md:10: 错误: “20_年”中的数字不完整 — 补全数字，如“2023年”",
        "content/brands/scraped/index.md:10: 错误: 占位符“××”未替换 — 填写实际的名称或数字",
        "content/brands/scraped/index.md:10: 错误: 正文里有拼音“dangwei”，疑似屏蔽词残留 — 改为汉字“党委”",
        "content/brands/scraped/index.md:10: 错误: 疑似被屏蔽的机构名“x委” — 核对原文，写出完整名称（如“市委”“党委”）",
        "content/brands/scraped/index.md:11: 错误: 名称“云川市文旅局局”写法有误 — 应为“云川市文化和旅游局”（见名称表 names.yml）",
    ]  # line 9's **品牌内涵** is bold; dangwei in code and in a URL is no text; the right name is right


def test_typography_is_a_warning_with_the_fix(lines):
    assert of(lines, "content/brands/typo/index.md") == [
        f"content/brands/typo/index.md:4: 警告: 中文之间用了半角逗号“,” — 改为全角“，”；{FIX}",
        f"content/brands/typo/index.md:10: 警告: 中文之间用了半角分号“;” — 改为全角“；”；{FIX}",
        f"content/brands/typo/index.md:10: 警告: 中文之间用了半角逗号“,” — 改为全角“，”；{FIX}",
        f'content/brands/typo/index.md:10: 警告: 中文里用了直双引号"三个到位" — 改为“三个到位”；{FIX}',
        f"content/brands/typo/index.md:11: 警告: 中文之间用了半角叹号“!” — 改为全角“！”；{FIX}",
        f"content/brands/typo/index.md:11: 警告: 中文之间用了半角问号“?” — 改为全角“？”；{FIX}",
        f"content/brands/typo/index.md:11: 警告: 中文里用了半角括号“(机关党委)” — 改为全角“（机关党委）”；{FIX}",
        f"content/brands/typo/index.md:11: 警告: 中文里的省略号写成了“...” — 改为“……”；{FIX}",
    ]  # line 5's `[文旅融合,窗口服务]` is a YAML list, line 12 is English: neither is flagged


def test_a_record_may_allow_a_quoted_placeholder(tmp_path):
    project = copy_fixture("publish-lint", tmp_path)
    page = project / "content/brands/scraped/index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("unit: wl\n", "unit: wl\nallow:\n  - {match: ××局, reason: 引用文件原文}\n"),
                    encoding="utf-8")
    found = of(showcase("check", cwd=project).stdout.splitlines(), "content/brands/scraped/index.md")
    assert not any("××" in line for line in found)
    assert not any("没有用到" in line for line in found)
    assert any("x委" in line for line in found)  # only what is allowed


def test_the_names_list_is_checked_with_lines(tmp_path):
    project = copy_fixture("publish-lint", tmp_path)
    (project / "content/names.yml").write_text(
        "- correct: 云川市文化和旅游局\n"
        "  wrong: [云川市文化和旅游局]\n"
        "- {wrong: [某某]}\n"
        "- {correct: 市委, wrong: 市x委, typo: 1}\n"
        "- 只写了名称\n", encoding="utf-8")
    found = of(showcase("check", cwd=project).stdout.splitlines(), "content/names.yml")
    assert found == [
        "content/names.yml:2: 错误: “云川市文化和旅游局”既是正确写法又列为错误写法 — 从 wrong 中删除它",
        "content/names.yml:3: 错误: 名称表的这一项缺少 correct（正确写法） — 加上 `correct: 正确名称`",
        "content/names.yml:4: 错误: 名称表里不认识的字段 typo — 只能写 correct（正确写法）、wrong（错误写法列表）和 note（说明）",
        "content/names.yml:5: 错误: 名称表的每一项应写成 correct: 和 wrong: 两个字段 — 如 `- {correct: 云川市文化和旅游局, wrong: [云川市文旅局局]}`",
    ]


def test_no_names_list_is_fine_and_names_yml_is_no_unknown_data_file(tmp_path):
    project = copy_fixture("publish-lint", tmp_path)
    assert of(showcase("check", cwd=project).stdout.splitlines(), "content/names.yml") == []
    (project / "content/names.yml").unlink()
    lines = showcase("check", cwd=project).stdout.splitlines()
    assert not any("写法有误" in line for line in lines)


# ---- the rules on strings -------------------------------------------------------------------------

@pytest.mark.parametrize("text, markdown, found", [
    ("学习中国**党的精神", True, ["中国**党", "**"]),  # one message: the overlap is merged per segment
    ("学习中国**党的精神", False, ["中国**党", "**"]),
    ("要**坚持党建引领**，推动", True, []),
    ("要**坚持党建引领**，推动", False, ["**", "**"]),
    ("习xx总书记", True, ["xx"]),
    ("XX单位", True, ["XX"]),
    ("box xx large", True, []),
    ("××局", True, ["××"]),
    ("X光机", True, []),
    ("x委", True, ["x委"]),
    ("dangwei会议", True, ["dangwei"]),
    ("dangweiguan", True, []),
    ("20_年", True, ["20_"]),
    ("__月", True, ["__"]),
])
def test_artifact_rules(text, markdown, found):
    assert [text[h.start:h.end] for h in artifact_hits(text, markdown)] == found


@pytest.mark.parametrize("text, fixes", [
    ("党建,引领", [(",", "，")]),
    ("党建, 引领", [(", ", "，")]),
    ("“品牌”,以及", [(",", "，")]),
    ("time: 10:30", []),
    ("市文旅局(机关党委)", [("(机关党委)", "（机关党委）")]),
    ("(2023年)", [("(2023年)", "（2023年）")]),
    ("f(x) = 1", []),
    ('他说"好的"。', [('"好的"', "“好的”")]),
    ("他说'好的'。", [("'好的'", "‘好的’")]),
    ('say "hello"', []),
    ("等等...", [("...", "……")]),
    ("等等。。。", [("。。。", "……")]),
    ("等等…", [("…", "……")]),
    ("等等……", []),
    ("1...10", []),
])
def test_typography_rules(text, fixes):
    assert [(text[h.start:h.end], h.fix) for h in typography_hits(text)] == fixes
