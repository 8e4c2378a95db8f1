"""Two columns, one of them 300 daily articles, with `site_url` set: the several-columns URLs,
pagination, absolute feed links, and a sidebar that does not grow with the archive.

(The 1,800-article measurement lives in benchmarks/column_scale.py.)
"""
from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from support.column_corpus import add_daily_column
from support.column_html import links, main_html, text_of
from support.sites import build, copy_fixture

pytestmark = pytest.mark.slow  # a column of hundreds of articles, built

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://intranet.example/sc/"
COUNT = 300
PER_PAGE = 30  # showcase/pages/column/__init__.py PER_PAGE: the listing size editors see


@pytest.fixture(scope="session")
def many(tmp_path_factory):
    project = copy_fixture("column", tmp_path_factory.mktemp("column-many"))
    articles = add_daily_column(project / "content", "daily", COUNT, start=date(2022, 1, 1))
    config = project / "mkdocs.yml"
    config.write_text(f"site_url: {SITE_URL}\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    return build(project), articles


def article_links(html: str, url: str) -> list[str]:
    return [u for u in links(html, url) if re.match(r"column/\d{4}/[^/]+/$", u)]


def test_section_lists_each_column_with_its_progress(many):
    site, articles = many
    html = main_html(site, "column/")
    targets = links(html, "column/")
    assert "column/sanchuang/" in targets and "column/daily/" in targets
    assert f"已刊发 {COUNT} 篇 / 计划 {COUNT} 篇（100%）" in text_of(html)
    # Each column's pages moved under its id; article URLs did not.
    sanchuang = main_html(site, "column/2023/a-first/")
    assert "column/sanchuang/" in links(sanchuang, "column/2023/a-first/")
    assert (site / "column/sanchuang/archive/2023/04/index.html").is_file()
    assert not (site / "column/archive").exists()


def test_series_listing_paginates_in_series_order(many):
    site, articles = many
    pages = math.ceil(COUNT / PER_PAGE)
    listed = []
    for n in range(1, pages + 1):
        url = "column/daily/" if n == 1 else f"column/daily/page/{n}/"
        html = main_html(site, url)
        part = html.split("全部文章（按专栏序号）", 1)[1]
        on_page = [u for u in article_links(part, url) if "/daily-" in u]
        assert len(on_page) <= PER_PAGE
        # One listing link per article (the pager links pages, not articles).
        listed.extend(dict.fromkeys(on_page))
        if n > 1:
            assert f"第{n}页，共{pages}页" in text_of(html)
    assert listed == [a["url"] for a in articles]
    assert not (site / f"column/daily/page/{pages + 1}").exists()


def test_unit_and_category_listings_paginate(many):
    site, articles = many
    wenlv = [a["url"] for a in articles if a["unit"] == "wenlv"]
    pages = math.ceil(len(wenlv) / PER_PAGE)
    found = []
    for n in range(1, pages + 1):
        url = "column/daily/unit/wenlv/" + ("" if n == 1 else f"page/{n}/")
        found.extend(u for u in article_links(main_html(site, url), url) if "/daily-" in u)
    assert found == wenlv
    first_category = [a["url"] for a in articles if a["category"] == "品牌先进典型案例"][:PER_PAGE]
    assert article_links(main_html(site, "column/daily/category/1/"), "column/daily/category/1/") == first_category


def test_month_pages_mark_every_day_of_a_daily_column(many):
    site, articles = many
    html = main_html(site, "column/daily/archive/2022/02/")
    days = {int(d) for d in re.findall(r"<td[^>]*><a [^>]*>(\d+)</a></td>", html)}
    assert days == {a["date"].day for a in articles if (a["date"].year, a["date"].month) == (2022, 2)}
    assert days == set(range(1, 29))


def test_feed_links_are_absolute_with_site_url(many):
    site, articles = many
    root = ET.parse(site / "column/daily/feed.xml").getroot()
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 50
    assert [e.find(f"{ATOM}link").get("href") for e in entries] == \
        [SITE_URL + a["url"] for a in reversed(articles)][:50]
    self_link = next(l for l in root.findall(f"{ATOM}link") if l.get("rel") == "self")
    assert self_link.get("href") == SITE_URL + "column/daily/feed.xml"


def primary_nav_links(site: Path, url: str) -> int:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    sidebar = html.split("md-sidebar--primary", 1)[1].split("md-sidebar--secondary", 1)[0]
    return sidebar.count('class="md-nav__link')


def test_sidebar_does_not_grow_with_the_archive(many):
    site, _ = many
    small = primary_nav_links(site, "column/sanchuang/")  # a handful of articles
    for url in ("column/daily/", "column/daily/page/5/", "column/daily/archive/2022/",
                "column/daily/archive/2022/05/", "column/2022/daily-0150/"):
        assert primary_nav_links(site, url) == small, url
