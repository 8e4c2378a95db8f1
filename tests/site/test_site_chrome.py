"""What every page carries around its content, built through the real command from the one-of-each
fixture: the footer's 主办单位 / 版权 lines, lang="zh-CN", the sitemap's entries, the column feed's
addresses and the pages that advertise it, and what a `--drafts` build calls itself."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from support.sites import build, copy_fixture, plugin_options, showcase

pytestmark = pytest.mark.slow  # several builds of a fixture, ~3 s each

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
ORGANIZATION = "中共云川市直属机关工作委员会"


@pytest.fixture(scope="module")
def fixture_project(tmp_path_factory) -> Path:
    return copy_fixture("one-of-each", tmp_path_factory.mktemp("chrome"))


@pytest.fixture(scope="module")
def site(fixture_project) -> Path:
    return build(fixture_project, site_dir=fixture_project.parent / "site")


def footer(html: str) -> list[str]:
    block = re.search(r'<div class="md-copyright sc-footer">(.*?)</div>', html, re.S)
    assert block, "no footer lines"
    return [re.sub(r"\s+", " ", p).strip() for p in re.findall(r"<p[^>]*>(.*?)</p>", block.group(1), re.S)]


def html_pages(site: Path) -> dict[str, str]:
    """Every page's URL path at the server root ("/brands/alpha/") → its HTML."""
    return {"/" + p.parent.relative_to(site).as_posix().removeprefix(".").strip("/") + "/"
            if p.parent != site else "/": p.read_text(encoding="utf-8")
            for p in site.rglob("index.html")}


def with_organization(project: Path, name: str = ORGANIZATION) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"extra:\n  organization: {name}\n", encoding="utf-8")


# ---- footer ------------------------------------------------------------------------------------------

def test_the_footer_names_the_site_when_nothing_else_is_set(site):
    for page in ("index.html", "brands/alpha/index.html", "404.html"):
        assert footer((site / page).read_text(encoding="utf-8")) == [
            "主办单位：金样站（每类一条）", "版权所有 © 金样站（每类一条）"], page


def test_the_footer_names_the_organization_of_mkdocs_yml_on_every_page(tmp_path):
    project = copy_fixture("one-of-each", tmp_path)
    with_organization(project)
    site = build(project)
    pages = [p for p in site.rglob("*.html") if 'class="md-footer"' in p.read_text(encoding="utf-8")]
    assert len(pages) > 30 and site / "404.html" in pages
    for page in pages:
        assert footer(page.read_text(encoding="utf-8")) == [f"主办单位：{ORGANIZATION}",
                                                            f"版权所有 © {ORGANIZATION}"], page


def test_the_footer_option_and_copyright_win(tmp_path):
    project = copy_fixture("one-of-each", tmp_path)
    with_organization(project)
    plugin_options(project, footer_host="中共云川市直属机关工作委员会宣传部")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "copyright: 版权所有 © 2017—2024 市直机关工委 <未经许可不得转载>\n",
                      encoding="utf-8")
    html = (build(project) / "index.html").read_text(encoding="utf-8")
    assert footer(html) == ["主办单位：中共云川市直属机关工作委员会宣传部",
                            "版权所有 © 2017—2024 市直机关工委 &lt;未经许可不得转载&gt;"]


# ---- language ------------------------------------------------------------------------------------------

def test_every_page_says_simplified_chinese_of_the_mainland(site):
    pages = list(site.rglob("*.html"))
    langs = {re.search(r"<html[^>]*\blang=\"([^\"]+)\"", p.read_text(encoding="utf-8")).group(1) for p in pages}
    assert langs == {"zh-CN"}
    assert "搜索" in (site / "index.html").read_text(encoding="utf-8")  # Material's Chinese texts are kept


# ---- sitemap ------------------------------------------------------------------------------------------

def sitemap_locs(site: Path) -> list[str]:
    root = ET.parse(site / "sitemap.xml").getroot()
    return [url.findtext(f"{SITEMAP}loc") for url in root.iter(f"{SITEMAP}url")]


def test_the_sitemap_lists_every_page_but_the_hidden_ones(site):
    locs = sitemap_locs(site)
    pages = html_pages(site)
    noindex = {url for url, html in pages.items() if 'name="robots" content="noindex"' in html}
    assert "/column/2023/second/" in noindex  # retracted
    # the big screen is indexable (a projector page with its own description) but no page to find by search
    hidden = noindex | {"/search/", "/competitions/story-2022/bigscreen/"}
    assert len(locs) == len(set(locs))
    assert set(locs) == set(pages) - hidden
    assert {"/", "/brands/alpha/", "/column/2023/first/", "/honors/2022-five-star/"} <= set(locs)


def test_the_sitemap_is_absolute_with_a_full_base_url(fixture_project, tmp_path, site):
    absolute = build(fixture_project, "--base-url", "http://dangjian.intra/sanchuang/", site_dir=tmp_path / "abs")
    locs = sitemap_locs(absolute)
    assert locs == ["http://dangjian.intra/sanchuang" + loc for loc in sitemap_locs(site)]


# ---- the column feed -----------------------------------------------------------------------------------

def feed_links(site: Path) -> tuple[str, list[str]]:
    root = ET.parse(site / "column" / "feed.xml").getroot()
    hrefs = [link.get("href") for link in root.iter(f"{ATOM}link")]
    return root.get(XML_BASE), hrefs


def test_the_feed_names_its_base_and_every_address_resolves_to_a_page(site):
    base, hrefs = feed_links(site)
    assert base == "/column/"
    pages = html_pages(site)
    for href in hrefs:
        resolved = urljoin("http://server" + base, href).removeprefix("http://server")
        if resolved.endswith(".xml"):
            assert (site / resolved.lstrip("/")).is_file(), href
        else:
            assert resolved in pages, href
    assert "/column/2023/first/" in {urljoin(base, h) for h in hrefs}


def test_the_feed_is_absolute_with_a_full_base_url(fixture_project, tmp_path):
    absolute = build(fixture_project, "--base-url", "http://dangjian.intra/sanchuang/", site_dir=tmp_path / "abs")
    base, hrefs = feed_links(absolute)
    assert base == "http://dangjian.intra/sanchuang/column/"
    assert hrefs and all(h.startswith("http://dangjian.intra/sanchuang/column/") for h in hrefs)


ADVERTISED = re.compile(r'<link rel="alternate feed" type="application/atom\+xml" title="([^"]+)" href="([^"]+)">')


def test_the_home_page_and_every_column_page_advertise_the_feed(site, fixture_project):
    name = yaml.safe_load((fixture_project / "content" / "columns.yml").read_text(encoding="utf-8"))[0]["name"]
    pages = html_pages(site)
    # Not the print views (clippings) nor a withdrawn article's notice (noindex): it is no column page now.
    column = {url for url, html in pages.items() if url.startswith("/column/") and not url.endswith("/clipping/")
              and 'content="noindex"' not in html}
    assert len(column) > 10
    for url in column | {"/"}:
        found = ADVERTISED.findall(pages[url])
        assert len(found) == 1, url
        title, href = found[0]
        assert title == f"{name}（Atom）"
        assert urljoin("http://server" + url, href) == "http://server/column/feed.xml", url
    assert not ADVERTISED.search(pages["/brands/alpha/"])  # a brand page has no feed of its own


# ---- what a build calls itself ----------------------------------------------------------------------------

def test_a_drafts_build_calls_itself_a_preview_not_the_intranet_edition(fixture_project, tmp_path):
    result = showcase("build", "--drafts", "-d", str(tmp_path / "drafts"), cwd=fixture_project, check=True)
    assert "完成：草稿预览（内网版内容加草稿、待审稿，不得发布），" in result.stdout
    assert "完成：内网版" not in result.stdout
    public = showcase("build", "--drafts", "--edition", "public", "-d", str(tmp_path / "pub"), cwd=fixture_project,
                      check=True)
    assert "完成：草稿预览（公开版内容加草稿、待审稿，不得发布），" in public.stdout
