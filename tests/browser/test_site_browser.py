"""The showcase pages of the demo in real headless Chromium behind real nginx: layout at desktop
(1366 px) and phone (375 px) width, the level filter, the "1+N" tree, print on A4.

Screenshots go to a temporary folder; set SHOWCASE_SCREENSHOTS=docs/screenshots to refresh the ones
the documentation shows.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from support.nginx import MINIMAL_TEMPLATE

TEMPLATE = MINIMAL_TEMPLATE
WIDTHS = {"desktop": (1366, 900), "phone": (375, 812)}
PAGES = {"home": "", "brands": "brands/", "brand": "brands/wenlv-yidian/"}


@pytest.fixture
def served(nginx_server, demo_site):
    return nginx_server(TEMPLATE, demo_site, prefix="/sanchuang/")


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    target = os.environ.get("SHOWCASE_SCREENSHOTS")
    folder = Path(target) if target else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def load_everything(page) -> None:
    """Scroll through the page so lazy images load, then wait until the network is quiet."""
    height = page.evaluate("document.documentElement.scrollHeight")
    for y in range(0, height + 600, 600):
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_timeout(40)
    page.evaluate("window.scrollTo(0, 0)")
    page.requests.settle(page)
    page.wait_for_timeout(300)  # Material's header tabs come back after scrolling up


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_page_renders_fully_inside_the_site_and_the_screen(page, served, shots, name, width):
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width])))
    page.goto(served.url + PAGES[name])
    load_everything(page)
    page.requests.assert_all_local_and_ok(served.url)
    assert not page.console_errors
    broken = page.evaluate("""() => [...document.images].filter(i => !i.complete || i.naturalWidth === 0)
                                   .map(i => i.currentSrc || i.src)""")
    assert not broken
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{name} scrolls sideways at {width} width by {overflow}px"
    page.screenshot(path=str(shots / f"showcase-{name}-{WIDTHS[width][0]}.png"), full_page=True)


def visible(page, selector: str) -> int:
    return page.evaluate(f"[...document.querySelectorAll('{selector}')].filter(e => e.offsetParent).length")


def test_level_filter_shows_main_or_sub_brands_without_script(page, served):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(served.url + "brands/")
    main, sub = visible(page, ".sc-card--main"), visible(page, ".sc-card--sub")
    assert main and sub
    page.get_by_text("子品牌", exact=True).first.click()  # the label in the filter
    assert (visible(page, ".sc-card--main"), visible(page, ".sc-card--sub")) == (0, sub)
    groups_left = page.evaluate("[...document.querySelectorAll('.sc-group')].filter(e => e.offsetParent)"
                                ".map(e => e.querySelector('h2').textContent)")
    assert groups_left == ["云川市交通运输局", "云川市文化和旅游局"]  # the units with sub-brands
    page.locator(".sc-filter label", has_text="主品牌").click()
    assert (visible(page, ".sc-card--main"), visible(page, ".sc-card--sub")) == (main, 0)


@pytest.mark.parametrize("width", [1366, 375])
def test_matrix_is_drawn_as_a_tree(page, served, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(served.url + "brands/wenlv-yidian/")
    root = page.locator(".sc-tree__node--root").bounding_box()
    nodes = [page.locator(".sc-tree__branch").nth(i).bounding_box()
             for i in range(page.locator(".sc-tree__branch").count())]
    assert len(nodes) == 6
    assert all(n["y"] > root["y"] + root["height"] for n in nodes)  # the "N" hang below the "1"
    assert len({round(n["x"]) for n in nodes}) >= 2  # laid out as a grid, not a single column


def print_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_brand_page_prints_on_a4_without_site_chrome(page, served):
    page.goto(served.url + "brands/wenlv-yidian/")
    load_everything(page)
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-sidebar--secondary',
        '.md-footer'].map(s => document.querySelector(s)).filter(Boolean)
        .map(e => getComputedStyle(e).display)""")
    assert hidden and set(hidden) == {"none"}
    content = page.locator(".md-content").bounding_box()
    assert content["x"] < 40  # the text takes the page's width
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF") and 1 <= print_pages(pdf) <= 6


def test_compilation_prints_each_story_on_a_new_page(page, served):
    page.goto(served.url + "exemplars/five-star-members/compilation/")
    page.emulate_media(media="print")
    titles = page.locator("h2.sc-story__title")
    stories = titles.count()
    assert stories > 3
    assert set(page.evaluate("[...document.querySelectorAll('h2.sc-story__title')]"
                             ".map(h => getComputedStyle(h).breakBefore)")) == {"page"}
    pdf = page.pdf(format="A4")
    assert print_pages(pdf) >= stories
