"""`showcase check --fix`: typography corrected in place, every other byte of every file unchanged."""
from __future__ import annotations

import hashlib

from support.sites import copy_fixture, showcase

TYPO = "content/brands/typo/index.md"


def digest_all(root) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and ".cache" not in p.parts}


def test_fix_corrects_typography_and_nothing_else(tmp_path):
    project = copy_fixture("publish-lint", tmp_path)
    before = digest_all(project / "content")
    original = (project / TYPO).read_text(encoding="utf-8")
    result = showcase("check", "--fix", cwd=project)
    assert result.stdout.splitlines()[:2] == ["已自动修改 8 处（1 个文件）：", f"  {TYPO}：8 处"]
    fixed = (project / TYPO).read_text(encoding="utf-8")
    assert fixed == original.replace(
        "slogan: '党建引领,服务先行'", "slogan: '党建引领，服务先行'").replace(
        '我们坚持党建引领,服务群众;做到"三个到位"。', "我们坚持党建引领，服务群众；做到“三个到位”。").replace(
        "市文旅局(机关党委)组织学习...效果很好!大家都说好?是的", "市文旅局（机关党委）组织学习……效果很好！大家都说好？是的")
    assert "tags: [文旅融合,窗口服务]" in fixed  # YAML's own comma is no typo
    assert "English, (not Chinese) \"quotes\" stay." in fixed
    after = digest_all(project / "content")
    assert {path for path in before if before[path] != after[path]} == {"brands/typo/index.md"}
    # The report that follows is of the fixed files: no typography left, errors untouched.
    assert not any(line.startswith(TYPO) for line in result.stdout.splitlines())
    assert "content/brands/scraped/index.md:10: 错误: 占位符“××”未替换 — 填写实际的名称或数字" in result.stdout
    again = showcase("check", "--fix", cwd=project)
    assert again.stdout.splitlines()[0] == "没有可以自动修改的排版问题。"


def test_fix_keeps_bom_crlf_and_gbk(tmp_path):
    project = copy_fixture("publish-lint", tmp_path)
    page = project / TYPO
    text = page.read_text(encoding="utf-8")
    page.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    notice = project / "content/notices/gbk.md"
    notice.write_bytes("---\r\ntitle: 通知\r\ndate: 2023-03-01\r\n---\r\n\r\n请各单位,按时报送。\r\n".encode("gb18030"))
    showcase("check", "--fix", cwd=project)
    raw = page.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") == text.count("\n") and b"\n\n" not in raw
    assert raw == b"\xef\xbb\xbf" + text.replace("\n", "\r\n").replace(
        "党建引领,服务先行", "党建引领，服务先行").replace(
        '党建引领,服务群众;做到"三个到位"', "党建引领，服务群众；做到“三个到位”").replace(
        "(机关党委)组织学习...效果很好!大家都说好?", "（机关党委）组织学习……效果很好！大家都说好？").encode("utf-8")
    assert notice.read_bytes() == "---\r\ntitle: 通知\r\ndate: 2023-03-01\r\n---\r\n\r\n请各单位，按时报送。\r\n".encode("gb18030")


def test_what_cannot_be_fixed_safely_is_left_and_said(tmp_path):
    project = copy_fixture("publish-lint", tmp_path)
    page = project / TYPO
    # Escaped quotes inside a double-quoted YAML string: the text is not written as the check reads it.
    page.write_text(page.read_text(encoding="utf-8").replace(
        "slogan: '党建引领,服务先行'", 'slogan: "党建\\"引领\\"服务"'), encoding="utf-8")
    result = showcase("check", "--fix", cwd=project)
    lines = result.stdout.splitlines()
    assert lines[:3] == ["已自动修改 7 处（1 个文件）：", f"  {TYPO}：7 处",
                         "另有 1 处无法安全地自动修改，请按下面的提示手工修改。"]
    assert 'slogan: "党建\\"引领\\"服务"' in page.read_text(encoding="utf-8")
    assert (f'{TYPO}:4: 警告: 中文里用了直双引号"引领" — 改为“引领”；可运行 showcase check --fix 自动修改') in lines
