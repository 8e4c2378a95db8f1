"""Real headless Chromium for tests: Debian's ``/usr/bin/chromium`` driven by Playwright.

Playwright never downloads a browser here: we always launch the system Chromium
through ``executable_path``. Debian packages: ``chromium`` (browser) and
``fonts-noto-cjk`` (so Chinese text renders in screenshots).

Used by the ``browser`` / ``page`` fixtures in ``tests/conftest.py``; the
``RequestLog`` attached to each page as ``page.requests`` records every request
the page makes, so a test can assert that nothing leaves the site and nothing 404s.
"""

from __future__ import annotations

import os
import importlib.resources
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit

from . import require

CHROMIUM = Path("/usr/bin/chromium")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    # Containers often have a tiny /dev/shm; Debian's launcher means to add this
    # itself (/etc/chromium.d/dev-shm) but its check is fragile. /tmp is always fine.
    "--disable-dev-shm-usage",
]
# No --user-data-dir: Playwright's launch() already gives every browser a fresh
# temporary profile (and refuses a --user-data-dir argument).

# axe-core comes with the test extras: the pip package axe-playwright-python bundles axe.min.js
# (no npm needed on a fresh machine).
AXE_PACKAGE = "axe_playwright_python"


def missing_prerequisite() -> Optional[str]:
    """Why a real browser cannot run here, or None if it can."""
    if not (CHROMIUM.exists() and os.access(CHROMIUM, os.X_OK)):
        return f"{CHROMIUM} not found: install Debian package 'chromium' (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Python package 'playwright' not installed: pip install -e '.[test]'"
    return None


def start_playwright():
    """Start the Playwright driver (sync API). Caller must ``.stop()`` it."""
    from playwright.sync_api import sync_playwright

    return sync_playwright().start()


def launch_chromium(playwright, **kwargs):
    """Launch Debian Chromium headless. Extra keyword arguments go to ``chromium.launch``."""
    args = list(CHROMIUM_ARGS) + list(kwargs.pop("args", []))
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM),
        headless=True,
        args=args,
        **kwargs,
    )


def axe_js_path() -> Path:
    """Path of axe-core's ``axe.min.js`` (fails in CI / skips locally when absent)."""
    try:
        bundled = Path(importlib.resources.files(AXE_PACKAGE) / "axe.min.js")
    except ModuleNotFoundError:
        bundled = None
    if bundled is None or not bundled.is_file():
        require("axe-core not installed: pip install -e '.[test]' (package axe-playwright-python)")
    return bundled


def inject_axe(page) -> None:
    """Inject axe-core into ``page``; then ``page.evaluate("() => axe.run()")``."""
    page.add_script_tag(path=str(axe_js_path()))


# ---------------------------------------------------------------- request log

_NON_NETWORK_SCHEMES = {"data", "blob", "about", "javascript"}


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of a URL (``file://`` for file URLs)."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        return "file://"
    return f"{parts.scheme}://{parts.netloc}"


@dataclass
class RecordedRequest:
    """One request made by a page, as seen by Playwright."""

    url: str
    method: str
    resource_type: str
    status: Optional[int] = None  # HTTP status once a response arrived (None for file:// etc.)
    failure: Optional[str] = None  # e.g. "net::ERR_CONNECTION_REFUSED"
    finished: bool = False

    @property
    def scheme(self) -> str:
        return urlsplit(self.url).scheme

    @property
    def ok(self) -> bool:
        """Finished without failure and (for HTTP) with a status below 400."""
        return self.failure is None and (self.status is None or self.status < 400)

    def __str__(self) -> str:
        state = self.failure or (self.status if self.status is not None else "pending")
        return f"{self.method} {self.url} [{self.resource_type}] -> {state}"


@dataclass
class RequestLog:
    """Every request a page made, in order. Attached to pages as ``page.requests``."""

    entries: list = field(default_factory=list)
    _by_request: dict = field(default_factory=dict, repr=False)

    # Playwright event handlers -------------------------------------------
    def attach(self, page_or_context) -> "RequestLog":
        page_or_context.on("request", self._on_request)
        page_or_context.on("response", self._on_response)
        page_or_context.on("requestfailed", self._on_failed)
        page_or_context.on("requestfinished", self._on_finished)
        return self

    def _entry(self, request) -> RecordedRequest:
        entry = self._by_request.get(request)
        if entry is None:  # event for a request we did not see start
            entry = self._on_request(request)
        return entry

    def _on_request(self, request) -> RecordedRequest:
        entry = RecordedRequest(url=request.url, method=request.method,
                                resource_type=request.resource_type)
        self._by_request[request] = entry
        self.entries.append(entry)
        return entry

    def _on_response(self, response) -> None:
        self._entry(response.request).status = response.status

    def _on_failed(self, request) -> None:
        entry = self._entry(request)
        entry.failure = request.failure or "failed"
        entry.finished = True

    def _on_finished(self, request) -> None:
        self._entry(request).finished = True

    def settle(self, page, quiet_ms: int = 300, timeout_ms: int = 10_000) -> "RequestLog":
        """Wait until no request is pending and none started for ``quiet_ms``.

        Use before asserting on the log: some fetches (icons, lazy images, search
        index) start after the ``load`` event. Raises ``TimeoutError`` if the page
        never goes quiet, listing the pending requests.
        """
        import time

        deadline = time.monotonic() + timeout_ms / 1000
        quiet_since, seen = time.monotonic(), len(self.entries)
        while True:
            page.wait_for_timeout(50)  # lets Playwright dispatch pending events
            now = time.monotonic()
            pending = [e for e in self.entries if not e.finished]
            if pending or len(self.entries) != seen:
                quiet_since, seen = now, len(self.entries)
            elif (now - quiet_since) * 1000 >= quiet_ms:
                return self
            if now > deadline:
                raise TimeoutError("requests still pending:\n" + "\n".join(map(str, pending)))

    # Queries ---------------------------------------------------------------
    def __iter__(self):
        return iter(list(self.entries))

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, index):
        return self.entries[index]

    def clear(self) -> None:
        self.entries.clear()
        self._by_request.clear()

    @property
    def urls(self) -> list:
        return [e.url for e in self.entries]

    def network(self) -> list:
        """Requests that are real fetches (not data:, blob:, about:)."""
        return [e for e in self.entries if e.scheme not in _NON_NETWORK_SCHEMES]

    def outside(self, base_url: str) -> list:
        """Network requests whose origin differs from ``base_url``'s origin."""
        origin = origin_of(base_url)
        return [e for e in self.network() if origin_of(e.url) != origin]

    def errors(self) -> list:
        """Requests that failed or got an HTTP status >= 400."""
        return [e for e in self.entries if not e.ok]

    def assert_all_local_and_ok(self, base_url: str) -> None:
        """Assert no request left ``base_url``'s origin and none failed or got >= 400."""
        outside = self.outside(base_url)
        assert not outside, "requests left the site:\n" + "\n".join(map(str, outside))
        errors = self.errors()
        assert not errors, "failed requests:\n" + "\n".join(map(str, errors))
