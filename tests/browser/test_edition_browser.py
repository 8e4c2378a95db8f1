"""In real Chromium: the 草稿预览 mark on screen and on paper; old URLs redirect over HTTP under a
sub-path and from file:// (offline build)."""
from __future__ import annotations

from pathlib import Path

import pytest

from support.publishing import publish_sites
from support.sites import REPO, build, copy_fixture
from support.nginx import MINIMAL_TEMPLATE

TEMPLATE = MINIMAL_TEMPLATE


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    return publish_sites(tmp_path_factory)


def visible_box(page, selector: str):
    locator = page.locator(selector)
    assert locator.count() == 1, selector
    assert locator.is_visible(), selector
    return locator.bounding_box()


def test_preview_mark_is_visible_on_screen_and_in_print(sites, page):
    page.goto((sites["drafts"].site / "brands/draft-brand/index.html").as_uri())
    mark = visible_box(page, ".sc-preview-mark")
    assert mark["height"] > 10 and mark["width"] > 300
    assert "草稿预览" in page.locator(".sc-preview-mark").inner_text()
    assert "审核意见：请补充草稿品牌的成效数据后再报审。" in page.locator(".sc-preview-mark").inner_text()
    watermark = visible_box(page, ".sc-preview-watermark span")
    assert watermark["width"] > 200  # big, across the page
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden()  # print view: site chrome gone …
    visible_box(page, ".sc-preview-mark")  # … the mark stays
    visible_box(page, ".sc-preview-watermark span")
    position = page.evaluate("getComputedStyle(document.querySelector('.sc-preview-watermark')).position")
    assert position == "fixed"  # repeated on every printed sheet
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_published_pages_carry_no_mark(sites, page):
    page.goto((sites["internal"].site / "brands/pub-brand/index.html").as_uri())
    assert page.locator(".sc-preview-mark").count() == 0
    assert page.locator(".sc-preview-watermark").count() == 0


def test_old_url_redirects_over_http_under_a_sub_path(sites, nginx_server, page):
    server = nginx_server(TEMPLATE, sites["public"].site, prefix="/dangjian/")
    response = page.goto(server.url_for("brands/old-lamp/"))
    assert response.status == 200
    page.wait_for_url("**/dangjian/brands/pub-brand/")
    assert page.locator("h1").first.inner_text() == "明灯文旅"
    page.goto(server.url_for("exemplars/old-gone/"))
    page.wait_for_url("**/dangjian/exemplars/gone-branch/")
    assert "本文已撤回" in page.locator("article").inner_text()


def test_old_url_redirects_from_disk_in_the_offline_build(tmp_path, page):
    project = copy_fixture("publish-edition", tmp_path)
    site = build(project, "--offline", "--edition", "public", site_dir=tmp_path / "offline")
    redirect = site / "brands/old-lamp/index.html"
    page.goto(redirect.as_uri())
    page.wait_for_url("**/brands/pub-brand/index.html")
    assert Path(page.url.removeprefix("file://")) == site / "brands/pub-brand/index.html"
    assert page.locator("h1").first.inner_text() == "明灯文旅"
