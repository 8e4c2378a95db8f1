"""showcase/mkdocs/speed/markdown/inline.py skips inline processing only where it cannot change anything: the HTML of
every page is the same with and without it. Speed is measured in benchmarks/."""
from __future__ import annotations

import markdown
import pytest

from showcase.mkdocs.speed.markdown.inline import FastInlineExtension, FastInlineProcessor
from support.markdown_pages import EXTENSIONS

TRICKY = [
    "纯中文段落，没有任何标记。", "行尾两个空格  \n换行", "**粗体**与*斜体*与_下划线_", "a * b * c 与 2*3",
    "`代码` 与 \\*转义\\*", "[链接](page.md) 与 ![图](a.png) 与 [引用][x]\n\n[x]: http://example.com",
    "<span class=\"a\">行内 HTML</span> &amp; &#20013; <https://example.com> <a@b.cn>", "<!-- 注释 --> 文字",
    "# 标题 {: #anchor }\n\n段落\n{: .cls }", "<div markdown>\n\n**里面**的 [链接](x.md)\n\n</div>",
    "| 表 | 头 |\n|---|---|\n| *一* | `二` |", "!!! note \"提示\"\n    内容 **重要**", "___三下划线___ ***三星***",
]


def convert(text: str, fast: bool, extra: tuple = ()) -> str:
    extensions = EXTENSIONS + list(extra) + ([FastInlineExtension()] if fast else [])
    return markdown.Markdown(extensions=extensions).convert(text)


def test_every_demo_page_converts_to_the_same_html(demo_pages):
    assert len(demo_pages) > 200
    different = [text[:80] for text in demo_pages if convert(text, True) != convert(text, False)]
    assert different == []


@pytest.mark.parametrize("text", TRICKY)
def test_markup_next_to_prose_is_still_processed(text):
    assert convert(text, True) == convert(text, False)


def test_an_unknown_inline_pattern_turns_the_shortcut_off():
    text = "第一行\n第二行 [[维基链接]]"
    md = markdown.Markdown(extensions=EXTENSIONS + ["nl2br", "wikilinks", FastInlineExtension()])
    inline = md.treeprocessors["inline"]
    assert isinstance(inline, FastInlineProcessor)
    assert inline._find_triggers() is None
    assert md.convert(text) == convert(text, False, ("nl2br", "wikilinks"))
    assert "<br" in md.convert(text)
    plain = markdown.Markdown(extensions=EXTENSIONS + [FastInlineExtension()]).treeprocessors["inline"]
    assert plain._find_triggers() == frozenset("`\\[<&\n*_")
