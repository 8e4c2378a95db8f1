"""The column archive built from tests/fixtures/column: home, progress, record block, prev/next,
calendar, categories and units, corrections, retraction, summary-only rights, feed, clipping.

Expectations are read from the fixture's own files (front matter), not typed twice here.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from support.column_html import links, main_html, text_of
from support.sites import FIXTURES, build, copy_fixture
from support.nginx import MINIMAL_TEMPLATE

ATOM = "{http://www.w3.org/2005/Atom}"
FIXTURE = FIXTURES / "column" / "content"


# ---- reading the fixture and the built site ------------------------------------------------------

def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def fixture_articles(content: Path = FIXTURE) -> dict[str, dict]:
    """id → front matter (with `_url`) of every article file."""
    found = {}
    for path in sorted((content / "column").rglob("*.md")):
        article_id = path.parent.name if path.name == "index.md" else path.stem
        year = path.parent.parent.name if path.name == "index.md" else path.parent.name
        found[article_id] = {**front_matter(path), "_url": f"column/{year}/{article_id}/"}
    return found


def published(articles: dict) -> dict:
    return {k: v for k, v in articles.items() if v.get("status", "published") == "published"}


@pytest.fixture(scope="session")
def column_site(tmp_path_factory) -> Path:
    project = copy_fixture("column", tmp_path_factory.mktemp("column-site"))
    return build(project)


# ---- column home ------------------------------------------------------------------------------------

def test_home_shows_progress_counted_from_published_articles(column_site):
    column = yaml.safe_load((FIXTURE / "columns.yml").read_text(encoding="utf-8"))[0]
    count, planned = len(published(fixture_articles())), column["planned_total"]
    percent = round(100 * count / planned)
    html = main_html(column_site, "column/")
    assert f"已刊发 {count} 篇 / 计划 {planned} 篇（{percent}%）" in text_of(html)
    assert f'<progress max="{planned}" value="{count}">' in html
    assert "合作报纸：《云川日报》" in text_of(html)
    assert "开栏：2023年3月1日" in text_of(html)
    assert "本报即日起开设“三创先锋”专栏" in text_of(html)  # 开栏的话


def test_home_lists_published_articles_by_series_number(column_site):
    html = main_html(column_site, "column/")
    full_list = html.split("全部文章（按专栏序号）", 1)[1]
    expected = sorted(published(fixture_articles()).values(), key=lambda a: a["series_no"])
    listed = [url for url in links(full_list, "column/") if re.match(r"column/\d{4}/", url)]
    assert listed == [a["_url"] for a in expected]
    for article in fixture_articles().values():
        if article.get("status") in ("draft", "retracted"):
            assert article["title"] not in html


# ---- article page ----------------------------------------------------------------------------------

def test_article_record_block_bylines_and_marker(column_site):
    first = text_of(main_html(column_site, "column/2023/a-first/"))
    assert "《云川日报》2023年3月1日 第13001期 第3版（党的建设） · 专栏第1篇" in first
    assert "三创先锋 之一 · 品牌先进典型案例" in first
    assert "本报记者 周启明 王晓　通讯员 李四" in first
    assert first.index("市文化和旅游局党建品牌见闻") < first.index("让党旗在文旅窗口高高飘扬") \
        < first.index("——一店一名片 处处党旗红")  # 引题, title, 副题 in newspaper order
    third = text_of(main_html(column_site, "column/2023/c-third/"))
    # The article's own paper (云川晚报) and its printed marker, kept as printed.
    assert "《云川晚报》2023年4月21日 第A03版 · 专栏第3篇" in third
    assert "三创先锋 之三（上）" in third


def test_prev_next_follow_the_series_and_skip_unpublished(column_site):
    series = sorted(published(fixture_articles()).values(), key=lambda a: a["series_no"])
    for i, article in enumerate(series):
        html = main_html(column_site, article["_url"])
        nav = html.split('class="sc-series-nav', 1)[1]
        prev = re.search(r'href="([^"]+)" rel="prev"', nav)
        nxt = re.search(r'href="([^"]+)" rel="next"', nav)
        expect_prev = series[i - 1]["_url"] if i > 0 else None
        expect_next = series[i + 1]["_url"] if i + 1 < len(series) else None
        assert (urlsplit(urljoin("http://site/" + article["_url"], prev.group(1))).path[1:] if prev else None) == expect_prev
        assert (urlsplit(urljoin("http://site/" + article["_url"], nxt.group(1))).path[1:] if nxt else None) == expect_next


def test_related_links_and_back_links(column_site):
    html = main_html(column_site, "column/2024/f-sixth/")
    targets = links(html, "column/2024/f-sixth/")
    assert "exemplars/star-li/" in targets and "units/wenlv/" in targets
    # The exemplar's page links back to the articles about it.
    back = links(main_html(column_site, "exemplars/star-li/"), "exemplars/star-li/")
    assert "column/2024/f-sixth/" in back and "column/2023/c-third/" in back


def test_pdf_scan_is_linked_and_shipped(column_site):
    html = main_html(column_site, "column/2024/f-sixth/")
    assert "column/2024/f-sixth/banmian.pdf" in links(html, "column/2024/f-sixth/")
    assert (column_site / "column/2024/f-sixth/banmian.pdf").read_bytes().startswith(b"%PDF")


def test_summary_only_shows_summary_and_record_never_the_body(column_site):
    third = front_matter(FIXTURE / "column/2023/c-third.md")
    body = (FIXTURE / "column/2023/c-third.md").read_text(encoding="utf-8").split("---\n", 2)[2].strip()
    assert third["rights"] == "summary_only"
    assert third["summary"] in text_of(main_html(column_site, "column/2023/c-third/"))
    leaks = [p for p in column_site.rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".json")
             and body in p.read_text(encoding="utf-8", errors="replace")]
    assert leaks == []


# ---- corrections and retraction ---------------------------------------------------------------------

def test_corrections_on_the_article_and_the_site_wide_page(column_site):
    correction = front_matter(FIXTURE / "column/2023/c-third.md")["corrections"][0]
    d = correction["date"]
    line = f"更正：{d.year}年{d.month}月{d.day}日 {correction['note']}"
    assert line in text_of(main_html(column_site, "column/2023/c-third/"))
    page = main_html(column_site, "corrections/")
    assert line.replace("更正：", "") in text_of(page).replace("（专栏文章）：", " ").replace("仅摘要的第三篇 ", "")
    assert "column/2023/c-third/" in links(page, "corrections/")
    # The clipping carries the correction too.
    assert line in text_of((column_site / "column/2023/c-third/clipping/index.html").read_text(encoding="utf-8"))


def test_retracted_article_leaves_every_list_counter_calendar_and_feed(column_site):
    retracted = fixture_articles()["b-second"]
    assert retracted["status"] == "retracted"
    notice = text_of(main_html(column_site, retracted["_url"]))
    assert "本文已撤回" in notice and retracted["retraction"]["reason"] in notice
    own = column_site / retracted["_url"]
    mentioning = [p.relative_to(column_site).as_posix() for p in column_site.rglob("*")
                  if p.is_file() and p.suffix in (".html", ".xml", ".json") and not p.is_relative_to(own)
                  and (retracted["title"] in p.read_text(encoding="utf-8") or "b-second" in p.read_text(encoding="utf-8"))]
    assert mentioning == []
    # Its month (March 2023) still has the first article but not the retracted one's day.
    march = main_html(column_site, "column/archive/2023/03/")
    assert retracted["date"].day not in marked_days(march)


# ---- archive and calendar ---------------------------------------------------------------------------

def marked_days(html: str) -> set[int]:
    return {int(day) for day in re.findall(r"<td[^>]*><a [^>]*>(\d+)</a></td>", html)}


def test_month_calendars_mark_exactly_the_days_with_articles(column_site):
    articles = published(fixture_articles()).values()
    months = {(a["date"].year, a["date"].month) for a in articles}
    for year, month in months:
        html = main_html(column_site, f"column/archive/{year}/{month:02d}/")
        days = {a["date"].day for a in articles if (a["date"].year, a["date"].month) == (year, month)}
        assert marked_days(html) == days, (year, month)
        assert f"本月刊发 {sum(1 for a in articles if (a['date'].year, a['date'].month) == (year, month))} 篇" in text_of(html)
    # Only months with articles have a page.
    pages = {tuple(map(int, p.parent.relative_to(column_site / "column/archive").parts))
             for p in (column_site / "column/archive").glob("*/*/index.html")}
    assert pages == months


def test_a_day_with_two_articles_links_to_its_place_in_the_month(column_site):
    html = main_html(column_site, "column/archive/2023/04/")
    targets = links(html, "column/archive/2023/04/")
    assert "column/archive/2023/04/#d21" in targets
    assert 'id="d21"' in html
    day = html.split('id="d21"', 1)[1]
    assert links(day, "column/archive/2023/04/")[:2] == ["column/2023/c-third/", "column/2023/d-fourth/"]


def test_archive_index_counts_per_year_and_month(column_site):
    articles = published(fixture_articles()).values()
    html = main_html(column_site, "column/archive/")
    for year in {a["date"].year for a in articles}:
        row = re.search(rf"<tr>\s*<td><a [^>]*>{year}年</a></td>(.*?)</tr>", html, re.S).group(1)
        cells = re.findall(r"<td>(.*?)</td>", row, re.S)
        counts = [int(text_of(c) or 0) for c in cells[:12]]
        assert counts == [sum(1 for a in articles if a["date"].year == year and a["date"].month == m)
                          for m in range(1, 13)]
        assert int(text_of(cells[12])) == sum(counts)


def test_year_page_has_a_calendar_per_month_with_articles(column_site):
    articles = published(fixture_articles()).values()
    for year in {a["date"].year for a in articles}:
        html = main_html(column_site, f"column/archive/{year}/")
        months = sorted({a["date"].month for a in articles if a["date"].year == year})
        calendars = html.split('class="sc-calendar sc-calendar--')[1:]
        assert len(calendars) == len(months)
        for month, calendar_html in zip(months, calendars):
            caption = re.search(r"(\d+)月（(\d+)篇）", text_of(calendar_html))
            in_month = [a for a in articles if (a["date"].year, a["date"].month) == (year, month)]
            assert (int(caption.group(1)), int(caption.group(2))) == (month, len(in_month))
            assert marked_days(calendar_html) == {a["date"].day for a in in_month}


def test_categories_and_units(column_site):
    articles = published(fixture_articles())
    categories = yaml.safe_load((FIXTURE / "columns.yml").read_text(encoding="utf-8"))[0]["categories"]
    for n, name in enumerate(categories, start=1):
        html = main_html(column_site, f"column/category/{n}/")
        listed = [u for u in links(html, f"column/category/{n}/") if re.match(r"column/\d{4}/", u)]
        assert listed == [a["_url"] for a in sorted(articles.values(), key=lambda a: a["series_no"])
                          if a.get("category") == name], name
    # By unit: named directly, or through a brand/exemplar of the unit.
    rsj = [u for u in links(main_html(column_site, "column/unit/rsj/"), "column/unit/rsj/") if re.match(r"column/\d{4}/", u)]
    assert rsj == ["column/2023/c-third/", "column/2023/d-fourth/", "column/2024/f-sixth/"]
    wenlv = [u for u in links(main_html(column_site, "column/unit/wenlv/"), "column/unit/wenlv/")
             if re.match(r"column/\d{4}/", u)]
    assert wenlv == ["column/2023/a-first/", "column/2024/f-sixth/"]
    index = text_of(main_html(column_site, "column/unit/"))
    assert index.index("云川市人力资源和社会保障局") < index.index("云川市文化和旅游局")  # official order


# ---- feed and clipping ------------------------------------------------------------------------------

def test_feed_is_valid_atom_with_the_published_articles_newest_first(column_site):
    root = ET.parse(column_site / "column/feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{required}") is not None, required
    entries = root.findall(f"{ATOM}entry")
    expected = sorted(published(fixture_articles()).values(), key=lambda a: (a["date"], a["series_no"]), reverse=True)
    assert [e.findtext(f"{ATOM}title") for e in entries] == [a["title"] for a in expected]
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    for entry, article in zip(entries, expected):
        for required in ("id", "title", "updated", "published"):
            assert entry.find(f"{ATOM}{required}") is not None
        assert entry.findtext(f"{ATOM}published") == f"{article['date'].isoformat()}T00:00:00+08:00"
        # Relative links resolve (against the feed's address) to real pages of the site.
        href = entry.find(f"{ATOM}link").get("href")
        assert not href.startswith(("http:", "https:", "/"))
        target = urlsplit(urljoin("http://site/column/feed.xml", href)).path[1:]
        assert target == article["_url"] and (column_site / target / "index.html").is_file()
    third = next(e for e in entries if e.findtext(f"{ATOM}title") == "仅摘要的第三篇")
    assert third.findtext(f"{ATOM}updated") == "2023-05-02T00:00:00+08:00"  # the correction's date


def test_home_links_the_feed(column_site):
    html = main_html(column_site, "column/")
    assert "column/feed.xml" in links(html, "column/")


def test_clipping_has_record_on_top_and_body_without_site_chrome(column_site):
    html = (column_site / "column/2023/a-first/clipping/index.html").read_text(encoding="utf-8")
    text = text_of(html.split('<article class="sc-clip', 1)[1])
    assert text.index("《云川日报》2023年3月1日 第13001期 第3版（党的建设） · 专栏第1篇") < text.index("让党旗在文旅窗口高高飘扬") \
        < text.index("第一篇的正文")
    assert 'class="sc-clip__body"' in html
    assert "md-sidebar" not in html and "md-header" not in html and "md-tabs" not in html
    assert "column/2023/a-first/clipping/" in links(main_html(column_site, "column/2023/a-first/"), "column/2023/a-first/")


# ---- in a real browser, served by nginx under a sub-path ----------------------------------------------

NGINX_TEMPLATE = MINIMAL_TEMPLATE


def test_calendar_and_clipping_in_chromium(column_site, nginx_server, page):
    server = nginx_server(NGINX_TEMPLATE, column_site, prefix="/sc/")
    page.goto(server.url_for("column/archive/2023/04/"))
    page.get_by_role("link", name="21", exact=True).click()
    assert page.url.endswith("/column/archive/2023/04/#d21")
    page.goto(server.url_for("column/archive/2023/03/"))
    page.get_by_role("link", name="1", exact=True).click()
    page.wait_for_url("**/column/2023/a-first/")
    page.get_by_role("link", name="剪报（打印版）").click()
    page.wait_for_url("**/column/2023/a-first/clipping/")
    body = page.locator(".sc-clip__body")
    assert body.evaluate("e => getComputedStyle(e).columnCount") == "3"
    page.emulate_media(media="print")
    assert page.locator(".sc-clip-tools").evaluate("e => getComputedStyle(e).display") == "none"
    assert body.evaluate("e => getComputedStyle(e).columnCount") == "3"
    pdf = page.pdf(format="A4")
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + pdf.count(b"/Type/Page") >= 1
    page.requests.settle(page)
    outside = [r for r in page.requests if not r.url.startswith(server.url)]
    assert outside == [], "\n".join(map(str, outside))
    # Pages, styles and scripts all load (the site icon is the theme's concern, not the column's).
    failed = [r for r in page.requests if not r.ok and "favicon" not in r.url]
    assert failed == [], "\n".join(map(str, failed))
    assert [e for e in page.console_errors if "favicon" not in e and "404" not in e] == []
