"""Codes, sessions and limits: what keeps a hall full of phones from scoring for someone else.

Codes are 6-digit PINs, one per judge and one for the host, stored only as salted PBKDF2 hashes; a
session is a random token in an HttpOnly cookie (stored hashed) with its own CSRF token that every
write must echo in a header; failed code entries are limited per device address.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import deque

ITERATIONS = 20_000
MAX_FAILURES = 5  # wrong codes allowed per address and window
WINDOW_SECONDS = 60.0


def new_pin(taken: set[str] = frozenset()) -> str:
    """A fresh 6-digit code, different from every code in `taken`."""
    while True:
        pin = f"{secrets.randbelow(1_000_000):06d}"
        if pin not in taken:
            return pin


def hash_code(pin: str, salt: str | None = None) -> str:
    salt = salt or secrets.token_hex(8)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt.encode(), ITERATIONS).hex()
    return f"pbkdf2${ITERATIONS}${salt}${digest}"


def code_matches(pin: str, stored: str) -> bool:
    try:
        _, iterations, salt, digest = stored.split("$")
        computed = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt.encode(), int(iterations)).hex()
    except ValueError:
        return False
    return hmac.compare_digest(computed, digest)


def normalize_pin(text) -> str:
    """What a judge typed, as a code: digits only (spaces and dashes from the printed sheet dropped)."""
    return "".join(ch for ch in str(text or "") if ch.isdigit())


def new_token() -> str:
    return secrets.token_urlsafe(24)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def csrf_ok(expected: str, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(expected, given)


class RateLimiter:
    """At most MAX_FAILURES failed code entries per address in a sliding window."""

    def __init__(self, limit: int = MAX_FAILURES, window: float = WINDOW_SECONDS, clock=time.monotonic):
        self.limit, self.window, self.clock = limit, window, clock
        self._failures: dict[str, deque] = {}
        self._lock = threading.Lock()

    def wait_seconds(self, address: str) -> int:
        """0 when the address may try a code now, else the seconds until it may."""
        with self._lock:
            recent = self._recent(address)
            if len(recent) < self.limit:
                return 0
            return max(1, int(recent[0] + self.window - self.clock() + 0.999))

    def failed(self, address: str) -> None:
        with self._lock:
            self._recent(address).append(self.clock())

    def _recent(self, address: str) -> deque:
        recent = self._failures.setdefault(address, deque())
        while recent and recent[0] <= self.clock() - self.window:
            recent.popleft()
        return recent
