"""Markdown attribute lists: only `.class`, `#id`, `width`, `height`; the rest is a check error at its line."""
from __future__ import annotations

import re

from support.sites import copy_fixture, showcase

BAD = {
    "段落会响应点击。{: onclick=\"alert(1)\" }": "onclick",
    "[看这里](#){: href=\"javascript:alert(2)\" }": "href",
    "![图](cover.jpg){: style=\"position:fixed\" .wide }": "style",
    "说明文字 { onmouseover }": "onmouseover",
}
GOOD = ("## 小标题 {#top}", "![图](cover.jpg){: width=300 height=\"200\" .wide }", "一段话 {: .sc-note }")


def add_body_lines(path, lines) -> dict[str, int]:
    """Append `lines` to a Markdown file, a blank line between each; their line numbers."""
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    numbers = {}
    for line in lines:
        text += "\n"
        numbers[line] = text.count("\n") + 1
        text += line + "\n"
    path.write_text(text, encoding="utf-8")
    return numbers


def test_attributes_outside_the_guide_are_errors_with_their_line(tmp_path):
    project = copy_fixture("one-of-each", tmp_path)
    brand = project / "content" / "brands" / "alpha" / "index.md"
    numbers = add_body_lines(brand, [*BAD, *GOOD])
    home = project / "content" / "index.md"
    home_numbers = add_body_lines(home, ["首页 {: onclick=\"alert(3)\" }"])

    result = showcase("check", cwd=project)
    assert result.returncode != 0
    found = re.findall(r"^(content/\S+):(\d+): 错误: Markdown 属性 (.+?) 不允许.* — .+$", result.stdout + result.stderr, re.M)
    expected = {("content/brands/alpha/index.md", numbers[line], name) for line, name in BAD.items()}
    expected.add(("content/index.md", home_numbers["首页 {: onclick=\"alert(3)\" }"], "onclick"))
    got = {(path, int(line), re.split(r"[=、 ]", names)[0]) for path, line, names in found}
    assert got == expected
    assert "Traceback" not in result.stderr


def test_documented_attributes_pass(tmp_path):
    project = copy_fixture("one-of-each", tmp_path)
    add_body_lines(project / "content" / "brands" / "alpha" / "index.md", GOOD)
    result = showcase("check", cwd=project)
    assert "Markdown 属性" not in result.stdout + result.stderr
