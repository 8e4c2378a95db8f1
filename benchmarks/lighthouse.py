"""Lighthouse over one page of every family of the demo site, mobile and desktop.

    python benchmarks/lighthouse.py [--site DIR] [--work /tmp/showcase-lighthouse] [--only big-screen,brands]
                                    [--lighthouse "npx --yes lighthouse@12.8.2"] [--json out.json]

Without --site, copies the demo (content/, mkdocs.yml) into --work and builds it with `showcase build
--base-url /dangjian/ --precompress`, as the intranet serves it. Serves the site with the shipped nginx
configuration (deploy/nginx/showcase.conf: gzip_static, cache headers) on 127.0.0.1, or with
`--server python` by Python's http.server (no compression, no cache headers: a harsher measure), and
runs Lighthouse from npm on
each page, once with its mobile defaults (simulated slow 4G, 4× CPU slowdown) and once with
`--preset=desktop`, driving Debian's Chromium (CHROME_PATH=/usr/bin/chromium, headless, no sandbox).
Pages: the first of every `sc-page--<kind>` of the build (tests/support/hosting.py's rule), the big
screen and a 剪报. Prints the four category scores, CLS, TBT, LCP and request count per page and
form factor; the numbers, not assertions (benchmarks/README-lighthouse.md keeps them).
Needs node/npm (for npx) and chromium; the build needs nothing but the package.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from support import hosting, nginx  # noqa: E402  (the tests' page finder and nginx harness, not tests)

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-dev-shm-usage"
STANDALONE = {"big-screen": "competitions/*/bigscreen/index.html", "clipping": "column/*/*/clipping/index.html"}


nginx_prefix = hosting.SHIPPED_PREFIX


def build_demo(work: Path) -> Path:
    project = work / "demo"
    if project.exists():
        shutil.rmtree(project)
    project.mkdir(parents=True)
    shutil.copytree(REPO / "content", project / "content")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("custom_dir: theme",
                                                                        f"custom_dir: {REPO / 'theme'}")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    subprocess.run([sys.executable, "-m", "showcase", "build", "-d", str(project / "site"),
                    "--base-url", nginx_prefix, "--precompress"],
                   cwd=project, env=env, check=True, capture_output=True)
    return project / "site"


def pages_of(site: Path) -> dict[str, str]:
    pages = {kind: hosting.as_url_path(path) for kind, path in hosting.main_pages(site).items()}
    in_kinds = {p for paths in hosting.pages_by_kind(site).values() for p in paths}
    for name, pattern in STANDALONE.items():
        found = sorted(p.relative_to(site).as_posix() for p in site.glob(pattern))
        found = [p for p in found if p not in in_kinds]
        if found:
            pages[name] = hosting.as_url_path(found[0])
    return pages


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve_python(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server.shutdown, f"http://127.0.0.1:{server.server_port}/"


def serve_nginx(site: Path, work: Path):
    folder = work / "nginx"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    template = hosting.nginx_template(folder / "showcase.conf")
    server = nginx.NginxServer(template, site, folder, prefix=nginx_prefix).start()
    return server.stop, server.url_for("")


def lighthouse(command: list[str], url: str, desktop: bool, out: Path) -> dict:
    args = [*command, url, "--output=json", f"--output-path={out}", "--quiet",
            f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(CATEGORIES)]
    if desktop:
        args.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(args, env=env, check=True, capture_output=True, timeout=300)
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    failed = sorted(a for a, v in audits.items() if v.get("score") is not None and v["score"] < 0.9
                    and v.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings"))
    return {
        **{c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES},
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "requests": len(audits["network-requests"]["details"]["items"]),
        "failed_audits": failed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site to measure (default: build the demo)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "showcase-lighthouse")
    parser.add_argument("--only", help="comma-separated page families to measure")
    parser.add_argument("--lighthouse", default="npx --yes lighthouse@12.8.2", help="the Lighthouse command")
    parser.add_argument("--json", type=Path, help="write every result here")
    parser.add_argument("--server", choices=("nginx", "python"), default="nginx",
                        help="nginx (the shipped config; a --site must be built with --base-url /dangjian/) "
                             "or python (http.server at /)")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    site = args.site or build_demo(args.work)
    pages = pages_of(site)
    if args.only:
        pages = {k: v for k, v in pages.items() if k in args.only.split(",")}
    stop, base = serve_nginx(site, args.work) if args.server == "nginx" else serve_python(site)
    results = {}
    print(f"{'family':20} {'form':8} perf a11y bp  seo   CLS    TBT   LCP  req  below 0.9")
    try:
        for family, path in sorted(pages.items()):
            for form in ("mobile", "desktop"):
                r = lighthouse(shlex.split(args.lighthouse), base + path, form == "desktop",
                               args.work / f"{family}-{form}.json")
                results[f"{family}/{form}"] = {"path": path, **r}
                print(f"{family:20} {form:8} {r['performance']:4} {r['accessibility']:4} {r['best-practices']:3} "
                      f"{r['seo']:4} {r['cls']:6} {r['tbt_ms']:5} {r['lcp_ms']:5} {r['requests']:4}  "
                      f"{' '.join(r['failed_audits'])}", flush=True)
    finally:
        stop()
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
