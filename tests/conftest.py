"""Shared pytest fixtures: real headless Chromium and real nginx.

browser        session-scoped Playwright ``Browser`` (Debian /usr/bin/chromium).
page           function-scoped ``Page`` in a fresh context; ``page.requests`` is a
               ``RequestLog`` of every request (URL, status, failure) and
               ``page.console_errors`` lists console errors and uncaught page errors.
nginx_server   factory: ``nginx_server(template, root, prefix="/", **vars)`` starts
               real nginx on 127.0.0.1 and returns an ``NginxServer`` (``.url``, ...);
               every server started is stopped at teardown.

A missing prerequisite (chromium, playwright, nginx) fails the test when CI=true
and skips it otherwise. Tests using these fixtures get the ``browser`` / ``nginx``
markers automatically, so ``pytest -m "not browser and not nginx"`` runs the rest.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# tests/ on sys.path so "support" imports the same way whatever the import mode.
if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))

from support import browser as browser_support
from support import nginx as nginx_support
from support import require


def pytest_collection_modifyitems(config, items):
    for item in items:
        names = getattr(item, "fixturenames", ())
        if "browser" in names or "page" in names:
            item.add_marker(pytest.mark.browser)
        if "nginx_server" in names:
            item.add_marker(pytest.mark.nginx)


@pytest.fixture(scope="session")
def browser():
    reason = browser_support.missing_prerequisite()
    if reason:
        require(reason)
    pw = browser_support.start_playwright()
    try:
        chromium = browser_support.launch_chromium(pw)
    except Exception as exc:  # a present but broken browser is a failure, never a skip
        pw.stop()
        pytest.fail(f"could not launch {browser_support.CHROMIUM}: {exc}", pytrace=False)
    try:
        yield chromium
    finally:
        chromium.close()
        pw.stop()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai",
                                  viewport={"width": 1280, "height": 900})
    new_page = context.new_page()
    new_page.requests = browser_support.RequestLog().attach(new_page)
    new_page.console_errors = []
    new_page.on("console", lambda msg: msg.type == "error"
                and new_page.console_errors.append(f"console: {msg.text}"))
    new_page.on("pageerror", lambda err: new_page.console_errors.append(f"pageerror: {err}"))
    try:
        yield new_page
    finally:
        context.close()


@pytest.fixture
def nginx_server(tmp_path_factory):
    servers = []

    def start(template, root, prefix="/", **variables):
        nginx_support.require_nginx()
        tmp = tmp_path_factory.mktemp("nginx")
        server = nginx_support.NginxServer(template, root, tmp, prefix=prefix, **variables)
        servers.append(server)
        return server.start()

    yield start
    for server in reversed(servers):
        server.stop()


# ---- built sites shared by many tests -------------------------------------------------------------

from support import sites as site_support  # noqa: E402


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """The demo content built once (internal edition) for read-only assertions."""
    root = tmp_path_factory.mktemp("demo-internal")
    project = site_support.copy_demo(root)
    return site_support.build(project)


@pytest.fixture(scope="session")
def basic_site(tmp_path_factory) -> Path:
    """tests/fixtures/basic built once (internal edition)."""
    root = tmp_path_factory.mktemp("basic")
    project = site_support.copy_fixture("basic", root)
    return site_support.build(project)


@pytest.fixture(scope="session")
def competition_sites(tmp_path_factory) -> dict:
    """tests/fixtures/competition built once per edition: {"internal": site, "public": site}."""
    root = tmp_path_factory.mktemp("competition")
    project = site_support.copy_fixture("competition", root)
    return {"internal": site_support.build(project, site_dir=root / "internal"),
            "public": site_support.build(project, "--edition", "public", site_dir=root / "public")}


@pytest.fixture(scope="session")
def hosting_demo_project(tmp_path_factory) -> Path:
    """One demo copy for the hosting builds below, so they share its image cache."""
    return site_support.copy_demo(tmp_path_factory.mktemp("demo-hosting"))


@pytest.fixture(scope="session")
def demo_site_dangjian(hosting_demo_project) -> Path:
    """The demo built for the intranet server under /dangjian/ with .gz twins (hosting tests)."""
    return site_support.build(hosting_demo_project, "--base-url", "/dangjian/", "--precompress",
                              site_dir=hosting_demo_project / "site-dangjian")


@pytest.fixture(scope="session")
def demo_offline(hosting_demo_project) -> Path:
    """`showcase build --offline` of the demo: returns the zip (its folder sits beside it)."""
    site = site_support.build(hosting_demo_project, "--offline", site_dir=hosting_demo_project / "site-offline")
    return site.with_name(site.name + ".zip")
