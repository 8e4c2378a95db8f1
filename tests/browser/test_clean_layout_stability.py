"""What Lighthouse measured, asserted where Chromium can tell: the big screen does not jump when its
script takes over (layout shift ≈ 0, measured by a PerformanceObserver while the script is held back) and
is one screen high without it; the brand wall's first card image is fetched at once, with priority, and
on a phone every card image's `sizes` picks the candidate its two-column grid needs. The numbers
themselves are benchmarks/lighthouse.py's (benchmarks/README-lighthouse.md).
"""
from __future__ import annotations

import re
import time

import pytest

from support import hosting

PREFIX = "/dangjian/"
PHONE = {"width": 375, "height": 812}


@pytest.fixture
def server(nginx_server, demo_site_dangjian, tmp_path):
    return nginx_server(hosting.nginx_template(tmp_path / "showcase.conf"), demo_site_dangjian, prefix=PREFIX)


@pytest.fixture(scope="module")
def bigscreen_path(demo_site_dangjian) -> str:
    found = sorted(demo_site_dangjian.glob("competitions/*/bigscreen/index.html"))
    assert found, "the demo has no big screen"
    return hosting.as_url_path(found[0].relative_to(demo_site_dangjian).as_posix())


LAYOUT_SHIFT = """() => { window.__shift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
    if (!e.hadRecentInput) window.__shift += e.value; }).observe({type: 'layout-shift', buffered: true}); }"""


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 720}, PHONE], ids=["projector", "phone"])
def test_big_screen_does_not_shift_when_its_script_runs_late(browser, server, bigscreen_path, viewport):
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        page.add_init_script(f"({LAYOUT_SHIFT})()")

        def late(route):  # a slow presenter PC: the page is painted long before the script arrives
            time.sleep(1.0)
            route.continue_()

        page.route(re.compile(r".*/bigscreen\.js$"), late)
        page.goto(server.url_for(bigscreen_path))
        page.wait_for_function("document.documentElement.classList.contains('bs-js')")
        page.wait_for_timeout(600)
        shift = page.evaluate("window.__shift")
        assert shift < 0.01, f"cumulative layout shift {shift:.3f}"
    finally:
        context.close()


def test_big_screen_is_one_screen_high_without_script(browser, server, bigscreen_path):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 720})
    try:
        page = context.new_page()
        page.goto(server.url_for(bigscreen_path))
        size = page.evaluate("""() => ({height: document.documentElement.scrollHeight, screen: innerHeight,
            slides: document.querySelectorAll('.bs-slide').length,
            first: document.querySelector('.bs-slide').getBoundingClientRect().toJSON()})""")
        assert size["slides"] > 2
        assert size["height"] <= size["screen"] + 1, size
        assert (size["first"]["x"], size["first"]["y"]) == (0, 0), size
    finally:
        context.close()


def card_images(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll('.sc-wall .sc-card__visual img')].map(img => ({
        loading: img.getAttribute('loading'), priority: img.getAttribute('fetchpriority'),
        top: img.getBoundingClientRect().top + scrollY, width: img.getBoundingClientRect().width,
        current: img.currentSrc,
        candidates: [...(img.closest('picture')?.querySelector('source')?.srcset || img.srcset).split(',')]
            .map(c => c.trim().split(/\\s+/)).map(([url, w]) => ({url, w: parseInt(w)}))}))""")


def test_brand_wall_first_card_image_is_not_lazy_and_sizes_fit_the_phone_grid(browser, server):
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(server.url_for("brands/"))
        page.wait_for_load_state("load")
        images = card_images(page)
        assert len(images) > 4
        first = min(images, key=lambda i: i["top"])
        assert (first["loading"], first["priority"]) == (None, "high"), first
        assert all(i["loading"] == "lazy" for i in images if i is not first), "only the first card is eager"
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_timeout(500)
        for image in card_images(page):
            if not image["current"] or len(image["candidates"]) < 2:
                continue  # a single-file logo (SVG) or one not loaded: nothing to choose
            widths = sorted(c["w"] for c in image["candidates"] if c["w"])
            needed = next((w for w in widths if w >= image["width"]), widths[-1])
            chosen = next(c["w"] for c in image["candidates"] if image["current"].endswith(c["url"].lstrip("./")))
            # `sizes` right for a two-column grid: the browser fetches the smallest file that fills the
            # card (100vw would make it fetch one twice as wide on every phone).
            assert chosen == needed, f"{image['current']}: {chosen}w fetched for a {image['width']:.0f}px card"
    finally:
        context.close()
