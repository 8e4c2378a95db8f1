"""A full crawl of the built demo on real nginx: from the home page, every href, src, srcset, poster and
redirect of every page, every url() of our stylesheets, the sitemap's and the feed's addresses, and
the /favicon.ico browsers ask for — all of it answers, none is a 404."""
from __future__ import annotations

import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from support import hosting
from support.nginx import MINIMAL_TEMPLATE

pytestmark = pytest.mark.slow

CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""


def links_of(url: str, kind: str, body: bytes) -> list[str]:
    text = body.decode("utf-8", errors="replace")
    if kind == "text/html":
        found = [value for _tag, _attr, value in hosting.references(text)]
    elif kind == "text/css" and "/assets/css/" in url:  # ours; Material's own CSS ships unmodified
        found = CSS_URL.findall(text)
    elif kind in ("application/xml", "text/xml", "application/atom+xml") or url.endswith(".xml"):
        root = ET.fromstring(body)
        base = root.get("{http://www.w3.org/XML/1998/namespace}base") or url
        found = [urljoin(urljoin(url, base), link.get("href")) for link in root.iter("{http://www.w3.org/2005/Atom}link")]
        found += [loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    else:
        found = []
    return [v for v in found if not v.startswith(("data:", "mailto:", "javascript:", "#"))]


def crawl(origin: str, start: list[str]) -> tuple[dict[str, int], dict[str, set[str]]]:
    """Status of every URL reachable on `origin` from `start`, and which page named each."""
    statuses: dict[str, int] = {}
    named_by: dict[str, set[str]] = {}
    queue = list(start)
    while queue:
        url = queue.pop()
        if url in statuses:
            continue
        status, kind, body = fetch(url)
        statuses[url] = status
        if status != 200:
            continue
        for value in links_of(url, kind, body):
            target = urldefrag(urljoin(url, value)).url
            if not target.startswith(origin):
                continue  # asserted elsewhere: nothing leaves the site (test_hosting_build.py)
            named_by.setdefault(target, set()).add(url)
            if target not in statuses:
                queue.append(target)
    return statuses, named_by


def test_a_full_crawl_of_the_demo_finds_no_missing_file(nginx_server, demo_site):
    server = nginx_server(MINIMAL_TEMPLATE, demo_site, prefix="/")
    # Every built page is a start too: a withdrawn record's notice and an old URL's redirect page are
    # linked from nowhere on purpose, but their URLs answer and their own links must work.
    built = sorted(hosting.as_url_path(p.relative_to(demo_site).as_posix()) for p in demo_site.rglob("*.html"))
    starts = [server.url_for(path) for path in built] + [server.url_for("sitemap.xml"), server.url_for("favicon.ico")]
    statuses, named_by = crawl(server.origin, starts)
    missing = {url: sorted(named_by.get(url, {"(start)"}))[:3] for url, status in statuses.items() if status != 200}
    assert missing == {}
    assert len(built) > 250 and len(statuses) > 2 * len(built)  # pages, and what they name
    assert any(u.endswith("/feed.xml") for u in statuses)
    assert sum(1 for u in statuses if "/assets/images/content/" in u) > 100  # their pictures


def test_every_page_names_our_icon_and_the_root_has_one(nginx_server, demo_site):
    server = nginx_server(MINIMAL_TEMPLATE, demo_site, prefix="/")
    status, kind, body = fetch(server.url_for("favicon.ico"))
    assert (status, body[:4]) == (200, b"\0\0\1\0") and kind.startswith("image/")  # an ICO, not a page
    for path in demo_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh" content="0;' in html:
            continue  # an old URL's redirect page: gone before an icon would show (and /favicon.ico is there)
        icons = re.findall(r'<link rel="icon" href="([^"]+)"', html)
        assert icons, path
        rel = path.relative_to(demo_site).as_posix()
        page_url = server.url_for("no/such/page/" if rel == "404.html" else rel)
        for href in icons:
            assert fetch(urljoin(page_url, href))[0] == 200, (rel, href)
