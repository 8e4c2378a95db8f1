"""How many requests the preview server takes at once, and the quick refusal when it is full.

MkDocs' LiveReloadServer (socketserver.ThreadingMixIn) listens with socketserver's default backlog of
5 and starts one thread per connection without limit. Under a burst the kernel drops the extra
connection attempts, and clients only retry them after 1, 3, 7, 15 s: requests go unanswered for tens
of seconds. `BoundedThreads` listens with a long backlog and runs at most `max_threads` requests at once;
a connection beyond that is answered at once with 503 and Retry-After, on the accepting thread.
Only socketserver's public hooks are used (request_queue_size, process_request, process_request_thread).
"""
from __future__ import annotations

import socket
import threading

LISTEN_BACKLOG = 1024  # the kernel caps it at net.core.somaxconn
MAX_THREADS = 128  # requests answered at once; /livereload long-polls count too (one per open tab)
REQUEST_PEEK_SECONDS = 0.2  # how long the accepting thread waits for a refused client's request
BUSY_BODY = "预览服务器正忙，请稍后刷新页面。\n".encode("utf-8")


def busy_response() -> bytes:
    head = ("HTTP/1.0 503 Service Unavailable\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            f"Content-Length: {len(BUSY_BODY)}\r\n"
            "Retry-After: 1\r\n"
            "Connection: close\r\n\r\n")
    return head.encode("ascii") + BUSY_BODY


def refuse(request: socket.socket) -> None:
    """Answer 503 and close. The request is read first (briefly): closing a socket with unread data
    sends a reset, and the client would see that instead of the answer."""
    try:
        request.settimeout(REQUEST_PEEK_SECONDS)
        try:
            request.recv(65536)
        except (TimeoutError, OSError):
            pass
        request.sendall(busy_response())
        request.shutdown(socket.SHUT_WR)
    except OSError:
        pass  # the client is gone: nothing to answer


class BoundedThreads:
    """Mixed in before socketserver.ThreadingMixIn (LiveReloadServer): a long listen backlog and a
    bounded number of request threads."""

    request_queue_size = LISTEN_BACKLOG
    max_threads = MAX_THREADS

    def __init__(self, *args, **kwargs):
        self._slots = threading.BoundedSemaphore(self.max_threads)
        super().__init__(*args, **kwargs)

    def process_request(self, request, client_address):
        if not self._slots.acquire(blocking=False):
            refuse(request)
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()  # the thread never started
            raise

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()
