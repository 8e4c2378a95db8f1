"""`showcase serve` under a burst: every one of 200 simultaneous loopback requests gets an answer (a
page, or a quick 503 when too many run at once), and the 503 refusal itself (serve_threads.py)."""
from __future__ import annotations

import http.client
import http.server
import re
import socketserver
import threading
import time

import pytest

from showcase.mkdocs.serve_threads import BoundedThreads
from support import preview, sites as site_support
from support.preview import free_port

BURST = 200
REQUEST_TIMEOUT = 30  # seconds per request: generous, the assertion is "answered", not a speed


def get(port: int, path: str, timeout: float = REQUEST_TIMEOUT) -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def burst(port: int, paths: list[str], count: int) -> list:
    """`count` GETs released together; each result is (status, headers) or the exception it raised."""
    results: list = [None] * count
    barrier = threading.Barrier(count)

    def one(index: int) -> None:
        barrier.wait()
        try:
            status, headers, _ = get(port, paths[index % len(paths)])
            results[index] = (status, headers)
        except Exception as error:  # noqa: BLE001 - the failure is what the test reports
            results[index] = error

    threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(count)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + REQUEST_TIMEOUT + 10
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    return results


@pytest.fixture
def serving(tmp_path):
    project = site_support.copy_fixture("basic", tmp_path)
    port = free_port()
    with preview.serving(project, log=tmp_path / "serve.log", port=port):
        yield port


def linked_paths(port: int) -> list[str]:
    """The home page and the local stylesheets, scripts and pages it links to: what browsers ask for."""
    html = get(port, "/")[2].decode("utf-8", "replace")
    links = {("/" + link.lstrip("./")) if not link.startswith("/") else link
             for link in re.findall(r'(?:href|src)="([^"#?]+)', html) if ":" not in link}
    return ["/", *sorted(links)]


def test_200_simultaneous_requests_are_all_answered(serving):
    paths = linked_paths(serving)
    assert any(p.endswith(".css") for p in paths) and any(p.endswith(".js") for p in paths), paths
    results = burst(serving, paths, BURST)
    failed = [(paths[i % len(paths)], r) for i, r in enumerate(results) if not isinstance(r, tuple)]
    assert not failed, f"{len(failed)} of {BURST} requests got no answer, e.g. {failed[:5]}"
    statuses = [status for status, _ in results]
    wrong = sorted({(paths[i % len(paths)], s) for i, s in enumerate(statuses) if s not in (200, 304, 503)})
    assert not wrong, wrong
    assert statuses.count(200) + statuses.count(304) > 0


class _Gate(BoundedThreads, socketserver.ThreadingMixIn, http.server.HTTPServer):
    """A server whose requests wait for `release`, so a test can hold every thread busy."""

    max_threads = 2
    daemon_threads = True

    def __init__(self):
        self.entered = threading.Semaphore(0)
        self.release = threading.Event()
        super().__init__(("127.0.0.1", 0), _GateHandler)


class _GateHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.entered.release()
        self.server.release.wait(60)
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


def test_requests_beyond_the_thread_bound_get_503_at_once_and_the_running_ones_finish():
    server = _Gate()
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        busy = [None, None]

        def hold(index: int) -> None:
            busy[index] = get(port, "/page")[0]

        holders = [threading.Thread(target=hold, args=(i,), daemon=True) for i in range(2)]
        for thread in holders:
            thread.start()
        for _ in range(2):
            assert server.entered.acquire(timeout=REQUEST_TIMEOUT), "the two held requests never ran"
        # Both threads are held: everything else is refused while they still run.
        refused = burst(port, ["/other"], 20)
        assert all(isinstance(r, tuple) and r[0] == 503 for r in refused), refused
        assert all(r[1].get("Retry-After") == "1" for r in refused)
        assert busy == [None, None]
        server.release.set()
        for thread in holders:
            thread.join(REQUEST_TIMEOUT)
        assert busy == [200, 200]
        assert get(port, "/again")[0] == 200  # the slots are free again
    finally:
        server.release.set()
        server.shutdown()
        server.server_close()
