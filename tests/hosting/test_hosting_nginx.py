"""The shipped nginx config (deploy/nginx/showcase.conf) in real nginx, serving the demo under /dangjian/.

Status codes, Content-Type of every kind of file the site emits, caching, gzip (pre-compressed and on
the fly), the site's own 404 page, basic auth; then real Chromium through nginx: every request of the
main pages stays on the site and succeeds, no console error, images load, links work under the prefix.
"""
from __future__ import annotations

import base64
import gzip
import hashlib
import re
from pathlib import Path

import pytest

from support import hosting

PREFIX = "/dangjian/"
IMMUTABLE = "public, max-age=31536000, immutable"

# What every file type the site emits must be served as. A new extension in the output fails
# test_every_emitted_file_type_has_the_right_mime_type until it is added here and checked in nginx.
MIME = {
    ".html": "text/html", ".css": "text/css", ".js": "application/javascript",
    ".json": "application/json", ".xml": "text/xml", ".svg": "image/svg+xml", ".webp": "image/webp",
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
    ".pdf": "application/pdf", ".woff2": "font/woff2", ".ico": "image/x-icon", ".txt": "text/plain",
    ".map": "application/json", ".gz": "application/gzip",
}
TEXTUAL = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"}


@pytest.fixture
def dj_site(demo_site_dangjian) -> Path:
    return demo_site_dangjian


@pytest.fixture
def server(nginx_server, dj_site, tmp_path):
    return nginx_server(hosting.nginx_template(tmp_path / "showcase.conf"), dj_site, prefix=PREFIX)


def get(server, path, gzip_ok=True, **headers):
    if gzip_ok:
        headers.setdefault("Accept-Encoding", "gzip")
    return server.get(path, headers=headers)


def one_file(site: Path, suffix: str) -> Path:
    return sorted(p for p in site.rglob(f"*{suffix}") if p.is_file())[0]


# ---- HTTP -------------------------------------------------------------------------------------------

def test_every_emitted_file_type_has_the_right_mime_type(server, dj_site):
    suffixes = {p.suffix.lower() for p in dj_site.rglob("*") if p.is_file()}
    unknown = suffixes - MIME.keys()
    assert not unknown, f"the site emits {unknown}: add them to MIME here and check deploy/nginx/showcase.conf"
    for suffix in sorted(suffixes):
        if suffix == ".gz":  # a .gz twin is served for its original; the bare .gz only as a download
            path = dj_site / "sitemap.xml.gz"
        else:
            path = one_file(dj_site, suffix)
        rel = path.relative_to(dj_site).as_posix()
        status, headers, body = get(server, rel, gzip_ok=False)
        assert status == 200, rel
        ctype = headers["Content-Type"]
        assert ctype.split(";")[0] == MIME[suffix], f"{rel}: {ctype}"
        if suffix in TEXTUAL:
            assert "charset=utf-8" in ctype.lower(), f"{rel}: {ctype}"
        assert body == path.read_bytes(), rel
        assert headers["X-Content-Type-Options"] == "nosniff"


def test_html_is_revalidated_and_fingerprinted_assets_cached_for_a_year(server, dj_site):
    status, headers, _ = get(server, "")
    assert status == 200 and headers["Cache-Control"] == "no-cache"
    for page in hosting.main_pages(dj_site).values():
        status, headers, _ = get(server, hosting.as_url_path(page))
        assert (status, headers["Cache-Control"]) == (200, "no-cache"), page

    bundle = one_file(dj_site / "assets" / "javascripts", ".min.js")
    assert re.fullmatch(r"bundle\.[0-9a-f]{8}\.min\.js", bundle.name)
    for path in (bundle, one_file(dj_site / "assets" / "stylesheets", ".min.css")):
        status, headers, _ = get(server, path.relative_to(dj_site).as_posix())
        assert (status, headers["Cache-Control"]) == (200, IMMUTABLE), path.name

    processed = [p for p in (dj_site / "assets" / "images" / "content").glob("*") if not p.name.endswith(".gz")] \
        if (dj_site / "assets" / "images" / "content").is_dir() else []
    for path in processed[:3]:
        status, headers, _ = get(server, path.relative_to(dj_site).as_posix())
        assert (status, headers["Cache-Control"]) == (200, IMMUTABLE), path.name

    # Our own stylesheet has no fingerprint in its name: it must be revalidated, never frozen.
    status, headers, _ = get(server, "assets/css/showcase.css")
    assert (status, headers["Cache-Control"]) == (200, "no-cache")


def test_revalidation_answers_304(server):
    status, headers, _ = get(server, "")
    etag = headers["ETag"]
    status, headers, body = get(server, "", **{"If-None-Match": etag})
    assert status == 304 and body == b""


def test_text_is_gzipped_from_the_precompressed_twin_and_images_are_not(server, dj_site):
    for suffix in (".html", ".css", ".js", ".xml"):
        path = max((p for p in dj_site.rglob(f"*{suffix}") if p.with_name(p.name + ".gz").is_file()),
                   key=lambda p: p.stat().st_size)
        rel = path.relative_to(dj_site).as_posix()
        status, headers, body = get(server, rel)
        assert status == 200 and headers["Content-Encoding"] == "gzip", rel
        assert "Accept-Encoding" in headers.get("Vary", ""), rel
        # Byte-identical to the level-9 twin written at build time: gzip_static sent it.
        assert body == path.with_name(path.name + ".gz").read_bytes(), rel
        assert gzip.decompress(body) == path.read_bytes(), rel
        # A client without gzip gets the plain file.
        status, headers, body = get(server, rel, gzip_ok=False)
        assert "Content-Encoding" not in headers and body == path.read_bytes(), rel

    images = [p for p in dj_site.rglob("*") if p.suffix in (".webp", ".jpg", ".png")]
    assert images, "the demo has no images"
    for suffix in {p.suffix for p in images}:
        rel = next(p for p in images if p.suffix == suffix).relative_to(dj_site).as_posix()
        status, headers, _ = get(server, rel)
        assert status == 200 and "Content-Encoding" not in headers, rel


def test_dynamic_gzip_without_precompressed_files(nginx_server, demo_site, tmp_path):
    """A site built without --precompress is still compressed, on the fly."""
    server = nginx_server(hosting.nginx_template(tmp_path / "showcase.conf"), demo_site, prefix=PREFIX)
    assert not list(demo_site.rglob("*.html.gz"))
    status, headers, body = get(server, "")
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == (demo_site / "index.html").read_bytes()


def test_sub_path_redirects_and_the_sites_own_404(server, dj_site):
    status, headers, _ = get(server, "/dangjian")
    assert (status, headers["Location"]) == (301, PREFIX)
    status, headers, _ = get(server, "/")
    assert (status, headers["Location"]) == (302, PREFIX)

    brand = hosting.as_url_path(hosting.main_pages(dj_site)["brand"])
    status, headers, _ = get(server, brand.rstrip("/"))
    assert status == 301 and headers["Location"] == PREFIX + brand  # relative: no host or port baked in

    status, headers, body = get(server, "no/such/page/", gzip_ok=False)
    assert status == 404
    assert headers["Content-Type"].startswith("text/html")
    assert body == (dj_site / "404.html").read_bytes()
    assert headers["Cache-Control"] == "no-cache" and "Content-Security-Policy" in headers
    # The 404 page is rendered for the sub-path: its assets resolve under /dangjian/.
    refs = [value for _tag, _attr, value in hosting.references(body.decode("utf-8"))
            if value.startswith("/") and not value.startswith("//")]
    assert refs and all(ref.startswith(PREFIX) for ref in refs), refs
    for ref in refs:
        assert get(server, ref)[0] == 200, ref

    # Outside the prefix nothing of the site answers.
    assert get(server, "/index.html")[0] == 404
    assert get(server, "/assets/css/showcase.css")[0] == 404


def test_basic_auth_for_the_internal_edition(nginx_server, dj_site, tmp_path):
    password = "内网-2024"
    digest = base64.b64encode(hashlib.sha1(password.encode()).digest()).decode()
    htpasswd = tmp_path / "showcase.htpasswd"
    htpasswd.write_text(f"dangjian:{{SHA}}{digest}\n", encoding="utf-8")
    server = nginx_server(hosting.nginx_template(tmp_path / "showcase.conf", auth=True), dj_site,
                          prefix=PREFIX, htpasswd=str(htpasswd))

    status, headers, _ = get(server, "")
    assert status == 401 and headers["WWW-Authenticate"].startswith("Basic")

    def auth(user, pw):
        return {"Authorization": "Basic " + base64.b64encode(f"{user}:{pw}".encode()).decode()}

    assert get(server, "", **auth("dangjian", "wrong"))[0] == 401
    status, headers, _ = get(server, "", **auth("dangjian", password))
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert get(server, "assets/css/showcase.css", **auth("dangjian", password))[0] == 200


# ---- real Chromium through nginx -----------------------------------------------------------------

def load_fully(page, url):
    """Open `url`, scroll to the end so lazy images load, and wait until the network is quiet."""
    response = page.goto(url)
    page.wait_for_load_state("load")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.requests.settle(page)
    return response


def broken_images(page) -> list:
    return page.evaluate("""() => [...document.images]
        .filter(img => !(img.complete && img.naturalWidth > 0))
        .map(img => img.currentSrc || img.src)""")


def test_main_pages_in_chromium_make_only_local_successful_requests(server, dj_site, page):
    pages = hosting.main_pages(dj_site)
    for family in ("home", "brand", "exemplar", "article", "competition"):
        assert family in pages, f"the demo has no {family} page"
    seen_images = 0
    for family, rel in pages.items():
        page.requests.clear()
        url = server.url_for(hosting.as_url_path(rel))
        response = load_fully(page, url)
        assert response.status == 200, url
        page.requests.assert_all_local_and_ok(server.url)
        assert page.console_errors == [], f"{url}: {page.console_errors}"
        assert broken_images(page) == [], url
        seen_images += page.evaluate("document.images.length")
        # Material's stylesheet applied (not a bare HTML page).
        assert page.eval_on_selector(".md-header", "e => getComputedStyle(e).position") in ("sticky", "fixed"), url
        every = [r.url for r in page.requests]
        assert all(u.startswith(server.url) for u in every if u.startswith("http")), every
    assert seen_images > 0, "no page showed an image"


def test_navigation_under_the_sub_path(server, page):
    load_fully(page, server.url)
    links = page.eval_on_selector_all(".md-tabs a.md-tabs__link", "els => els.map(e => e.href)")
    assert len(links) >= 5, links
    for href in links:
        assert href.startswith(server.url), href
        response = page.goto(href)
        assert response.status == 200, href
    # Clicking a link on the page works too (not just typing URLs).
    page.goto(server.url)
    with page.expect_navigation():
        page.click(".md-tabs a.md-tabs__link >> nth=1")
    assert page.url.startswith(server.url) and page.url != server.url
    assert page.console_errors == []


def test_404_page_in_chromium_is_styled_from_the_sub_path(server, page):
    response = page.goto(server.url_for("no/such/page/"))
    assert response.status == 404
    page.requests.settle(page)
    others = [r for r in page.requests if r.url != server.url_for("no/such/page/")]
    assert others, "the 404 page loaded no assets"
    assert all(r.ok and r.url.startswith(server.url) for r in others), "\n".join(map(str, others))
    assert page.eval_on_selector(".md-header", "e => getComputedStyle(e).position") in ("sticky", "fixed")


def test_redirect_and_retracted_pages_answer_under_the_sub_path(server, dj_site, page):
    """Alias pages (old URLs) forward to the record under /dangjian/; retracted URLs keep answering."""
    redirects = [p for p in sorted(dj_site.rglob("*.html"))
                 if 'http-equiv="refresh"' in p.read_text(encoding="utf-8")]
    retracted = hosting.pages_by_kind(dj_site).get("retracted", [])
    assert redirects and retracted, "the demo should show both an alias (old URL) and a retracted record"
    for path in redirects[:3]:
        rel = hosting.as_url_path(path.relative_to(dj_site).as_posix())
        page.goto(server.url_for(rel))
        page.wait_for_url(lambda u: u != server.url_for(rel), timeout=5000)
        page.wait_for_load_state("load")
        assert page.url.startswith(server.url), page.url
        page.requests.settle(page)
        page.requests.assert_all_local_and_ok(server.url)
    for rel in retracted[:3]:
        status, _, body = get(server, hosting.as_url_path(rel), gzip_ok=False)
        assert status == 200 and "撤回" in body.decode("utf-8"), rel
