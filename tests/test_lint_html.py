"""Raw HTML pasted from Word or the web: an error in check (file:line), and stripped in the build even
when no check ran (defence in depth)."""
from __future__ import annotations

import pytest

from showcase.lint.raw_html import is_script_url, sanitize_markdown
from support.sites import copy_fixture, showcase

HINT = "多半是从网页或 Word 粘贴带来的：删除它（网站不允许脚本，生成时也会自动去掉），需要的内容改用 Markdown 写"
PASTED = """---
title: 粘贴的通知
date: 2023-03-01
---

请各单位按时报送材料。

<p onclick="alert(1)">点这里</p>
<script>alert("pasted-script")</script>
[报名](javascript:alert(1))
<span title="图" ONMOUSEOVER="alert(2)">悬停</span>
<a href="jav&#x61;script:alert(3)">网页链接</a>

`<script>` 写在代码里是文字。
"""


def test_check_reports_each_with_file_and_line(tmp_path):
    project = copy_fixture("publish-edition", tmp_path)
    (project / "content/notices/pasted.md").write_text(PASTED, encoding="utf-8")
    result = showcase("check", cwd=project)
    assert result.returncode == 1
    assert [line for line in result.stdout.splitlines() if line.startswith("content/notices/pasted.md")] == [
        f"content/notices/pasted.md:8: 错误: HTML 标签 <p> 带有脚本属性 onclick — {HINT}",
        f"content/notices/pasted.md:9: 错误: HTML 里有 <script>（会执行脚本或嵌入外部页面） — {HINT}",
        f"content/notices/pasted.md:10: 错误: 链接地址 javascript:alert(1) 是脚本 — {HINT}",
        f"content/notices/pasted.md:11: 错误: HTML 标签 <span> 带有脚本属性 onmouseover — {HINT}",
        f"content/notices/pasted.md:12: 错误: HTML 标签 <a> 带有脚本属性 href — {HINT}",
    ]


def test_plain_pages_and_the_home_page_are_checked_too(tmp_path):
    project = copy_fixture("publish-edition", tmp_path)
    (project / "content/about.md").write_text("# 关于\n\n<iframe src=\"http://example.com/\"></iframe>\n",
                                              encoding="utf-8")
    home = project / "content/index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    lines = showcase("check", cwd=project).stdout.splitlines()
    assert f"content/about.md:3: 错误: HTML 里有 <iframe>（会执行脚本或嵌入外部页面） — {HINT}" in lines
    assert f"content/index.md:7: 错误: HTML 里有 <script>（会执行脚本或嵌入外部页面） — {HINT}" in lines


def test_the_build_strips_what_a_skipped_check_let_through(tmp_path, monkeypatch):
    """Defence in depth: with the raw-HTML check removed, the build still ships no active content."""
    import showcase.checks.run
    from showcase.mkdocs.build import build_site
    from showcase.lint.raw_html import check_raw_html

    project = copy_fixture("publish-edition", tmp_path)
    (project / "content/notices/pasted.md").write_text(PASTED, encoding="utf-8")
    (project / "content/about.md").write_text("# 关于\n\n<script>alert('about-script')</script>正文\n",
                                              encoding="utf-8")
    home = project / "content/index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\n<b onclick=\"alert('home')\">首页</b>\n", encoding="utf-8")
    for key in ("SHOWCASE_EDITION", "SHOWCASE_DRAFTS", "SHOWCASE_NOW"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setattr(showcase.checks.run, "CROSS_CHECKS",
                        tuple(c for c in showcase.checks.run.CROSS_CHECKS if c is not check_raw_html))
    monkeypatch.chdir(project)
    site = build_site(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site")).site_dir
    notice = (site / "notices/pasted/index.html").read_text(encoding="utf-8")
    assert "点这里" in notice and "网页链接" in notice and "报名" in notice  # the words stay
    assert "pasted-script" not in notice
    assert "onclick" not in notice and "onmouseover" not in notice.lower() and "悬停" in notice
    assert "javascript:" not in notice and "jav&#x61;script" not in notice
    assert "&lt;script&gt;" in notice  # the inline code example is still shown as text
    about = (site / "about/index.html").read_text(encoding="utf-8")
    assert "about-script" not in about and "正文" in about
    assert "alert('home')" not in (site / "index.html").read_text(encoding="utf-8")


# ---- the sanitizer ---------------------------------------------------------------------------------

@pytest.mark.parametrize("source, clean", [
    ("正文<script>alert(1)</script>结束", "正文结束"),
    ("<SCRIPT src=http://x></SCRIPT>后面", "后面"),
    ("<script>never closed", ""),
    ('<img src="x.png" onerror="alert(1)" alt=\'图\'>', '<img src="x.png" alt="图">'),
    ("<br/><img src=x onload=y />", '<br/><img src="x" />'),
    ('<a href="jav&#x61;script:alert(1)">点</a>', "<a>点</a>"),
    ('<a href=" java\tscript:alert(1)">点</a>', "<a>点</a>"),
    ('<a href="data:text/html;base64,PHNjcmlwdD4=">点</a>', "<a>点</a>"),
    ("[点我](javascript:alert(1))后", "[点我](#)后"),
    ('![图](javascript:void(0) "t")', '![图](# "t")'),
    ("[id]: javascript:alert(1)", "[id]: #"),
    ("<javascript:alert(1)>", ""),
    ("<iframe src='http://evil'>x<p>y</p></iframe>z", "z"),
    ('<p style="width:expression(alert(1))" class="a">x</p>', '<p class="a">x</p>'),
    ('<meta http-equiv="refresh" content="0;url=http://evil">正文', "正文"),
    ("```\n<script>ok</script>\n```\n`<script>`", "```\n<script>ok</script>\n```\n`<script>`"),
    ("<div markdown>\n**加粗** [链接](../x/(y)/)\n</div>", "<div markdown>\n**加粗** [链接](../x/(y)/)\n</div>"),
    ("普通文本 a < b", "普通文本 a < b"),
])
def test_sanitize_markdown(source, clean):
    assert sanitize_markdown(source).text == clean


def test_is_script_url():
    assert is_script_url("JavaScript:alert(1)") and is_script_url("&#106;avascript:x") and is_script_url("vbscript:x")
    assert not is_script_url("../brands/a/") and not is_script_url("https://example.org/javascript:")
