"""`showcase serve --host 0.0.0.0`: a LAN preview that live-reloads in the browser on edits to content,
theme and mkdocs.yml. Runs the real command on a copy of the basic fixture with its own theme copy."""
from __future__ import annotations

import socket
import time
import urllib.request
from pathlib import Path

import pytest

from support import sites as site_support
from support.preview import free_port, serving

RELOAD_TIMEOUT_MS = 60_000  # a rebuild on 2 busy cores; the page itself reloads within a second of it




def lan_address() -> str | None:
    """A non-loopback IPv4 address of this machine, if it has one (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))
            address = s.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


def listening_on_all_interfaces(port: int) -> bool:
    """/proc/net/tcp lists 0.0.0.0:port in LISTEN state (0A)."""
    text = Path("/proc/net/tcp").read_text()
    return any(cols[1] == f"00000000:{port:04X}" and cols[3] == "0A"
               for cols in (line.split() for line in text.splitlines()[1:]))


@pytest.fixture
def served(tmp_path):
    project = site_support.copy_fixture("basic", tmp_path)
    site_support.own_theme(project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "custom_dir: theme\n" in text and "extra_css" not in text
    config.write_text(text + "extra_css:\n  - assets/css/showcase.css\n", encoding="utf-8")

    port = free_port()
    log = tmp_path / "serve.log"
    with serving(project, "--host", "0.0.0.0", log=log, port=port) as (_, base):
        yield project, port, base + "/", log


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    # Let the file's mtime move on visibly for the watcher even on coarse clocks.
    time.sleep(0.2)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_serve_listens_on_the_lan_and_live_reloads_content_theme_and_config(served, page):
    project, port, url, log = served

    def wait(step, js, arg=None):
        try:
            page.wait_for_function(js, arg=arg, timeout=RELOAD_TIMEOUT_MS)
        except Exception:
            pytest.fail(f"no live reload after editing {step}; serve log:\n{log.read_text(encoding='utf-8')[-3000:]}")
    assert listening_on_all_interfaces(port)
    lan = lan_address()
    if lan:  # reachable from other machines, not only from 127.0.0.1, and the user is told where
        with urllib.request.urlopen(f"http://{lan}:{port}/", timeout=10) as resp:
            assert resp.status == 200
        assert f"局域网预览：同一网络的电脑可打开 http://{lan}:{port}/" in log.read_text(encoding="utf-8")

    page.goto(url)
    page.wait_for_load_state("load")
    title = page.title()

    # Content: the home page text.
    home = project / "content" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\n\n实时预览标记甲\n", encoding="utf-8")
    wait("content/index.md", "() => document.body.innerText.includes('实时预览标记甲')")

    # Theme: a template of ours (custom_dir), which plain `mkdocs serve` would not watch.
    edit(project / "theme" / "main.html", "{% block content %}",
         '{% block content %}<p id="live-theme">主题已更新</p>')
    wait("theme/main.html", "() => !!document.querySelector('#live-theme')")

    # Theme CSS.
    css = project / "theme" / "assets" / "css" / "showcase.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n#live-theme { color: rgb(1, 2, 3); }\n", encoding="utf-8")
    wait("theme/assets/css/showcase.css",
         "() => { const e = document.querySelector('#live-theme'); return e && getComputedStyle(e).color === 'rgb(1, 2, 3)'; }")

    # Config: the site name in mkdocs.yml.
    edit(project / "mkdocs.yml", "site_name: 测试站", "site_name: 改名后的测试站")
    wait("mkdocs.yml", "() => document.title.includes('改名后的测试站')")
    assert page.title() != title
    assert page.console_errors == []
