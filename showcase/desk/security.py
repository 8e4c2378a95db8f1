"""Who may use the desk: the Host header must be the address the preview serves (a page on another site
cannot reach the desk through a name that points at 127.0.0.1), every write must echo the page's CSRF
token in a header, and when the preview listens beyond this machine (`--host 0.0.0.0`) the desk wants the
access token printed at start: given once as `?token=`, it is kept in an HttpOnly, SameSite=Strict cookie.
Tokens are compared in constant time (showcase/live/security.py's `csrf_ok`).
"""
from __future__ import annotations

import ipaddress
import secrets
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import parse_qs

from showcase.live.security import csrf_ok, new_token

COOKIE = "showcase_desk"
CSRF_HEADER = "HTTP_X_DESK_CSRF"
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1", "[::1]")


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host in LOOPBACK_NAMES


@dataclass(frozen=True)
class Guard:
    """`token`: None when the desk is for this machine only; `hosts`: the Host header values accepted
    (None: any, for a desk served on every address of the machine)."""

    token: str | None = None
    csrf: str = field(default_factory=new_token)
    hosts: tuple | None = None

    @classmethod
    def for_address(cls, host: str, port: int) -> "Guard":
        if is_loopback(host):
            names = ("localhost", "127.0.0.1", "[::1]")
            return cls(None, hosts=tuple(f"{name}:{port}" for name in names) + names)
        return cls(secrets.token_urlsafe(18))

    def host_ok(self, environ) -> bool:
        return self.hosts is None or environ.get("HTTP_HOST", "") in self.hosts

    def given_token(self, environ) -> str | None:
        query = parse_qs(environ.get("QUERY_STRING", "")).get("token", [None])[0]
        if query:
            return query
        cookie = SimpleCookie(environ.get("HTTP_COOKIE", ""))
        return cookie[COOKIE].value if COOKIE in cookie else None

    def allowed(self, environ) -> bool:
        """May this request see the desk at all."""
        return self.host_ok(environ) and (self.token is None or csrf_ok(self.token, self.given_token(environ)))

    def write_ok(self, environ) -> bool:
        return environ.get("REQUEST_METHOD") == "POST" and csrf_ok(self.csrf, environ.get(CSRF_HEADER))

    def cookie_header(self) -> list[tuple[str, str]]:
        if self.token is None:
            return []
        return [("Set-Cookie", f"{COOKIE}={self.token}; Path=/_desk/; HttpOnly; SameSite=Strict")]
