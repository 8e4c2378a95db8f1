"""The search box in real Chromium: typing into the header box at the server root, under a sub-path
(the shipped nginx config) and in the offline bundle opened from disk; the /search/ page's filters;
a broken index says so instead of finding nothing."""
from __future__ import annotations

from urllib.parse import quote

import pytest
from support import hosting
from support.nginx import MINIMAL_TEMPLATE

MINIMAL = MINIMAL_TEMPLATE


def search(page, query: str) -> list[dict]:
    """Type into the header box like a reader; the results on screen once they are shown."""
    box = page.locator("[data-sc-search-input]")
    box.click()
    box.fill("")
    page.keyboard.type(query)
    page.wait_for_function("q => document.querySelector('[data-sc-search]').getAttribute('data-sc-shown') === q",
                           arg=query, timeout=15_000)
    return results(page, "[data-sc-search]")


def results(page, scope: str) -> list[dict]:
    return page.eval_on_selector_all(f"{scope} .md-search-result__item", """items => items.map(li => ({
        href: li.querySelector('a').href,
        title: li.querySelector('h1').textContent,
        marked: Array.from(li.querySelectorAll('mark')).map(m => m.textContent),
        kind: (li.querySelector('.sc-search-kind') || {}).textContent,
        units: Array.from(li.querySelectorAll('.sc-search-unit')).map(u => u.textContent),
        date: (li.querySelector('.sc-search-date') || {}).textContent || ''}))""")


@pytest.fixture
def root_server(nginx_server, demo_site):
    return nginx_server(MINIMAL, demo_site, prefix="/")


def test_header_search_at_the_server_root(page, root_server):
    page.goto(root_server.url)
    found = search(page, "市文旅局")
    assert found[0]["title"] == "云川市文化和旅游局" and found[0]["href"].startswith(root_server.url + "units/wenlv/")
    assert "市文化和旅游局" in "".join(found[0]["marked"])  # the synonym is what matched, and is marked
    assert page.locator("[data-sc-search] .md-search-result__meta").inner_text().startswith("找到 ")
    article = next(r for r in found if r["kind"] == "专栏文章")
    assert article["units"] and article["date"].endswith("日")  # kind, unit and date on every result
    page.locator("[data-sc-search] .md-search-result__link").first.click()
    page.wait_for_url(root_server.url + "units/wenlv/**")
    assert page.locator("h1").first.inner_text() == "云川市文化和旅游局"
    page.requests.settle(page)
    page.requests.assert_all_local_and_ok(root_server.url)
    assert not page.console_errors


def test_kind_filter_chips_narrow_the_results(page, root_server):
    page.goto(root_server.url)
    everything = search(page, "党建")
    assert len({r["kind"] for r in everything}) > 1
    page.locator("[data-sc-search] .sc-search-chip", has_text="品牌先进典型").click()
    page.wait_for_function("() => document.querySelector('[data-sc-search] .sc-search-chip[aria-pressed=true]')"
                           ".textContent.startsWith('品牌先进典型')")
    page.wait_for_timeout(300)
    narrowed = results(page, "[data-sc-search]")
    assert narrowed and {r["kind"] for r in narrowed} == {"品牌先进典型"}
    more = page.locator("[data-sc-search] .sc-search-more")
    assert "kind=exemplar%3Abrand_exemplar" in more.get_attribute("href")


def test_keyboard_opens_moves_and_closes(page, root_server):
    page.goto(root_server.url)
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('[data-sc-search-input]')")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.type("陈静怡")
    page.wait_for_function("() => document.querySelector('[data-sc-search]').getAttribute('data-sc-shown') === '陈静怡'")
    page.keyboard.press("ArrowDown")
    assert "exemplars/fs-chenjingyi/" in page.evaluate("document.activeElement.href")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")


def test_small_screen_magnifier_opens_the_box_ready_to_type(page, root_server):
    page.set_viewport_size({"width": 400, "height": 800})
    page.goto(root_server.url)
    assert not page.evaluate("document.getElementById('__search').checked")
    page.locator("label.md-header__button[for=__search]").click()
    page.wait_for_function("() => document.activeElement.matches('[data-sc-search-input]')")
    page.keyboard.type("陈静怡")
    page.wait_for_function("() => document.querySelector('[data-sc-search]').getAttribute('data-sc-shown') === '陈静怡'")
    first = page.locator("[data-sc-search] .md-search-result__item").first
    assert first.is_visible() and "陈静怡" in first.inner_text()


def test_results_page_filters_by_kind_unit_and_year(page, root_server):
    page.goto(root_server.url + "search/?q=" + quote("党建") + "&kind=article")
    page.wait_for_selector("[data-sc-search-page][data-sc-shown]")
    first = results(page, "[data-sc-search-page]")
    assert first and {r["kind"] for r in first} == {"专栏文章"}
    assert page.locator("select[name=kind]").input_value() == "article"
    page.select_option("select[name=unit]", "wenlv")
    page.wait_for_function("() => location.search.includes('unit=wenlv')")
    page.wait_for_timeout(300)
    by_unit = results(page, "[data-sc-search-page]")
    assert by_unit and all("云川市文化和旅游局" in r["units"] for r in by_unit)
    page.select_option("select[name=unit]", "")
    page.select_option("select[name=year]", "2023")
    page.wait_for_function("() => location.search.includes('year=2023')")
    page.wait_for_timeout(300)
    by_year = results(page, "[data-sc-search-page]")
    assert by_year and all(r["date"].startswith("2023年") for r in by_year)
    page.select_option("select[name=kind]", "")
    page.select_option("select[name=year]", "")
    page.wait_for_timeout(300)
    status = page.locator(".sc-search-status").inner_text()
    total = int(status.split("找到 ")[1].split(" ")[0])
    shown = len(results(page, "[data-sc-search-page]"))
    assert total > shown == 20
    page.locator(".sc-search-page__more").click()
    page.wait_for_function("n => document.querySelectorAll('.sc-search-page__results li').length > n", arg=shown)
    assert not page.console_errors


def test_results_page_sorts_by_date(page, root_server):
    page.goto(root_server.url + "search/?q=" + quote("支部") + "&kind=article&sort=date")
    page.wait_for_selector("[data-sc-search-page][data-sc-shown]")
    dates = [r["date"] for r in results(page, "[data-sc-search-page]")]
    as_tuples = [tuple(int(x) for x in d.replace("年", "-").replace("月", "-").rstrip("日").split("-")) for d in dates]
    assert len(as_tuples) > 5 and as_tuples == sorted(as_tuples, reverse=True)


def test_a_missing_index_is_reported_not_silent(page, root_server):
    page.route("**/search/data/index.js*", lambda route: route.abort())
    page.goto(root_server.url)
    box = page.locator("[data-sc-search-input]")
    box.click()
    page.keyboard.type("党建")
    meta = page.locator("[data-sc-search] .md-search-result__meta")
    meta.filter(has_text="搜索暂不可用").wait_for(timeout=10_000)
    assert "index.js" in meta.inner_text()


# The site at the server root with its own 404 page for every missing URL (as deploy/nginx does under
# its sub-path): the 404 page's links are root-absolute, its search root is "/".
ROOT_WITH_404 = """server {
    listen {{listen}};
    server_name localhost;
    root {{root}};
    index index.html;
    error_page 404 /404.html;
}
"""


def test_header_search_on_the_404_page_at_the_server_root(page, nginx_server, demo_site, tmp_path):
    template = tmp_path / "root-404.conf"
    template.write_text(ROOT_WITH_404, encoding="utf-8")
    server = nginx_server(template, demo_site, prefix="/")
    response = page.goto(server.url + "no/such/page/")
    assert response.status == 404
    assert page.get_attribute("[data-sc-search]", "data-sc-root") == "/"
    found = search(page, "红色账本")
    assert found and found[0]["href"].startswith(server.url + "brands/czj-zhangben/")
    assert page.locator("[data-sc-search] .md-search-result__meta").inner_text().startswith("找到 ")
    # The one failed load is the missing page itself (its 404 status); no script error.
    assert [e for e in page.console_errors if not e.startswith("console: Failed to load resource")] == []
    page.requests.settle(page)
    assert [str(r) for r in page.requests if not r.ok and r.url != server.url + "no/such/page/"] == []


def test_header_search_under_a_sub_path(page, nginx_server, demo_site_dangjian, tmp_path):
    server = nginx_server(hosting.nginx_template(tmp_path / "showcase.conf"), demo_site_dangjian, prefix="/dangjian/")
    page.goto(server.url + "brands/wenlv-yidian/")
    found = search(page, "红色账本")
    assert found and all(r["href"].startswith(server.url) for r in found)
    assert found[0]["href"].startswith(server.url + "brands/czj-zhangben/")
    page.locator("[data-sc-search] .md-search-result__link").first.click()
    page.wait_for_url(server.url + "brands/czj-zhangben/**")
    page.requests.settle(page)
    page.requests.assert_all_local_and_ok(server.url)
    # the full results page under the prefix
    page.requests.clear()
    page.goto(server.url + "search/?q=" + quote("红旗党支部"))
    page.wait_for_selector("[data-sc-search-page][data-sc-shown]")
    listed = results(page, "[data-sc-search-page]")
    assert listed and all(r["href"].startswith(server.url) for r in listed)
    page.requests.settle(page)
    page.requests.assert_all_local_and_ok(server.url)
    assert not page.console_errors


def test_offline_bundle_searches_from_disk(page, demo_offline):
    folder = demo_offline.with_suffix("")
    page.goto((folder / "index.html").as_uri())
    found = search(page, "陈静怡")
    assert found[0]["href"] == (folder / "exemplars" / "fs-chenjingyi" / "index.html").as_uri()
    page.locator("[data-sc-search] .md-search-result__link").first.click()
    page.wait_for_url("**/exemplars/fs-chenjingyi/index.html")
    assert page.locator("h1").first.inner_text() == "陈静怡"
    # "查看全部" opens the results page from disk, query and all
    search(page, "红旗党支部")
    page.locator("[data-sc-search] .sc-search-more").click()
    page.wait_for_url("**/search/index.html?q=*")
    page.wait_for_selector("[data-sc-search-page][data-sc-shown]")
    listed = results(page, "[data-sc-search-page]")
    assert len(listed) >= 10 and all(r["href"].startswith(folder.as_uri()) and ".html" in r["href"] for r in listed)
    assert not [r for r in page.requests if not r.url.startswith(("file://", "data:", "about:"))]
    assert not page.console_errors
