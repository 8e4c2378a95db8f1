"""Regenerate the editors' guide's screenshots of the editing desk (docs/images/desk-*.png).

Copies tests/fixtures/one-of-each to a temporary folder, runs the real `showcase serve` on it, and
photographs the desk in Debian's Chromium (headless, via Playwright): the list, a brand's form with a
check message on its field, and a column article's form with its preview. Run from the repository root:

    python -m tools.desk_screenshots
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "images"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(project: Path, port: int) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-m", "showcase", "serve", "--port", str(port)], cwd=project,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                               env={**os.environ, "PYTHONPATH": str(REPO)})
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                return process
        except OSError:
            time.sleep(0.3)
    os.killpg(process.pid, signal.SIGKILL)
    raise SystemExit("showcase serve did not start")


def shoot(url: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(locale="zh-CN", viewport={"width": 1280, "height": 900})
        page.goto(url + "_desk/")
        expect(page.locator("#status")).to_contain_text("共", timeout=30000)
        page.screenshot(path=str(OUT / "desk-list.png"))
        page.goto(url + "_desk/#brand/alpha")
        page.locator('#fields [data-path="launched"] input[type=text]').fill("2023-02-30")
        expect(page.locator('#fields [data-path="launched"] > .problems')).to_contain_text("不存在", timeout=20000)
        page.locator('#fields [data-path="launched"]').scroll_into_view_if_needed()
        page.screenshot(path=str(OUT / "desk-brand-error.png"))
        page.goto(url + "_desk/#new/article")
        page.locator('#fields [data-path="title"] input').fill("窗口里的红色身影")
        page.fill("#body", "## 一线故事\n\n市文旅局窗口党员的一天。\n\n- 早上八点开窗\n- 午间不打烊\n")
        expect(page.locator("#save-state")).to_contain_text("检查通过", timeout=20000)
        page.locator("#body-area").scroll_into_view_if_needed()
        time.sleep(1)  # the preview frame's styles
        page.screenshot(path=str(OUT / "desk-article-preview.png"))
        browser.close()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="desk-shots-") as tmp:
        project = Path(tmp) / "one-of-each"
        shutil.copytree(REPO / "tests/fixtures/one-of-each", project)
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace("../../../theme", str(REPO / "theme")),
                          encoding="utf-8")
        port = free_port()
        process = start(project, port)
        try:
            shoot(f"http://127.0.0.1:{port}/")
        finally:
            os.killpg(process.pid, signal.SIGINT)
            process.wait(timeout=15)
    print(f"wrote {OUT}/desk-*.png")


if __name__ == "__main__":
    main()
