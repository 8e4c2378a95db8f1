"""The offline bundle (`showcase build --offline`) unzipped and opened from disk in real Chromium:
pages, images and navigation work over file:// with no request leaving the folder."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from support import hosting


@pytest.fixture(scope="module")
def unzipped(demo_offline, tmp_path_factory) -> Path:
    """The zip as a user gets it: extracted somewhere else, under a path with Chinese and spaces."""
    dest = tmp_path_factory.mktemp("usb") / "U盘 资料"
    with zipfile.ZipFile(demo_offline) as archive:
        archive.extractall(dest)
    return dest / "showcase-offline"


def open_file(page, path: Path):
    page.requests.clear()
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.requests.settle(page)


def assert_clean(page):
    page.requests.assert_all_local_and_ok("file:///")
    assert all(r.url.startswith("file://") for r in page.requests.network()), list(page.requests)
    assert page.console_errors == [], page.console_errors
    broken = page.evaluate("""() => [...document.images]
        .filter(img => !(img.complete && img.naturalWidth > 0)).map(img => img.currentSrc || img.src)""")
    assert broken == [], broken


def test_main_pages_open_from_disk_with_images(unzipped, page):
    pages = hosting.main_pages(unzipped)
    for family in ("home", "brand", "exemplar", "article", "competition"):
        assert family in pages, f"the offline bundle has no {family} page"
    images = 0
    for family, rel in pages.items():
        open_file(page, unzipped / rel)
        assert_clean(page)
        # Material's CSS and JS work from disk (the header is styled, the page is not bare HTML).
        assert page.eval_on_selector(".md-header", "e => getComputedStyle(e).position") in ("sticky", "fixed"), rel
        images += page.evaluate("document.images.length")
    assert images > 0


def test_navigation_by_clicking_from_the_home_page(unzipped, page):
    open_file(page, unzipped / "index.html")
    tabs = page.eval_on_selector_all(".md-tabs a.md-tabs__link", "els => els.map(e => e.getAttribute('href'))")
    assert len(tabs) >= 5 and all(t.endswith(".html") for t in tabs), tabs

    with page.expect_navigation():
        page.click(".md-tabs a.md-tabs__link[href='brands/index.html']")
    assert page.url == (unzipped / "brands" / "index.html").as_uri()
    page.wait_for_load_state("load")
    brand_link = page.eval_on_selector(
        "article a[href$='/index.html']:not([href^='..'])", "e => e.getAttribute('href')")
    with page.expect_navigation():
        page.click(f"article a[href='{brand_link}'] >> nth=0")
    page.wait_for_load_state("load")
    assert page.url.startswith((unzipped / "brands").as_uri() + "/") and page.url.endswith("/index.html")
    assert page.eval_on_selector(".sc-page", "e => e.className").endswith("sc-page--brand")
    page.requests.settle(page)
    assert_clean(page)

    # Back to the home page through the header's logo/title link.
    with page.expect_navigation():
        page.click(".md-header a.md-logo")
    assert page.url == (unzipped / "index.html").as_uri()


def test_search_works_from_the_unzipped_folder(unzipped, page):
    """The header search over file:// from a folder whose path has Chinese and a space."""
    open_file(page, unzipped / "index.html")
    box = page.locator("[data-sc-search-input]")
    box.click()
    page.keyboard.type("红旗党支部")
    page.wait_for_function("() => document.querySelectorAll('[data-sc-search] .md-search-result__item').length > 0",
                           timeout=15_000)
    hrefs = page.eval_on_selector_all("[data-sc-search] .md-search-result__link", "els => els.map(e => e.href)")
    assert hrefs and all(h.startswith(unzipped.as_uri() + "/") and h.split("#")[0].endswith(".html") for h in hrefs), hrefs
    with page.expect_navigation():
        page.locator("[data-sc-search] .md-search-result__link").first.click()
    page.wait_for_load_state("load")
    assert page.url.split("#")[0] == hrefs[0].split("#")[0]
    assert "红旗党支部" in page.inner_text("article")
    page.requests.settle(page)
    assert_clean(page)
