"""The desk's web side: a small WSGI application under /_desk/ (one HTML page, its script and styles,
and a JSON API), and `mounted`, which puts it in front of the preview server's own application.

WSGI, not ASGI: MkDocs' preview server is a threaded WSGI server, and a WSGI desk runs in its request
threads as they are — no event loop per request, no adapter package. Every answer is JSON or one of the
package's own files; the page builds its forms with the DOM (textContent), never from HTML.
"""
from __future__ import annotations

import json
from importlib import resources
from urllib.parse import parse_qs

from showcase.desk.security import Guard
from showcase.desk.service import Desk
from showcase.desk.uploads import Refused

PREFIX = "/_desk/"
STATIC = {"desk.js": "text/javascript; charset=utf-8", "desk.css": "text/css; charset=utf-8"}
MAX_JSON = 2 * 1024 * 1024
SECURITY_HEADERS = [("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"),
                    ("Cache-Control", "no-store"),
                    ("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; "
                     "frame-src 'self'; style-src 'self'; script-src 'self'; connect-src 'self'; "
                     "frame-ancestors 'none'")]


class Answer(Exception):
    def __init__(self, status: int, payload: dict):
        super().__init__(status)
        self.status, self.payload = status, payload


STATUS_TEXT = {200: "200 OK", 400: "400 Bad Request", 403: "403 Forbidden", 404: "404 Not Found",
               405: "405 Method Not Allowed", 409: "409 Conflict", 413: "413 Payload Too Large",
               422: "422 Unprocessable Entity"}


def desk_app(desk: Desk, guard: Guard):
    """The WSGI application of one desk."""

    def app(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if not guard.allowed(environ):
            return _json(start_response, 403, {"error": "需要编辑台口令", "hint": "用启动时显示的带 token 的网址打开"})
        if path in ("/_desk", PREFIX):
            return _page(start_response, guard)
        if path.startswith(PREFIX + "static/"):
            return _static(start_response, path[len(PREFIX + "static/"):])
        try:
            payload = _api(desk, guard, environ, path[len(PREFIX + "api/"):]) if path.startswith(PREFIX + "api/") \
                else _fail(404, "没有这个地址")
        except Answer as answer:
            return _json(start_response, answer.status, answer.payload)
        except Refused as refused:
            return _json(start_response, refused.status, {"error": refused.message, "hint": refused.hint})
        return _json(start_response, 200, payload)

    return app


def _fail(status: int, message: str, hint: str = ""):
    raise Answer(status, {"error": message, "hint": hint})


def _api(desk: Desk, guard: Guard, environ, route: str) -> dict:
    method = environ.get("REQUEST_METHOD", "GET")
    query = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
    reads = {"records": lambda: desk.records(), "form": lambda: desk.form(query.get("kind", "")),
             "record": lambda: desk.open(query.get("kind", ""), query.get("id", "")),
             "new": lambda: desk.new(query.get("kind", ""))}
    if route in reads:
        if method != "GET":
            _fail(405, "只能读取")
        return reads[route]()
    writes = {"check": desk.check, "save": desk.save, "propose": None, "preview": None, "upload": None}
    if route not in writes:
        _fail(404, "没有这个地址")
    if not guard.write_ok(environ):
        _fail(403, "请求缺少有效的 CSRF 口令，未执行", "刷新编辑台页面后再试")
    if route == "upload":
        data = _body(environ, desk.upload_limit)
        return desk.upload(query.get("kind", ""), query.get("id", ""), query.get("name", ""), data)
    form = _json_body(environ)
    if route == "propose":
        return desk.propose(str(form.get("kind")), dict(form.get("values") or {}))
    if route == "preview":
        return desk.preview(str(form.get("body") or ""))
    return writes[route](form)


def _body(environ, limit: int) -> bytes:
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > limit:
        raise Refused(f"上传的文件超过 {limit // (1024 * 1024)} MB", "先缩小图片再上传", 413)
    data = environ["wsgi.input"].read(length) if length else b""
    if len(data) > limit:
        raise Refused("上传的文件太大", "先缩小图片再上传", 413)
    return data


def _json_body(environ) -> dict:
    raw = _body(environ, MAX_JSON)
    try:
        form = json.loads(raw.decode("utf-8") or "{}")
    except (UnicodeDecodeError, json.JSONDecodeError):
        _fail(400, "请求不是 JSON")
    if not isinstance(form, dict):
        _fail(400, "请求不是 JSON 对象")
    return form


def _json(start_response, status: int, payload: dict):
    data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    start_response(STATUS_TEXT.get(status, f"{status} Error"),
                   [("Content-Type", "application/json; charset=utf-8"), ("Content-Length", str(len(data)))]
                   + SECURITY_HEADERS)
    return [data]


def _page(start_response, guard: Guard):
    html = resources.files("showcase.desk").joinpath("templates/desk.html").read_text(encoding="utf-8")
    data = html.replace("{{csrf}}", guard.csrf).encode("utf-8")
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(data)))]
                   + SECURITY_HEADERS + guard.cookie_header())
    return [data]


def _static(start_response, name: str):
    if name not in STATIC:
        return _json(start_response, 404, {"error": "没有这个文件"})
    data = resources.files("showcase.desk").joinpath(f"static/{name}").read_bytes()
    start_response("200 OK", [("Content-Type", STATIC[name]), ("Content-Length", str(len(data)))] + SECURITY_HEADERS)
    return [data]


def mounted(site_app, desk):
    """A WSGI application answering /_desk/… with `desk` and everything else with `site_app`."""

    def app(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == "/_desk" or path.startswith(PREFIX):
            return desk(environ, start_response)
        return site_app(environ, start_response)

    return app
