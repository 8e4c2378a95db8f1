"""Accessibility and layout in real Chromium: axe-core finds no violation at all (every impact, minor
included) on a page of every family the demo has — every `sc-page--<kind>` of the build, print views
(事迹汇编, results and scoring sheets, the 剪报) and the big screen included — and on the main families
phone (375 px) and desktop (1366 px) layouts do not overflow.

Screenshots are written to the test's tmp dir; with SHOWCASE_SCREENSHOTS=docs/screenshots they are
(re)written there for the README: SHOWCASE_SCREENSHOTS=docs/screenshots pytest tests/browser/test_hosting_a11y.py
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from support import hosting
from support.browser import inject_axe

PREFIX = "/dangjian/"
FAMILIES = ("home", "brand", "exemplar", "article", "competition")  # also laid out at two widths
# Every page kind the demo's build has (showcase/pages/__init__.py's FAMILIES make them): a kind the build
# has and this list lacks fails the test, so a new family cannot go unchecked.
AXE_FAMILIES = FAMILIES + ("brands", "column", "competition-notice", "competition-print", "competitions",
                           "compilation", "corrections", "exemplars", "honor", "honors", "notice", "notices",
                           "retracted", "search", "unit", "units")
# Pages outside Material's page chrome (no sc-page--<kind>): the venue's big screen and the 剪报 print view.
STANDALONE = {"bigscreen": "competitions/*/bigscreen/index.html", "clipping": "column/*/*/clipping/index.html"}
EVERY_PAGE_OF = ("competition-print",)  # print views of one family by several templates: results, sheets
VIEWPORTS = {"375": {"width": 375, "height": 812}, "1366": {"width": 1366, "height": 768}}


def standalone_pages(site) -> dict[str, str]:
    by_kind = {path for paths in hosting.pages_by_kind(site).values() for path in paths}
    found = {}
    for name, pattern in STANDALONE.items():
        paths = sorted(p.relative_to(site).as_posix() for p in site.glob(pattern))
        paths = [p for p in paths if p not in by_kind]  # a retracted article's clipping is a notice
        assert paths, f"the demo has no {name} page ({pattern})"
        found[name] = paths[0]
    return found


@pytest.fixture(scope="module")
def families(demo_site_dangjian) -> dict[str, str]:
    pages = hosting.main_pages(demo_site_dangjian)
    missing = [f for f in AXE_FAMILIES if f not in pages]
    assert not missing, f"the demo has no page of {missing}"
    unlisted = sorted(set(pages) - set(AXE_FAMILIES))
    assert not unlisted, f"page kinds {unlisted} are not checked: add them to AXE_FAMILIES"
    pages.update(standalone_pages(demo_site_dangjian))
    return {family: hosting.as_url_path(path) for family, path in pages.items()}


@pytest.fixture
def server(nginx_server, demo_site_dangjian, tmp_path):
    return nginx_server(hosting.nginx_template(tmp_path / "showcase.conf"), demo_site_dangjian, prefix=PREFIX)


def axe_violations(page) -> list[str]:
    """Every violation axe-core finds, whatever its impact (minor and moderate too)."""
    inject_axe(page)
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    found = []
    for violation in result["violations"]:
        for node in violation["nodes"][:5]:
            found.append(f"[{violation['impact']}] {violation['id']}: {violation['help']} — "
                         f"{' '.join(map(str, node['target']))}: {node['failureSummary'].splitlines()[-1].strip()}")
    return found


def check_page(server, page, path) -> list[str]:
    response = page.goto(server.url_for(path))
    assert response.status == 200, path
    page.wait_for_load_state("load")
    return [f"{path}: {v}" for v in axe_violations(page)]


@pytest.fixture(scope="module")
def axe_pages(demo_site_dangjian, families) -> dict[str, list[str]]:
    pages = {family: [path] for family, path in families.items()}
    for family in EVERY_PAGE_OF:
        pages[family] = [hosting.as_url_path(p) for p in hosting.pages_by_kind(demo_site_dangjian)[family]]
    return pages


@pytest.mark.parametrize("family", AXE_FAMILIES + tuple(STANDALONE))
def test_no_axe_violation(server, axe_pages, page, family):
    violations = [v for path in axe_pages[family] for v in check_page(server, page, path)]
    assert violations == [], "\n".join(violations)


def screenshot_dirs(tmp_path) -> list[Path]:
    dirs = [tmp_path]
    wanted = os.environ.get("SHOWCASE_SCREENSHOTS")
    if wanted:
        target = Path(wanted)
        target.mkdir(parents=True, exist_ok=True)
        dirs.append(target)
    return dirs


@pytest.mark.parametrize("width", VIEWPORTS)
def test_layout_fits_phone_and_desktop_and_screenshots(server, families, browser, tmp_path, width):
    context = browser.new_context(locale="zh-CN", viewport=VIEWPORTS[width], device_scale_factor=1,
                                  is_mobile=width == "375", has_touch=width == "375")
    page = context.new_page()
    try:
        for family in FAMILIES:
            path = families[family]
            page.goto(server.url_for(path))
            page.wait_for_load_state("load")
            page.evaluate("document.fonts.ready")
            overflow = page.evaluate("""() => {
                const limit = document.documentElement.clientWidth;
                const wide = [...document.querySelectorAll('body *')].filter(e => {
                    const r = e.getBoundingClientRect();
                    // Inside a horizontal scroller (wide tables) is fine: the page itself does not scroll.
                    let p = e.parentElement, scroller = false;
                    while (p) { const s = getComputedStyle(p); if (s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden') { scroller = true; break; } p = p.parentElement; }
                    return !scroller && r.width > 0 && r.right > limit + 1;
                }).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : ''));
                return {scroll: document.documentElement.scrollWidth, limit, wide};
            }""")
            assert overflow["scroll"] <= overflow["limit"] + 1 and not overflow["wide"], f"{path} at {width}px: {overflow}"
            # The article text gets most of the screen, on the phone too.
            content_width = page.eval_on_selector(".md-content", "e => e.getBoundingClientRect().width")
            assert content_width >= (0.85 * 375 if width == "375" else 600), f"{path}: content {content_width}px wide"
            for folder in screenshot_dirs(tmp_path):
                page.screenshot(path=str(folder / f"{family}-{width}.png"))
    finally:
        context.close()
