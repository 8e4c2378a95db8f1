"""The test infrastructure itself: real nginx serves a sub-path, real Chromium loads it."""


import pytest
from support.nginx import MINIMAL_TEMPLATE

TEMPLATE = MINIMAL_TEMPLATE

INDEX = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>测试首页</title>
<link rel="stylesheet" href="style.css">
<link rel="icon" href="img/dot.svg" type="image/svg+xml"></head>
<body><h1>机关党建品牌展示</h1><p id="count">74个品牌典型</p>
<img src="img/dot.svg" alt="点" width="10" height="10">
<script src="app.js"></script></body></html>
"""


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    (root / "img").mkdir(parents=True)
    (root / "index.html").write_text(INDEX, encoding="utf-8")
    (root / "style.css").write_text("h1 { color: rgb(200, 0, 0); }\n", encoding="utf-8")
    (root / "app.js").write_text(
        "document.body.dataset.ready = 'yes';\n", encoding="utf-8")
    (root / "img" / "dot.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        '<circle cx="5" cy="5" r="5" fill="red"/></svg>', encoding="utf-8")
    return root


def test_nginx_serves_sub_path(nginx_server, site):
    server = nginx_server(TEMPLATE, site, prefix="/sub/")
    assert server.url == f"http://127.0.0.1:{server.port}/sub/"

    status, headers, body = server.get("")
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    assert "机关党建品牌展示" in body.decode("utf-8")

    status, headers, _ = server.get("style.css")
    assert status == 200
    assert headers["Content-Type"].startswith("text/css")

    # Missing file under the prefix, and anything outside the prefix: nginx's 404.
    status, _, body = server.get("no-such-page.html")
    assert status == 404
    assert b"nginx" in body
    status, _, _ = server.get("/index.html")
    assert status == 404

    assert "GET /sub/no-such-page.html HTTP/1.1\" 404" in server.access_log_text()


def test_chromium_loads_page_through_nginx(nginx_server, site, page):
    server = nginx_server(TEMPLATE, site, prefix="/sub/")

    response = page.goto(server.url)
    assert response.status == 200
    page.wait_for_load_state("load")

    assert page.title() == "测试首页"
    assert page.inner_text("h1") == "机关党建品牌展示"
    assert page.inner_text("#count") == "74个品牌典型"
    # CSS, JS and the image really loaded and took effect.
    assert page.eval_on_selector("h1", "e => getComputedStyle(e).color") == "rgb(200, 0, 0)"
    assert page.eval_on_selector("body", "e => e.dataset.ready") == "yes"
    assert page.eval_on_selector("img", "e => e.complete && e.naturalWidth") == 10

    # Without a declared icon Chromium would fetch /favicon.ico at the server root
    # (outside the prefix): Playwright does not report that request, but the 404
    # shows up in console_errors, which is why this page declares its icon.
    page.requests.settle(page)  # the icon fetch starts after "load"
    requests = list(page.requests)
    assert {r.url for r in requests} == {
        server.url, server.url + "style.css", server.url + "app.js", server.url + "img/dot.svg",
    }, "\n".join(map(str, requests))
    for r in requests:
        assert r.url.startswith(f"http://127.0.0.1:{server.port}/"), r
        assert r.status == 200, r
        assert r.failure is None, r
    page.requests.assert_all_local_and_ok(server.url)
    assert page.console_errors == []


def test_request_log_records_404_and_outside_requests(nginx_server, site, page):
    (site / "broken.html").write_text(
        '<!doctype html><meta charset="utf-8"><title>坏链接</title>'
        '<img src="img/missing.png" alt="缺">'
        # Port 9 (discard) on loopback: refused at once, never leaves the machine,
        # but is a different origin, so it must be reported as leaving the site.
        '<img src="http://127.0.0.1:9/outside.png" alt="外">', encoding="utf-8")
    server = nginx_server(TEMPLATE, site, prefix="/sub/")

    page.goto(server.url_for("broken.html"))
    page.requests.settle(page)

    missing = [r for r in page.requests if r.url.endswith("/img/missing.png")]
    assert len(missing) == 1 and missing[0].status == 404
    outside = page.requests.outside(server.url)
    assert [r.url for r in outside] == ["http://127.0.0.1:9/outside.png"]
    assert outside[0].failure is not None  # connection refused
    assert {r.url for r in page.requests.errors()} == {
        server.url_for("img/missing.png"), "http://127.0.0.1:9/outside.png"}
    with pytest.raises(AssertionError, match="requests left the site"):
        page.requests.assert_all_local_and_ok(server.url)


@pytest.mark.parametrize("ci, outcome", [("true", pytest.fail.Exception), ("", pytest.skip.Exception)])
def test_missing_prerequisite_fails_in_ci_and_skips_locally(monkeypatch, ci, outcome):
    from support import require

    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="no such tool"):
        require("no such tool")
