"""What the editions' rules do to the built site: drafts, embargoes, retraction, aliases, sitemap, feed."""
from __future__ import annotations

import gzip
import re

import pytest

from support.publishing import publish_sites
from support.sites import copy_fixture, showcase

SITE_URL = "http://intranet.example/dangjian/"


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    return publish_sites(tmp_path_factory)


def sitemap(output) -> set[str]:
    urls = set(re.findall(r"<loc>([^<]+)</loc>", output.html("sitemap.xml")))
    assert urls == set(re.findall(r"<loc>([^<]+)</loc>",
                                  gzip.decompress((output.site / "sitemap.xml.gz").read_bytes()).decode()))
    return {url.removeprefix(SITE_URL) for url in urls}


def search_urls(output) -> set[str]:
    return {u for name, text in output.files.items() if name.startswith("search/")
            for u in re.findall(r'"u":"([^"]*)"', text)}


def links_to(page_html: str, target: str) -> bool:
    return re.search(rf'href="[^"]*{re.escape(target)}"', page_html) is not None


def html_pages(output):
    return [n for n in output.files if n.endswith(".html") and n != "404.html" and "页面已迁移" not in output.files[n]]


# ---- drafts -------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_a_draft_is_not_built(sites):
    internal = sites["internal"]
    assert not (internal.site / "brands/draft-brand").exists()
    assert "brands/draft-brand/" not in sitemap(internal)
    assert not links_to(internal.html("brands/index.html"), "draft-brand/")
    assert not any("sc-preview" in internal.files[n] for n in html_pages(internal))


@pytest.mark.slow
def test_drafts_preview_is_marked_on_every_page(sites):
    drafts = sites["drafts"]
    page = drafts.html("brands/draft-brand/index.html")
    assert '<div class="sc-preview-mark" role="note">' in page and "草稿预览" in page
    assert '<div class="sc-preview-watermark" aria-hidden="true"><span>草稿预览</span></div>' in page
    assert links_to(drafts.html("brands/index.html"), "draft-brand/")
    showing = [n for n in html_pages(drafts) if "草稿品牌未定稿" in drafts.files[n]]
    assert {"brands/draft-brand/index.html", "brands/index.html", "units/wl/index.html"} <= set(showing)
    unmarked = [n for n in showing if "sc-preview-mark" not in drafts.files[n]
                and "预览版（含未发布的草稿），不得对外发布" not in drafts.files[n]]
    assert unmarked == []  # no page shows the draft without saying it is a preview
    # Only the draft's own page carries the strong mark.
    assert [n for n in html_pages(drafts) if "sc-preview-mark" in drafts.files[n]] == ["brands/draft-brand/index.html"]


# ---- embargo --------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_an_embargoed_record_is_nowhere_until_its_moment(sites):
    internal, later = sites["internal"], sites["later"]
    assert internal.where("定时品牌晨光") == [] and internal.where("later-brand") == []
    assert "brands/later-brand/" not in sitemap(internal) and "brands/later-brand/" not in search_urls(internal)
    assert (later.site / "brands/later-brand/index.html").is_file()
    assert "sc-preview" not in later.html("brands/later-brand/index.html")  # published, not a preview
    assert links_to(later.html("brands/index.html"), "later-brand/")
    assert links_to(later.html("units/wl/index.html"), "later-brand/")
    assert "brands/later-brand/" in sitemap(later) and "brands/later-brand/" in search_urls(later)


# ---- retraction -----------------------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("edition", ["internal", "public"])
def test_a_retracted_record_answers_with_a_notice(sites, edition):
    page = sites[edition].html("exemplars/gone-branch/index.html")
    assert "<title>本文已撤回：撤回的测绘党支部" in page
    assert '先进典型《撤回的测绘党支部》已于<span class="sc-nobr">2024年5月10日</span>撤回。' in page
    assert "撤回原因：荣誉称号已被撤销。" in page
    assert '<meta name="robots" content="noindex">' in page
    assert "撤回前的事迹正文" not in page and "撤回前的一句话事迹" not in page
    article = sites[edition].html("column/2023/second/index.html")
    assert '专栏文章《撤回的专栏文章》已于<span class="sc-nobr">2023年3月20日</span>撤回。' in article and "撤回原因：事实有误" in article
    assert "撤回文章的正文" not in article
    clipping = sites[edition].html("column/2023/second/clipping/index.html")  # the 剪报 URL answers too
    assert "撤回原因：事实有误" in clipping and "撤回文章的正文" not in clipping
    assert '<meta name="robots" content="noindex">' in clipping


@pytest.mark.slow
@pytest.mark.parametrize("edition", ["internal", "public"])
def test_a_retracted_record_leaves_lists_sitemap_search_and_feed(sites, edition):
    output = sites[edition]
    for listing in ("exemplars/index.html", "exemplars/red-flag-branches/index.html", "units/jg/index.html",
                    "honors/rf-2022/index.html", "index.html"):
        assert not links_to(output.html(listing), "gone-branch/"), listing
    for listing in ("column/index.html", "column/archive/2023/03/index.html", "index.html"):
        assert not links_to(output.html(listing), "second/"), listing
    assert "<td>撤回的测绘党支部</td>" in output.html("honors/rf-2022/index.html")  # the roll keeps the name
    gone = {"exemplars/gone-branch/", "column/2023/second/", "column/2023/second/clipping/"}
    assert gone.isdisjoint(sitemap(output)) and gone.isdisjoint(search_urls(output))
    feed = output.html("column/feed.xml")
    assert "明灯照亮文旅路" in feed and "撤回的专栏文章" not in feed and "second" not in feed
    assert "已刊发1篇" in re.sub(r"<[^>]+>|\s", "", output.html("column/index.html"))


# ---- aliases --------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_an_alias_is_a_static_redirect_page(sites):
    page = sites["public"].html("brands/old-lamp/index.html")
    assert '<meta http-equiv="refresh" content="0; url=../pub-brand/">' in page
    assert '<a href="../pub-brand/">明灯文旅</a>' in page
    assert f'<link rel="canonical" href="{SITE_URL}brands/pub-brand/">' in page
    assert "<script" not in page  # works with scripts off and from file://
    notice = sites["public"].html("exemplars/old-gone/index.html")
    assert '<meta http-equiv="refresh" content="0; url=../gone-branch/">' in notice  # to the notice
    assert (sites["internal"].site / "brands/old-secret/index.html").is_file()
    assert not (sites["public"].site / "brands/old-secret").exists()  # an internal record's old URL too
    assert {"brands/old-lamp/", "exemplars/old-gone/"}.isdisjoint(sitemap(sites["internal"]))
    assert "brands/old-lamp/" not in search_urls(sites["internal"])


@pytest.mark.slow
def test_sitemap_holds_exactly_the_editions_pages(sites):
    internal, public = sitemap(sites["internal"]), sitemap(sites["public"])
    assert {"brands/pub-brand/", "brands/secret-brand/", "exemplars/secret-star/"} <= internal
    assert "brands/pub-brand/" in public
    assert {"brands/secret-brand/", "exemplars/secret-star/", "brands/old-secret/"}.isdisjoint(public)
    assert internal - public == {"brands/secret-brand/", "exemplars/secret-star/", "column/unit/jg/",
                                 "competitions/show-2023/sheets/final/"}


ALIAS_CASES = [
    ("brands/pub-brand/", "content/brands/secret-brand/index.md:10: 错误: 旧网址 brands/pub-brand/ 已被明灯文旅（brands/pub-brand/）使用，跳转会遮住它"
     " — 删除这个旧网址，或改正为真正的旧网址"),
    ("brands/", "content/brands/secret-brand/index.md:10: 错误: 旧网址 brands/ 已被栏目首页 brands/使用，跳转会遮住它"
     " — 删除这个旧网址，或改正为真正的旧网址"),
    ("brands/secret-brand/", "content/brands/secret-brand/index.md:10: 错误: 旧网址 brands/secret-brand/ 就是本页现在的网址"
     " — 删除这一项：只有改过的旧网址才需要跳转"),
    ("about/", "content/brands/secret-brand/index.md:10: 错误: 旧网址 about/ 已被页面 about.md使用，跳转会遮住它"
     " — 删除这个旧网址，或改正为真正的旧网址"),
    ("brands/old-lamp/", "content/brands/secret-brand/index.md:10: 错误: 旧网址 brands/old-lamp/ 重复"
     "（content/brands/pub-brand/index.md:7 也用了它） — 一个旧网址只能跳转到一个页面：删除其中一处"),
]


@pytest.mark.parametrize("alias, message", ALIAS_CASES)
def test_an_alias_may_not_shadow_a_page(tmp_path, alias, message):
    project = copy_fixture("publish-edition", tmp_path)
    (project / "content/about.md").write_text("# 关于\n\n关于本站。\n", encoding="utf-8")
    page = project / "content/brands/secret-brand/index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("  - brands/old-secret/", f"  - {alias}"),
                    encoding="utf-8")
    result = showcase("check", cwd=project)
    assert result.returncode == 1
    assert [line for line in result.stdout.splitlines() if "旧网址" in line] == [message]


def test_an_alias_on_a_generated_page_stops_the_build(tmp_path):
    """Pages the check cannot foresee (a column archive month) are protected by the build."""
    project = copy_fixture("publish-edition", tmp_path)
    page = project / "content/brands/pub-brand/index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("  - brands/old-lamp/", "  - column/archive/2023/"),
                    encoding="utf-8")
    result = showcase("build", cwd=project)
    assert result.returncode == 1
    assert ("content/brands/pub-brand/index.md:7: 错误: 旧网址 column/archive/2023/ 与网站上已有的页面 "
            "column/archive/2023/index.html 重名，不能用作跳转 — 删除这个旧网址，或改成一个没有页面占用的网址") in result.stderr
    assert not (project / "site").exists()
