"""The desk as `showcase serve` mounts it: on 127.0.0.1 it opens without a token; on 0.0.0.0 it wants the
token printed at start (the preview itself stays open to colleagues); `--no-desk` leaves it out."""
from __future__ import annotations

import re
import urllib.error
import urllib.request
from contextlib import contextmanager

import pytest

from support import preview
from support.sites import copy_fixture

pytestmark = pytest.mark.slow  # each case builds the fixture's site


@contextmanager
def serving(tmp_path, *args):
    project = copy_fixture("one-of-each", tmp_path)
    log = tmp_path / "serve.log"
    with preview.serving(project, *args, log=log) as (_, base):
        yield base, log.read_text(encoding="utf-8")


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
