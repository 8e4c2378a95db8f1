"""The desk as `showcase serve` mounts it: on 127.0.0.1 it opens without a token; on 0.0.0.0 it wants the
token printed at start (the preview itself stays open to colleagues); `--no-desk` leaves it out."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager

import pytest

from support.sites import copy_fixture

pytestmark = pytest.mark.slow  # each case builds the fixture's site


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(tmp_path, *args):
    project = copy_fixture("one-of-each", tmp_path)
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SHOWCASE_")}
        process = subprocess.Popen([sys.executable, "-m", "showcase", "serve", "--port", str(port), *args],
                                   cwd=project, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                                   env={**env, "PYTHONIOENCODING": "utf-8"})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while status(base + "/") != 200:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("showcase serve did not come up:\n" + log.read_text(encoding="utf-8"))
            time.sleep(0.3)
        yield base, log.read_text(encoding="utf-8")
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def status(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return None


def test_on_loopback_the_desk_opens_without_a_token(tmp_path):
    with serving(tmp_path) as (base, log):
        assert f"编辑台：{base}/_desk/" in log
        assert status(base + "/_desk/") == 200 and status(base + "/_desk/api/records") == 200


def test_on_all_addresses_the_desk_wants_the_printed_token(tmp_path):
    with serving(tmp_path, "--host", "0.0.0.0") as (base, log):
        token = re.search(r"/_desk/\?token=([A-Za-z0-9_-]+)", log).group(1)
        assert status(base + "/_desk/") == 403 and status(base + "/_desk/api/records") == 403
        assert status(base + "/_desk/?token=wrong") == 403
        assert status(f"{base}/_desk/?token={token}") == 200
        assert status(base + "/") == 200  # the preview itself is for colleagues


def test_no_desk_leaves_it_out(tmp_path):
    with serving(tmp_path, "--no-desk") as (base, log):
        assert "编辑台" not in log
        assert status(base + "/_desk/") == 404
