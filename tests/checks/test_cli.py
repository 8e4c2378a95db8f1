"""The `showcase` command as an editor uses it: new, check, build."""
from __future__ import annotations

from pathlib import Path

import pytest

from support.sites import copy_fixture, showcase


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_fixture("basic", tmp_path)


@pytest.mark.parametrize("kind, record_id, where", [
    ("brand", "new-brand", "content/brands/new-brand/index.md"),
    ("exemplar", "new-person", "content/exemplars/new-person/index.md"),
    ("notice", "new-notice", "content/notices/new-notice.md"),
    ("honor", "new-batch", "content/honors/new-batch.yml"),
    ("competition", "new-show", "content/competitions/new-show.yml"),
])
def test_new_writes_a_valid_commented_skeleton(project, kind, record_id, where):
    result = showcase("new", kind, record_id, cwd=project)
    assert result.returncode == 0, result.stderr
    path = project / where
    text = path.read_text(encoding="utf-8")
    assert "# " in text and "请填写" in text  # commented, with Chinese placeholders
    check = showcase("check", cwd=project)
    assert check.returncode == 0, check.stdout
    assert "0 个错误" in check.stdout


def test_new_article_goes_in_this_years_folder(project):
    from datetime import date

    assert showcase("new", "article", "new-article", cwd=project).returncode == 0
    assert (project / f"content/column/{date.today().year}/new-article.md").is_file()


def test_new_unit_appends_to_units_yml(project):
    before = (project / "content/units.yml").read_text(encoding="utf-8")
    assert showcase("new", "unit", "sjj", cwd=project).returncode == 0
    after = (project / "content/units.yml").read_text(encoding="utf-8")
    assert after.startswith(before) and "- id: sjj" in after
    assert showcase("check", cwd=project).returncode == 0
    again = showcase("new", "unit", "sjj", cwd=project)
    assert again.returncode == 1 and "未覆盖" in again.stderr


def test_new_refuses_to_overwrite(project):
    target = project / "content/brands/alpha/index.md"
    before = target.read_bytes()
    result = showcase("new", "brand", "alpha", cwd=project)
    assert result.returncode == 1
    assert result.stderr.startswith("content/brands/alpha/index.md: 错误: 文件已存在，未覆盖")
    assert target.read_bytes() == before


def test_new_rejects_a_bad_id(project):
    result = showcase("new", "brand", "文旅", cwd=project)
    assert result.returncode == 1 and "标识“文旅”不合规" in result.stderr


@pytest.mark.slow
def test_build_reports_summary(project):
    result = showcase("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "完成：内网版" in result.stdout and "个页面" in result.stdout
    assert (project / "site/index.html").is_file()
    assert (project / "site/brands/alpha/index.html").is_file()
    # YAML is data: it never reaches the site.
    assert not list((project / "site").rglob("*.yml"))


@pytest.mark.slow
def test_build_with_errors_keeps_the_previous_site(project):
    assert showcase("build", cwd=project).returncode == 0
    index = project / "site/index.html"
    before = index.read_bytes()
    (project / "content/brands/alpha/index.md").write_text("---\ntitle: 坏\nunit: nowhere\n---\n", encoding="utf-8")
    result = showcase("build", cwd=project)
    assert result.returncode == 1
    assert "content/brands/alpha/index.md:3: 错误: 找不到单位“nowhere”" in result.stderr
    assert "未生成网站" in result.stderr
    assert index.read_bytes() == before
    # No staging or replaced folder left behind; the build lock's file stays by design (site_swap.py).
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == [".site-build.lock"]
