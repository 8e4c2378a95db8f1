"""Benchmark: a daily column running five years (1,800 articles) — build time, page sizes, sidebar.

    python benchmarks/column_scale.py [--count 1800] [--keep DIR]

Builds tests/fixtures/column plus a synthetic daily column (tests/support/column_corpus.py) with the
real `showcase build`, then reports: build time (whole build, and the core's planning alone),
pages written, HTML size per page family (median / max), the sidebar's link count on the biggest
listing pages against a small column's, and the size of the feed. Numbers, not assertions: the
tests (tests/site/test_column_many.py) check the behaviour at 300 articles.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))

from support.column_corpus import add_daily_column  # noqa: E402
from support.sites import copy_fixture  # noqa: E402

FAMILIES = {  # label → glob under site/column/<id>/ (or site/ for articles)
    "series listing (home, page/N)": ["index.html", "page/*/index.html"],
    "archive index": ["archive/index.html"],
    "year (12 calendars)": ["archive/*/index.html"],
    "month (calendar + list)": ["archive/*/*/index.html"],
    "category/unit listing": ["category/*/index.html", "category/*/page/*/index.html",
                              "unit/*/index.html", "unit/*/page/*/index.html"],
}


def sidebar_links(html_path: Path) -> int:
    html = html_path.read_text(encoding="utf-8")
    sidebar = html.split("md-sidebar--primary", 1)[1].split("md-sidebar--secondary", 1)[0]
    return sidebar.count('class="md-nav__link')


def plan_seconds(project: Path) -> tuple[float, float]:
    """The core alone (load, check, model, page specs, Markdown) — what the plugin adds to MkDocs.
    (wall, CPU) seconds: on a shared machine the CPU time is the steadier number."""
    from showcase.domain.edition import Edition
    from showcase.site import plan_site

    started, cpu = time.perf_counter(), time.process_time()
    plan = plan_site(project / "content", Edition(), REPO / "theme" / "showcase", site={"name": "bench"})
    assert plan.ok, plan.problems.report()
    return time.perf_counter() - started, time.process_time() - cpu


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(count: int, keep: Path | None) -> None:
    work = Path(tempfile.mkdtemp(prefix="column-scale-"))
    try:
        project = copy_fixture("column", work)
        started_write = time.perf_counter()
        add_daily_column(project / "content", "daily", count, start=date(2019, 1, 1))
        print(f"wrote {count} articles in {time.perf_counter() - started_write:.1f} s")
        site = project / "site"
        started, cpu = time.perf_counter(), children_cpu()
        result = subprocess.run([sys.executable, "-m", "showcase", "build", "-d", str(site)], cwd=project,
                                capture_output=True, text=True)
        build_s, build_cpu = time.perf_counter() - started, children_cpu() - cpu
        if result.returncode:
            sys.exit(result.stdout + result.stderr)
        plan_wall, plan_cpu = plan_seconds(project)
        pages = sum(1 for _ in site.rglob("*.html"))
        column_pages = sum(1 for _ in (site / "column").rglob("*.html"))
        print(f"build: {build_s:.1f} s wall, {build_cpu:.1f} s CPU for {pages} HTML pages ({column_pages} under column/)")
        print(f"planning (core, no MkDocs): {plan_wall:.1f} s wall, {plan_cpu:.1f} s CPU")

        base = site / "column" / "daily"
        print(f"\n{'page family':34} {'pages':>6} {'median KB':>10} {'max KB':>8}")
        rows = dict(FAMILIES)
        for label, patterns in rows.items():
            files = sorted({p for pattern in patterns for p in base.glob(pattern)})
            sizes = [p.stat().st_size / 1024 for p in files]
            print(f"{label:34} {len(files):6d} {statistics.median(sizes):10.1f} {max(sizes):8.1f}")
        articles = list((site / "column").glob("20*/daily-*/index.html"))
        clippings = list((site / "column").glob("20*/daily-*/clipping/index.html"))
        for label, files in (("article", articles), ("clipping (剪报)", clippings)):
            sizes = [p.stat().st_size / 1024 for p in files]
            print(f"{label:34} {len(files):6d} {statistics.median(sizes):10.1f} {max(sizes):8.1f}")
        feed = base / "feed.xml"
        print(f"{'feed.xml (50 newest)':34} {1:6d} {feed.stat().st_size / 1024:10.1f}")

        small = sidebar_links(site / "column" / "sanchuang" / "index.html")
        biggest = max(base.glob("page/*/index.html"), key=lambda p: p.stat().st_size)
        print(f"\nsidebar links: small column home {small}; daily home {sidebar_links(base / 'index.html')}; "
              f"{biggest.relative_to(site)} {sidebar_links(biggest)}; "
              f"a month page {sidebar_links(next(base.glob('archive/*/*/index.html')))}")
        total = sum(p.stat().st_size for p in (site / "column").rglob("*") if p.is_file()) / 1024 / 1024
        print(f"site/column/ total {total:.1f} MB")
        if keep:
            shutil.copytree(site, keep, dirs_exist_ok=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1800)
    parser.add_argument("--keep", type=Path, help="copy the built site here")
    args = parser.parse_args()
    run(args.count, args.keep)
