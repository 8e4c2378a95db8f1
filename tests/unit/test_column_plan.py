"""The column's pages as the core plans them (no MkDocs): editions, drafts, no column at all."""
from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from showcase.content.values import BEIJING
from showcase.domain.edition import Edition
from showcase.site import plan_site
from support.sites import FIXTURES, REPO, plan_images

FIXTURE = FIXTURES / "column" / "content"
TEMPLATES = REPO / "theme" / "showcase"


@pytest.fixture
def content(tmp_path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(FIXTURE, target)
    return target


def plan(content: Path, **edition):
    result = plan_site(content, Edition(**edition), TEMPLATES, site={"name": "测试"}, images=plan_images(content))
    assert result.ok, result.problems.report()
    return {spec.src_path: (spec, markdown) for spec, markdown in result.pages}, result


def test_drafts_preview_lists_the_draft_and_marks_its_page(content):
    pages, _ = plan(content)
    assert "column/2023/e-fifth/index.md" not in pages
    assert "草稿第五篇" not in pages["column/index.md"][1]
    pages, _ = plan(content, drafts=True)
    spec, markdown = pages["column/2023/e-fifth/index.md"]
    assert spec.preview
    assert "草稿第五篇" in pages["column/index.md"][1]
    assert "已刊发 <strong>5</strong> 篇" in pages["column/index.md"][1]


def test_internal_article_is_left_out_of_the_public_edition(content):
    fourth = content / "column/2023/d-fourth.md"
    fourth.write_text(fourth.read_text(encoding="utf-8").replace("series_no: 4\n", "series_no: 4\nvisibility: internal\n"),
                      encoding="utf-8")
    internal, _ = plan(content)
    public, result = plan(content, name="public")
    assert "column/2023/d-fourth/index.md" in internal
    assert "column/2023/d-fourth/index.md" not in public
    assert all("同一天的第四篇" not in markdown for _, markdown in public.values())
    feed = next(f for f in result.static_files if f.dest_path == "column/feed.xml")
    assert "同一天的第四篇".encode() not in feed.content
    # Its neighbours now link past it.
    assert "../d-fourth/" not in public["column/2023/c-third/index.md"][1]
    assert "../../2024/f-sixth/index.md" in public["column/2023/c-third/index.md"][1]


def test_an_embargoed_article_appears_once_its_time_has_come(content):
    sixth = content / "column/2024/f-sixth/index.md"
    sixth.write_text(sixth.read_text(encoding="utf-8").replace("series_no: 6\n",
                     "series_no: 6\npublish_at: 2024-01-05T06:00:00+08:00\n"), encoding="utf-8")
    before, _ = plan(content, now=datetime(2024, 1, 5, 5, 0, tzinfo=BEIJING))
    after, _ = plan(content, now=datetime(2024, 1, 5, 7, 0, tzinfo=BEIJING))
    assert "column/archive/2024/01/index.md" not in before and "column/archive/2024/01/index.md" in after
    assert "已刊发 <strong>3</strong> 篇" in before["column/index.md"][1]
    assert "已刊发 <strong>4</strong> 篇" in after["column/index.md"][1]


def test_a_site_without_columns_still_has_its_column_section(content):
    (content / "columns.yml").unlink()
    shutil.rmtree(content / "column")
    pages, result = plan(content)
    assert "尚未设立专栏" in pages["column/index.md"][1]
    assert not any(path.startswith("column/") and path != "column/index.md" for path in pages)
    assert not any(f.dest_path.startswith("column/") for f in result.static_files)
