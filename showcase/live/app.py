"""The live server's HTTP interface (Starlette): the judge page, the host console, the big screen,
their JSON API and the big screen's event stream.

Writes are JSON POSTs from the same origin carrying the session's CSRF token in `X-CSRF-Token`; the
session is an HttpOnly, SameSite=Strict cookie. Pages load only their own scripts and styles (a
Content-Security-Policy of 'self'), so nothing a phone opens asks anything outside the laptop.
"""
from __future__ import annotations

import asyncio
import html
from pathlib import Path

from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from showcase.live.screen import Screen, snapshot
from showcase.live.security import csrf_ok
from showcase.live.service import Outcome, Service
from showcase.live.views import host_view, judge_view

HERE = Path(__file__).parent
COOKIE = "live_session"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
PUSH_INTERVAL = 0.2  # seconds between two pushes to the screens: well inside the 1 s they must follow
FOREIGN = "请求来源不对：请直接在本机网址打开页面"
PAGES = {"/": "index.html", "/judge": "judge.html", "/host": "host.html", "/screen": "screen.html"}


def device_of(request: Request) -> str:
    address = request.client.host if request.client else "?"
    return f"{address} · {request.headers.get('user-agent', '')[:80]}"


def address_of(request: Request) -> str:
    return request.client.host if request.client else "?"


def reply(outcome: Outcome, **data) -> JSONResponse:
    if outcome.ok:
        return JSONResponse({"ok": True, **outcome.extra, **data})
    return JSONResponse({"ok": False, "message": outcome.message, "messages": outcome.messages},
                        status_code=outcome.status)


class ScreenFeed:
    """The big screen's feed: snapshots of the day pushed to every open stream, one at a time (acts
    arriving meanwhile are covered by one more run, not one each), at most every PUSH_INTERVAL."""

    def __init__(self, service: Service):
        self.service, self.cache = service, {}
        self.running = self.again = False
        self.screen = Screen()
        self.screen.update(self.view())

    def view(self) -> dict:
        # scoring a round takes a while: done on a copy, so judges' submissions never wait for it
        return snapshot(self.service.comp, self.service.frozen(), self.cache)

    async def refresh(self) -> None:
        if self.running:
            self.again = True
            return
        self.running = True
        try:
            while True:
                self.again = False
                self.screen.update(await run_in_threadpool(self.view))
                await asyncio.sleep(PUSH_INTERVAL)
                if not self.again:
                    break
        finally:
            self.running = False


class LiveRoutes:
    """The request handlers, each a short method over the service and the screen feed."""

    def __init__(self, service: Service):
        self.service, self.feed = service, ScreenFeed(service)
        title = html.escape(service.comp.title)
        self.shells = {path: (HERE / "templates" / name).read_text(encoding="utf-8").replace("{{title}}", title)
                       for path, name in PAGES.items()}

    async def page(self, request: Request) -> Response:
        return HTMLResponse(self.shells[request.url.path], headers={"Content-Security-Policy": CSP,
                                                                    "Cache-Control": "no-store"})

    def session_or_refusal(self, request: Request, role: str, write: bool):
        """The request's session if it has this role (and, for a write, a valid CSRF token and origin)."""
        session = self.service.session(request.cookies.get(COOKIE))
        act = f"{request.method} {request.url.path}"
        if session is None or session.role != role:
            message = "请先输入主持码" if role == "host" else "请先输入评审码"
            if not write:  # a page asking whether it is logged in: nothing to log
                return None, Outcome(False, [message], 401)
            return None, self.service.refuse(act, [message], 401, device=device_of(request))
        problem = write_problem(request, session.csrf) if write else None
        if problem:
            return None, self.service.refuse(act, [problem], 403, device=device_of(request), judge=session.judge)
        return session, None

    async def login(self, request: Request) -> Response:
        if not same_origin(request):
            return reply(await run_in_threadpool(self.service.refuse, "login", [FOREIGN], 403, device_of(request)))
        body = await json_body(request)
        outcome = await run_in_threadpool(self.service.login, body.get("code"), device_of(request),
                                          address_of(request))
        token = outcome.extra.pop("token", None)  # only ever in the HttpOnly cookie
        response = reply(outcome)
        if outcome.ok:
            response.set_cookie(COOKIE, token, max_age=7 * 24 * 3600, httponly=True, samesite="strict", path="/")
        return response

    async def me(self, request: Request) -> Response:
        session = self.service.session(request.cookies.get(COOKIE))
        if session is None:
            return JSONResponse({"ok": False, "message": "请先输入评审码"}, status_code=401)
        return JSONResponse({"ok": True, "role": session.role, "judge": session.judge, "csrf": session.csrf})

    async def judge_state(self, request: Request) -> Response:
        session, refusal = self.session_or_refusal(request, "judge", write=False)
        if refusal:
            return reply(refusal)
        return JSONResponse({"ok": True, **await run_in_threadpool(self.service.read, judge_view, session)})

    async def score(self, request: Request) -> Response:
        session, refusal = self.session_or_refusal(request, "judge", write=True)
        if refusal:
            return reply(refusal)
        body = await json_body(request)
        outcome = await run_in_threadpool(self.service.score, session, body.get("round"), body.get("entry"),
                                          body.get("values"), bool(body.get("correction")), device_of(request))
        return self.answered(outcome, reply(outcome))

    def answered(self, outcome: Outcome, response: Response) -> Response:
        """The reply goes once the act is committed; the screens follow right after it."""
        if outcome.ok:
            response.background = BackgroundTask(self.feed.refresh)
        return response

    async def host_state(self, request: Request) -> Response:
        session, refusal = self.session_or_refusal(request, "host", write=False)
        if refusal:
            return reply(refusal)
        return JSONResponse({"ok": True, **await run_in_threadpool(self.service.read, host_view)})

    async def host_act(self, request: Request) -> Response:
        session, refusal = self.session_or_refusal(request, "host", write=True)
        if refusal:
            return reply(refusal)
        act, body, device = request.path_params["act"], await json_body(request), device_of(request)
        if act == "revoke":
            outcome = await run_in_threadpool(self.service.revoke, str(body.get("judge")), device)
        elif act == "reissue":
            outcome = await run_in_threadpool(reissue, self.service, str(body.get("judge")), device)
        else:
            outcome = await run_in_threadpool(self.service.host, act, body, device)
        version = outcome.event.id if outcome.event else self.feed.screen.version
        return self.answered(outcome, reply(outcome, version=version))

    async def screen_state(self, request: Request) -> Response:
        return Response(self.feed.screen.payload, media_type="application/json",
                        headers={"Cache-Control": "no-store"})

    async def screen_stream(self, request: Request) -> Response:
        last = request.headers.get("last-event-id")
        last_seen = int(last) if last and last.isdigit() else None
        return StreamingResponse(self.feed.screen.stream(last_seen), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


def create_app(service: Service) -> Starlette:
    handlers = LiveRoutes(service)
    routes = [Route(path, handlers.page) for path in PAGES] + [
        Route("/api/login", handlers.login, methods=["POST"]),
        Route("/api/me", handlers.me),
        Route("/api/judge", handlers.judge_state),
        Route("/api/score", handlers.score, methods=["POST"]),
        Route("/api/host", handlers.host_state),
        Route("/api/host/{act}", handlers.host_act, methods=["POST"]),
        Route("/api/screen", handlers.screen_state),
        Route("/api/screen/stream", handlers.screen_stream),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(routes=routes)
    app.state.service, app.state.screen = service, handlers.feed.screen
    return app


async def json_body(request: Request) -> dict:
    try:
        body = await request.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def same_origin(request: Request) -> bool:
    """A browser's cross-site POST carries an Origin that is not ours (or is a form, not JSON)."""
    origin = request.headers.get("origin")
    if origin and origin.split("://", 1)[-1] != request.headers.get("host", ""):
        return False
    return request.headers.get("content-type", "").startswith("application/json")


def write_problem(request: Request, csrf: str) -> str | None:
    if not same_origin(request):
        return FOREIGN
    if not csrf_ok(csrf, request.headers.get("x-csrf-token")):
        return "页面已过期（缺少安全令牌），请刷新页面后重试"
    return None


def reissue(service: Service, judge: str, device: str) -> Outcome:
    """A new code for one judge (a lost or changed phone): the old code and its session end."""
    if service.comp.judge(judge) is None:
        return service.refuse("reissue", [f"没有评委“{judge}”"], 400, device=device, judge=judge)
    pins = service.issue_codes([judge], device=device)
    return Outcome(True, extra={"judge": judge, "code": pins[judge]})

