"""The editing loop (issue 10): how long after saving an article `showcase serve` shows the change.

    python benchmarks/serve_bench.py [--pages 1000] [--edits 5] [--work /tmp/showcase-bench] [--browser]

Starts `showcase serve` on a corpus from make_corpus.py (the same one build_bench.py uses), waits for
the first build, then edits column articles one after another — a sentence added to the body, or
(every other edit) a new title — and measures for each edit:

  shown       seconds from saving the file until the article's page carries the change. With
              --browser, headless Chromium has the page open and the clock stops when live reload has
              brought the new text on screen; without, the page is fetched over HTTP until it has it.
  complete    seconds until the whole rebuild has finished (the server's "Reloading browsers" line):
              every page, listing and the search index up to date.

plus what the rebuild did (pages shown early / reused / rendered again), from the serve log. Prints
medians and every edit; numbers, not assertions (tests/speed/test_perf_cache.py checks the correctness).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_bench import corpus  # noqa: E402
from measure import loadavg, machine  # noqa: E402

PREVIEW_LOG = re.compile(r"预览：(\d+) 个页面先行更新，(\d+) 个页面沿用上次结果，(\d+) 个页面重新生成")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 30) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8", errors="replace")


class Serve:
    def __init__(self, project: Path, port: int, log_path: Path):
        env = {k: v for k, v in os.environ.items() if not k.startswith("SHOWCASE_")}
        self.log_path = log_path
        self.log = log_path.open("w", encoding="utf-8")
        self.process = subprocess.Popen([sys.executable, "-m", "showcase", "serve", "--port", str(port)],
                                        cwd=project, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
                                        env={**env, "PYTHONIOENCODING": "utf-8"})
        self.url = f"http://127.0.0.1:{port}/"

    def text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait_ready(self, timeout: float = 1800) -> float:
        started = time.monotonic()
        while "Serving on" not in self.text():
            if self.process.poll() is not None:
                raise SystemExit(f"serve ended:\n{self.text()[-3000:]}")
            if time.monotonic() - started > timeout:
                raise SystemExit("serve never came up")
            time.sleep(0.5)
        return time.monotonic() - started

    def wait_log(self, needle: str, count: int, timeout: float = 600) -> None:
        started = time.monotonic()
        while self.text().count(needle) < count:
            if time.monotonic() - started > timeout:
                raise SystemExit(f"no {needle!r} after {timeout} s:\n{self.text()[-3000:]}")
            time.sleep(0.02)

    def stop(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGINT)
            self.process.wait(timeout=30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.log.close()


def articles(project: Path) -> list[Path]:
    found = sorted((project / "content" / "column").rglob("*.md"))
    return [p for p in found if p.name != "index.md"] or found


def article_url(base: str, path: Path, content: Path) -> str:
    rel = path.relative_to(content / "column")
    year, stem = rel.parts[0], (rel.parts[1] if path.name == "index.md" else path.stem)
    return f"{base}column/{year}/{stem}/"


def edit(path: Path, number: int) -> str:
    """Change the article; return a text the page must show afterwards."""
    text = path.read_text(encoding="utf-8")
    if number % 2:
        marker = f"编辑测试标题{number}号"
        text = re.sub(r"^title: .*$", f"title: {marker}", text, count=1, flags=re.M)
    else:
        marker = f"编辑测试第{number}处新增的句子。"
        text = text.rstrip("\n") + f"\n\n{marker}\n"
    path.write_text(text, encoding="utf-8")
    return marker


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/tmp/showcase-bench"))
    parser.add_argument("--browser", action="store_true", help="measure in headless Chromium (live reload)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    folder = corpus(args.work, args.pages, args.seed)
    project = folder / "showcase"
    # A private copy: the edits must not change the corpus build_bench.py measures.
    work = folder / "serve-copy"
    if work.exists():
        subprocess.run(["rm", "-rf", str(work)], check=True)
    subprocess.run(["cp", "-a", str(project), str(work)], check=True)
    port = free_port()
    serve = Serve(work, port, folder / "serve.log")
    browser = page = pw = None
    rows = []
    try:
        first = serve.wait_ready()
        print(f"first build and server up: {first:.1f} s", flush=True)
        if args.browser:
            sys.path.insert(0, str(HERE.parent / "tests"))
            from support import browser as browser_support

            pw = browser_support.start_playwright()
            browser = browser_support.launch_chromium(pw)
            page = browser.new_page()
        targets = articles(work)
        step = max(1, len(targets) // (args.edits + 1))
        for number in range(1, args.edits + 1):
            target = targets[number * step]
            url = article_url(serve.url, target, work / "content")
            if page is not None:
                page.goto(url)
                page.wait_for_load_state("load")
            builds_before = serve.text().count("Reloading browsers")
            load = loadavg()
            time.sleep(1.0)  # let the watcher settle between edits
            marker = edit(target, number)
            saved = time.monotonic()
            if page is not None:
                page.wait_for_function("m => document.body && document.body.innerText.includes(m)", arg=marker,
                                       timeout=600_000, polling=20)
            else:
                while marker not in fetch(url):
                    time.sleep(0.02)
            shown = time.monotonic() - saved
            serve.wait_log("Reloading browsers", builds_before + 1)
            complete = time.monotonic() - saved
            found = PREVIEW_LOG.findall(serve.text())
            early, reused, rendered = map(int, found[-1]) if found else (0, 0, 0)
            rows.append({"edit": "title" if number % 2 else "body", "shown": shown, "complete": complete,
                         "early": early, "reused": reused, "rendered": rendered, "load": load, "url": url})
            print(f"edit {number} ({rows[-1]['edit']}): shown after {shown:.2f} s, complete after {complete:.2f} s "
                  f"(early {early}, reused {reused}, rendered {rendered}; load {load:.1f})", flush=True)
    finally:
        if browser is not None:
            browser.close()
            pw.stop()
        serve.stop()
    summary = {"pages": args.pages, "browser": args.browser, "first_build_s": first,
               "shown_median_s": statistics.median(r["shown"] for r in rows),
               "shown_max_s": max(r["shown"] for r in rows),
               "complete_median_s": statistics.median(r["complete"] for r in rows), "edits": rows}
    print(json.dumps({k: v for k, v in summary.items() if k != "edits"}, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), **summary}, ensure_ascii=False, indent=1),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
