"""Benchmark: site search at 1,000 and 5,000 synthetic Chinese pages (issue 7).

    python benchmarks/search_bench.py [--pages 1000 5000] [--keep DIR] [--no-browser] [--pagefind]

For each size: the demo content plus N synthetic column articles of ~3,000 characters (sentences of
the demo's own text, lightly perturbed so the vocabulary grows with the corpus, a person's name per
article), built with the real `showcase build`. Reported:

  build      whole build wall time and peak RSS; the search share as the plugin logs it
  index      the index alone in a fresh process (pages read back from the built HTML):
             wall time, CPU time, peak RSS, files and bytes written
  browser    headless Chromium over loopback HTTP (python -m http.server): per query, time from
             the last keystroke in the header search box to results on screen, and bytes the
             query fetched (cold: new browser context; warm: the next query on the same page)
  recall     for plain words, the share of pages containing the word (read from the built HTML,
             independently of the index) that the engine returns
  pagefind   (--pagefind) Pagefind's extended build over the same site: wall time, peak RSS

Numbers, not assertions; results go to stdout and --json. See benchmarks/README-search.md.
"""
from __future__ import annotations

import argparse
import html as html_lib
import json
import os
import random
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

QUERIES = ["党建", "红旗党支部", "廉政", "志愿服务", "市文旅局", "一店一名片", "2023年 红旗", "{person}",
           "服务群众最后一公里", "品牌"]
PLAIN_WORDS = ["品牌", "支部", "廉政", "党建", "志愿"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
GIVEN = "建国志强晓明丽华海燕伟芳秀英文静俊杰雪梅玉兰红霞春生立新永刚嘉欣思远子涵宇航雨桐清扬"
COMMON = [chr(c) for c in range(0x4E00, 0x4E00 + 3500)]


# ---- corpus ----------------------------------------------------------------------------------------

def sentence_pool() -> list[str]:
    text = []
    for path in (REPO / "content").rglob("*.md"):
        body = path.read_text(encoding="utf-8")
        if body.startswith("---\n"):
            body = body.split("\n---\n", 1)[-1]
        text.append(re.sub(r"[#>*\[\]()`|_-]|!\[.*?\]\(.*?\)|\{.*?\}", "", body))
    pool = [s.strip() for s in re.split(r"(?<=[。！？；])", "\n".join(text)) if len(s.strip()) >= 10]
    return pool


def official_names() -> list[str]:
    """Names the publishing lint checks (content/names.yml): never perturbed into a wrong form."""
    import yaml

    path = REPO / "content" / "names.yml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else []
    return [e["correct"] for e in entries or [] if e.get("correct")]


def article_text(rng: random.Random, pool: list[str], person: str, names: list[str], chars: int = 3000) -> str:
    paragraphs, size = [], 0
    while size < chars:
        sentences = []
        for _ in range(rng.randint(3, 6)):
            s = rng.choice(pool)
            if not any(name[:4] in s for name in names):
                # 4% of characters replaced: new bigrams, as a real corpus grows its vocabulary.
                s = "".join(rng.choice(COMMON) if rng.random() < 0.04 and "\u4e00" <= c <= "\u9fff" else c
                            for c in s)
            sentences.append(s)
        if rng.random() < 0.3:
            sentences.append(f"{person}同志说，要把“三创”工作做细做实。")
        paragraph = "".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph)
    return "\n\n".join(paragraphs)


def make_project(root: Path, pages: int, seed: int = 7) -> Path:
    from support.sites import copy_demo

    project = copy_demo(root)
    content = project / "content"
    rng = random.Random(seed)
    pool = sentence_pool()
    names = official_names()
    units = re.findall(r"^- id: (\S+)", (content / "units.yml").read_text(encoding="utf-8"), re.M)
    with (content / "columns.yml").open("a", encoding="utf-8") as out:
        out.write(f"- id: bench\n  name: 基层党建纵横\n  newspaper: ycrb\n  started_on: 2008-01-01\n"
                  f"  planned_total: {pages}\n  categories: [品牌先进典型案例, 红旗党支部, 五星党员标兵]\n")
    start = date(2008, 1, 1)
    for i in range(pages):
        day = start + timedelta(days=i)
        person = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        folder = content / "column" / str(day.year)
        folder.mkdir(parents=True, exist_ok=True)
        title = f"{person}：{rng.choice(pool)[:14].rstrip('，。、；')}"
        (folder / f"bench-{i + 1:05d}.md").write_text(
            "---\n"
            f"title: \"{title}\"\n"
            "column: bench\n"
            f"series_no: {i + 1}\n"
            f"date: {day.isoformat()}\n"
            f"page: \"{i % 8 + 1:02d}\"\n"
            f"bylines:\n  - {{name: {rng.choice(SURNAMES)}{rng.choice(GIVEN)}, role: 本报记者}}\n"
            f"category: {['品牌先进典型案例', '红旗党支部', '五星党员标兵'][i % 3]}\n"
            f"related: [{units[i % len(units)]}]\n"
            "---\n\n" + article_text(rng, pool, person, names) + "\n", encoding="utf-8")
    return project


# ---- measurements ----------------------------------------------------------------------------------

def run_measured(cmd: list[str], cwd: Path, env: dict | None = None) -> dict:
    """Run a command; wall time and the peak RSS of the child (via a wrapper that reports it)."""
    wrapper = ("import resource,subprocess,sys,json,time;t=time.perf_counter();"
               "p=subprocess.run(sys.argv[1:],capture_output=True,text=True);"
               "r=resource.getrusage(resource.RUSAGE_CHILDREN);"
               "print(json.dumps({'rc':p.returncode,'wall':time.perf_counter()-t,'maxrss_mb':r.ru_maxrss/1024,"
               "'cpu':r.ru_utime+r.ru_stime,'out':p.stdout[-4000:],'err':p.stderr[-20000:]}))")
    result = subprocess.run([sys.executable, "-c", wrapper, *cmd], cwd=cwd, capture_output=True, text=True,
                            env={**os.environ, **(env or {})})
    return json.loads(result.stdout)


def build(project: Path) -> dict:
    env = {"PYTHONIOENCODING": "utf-8"}
    for key in ("SHOWCASE_EDITION", "SHOWCASE_DRAFTS", "SHOWCASE_NOW"):
        os.environ.pop(key, None)
    measured = run_measured([sys.executable, "-m", "showcase", "build", "-d", str(project / "site")],
                            cwd=project, env=env)
    if measured["rc"] != 0:
        raise SystemExit(f"build failed:\n{measured['err']}")
    found = re.search(r"检索：(\d+) 个页面，(\d+) 个分片，([\d.]+) MB，用时 ([\d.]+) 秒（CPU ([\d.]+) 秒）",
                      measured["err"])
    measured["search_log"] = found.group(0) if found else None
    measured["search_seconds"] = float(found.group(4)) if found else None
    measured["search_cpu_seconds"] = float(found.group(5)) if found else None
    del measured["out"], measured["err"]
    return measured


def index_only(site: Path) -> dict:
    """In this process: rebuild the index from the built HTML pages; time and peak memory."""
    from showcase.search.documents import SearchDoc, html_sections
    from showcase.search.indexer import write_index
    from showcase.search.query import IndexReader

    reader = IndexReader(site / "search" / "data")
    pages = []
    for doc_id in range(reader.manifest["docs"]):
        record = reader.doc(doc_id)
        pages.append((record["u"], record["t"], page_file(site, record["u"]).read_text(encoding="utf-8")))
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    wall, cpu = time.perf_counter(), time.process_time()
    docs = [SearchDoc(url=url, title=title, sections=html_sections(article_html(text)))
            for url, title, text in pages]
    with tempfile.TemporaryDirectory() as tmp:
        stats = write_index(docs, Path(tmp) / "data")
    return {"pages": len(docs), "wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "rss_before_mb": base_rss, "shards": stats.shards, "bytes": stats.bytes, "postings": stats.postings}


def page_file(site: Path, url: str) -> Path:
    path = site / url
    return path / "index.html" if url.endswith("/") or url == "" else path


def article_html(page: str) -> str:
    start = page.find('<article class="md-content__inner')
    end = page.find("</article>", start)
    return page[start:end] if start >= 0 else page


def plain_text(page: str) -> str:
    """Independent of generator/search: the page's article with tags removed (blocks separate)."""
    text = re.sub(r"<(script|style|svg)\b.*?</\1>", "", article_html(page), flags=re.S)
    text = re.sub(r"</?(p|li|h\d|td|th|tr|div|br|ul|ol|table|figcaption|figure)\b[^>]*>", "\n", text)
    return html_lib.unescape(re.sub(r"<[^>]+>", "", text)).lower()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def browser_measure(site: Path, person: str) -> dict:
    from playwright.sync_api import sync_playwright

    from showcase.search.query import IndexReader

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(site)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    base = f"http://127.0.0.1:{port}/"
    results = {"queries": [], "recall": []}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                         args=["--no-sandbox", "--disable-dev-shm-usage"])
            for query in [q.format(person=person) for q in QUERIES]:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.goto(base, wait_until="load")
                cold = type_and_wait(page, query)
                warm = type_and_wait(page, "支部" if query != "支部" else "党员")
                results["queries"].append({"query": query, "cold": cold, "warm_next_query": warm})
                context.close()
            # Recall: every page whose text holds the word, against everything the engine returns.
            context = browser.new_context()
            page = context.new_page()
            page.goto(base, wait_until="load")
            reader = IndexReader(site / "search" / "data")
            urls = [reader.doc(i)["u"] for i in range(reader.manifest["docs"])]
            texts = {u: plain_text(page_file(site, u).read_text(encoding="utf-8")) for u in urls}
            for word in PLAIN_WORDS:
                ids = page.evaluate("""async q => {
                    const e = ShowcaseSearch.engine(document.querySelector('[data-sc-search]').dataset.scRoot);
                    const r = await e.search(q); return r.hits.map(h => h.id); }""", word)
                returned = {urls[i] for i in ids}
                holding = {u for u, t in texts.items() if word in t}
                share = len(returned & holding) / len(holding) if holding else 1.0
                results["recall"].append({"word": word, "pages_holding": len(holding), "returned": len(returned),
                                          "share": round(share, 4)})
            context.close()
            browser.close()
    finally:
        server.terminate()
        server.wait()
    return results


def type_and_wait(page, query: str) -> dict:
    fetched = []

    def finished(request):
        fetched.append(request)

    page.on("requestfinished", finished)
    box = page.locator("[data-sc-search-input]")
    box.click()
    box.fill("")
    page.keyboard.type(query)
    typed = time.perf_counter()
    page.wait_for_function(
        "q => document.querySelector('[data-sc-search]').getAttribute('data-sc-shown') === q", arg=query,
        timeout=30_000)
    shown = time.perf_counter() - typed
    page.wait_for_timeout(200)
    page.remove_listener("requestfinished", finished)
    sizes = {"index": 0, "shards": 0, "docs": 0, "other": 0}
    for r in fetched:
        size = r.sizes()["responseBodySize"]
        part = ("index" if r.url.split("?")[0].endswith("search/data/index.js") else
                "shards" if "/search/data/s/" in r.url else "docs" if "/search/data/d/" in r.url else "other")
        sizes[part] += size
    total = page.locator(".md-search-result__meta").inner_text()
    return {"ms_after_typing": round(shown * 1000), "bytes": sizes, "total_bytes": sum(sizes.values()),
            "files": len(fetched), "meta": total}


def pagefind(site: Path) -> dict:
    out = site.parent / "pagefind-out"
    measured = run_measured([sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(out)],
                            cwd=site.parent)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) if out.exists() else 0
    return {"rc": measured["rc"], "wall": measured["wall"], "cpu": measured["cpu"],
            "maxrss_mb": measured["maxrss_mb"], "bytes": size}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--keep", type=Path, help="keep the projects in this directory")
    parser.add_argument("--no-browser", dest="browser", action="store_false")
    parser.add_argument("--pagefind", action="store_true")
    parser.add_argument("--json", type=Path, help="write all results here")
    parser.add_argument("--index-only", type=Path, help=argparse.SUPPRESS)  # internal: one site, this process
    args = parser.parse_args()
    if args.index_only:
        print(json.dumps(index_only(args.index_only)))
        return 0

    root = args.keep or Path(tempfile.mkdtemp(prefix="search-bench-"))
    report = []
    try:
        for pages in args.pages:
            work = root / f"p{pages}"
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True)
            started = time.perf_counter()
            project = make_project(work, pages)
            person = re.search(r"title: \"(.+?)：", next((project / "content/column").rglob("bench-00001.md"))
                               .read_text(encoding="utf-8")).group(1)
            entry = {"synthetic_pages": pages, "generate_seconds": round(time.perf_counter() - started, 1)}
            print(f"== {pages} synthetic pages", flush=True)
            entry["build"] = build(project)
            print("build", json.dumps(entry["build"], ensure_ascii=False), flush=True)
            index = subprocess.run([sys.executable, __file__, "--index-only", str(project / "site")],
                                   capture_output=True, text=True, cwd=REPO)
            entry["index"] = json.loads(index.stdout) if index.returncode == 0 else {"error": index.stderr[-2000:]}
            print("index", json.dumps(entry["index"]), flush=True)
            if args.browser:
                entry["browser"] = browser_measure(project / "site", person)
                for q in entry["browser"]["queries"]:
                    print("query", json.dumps(q, ensure_ascii=False), flush=True)
                for r in entry["browser"]["recall"]:
                    print("recall", json.dumps(r, ensure_ascii=False), flush=True)
            if args.pagefind:
                entry["pagefind"] = pagefind(project / "site")
                print("pagefind", json.dumps(entry["pagefind"]), flush=True)
            report.append(entry)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
