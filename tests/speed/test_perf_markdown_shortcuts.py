"""The shortcuts FastInlineExtension registers besides its own (showcase/mkdocs/speed/markdown/toc.py, fast_prettify.py,
fast_blocks.py, and fast_inline.py's passing over patterns) change nothing a conversion gives MkDocs:
the HTML, the TOC tokens and the TOC are the same with and without them, on the demo pages and on
markup written to reach each condition. Speed is measured in benchmarks/."""
from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
import pytest
from markdown.blockprocessors import BlockProcessor
from markdown.extensions.toc import render_inner_html
from markdown.postprocessors import Postprocessor
from pymdownx.slugs import slugify

from showcase.mkdocs.speed.markdown import blocks as fast_blocks
from showcase.mkdocs.speed.markdown import prettify as fast_prettify
from showcase.mkdocs.speed.markdown import toc as fast_toc
from showcase.mkdocs.speed.markdown.inline import FastInlineExtension
from support.markdown_pages import EXTENSIONS

# As MkDocs builds the site: its own defaults added, toc configured as in mkdocs.yml.
MKDOCS = ["toc", "tables", "fenced_code"] + [e for e in EXTENSIONS if e not in ("toc", "tables")]
CONFIGS = {"toc": {"permalink": False, "slugify": slugify(case="lower")}}

BLOCKS = [
    "普通段落。\n\n2016年以来，数字开头。\n\n1. 有序\n2. 列表\n\n3.不是列表\n\n10. 十",
    "[链接](a.md) 开头的段落\n\n[x]: http://example.com/ \"标题\"\n\n[引用][x] 与 [x]\n\n[不是定义]: 后面",
    "* 星号\n\n+ 加号\n\n- 减号\n\n*强调*开头\n\n_下划线_开头\n\n---\n\n***\n\n___\n\n- - -",
    "> 引用\n\n>引用无空格\n\n   > 缩进的引用\n\n!!! note \"提示\"\n    内容\n\n!!!不是提醒",
    "    代码块\n\n\t制表符代码\n\n#标题\n\n####### 七个井号\n\n标题\n===\n\n另一\n---",
    "| 表 | 头 |\n|---|---|\n| 一 | 二 |\n\n| 单行表？ |\n\n= 等号开头\n\n<div>原样 HTML</div>\n\n<p>段</p>",
    "- 列表\n\n    缩进续段\n\n紧接的段落\n\n- 项\n续行",
    "* 外层\n    * 内层\n\n        代码或续段\n\n段落",
    "<div markdown>\n\n一行段落\n\n2020年 起\n\n[链接](x.md)\n\n</div>\n\n<div markdown=\"1\">\n- 列表\n</div>",
    "!!! note\n    第一段\n\n    第二段\n\n    1. 列表\n\n普通段落",
    "行尾空格  \n第二行\n\n  两个空格开头\n\n\x02不可能的字符",
]
HEADINGS = [
    "# 标题\n\n## 标题\n\n## 标题\n\n### 标题_1",
    "# 标题 & 符号\n\n## A &amp; B\n\n## 1 < 2 > 0\n\n## `代码` 标题\n\n## *强调* 标题\n\n## [链接](x.md) 标题",
    "# 标题 {: #mine .cls }\n\n## 另一 {: data-toc-label=\"短名\" }\n\n## 转义 \\> \\< \\*\n\n## <em>HTML</em>",
    "[TOC]\n\n# 一\n\n## 二",
    "# 一\n\n段落\n\n[TOC]\n\n## 二\n\n<div markdown>\n\n[TOC]\n\n</div>",
    "#    空格很多   \n\n##\n\n## 尾随井号 ##\n\n<h2>HTML 标题</h2>\n\n<div markdown>\n\n## 里面的标题\n\n</div>",
    "# Ünïcödé Title\n\n## 中文 English 混合\n\n## 1.2 版本",
    "<div markdown>\n<p>行内<br>换行</p>\n\n段落<br>\n</div>\n\n```\n代码\n\n\n```\n\n    缩进代码\n\n\n",
]


def conversion(text: str, fast: bool, extra: tuple = ()) -> tuple:
    extensions = MKDOCS + list(extra) + ([FastInlineExtension()] if fast else [])
    md = markdown.Markdown(extensions=extensions, extension_configs=CONFIGS)
    html = md.convert(text)
    return html, md.toc_tokens, md.toc


def test_every_demo_page_converts_the_same_as_mkdocs_converts_it(demo_pages):
    different = [text[:80] for text in demo_pages if conversion(text, True) != conversion(text, False)]
    assert different == []


@pytest.mark.parametrize("text", BLOCKS + HEADINGS)
def test_markup_at_each_condition_converts_the_same(text):
    assert conversion(text, True) == conversion(text, False)


def test_the_shortcuts_are_on_with_the_site_settings():
    """On for the Python-Markdown version they were checked against; off (stock code) for any other."""
    checked = markdown.__version_info__[:3] in fast_toc.CHECKED_VERSIONS
    assert fast_toc.CHECKED_VERSIONS == fast_prettify.CHECKED_VERSIONS == fast_blocks.CHECKED_VERSIONS
    md = markdown.Markdown(extensions=MKDOCS + [FastInlineExtension()], extension_configs=CONFIGS)
    assert type(md.treeprocessors["toc"]) is fast_toc.FastTocTreeprocessor
    assert md.treeprocessors["toc"].slugify is CONFIGS["toc"]["slugify"]
    assert (type(md.treeprocessors["prettify"]) is fast_prettify.FastPrettifyTreeprocessor) == checked
    plain = md.parser.blockprocessors[fast_blocks.NAME]
    md.convert("一行")
    assert (plain.paragraph is md.parser.blockprocessors["paragraph"]) == checked
    assert md.treeprocessors["toc"]._fast_ok() == checked


def test_a_heading_of_plain_text_gives_what_render_inner_html_gives():
    md = markdown.Markdown(extensions=MKDOCS)
    for text in ["  标题 ", "Title  with  spaces", "", None, "a\nb"]:
        heading = etree.Element("h2", {"id": "x", "class": "y", "title": "a > b"})
        heading.text, heading.tail = text, "\n"
        assert fast_toc._plain_inner_html(heading) == render_inner_html(heading, md)
    for text, attrs, tail in [("a &amp; b", {}, None), ("a < b", {}, None), ("\x02klzzwxh:0000\x03", {}, None),
                              ("标题", {"title": "\x0262\x03"}, None), ("标题", {}, "\x0260\x03")]:
        heading = etree.Element("h2", attrs)
        heading.text, heading.tail = text, tail
        assert fast_toc._plain_inner_html(heading) is None
    heading = etree.Element("h2")
    heading.text = "有"
    etree.SubElement(heading, "em").text = "子元素"
    assert fast_toc._plain_inner_html(heading) is None


class _Shout(Postprocessor):
    def run(self, text):
        return text.replace("标题", "标题！")


class _Shouting(markdown.extensions.Extension):
    def extendMarkdown(self, md):  # noqa: N802
        md.postprocessors.register(_Shout(md), "shout", 5)


def test_an_unknown_postprocessor_turns_the_toc_shortcut_off():
    text = "# 标题\n\n## 小标题"
    md = markdown.Markdown(extensions=MKDOCS + [_Shouting(), FastInlineExtension()], extension_configs=CONFIGS)
    assert not md.treeprocessors["toc"]._fast_ok()
    assert conversion(text, True, (_Shouting(),)) == conversion(text, False, (_Shouting(),))
    assert md.convert(text) and md.toc_tokens[0]["name"] == "标题！"


class _Bang(BlockProcessor):
    """Takes a block that starts with 「 — a block a stock processor never takes."""

    def test(self, parent, block):
        return block.startswith("「")

    def run(self, parent, blocks):
        etree.SubElement(parent, "aside").text = blocks.pop(0)


class _Banging(markdown.extensions.Extension):
    def extendMarkdown(self, md):  # noqa: N802
        md.parser.blockprocessors.register(_Bang(md.parser), "bang", 50)


@pytest.mark.parametrize("extra", [(_Banging(),), ("sane_lists",), ("def_list",), ("abbr",), ("footnotes",)])
def test_an_unknown_block_processor_turns_the_paragraph_shortcut_off(extra):
    text = "「引文」\n\n普通段落\n\n1. 一\n\n*[HTML]: 缩写\n\n术语\n:   定义\n\n脚注[^1]\n\n[^1]: 注"
    md = markdown.Markdown(extensions=MKDOCS + list(extra) + [FastInlineExtension()], extension_configs=CONFIGS)
    md.convert(text)
    known = all(type(p) in fast_blocks.KNOWN_TYPES or type(p).__name__ in ("ParagraphProcessor", "PlainParagraphProcessor")
                for p in md.parser.blockprocessors)
    assert (md.parser.blockprocessors[fast_blocks.NAME].paragraph is not None) == known
    assert conversion(text, True, extra) == conversion(text, False, extra)
    if extra[0].__class__ is _Banging:
        assert "<aside>「引文」</aside>" in md.convert(text)
