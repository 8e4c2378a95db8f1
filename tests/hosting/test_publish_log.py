"""The publish report: every `showcase build` says what it changed against the site it replaced —
pages added, changed, withdrawn — and keeps it in .showcase/publish-log/ (one file per build)."""
from __future__ import annotations

import pytest

from support.sites import copy_fixture, showcase

pytestmark = pytest.mark.slow  # three builds of a fixture


def build(project):
    result = showcase("build", cwd=project)
    assert result.returncode == 0, result.stderr
    return result.stdout


def listed(text: str, label: str) -> set[str]:
    return {line.split()[1] for line in text.splitlines() if line.strip().startswith(label + "  /")}


def test_the_report_lists_exactly_the_pages_an_edit_a_withdrawal_and_an_addition_changed(tmp_path):
    project = copy_fixture("one-of-each", tmp_path)
    content = project / "content"
    first = build(project)
    assert "首次生成：" in first
    assert "与上次生成相比：没有页面变化。" in build(project)

    notice = content / "notices" / "n1.md"
    notice.write_text(notice.read_text(encoding="utf-8").replace("公示正文。", "公示正文，已更正。"), encoding="utf-8")
    article = content / "column" / "2023" / "first.md"
    article.write_text(article.read_text(encoding="utf-8").replace(
        "series_no: 1\n", "series_no: 1\nstatus: retracted\nretraction: {date: 2023-05-01, reason: 事实有误}\n"),
        encoding="utf-8")
    (content / "notices" / "n2.md").write_text(
        "---\ntitle: 关于第二批评选的通知\ndate: 2023-03-20\nkind: 通知\n---\n\n通知正文。\n", encoding="utf-8")
    out = build(project)

    added, changed, withdrawn = listed(out, "新增"), listed(out, "修改"), listed(out, "撤下")
    assert "/notices/n2/" in added
    assert "/notices/n1/" in changed
    assert {"/column/2023/first/", "/column/2023/first/clipping/"} <= withdrawn
    assert not withdrawn & changed and not added & changed
    # the brand the withdrawn article was related to lists it no more; pages no edit touches are not
    # reported, though their header and footer are rebuilt with the site
    assert {"/brands/alpha/", "/notices/", "/"} <= changed
    untouched = {"/brands/alpha-sub/", "/exemplars/star-li/", "/competitions/story-2022/", "/honors/2022-five-star/"}
    assert not untouched & (changed | added | withdrawn)
    assert f"撤下 {len(withdrawn)} 页" in out

    logs = sorted((project / ".showcase" / "publish-log").glob("*.md"))
    assert len(logs) == 3 and all(log.name.endswith("-internal.md") for log in logs)
    text = logs[-1].read_text(encoding="utf-8")
    assert "# 发布记录：" in text and "`/notices/n2/`" in text and "## 撤下（" in text
    assert "关于第二批评选的通知" in text
    assert ".showcase/publish-log/" in out


def test_a_failed_build_writes_no_report(tmp_path):
    project = copy_fixture("one-of-each", tmp_path)
    build(project)
    (project / "content" / "notices" / "n1.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    assert showcase("build", cwd=project).returncode != 0
    assert len(list((project / ".showcase" / "publish-log").glob("*.md"))) == 1
