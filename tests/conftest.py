"""Shared pytest fixtures: real headless Chromium and real nginx.

browser        session-scoped Playwright ``Browser`` (Debian /usr/bin/chromium).
page           function-scoped ``Page`` in a fresh context; ``page.requests`` is a
               ``RequestLog`` of every request (URL, status, failure) and
               ``page.console_errors`` lists console errors and uncaught page errors.
nginx_server   factory: ``nginx_server(template, root, prefix="/", **vars)`` starts
               real nginx on 127.0.0.1 and returns an ``NginxServer`` (``.url``, ...);
               every server started is stopped at teardown.

demo_image_cache  one folder per session where demo copies keep processed images.
demo_content      a copy of the demo's content/ for read-only checks (checks write their image
                  probe cache beside content/, so never beside the checkout's).
fixture_content   factory: ``fixture_content("basic")`` is a session copy of that fixture's content/.

A missing prerequisite (chromium, playwright, nginx) fails the test when CI=true
and skips it otherwise. Tests using these fixtures get the ``browser`` / ``nginx``
markers automatically, so ``pytest -m "not browser and not nginx"`` runs the rest; they, and the
tests building the demo, are also ``slow`` (SLOW_FIXTURES), so ``pytest -m "not slow"`` is the fast tier.

The session fails when a test wrote into the repository (support/repo_guard.py): every file git
does not track, ignored ones included, is listed at the start and compared at the end.
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
from support import repo_guard, require
from support import sites as site_support

_BEFORE = pytest.StashKey[set]()


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", dest="update_golden",
                     help="rewrite tests/golden/ from the fixtures' builds (then review git diff)")


def pytest_sessionstart(session):
    before = repo_guard.stray_files(site_support.REPO)
    if before is not None:
        session.stash[_BEFORE] = before


def pytest_sessionfinish(session, exitstatus):
    before = session.stash.get(_BEFORE, None)
    after = repo_guard.stray_files(site_support.REPO) if before is not None else None
    created = (after or set()) - (before or set())
    if session.config.getoption("update_golden"):
        created = {name for name in created if not name.startswith("tests/golden/")}
    if created:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line("\n" + repo_guard.report(created), red=True, bold=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


# A test using any of these is slow (the fast tier, `pytest -m "not slow"`, leaves it out): a real
# browser or web server, or a build of the demo (its photos, 300 pages). Tests that build in fixtures
# of their own carry the mark themselves.
SLOW_FIXTURES = {"browser", "page", "nginx_server", "demo_site", "demo_site_dangjian", "demo_offline",
                 "hosting_demo_project", "demo_image_cache", "competition_sites", "basic_site", "demo_pages"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & {"browser", "page"}:
            item.add_marker(pytest.mark.browser)
        if "nginx_server" in names:
            item.add_marker(pytest.mark.nginx)
        if names & SLOW_FIXTURES:
            item.add_marker(pytest.mark.slow)


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


# ---- content and built sites shared by many tests --------------------------------------------------

@pytest.fixture(scope="session")
def demo_image_cache(tmp_path_factory) -> Path:
    """Where the session's demo copies keep processed images (see support.sites.copy_demo)."""
    return tmp_path_factory.mktemp("demo-image-cache")


@pytest.fixture(scope="session")
def demo_content(tmp_path_factory) -> Path:
    """A copy of the demo's content/ to check and plan (read-only: tests that edit make their own)."""
    return site_support.copy_demo(tmp_path_factory.mktemp("demo-content")) / "content"


@pytest.fixture(scope="session")
def fixture_content(tmp_path_factory):
    """``fixture_content(name)``: a session copy of tests/fixtures/<name>/content (read-only)."""
    copies: dict[str, Path] = {}

    def content(name: str) -> Path:
        if name not in copies:
            copies[name] = site_support.copy_fixture(name, tmp_path_factory.mktemp(name)) / "content"
        return copies[name]

    return content


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory, demo_image_cache) -> Path:
    """The demo content built once (internal edition) for read-only assertions."""
    root = tmp_path_factory.mktemp("demo-internal")
    project = site_support.copy_demo(root, demo_image_cache)
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
def hosting_demo_project(tmp_path_factory, demo_image_cache) -> Path:
    """One demo copy for the hosting builds below."""
    return site_support.copy_demo(tmp_path_factory.mktemp("demo-hosting"), demo_image_cache)


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
