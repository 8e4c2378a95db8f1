"""The real `showcase serve` in a test: started in its own process group on a free loopback port, waited
for until its home page answers, and stopped (SIGINT, then SIGKILL) however the test ends."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answers(url: str, timeout: float = 2) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status == 200
    except OSError:
        return False


def wait_for(url: str, seconds: float = 120, process=None, log: Path | None = None) -> None:
    """Until `url` answers 200; the test fails with the server's log when it exits or time runs out."""
    deadline = time.monotonic() + seconds
    while not answers(url):
        if (process is not None and process.poll() is not None) or time.monotonic() > deadline:
            pytest.fail(f"{url} did not answer:\n{log.read_text(encoding='utf-8')[-3000:] if log else ''}")
        time.sleep(0.3)


@contextmanager
def serving(project: Path, *args: str, log: Path, port: int | None = None, seconds: float = 120):
    """`showcase serve --port PORT *args` in `project`; yields (process, "http://127.0.0.1:PORT")."""
    port = port or free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SHOWCASE_")}
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen([sys.executable, "-m", "showcase", "serve", "--port", str(port), *args],
                                   cwd=project, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                                   env={**env, "PYTHONIOENCODING": "utf-8"})
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/", seconds, process, log)
        yield process, base
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
