"""Benchmark: the showcase pages (brand wall, exemplar lists, honor rolls, units) at a large city's scale.

    python benchmarks/site_scale.py [--units 60] [--brands 600] [--exemplars 2000] [--keep DIR]

Builds tests/fixtures/site-showcase plus synthetic units, brands ("1+N" matrices of one main brand and
its sub-brands per unit), exemplars of the three kinds and honor batches naming them, with the real
`showcase build`, then reports: build time (whole build, cold and warm image cache; the core's
planning and rendering of the Markdown alone), pages written per family, HTML size of the biggest listing and compilation pages,
and the sidebar's link count on a wall page. Numbers, not assertions: tests/site/test_site_pagination.py
checks the behaviour on a small site.
"""
from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))

from support.sites import copy_fixture  # noqa: E402

KINDS = ("brand_exemplar", "red_flag_branch", "five_star_member")
STARS = "[学习型, 服务型, 奉献型, 廉洁自律型, 文明和谐型]"
STANDARDS = "[队伍坚强有力, 队伍先进纯洁, 党务健全规范, 作风勤政务实, 工作实绩突出, 群众满意]"
STORY = "支部坚持把党建工作与业务工作同谋划、同部署、同落实，党员在窗口一线亮身份、作表率。" * 6


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def add_corpus(content: Path, units: int, brands: int, exemplars: int) -> None:
    lines = [(content / "units.yml").read_text(encoding="utf-8").rstrip()]
    for u in range(units):
        lines.append(f"- {{id: u{u:03d}, name: 云川市第{u + 1}局, short_name: 第{u + 1}局, order: {10 + u}}}")
    write(content / "units.yml", "\n".join(lines) + "\n")
    per_unit = max(1, brands // units)
    for b in range(brands):
        unit, pos = divmod(b, per_unit)
        unit %= units
        parent = f"parent: b{unit:03d}-0\n" if pos else ""
        write(content / f"brands/b{unit:03d}-{pos}/index.md",
              f"---\ntitle: 第{unit + 1}局品牌{pos}\nunit: u{unit:03d}\n{parent}slogan: 口号{b}\n"
              f"launched: 2019-0{1 + pos % 9}-01\nmetrics:\n  - {{label: 服务群众, value: {b}.5, unit: 万人次, as_of: 2023-12-31}}\n"
              f"---\n\n## 品牌内涵\n\n{STORY}\n\n## 主要做法\n\n{STORY}\n\n## 工作成效\n\n{STORY}\n")
    batches: dict[tuple, list[str]] = {}
    for e in range(exemplars):
        kind = KINDS[0] if e % 20 == 0 else KINDS[1] if e % 5 == 0 else KINDS[2]
        unit = e % units
        year = 2017 + e % 7
        extra = {"brand_exemplar": f"brand: b{unit:03d}-0\n", "red_flag_branch": f"standards: {STANDARDS}\n",
                 "five_star_member": f"person: {{name: 党员{e}, position: 科长}}\nstars: {STARS}\n"}[kind]
        write(content / f"exemplars/x{e:05d}/index.md",
              f"---\ntitle: 典型{e}\nkind: {kind}\nunit: u{unit:03d}\n{extra}headline: 一句话事迹{e}\n"
              f"summary: 事迹简介{e}。\n---\n\n## 事迹材料\n\n{STORY}\n")
        batches.setdefault((kind, year), []).append(f"  - {{ref: x{e:05d}, name: 典型{e}, unit: u{unit:03d}}}")
    for n, ((kind, year), awards) in enumerate(sorted(batches.items())):
        write(content / f"honors/g{n:03d}.yml",
              f"title: {year}年度市级机关{kind}\ntype: {kind}\nyear: {year}\nlabel: {year}年度\n"
              f"doc_no: 云直工〔{year + 1}〕{n + 10}号\ndecided_on: {year + 1}-03-15\n"
              f"official_count: {len(awards) + 10}\nawards:\n" + "\n".join(awards) + "\n")


def html_sizes(site: Path, pattern: str) -> list[int]:
    return [p.stat().st_size for p in site.glob(pattern)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=60)
    parser.add_argument("--brands", type=int, default=600)
    parser.add_argument("--exemplars", type=int, default=2000)
    parser.add_argument("--keep", type=Path, help="build here and keep the site")
    args = parser.parse_args()

    root = args.keep or Path(tempfile.mkdtemp(prefix="showcase-site-scale-"))
    if args.keep and root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True, exist_ok=True)
    project = copy_fixture("site-showcase", root)
    add_corpus(project / "content", args.units, args.brands, args.exemplars)

    from showcase.domain.edition import Edition
    from showcase.site import plan_site

    started = time.perf_counter()
    plan = plan_site(project / "content", Edition(), REPO / "theme" / "showcase")
    planned = time.perf_counter() - started
    assert plan.ok, plan.problems.report()
    families = Counter(spec.kind for spec, _ in plan.pages)

    def build() -> float:
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "showcase", "build", "-d", str(project / "site")],
                                cwd=project, capture_output=True, text=True)
        if result.returncode:
            sys.exit(result.stdout + result.stderr)
        return time.perf_counter() - started

    cold, warm = build(), build()  # the second build finds every generated cover in the image cache
    site = project / "site"

    wall = html_sizes(site, "brands/page/*/index.html") + html_sizes(site, "brands/index.html")
    lists = html_sizes(site, "exemplars/*/page/*/index.html")
    compilations = {p.parent.parent.name: p.stat().st_size for p in site.glob("exemplars/*/compilation/index.html")}
    batch_compilations = html_sizes(site, "honors/*/compilation/index.html")
    last_wall = max(site.glob("brands/page/*/index.html"), key=lambda p: int(p.parent.name),
                    default=site / "brands/index.html")
    nav = last_wall.read_text(encoding="utf-8")
    nav = nav.split('class="md-nav md-nav--primary"')[1].split("</nav>")[0]

    print(f"corpus: {args.units} units, {args.brands} brands, {args.exemplars} exemplars, "
          f"{len(list((project / 'content/honors').glob('*.yml')))} honor batches")
    print(f"| measure | value |\n| --- | --- |")
    print(f"| whole build (`showcase build`), empty image cache | {cold:.1f} s |")
    print(f"| whole build again (image cache warm: the everyday case) | {warm:.1f} s |")
    print(f"| core: check + model + render Markdown of all pages | {planned:.1f} s |")
    print(f"| pages by family | {', '.join(f'{k} {v}' for k, v in sorted(families.items()))} |")
    print(f"| brand wall pages | {len(wall)}, HTML median {statistics.median(wall) / 1024:.0f} KB, max {max(wall) / 1024:.0f} KB |")
    if lists:
        print(f"| exemplar list pages (page 2+) | {len(lists)}, HTML max {max(lists) / 1024:.0f} KB |")
    print("| 事迹汇编 per kind | " + ", ".join(f"{k} {v / 1024:.0f} KB" for k, v in sorted(compilations.items())) + " |")
    print(f"| 事迹汇编 per batch | {len(batch_compilations)}, max {max(batch_compilations) / 1024:.0f} KB |")
    print(f"| links in the sidebar of {last_wall.parent.relative_to(site)}/ | {len(re.findall('<a ', nav))} |")
    if not args.keep:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
