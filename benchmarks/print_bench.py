"""Printed publications: a 200-exemplar 事迹汇编 with WeasyPrint (time, peak memory), and the same
booklet through Chromium's print-to-PDF (Playwright `page.pdf()`) — TOC page numbers, fonts, memory.

    python benchmarks/print_bench.py --stories 200 --work /tmp/showcase-print-bench

The corpus is the demo project plus N red-flag-branch exemplars (~1,300 characters of story each,
one in five with a photo) and one honor batch naming them all. Each engine runs in its own process
so its peak RSS (the largest process, ru_maxrss of the children) is its own. Results: README-print.md.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))  # support.pdf reads the PDFs back as the tests do

SECTIONS = ("把支部建在服务一线", "一张清单管到底", "比学赶超见实效", "成效")
SENTENCE = ("支部坚持把党建工作与业务工作同谋划、同部署、同考核，党员在窗口亮身份、亮承诺、亮服务，"
            "群众办事更加便捷，满意度持续提升。")


def make_corpus(work: Path, stories: int) -> Path:
    project = work / "project"
    if project.exists():
        shutil.rmtree(project)
    shutil.copytree(REPO / "content", project / "content")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("custom_dir: theme", f"custom_dir: {REPO / 'theme'}")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    units = ["fgw", "jyj", "sfj", "czj", "rsj", "sthjj", "zjj", "jtysj", "wenlv", "wjw"]
    photo = REPO / "content/exemplars/fs-chenjingyi/photo.jpg"
    awards = []
    for n in range(1, stories + 1):
        folder = project / "content/exemplars" / f"bench-{n:03d}"
        folder.mkdir(parents=True)
        body = "\n\n".join(f"### {title}\n\n" + SENTENCE * 4 for title in SECTIONS)
        front = [f"title: 第{n}党支部", "kind: red_flag_branch", f"unit: {units[n % len(units)]}",
                 f"branch: 第{n}党支部", "headline: 把支部建在服务一线", "summary: 支部以服务群众为中心，工作成效明显。"]
        if n % 5 == 0:
            shutil.copy(photo, folder / "photo.jpg")
            front.append("photo: {src: photo.jpg, caption: 支部党员在服务窗口, consent: true}")
        (folder / "index.md").write_text("---\n" + "\n".join(front) + f"\n---\n\n## 事迹材料\n\n{body}\n", encoding="utf-8")
        awards.append(f"  - {{ref: bench-{n:03d}, name: 第{n}党支部, unit: {units[n % len(units)]}}}")
    batch = ["title: 2025年度市级机关“红旗党支部”（测试）", "type: red_flag_branch", "year: 2025", "label: 2025年度",
             "doc_no: 云直工〔2026〕1号", "decided_on: 2026-01-10", f"official_count: {stories}", "awards:", *awards]
    (project / "content/honors/bench.yml").write_text("\n".join(batch) + "\n", encoding="utf-8")
    return project


def child(code: str, *args: str) -> dict:
    """Runs `code` in a fresh Python; returns its JSON line plus wall time and the children's peak RSS."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    out = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"{args}: exit {out.returncode}\n{out.stderr[-3000:]}")
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime  # all its processes, reaped
    peak = after.ru_maxrss / 1024  # MB; the largest child so far (each engine runs after the smaller demo one)
    return {**json.loads(out.stdout.strip().splitlines()[-1]), "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
            "peak_rss_mb": round(peak), "load": os.getloadavg()[0]}


WEASYPRINT = """
import dataclasses, json, sys, time
from pathlib import Path
from showcase.cli.main import main
started = time.monotonic()
code = main(["print", "honors", sys.argv[2], "-f", sys.argv[1] + "/mkdocs.yml", "-o", sys.argv[3]])
print(json.dumps({"exit": code, "engine_s": round(time.monotonic() - started, 1)}))
"""

CHROMIUM = """
import dataclasses, json, sys, time
from pathlib import Path
from showcase.cli.printing import load_model, project_settings
from showcase.domain.edition import Edition
from showcase.mkdocs.markdown_html import markdown_to_html
from showcase.publications.collect import Options, honor_batch
from showcase.publications.fonts import pick_fonts
from showcase.publications.html import render_booklet
from playwright.sync_api import sync_playwright
root, organization, templates = project_settings(sys.argv[1] + "/mkdocs.yml")
booklet = honor_batch(load_model(root, Edition()), sys.argv[2], Options(organization, root))
booklet = dataclasses.replace(booklet, to_html=markdown_to_html)
page_file = Path(sys.argv[3]).with_suffix(".html")
page_file.write_text(render_booklet(booklet, pick_fonts(), templates), encoding="utf-8")
started = time.monotonic()
with sync_playwright() as pw:
    browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    page = browser.new_page()
    page.goto(page_file.as_uri(), wait_until="load", timeout=600000)
    page.pdf(path=sys.argv[3], prefer_css_page_size=True, print_background=True)
    browser.close()
print(json.dumps({"exit": 0, "engine_s": round(time.monotonic() - started, 1)}))
"""


def judge(pdf: Path) -> dict:
    from support.pdf import font_names, font_problems, footer_numbers, page_texts, squeeze, toc_items

    texts, numbers = [squeeze(t) for t in page_texts(pdf)], footer_numbers(pdf)
    items = toc_items(pdf)
    right = sum(1 for title, n in items if numbers.count(n) == 1 and title in texts[numbers.index(n)])
    return {"pages": len(texts), "toc_lines_with_numbers": len(items), "toc_right": right,
            "font_problems": len(font_problems(pdf)), "fonts": sorted(font_names(pdf))[:4],
            "bytes": pdf.stat().st_size}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--work", default="/tmp/showcase-print-bench")
    parser.add_argument("--no-chromium", action="store_true")
    args = parser.parse_args(argv)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    project = make_corpus(work, args.stories)
    results = {}
    for batch in ("bx-2021-2022", "bench"):  # the small one first: ru_maxrss only grows
        engines = [("weasyprint", WEASYPRINT)] + ([] if args.no_chromium else [("chromium", CHROMIUM)])
        for name, code in engines:
            pdf = work / f"{batch}-{name}.pdf"
            run = child(code, str(project), batch, str(pdf))
            results[f"{batch}/{name}"] = {**run, **judge(pdf)}
            print(batch, name, json.dumps(results[f"{batch}/{name}"], ensure_ascii=False), flush=True)
    (work / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
