"""The column on the demo content (content/column/): counts, calendar, prev/next, retraction,
summary-only rights, corrections and the feed agree with the articles' own files."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from support.column_html import links, main_html, text_of
from support.sites import REPO

CONTENT = REPO / "content"
ATOM = "{http://www.w3.org/2005/Atom}"


def demo_articles() -> dict[str, dict]:
    found = {}
    for path in sorted((CONTENT / "column").rglob("*.md")):
        folder = path.name == "index.md"
        article_id = path.parent.name if folder else path.stem
        year = (path.parent.parent if folder else path.parent).name
        data = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        body = path.read_text(encoding="utf-8").split("---\n", 2)[2]
        found[article_id] = {**data, "_url": f"column/{year}/{article_id}/", "_body": body}
    return found


@pytest.fixture(scope="module")
def articles():
    return demo_articles()


@pytest.fixture(scope="module")
def published(articles):
    # The demo's articles carry no publish_at/visibility: published = not draft/review/retracted.
    assert not any("publish_at" in a or a.get("visibility") == "internal" for a in articles.values())
    return {k: a for k, a in articles.items() if a.get("status", "published") == "published"}


def test_progress_and_series_list(demo_site, published):
    column = yaml.safe_load((CONTENT / "columns.yml").read_text(encoding="utf-8"))[0]
    planned = column["planned_total"]
    html = main_html(demo_site, "column/")
    assert f"已刊发 {len(published)} 篇 / 计划 {planned} 篇（{round(100 * len(published) / planned)}%）" in text_of(html)
    listed = []
    url = "column/"
    while True:
        page = main_html(demo_site, url)
        part = page.split("全部文章（按专栏序号）", 1)[1]
        listed.extend(dict.fromkeys(u for u in links(part, url) if re.match(r"column/\d{4}/[^/]+/$", u)))
        nxt = re.search(r'href="([^"]+)" rel="next"', part)
        if not nxt:
            break
        url = urlsplit(urljoin("http://site/" + url, nxt.group(1))).path[1:]
    assert listed == [a["_url"] for a in sorted(published.values(), key=lambda a: a["series_no"])]


def test_every_published_article_has_its_record_line_and_neighbours(demo_site, published):
    series = sorted(published.values(), key=lambda a: a["series_no"])
    for i, article in enumerate(series):
        html = main_html(demo_site, article["_url"])
        d = article["date"]
        assert f"{d.year}年{d.month}月{d.day}日" in text_of(html.split("sc-newspaper-record__line", 1)[1].split("</p>")[0])
        assert f"专栏第{article['series_no']}篇" in text_of(html)
        nav = html.split('class="sc-series-nav', 1)[1]
        prev = re.search(r'href="([^"]+)" rel="prev"', nav)
        target = urlsplit(urljoin("http://site/" + article["_url"], prev.group(1))).path[1:] if prev else None
        assert target == (series[i - 1]["_url"] if i else None)


def test_calendar_days_match_the_dates(demo_site, published):
    months = {}
    for a in published.values():
        months.setdefault((a["date"].year, a["date"].month), set()).add(a["date"].day)
    for (year, month), days in months.items():
        html = main_html(demo_site, f"column/archive/{year}/{month:02d}/")
        assert {int(d) for d in re.findall(r"<td[^>]*><a [^>]*>(\d+)</a></td>", html)} == days


def test_retracted_and_summary_only(demo_site, articles, published):
    for article in articles.values():
        if article.get("status") == "retracted":
            notice = text_of(main_html(demo_site, article["_url"]))
            assert "本文已撤回" in notice
            for listing in ("column/", f"column/archive/{article['date'].year}/{article['date'].month:02d}/"):
                assert article["title"] not in main_html(demo_site, listing)
            assert article["title"] not in (demo_site / "column/feed.xml").read_text(encoding="utf-8")
        if article.get("rights") == "summary_only" and article in published.values():
            html = main_html(demo_site, article["_url"])
            assert article["summary"] in text_of(html)
            clipping = (demo_site / article["_url"] / "clipping/index.html").read_text(encoding="utf-8")
            for paragraph in (p.strip() for p in article["_body"].split("\n\n")):
                if paragraph and not paragraph.startswith("#"):  # the body, never shown
                    assert paragraph not in html and paragraph not in clipping


def test_corrections_show_on_the_article_and_the_corrections_page(demo_site, published):
    corrected = [a for a in published.values() if a.get("corrections")]
    assert corrected, "the demo shows a correction"
    page = text_of(main_html(demo_site, "corrections/"))
    for article in corrected:
        for c in article["corrections"]:
            d = c["date"]
            assert f"更正：{d.year}年{d.month}月{d.day}日 {c['note']}" in text_of(main_html(demo_site, article["_url"]))
            assert c["note"] in page and article["title"] in page


def test_feed_parses_and_lists_the_newest(demo_site, published):
    root = ET.parse(demo_site / "column/feed.xml").getroot()
    titles = [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")]
    newest = sorted(published.values(), key=lambda a: (a["date"], a["series_no"]), reverse=True)
    assert titles == [a["title"] for a in newest][:len(titles)] and titles
