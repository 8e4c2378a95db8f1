"""The build benchmark (issue 10): `showcase build` against plain MkDocs + Material, side by side.

    python benchmarks/build_bench.py [--pages 1000 5000] [--runs 3] [--work /tmp/showcase-bench]
                                     [--json results.json] [--no-reference] [--nice N]

For each size, benchmarks/make_corpus.py writes (once; reused while size and seed match) a synthetic
site and its reference twin. Then, after one warm-up build of each (fills the image cache and the
compiled-template cache, as on an editor's PC after the first build), `--runs` measured builds of each,
alternating showcase / reference so both see the same machine load:

  first      `showcase build` (internal edition: search index, images from the warm cache) with the
             converted-Markdown cache and the page store emptied before each run: a first build, or one
             after the settings, the theme or Showcase itself changed, or a page was added or removed
  edit       `showcase build` after one column article's text was edited (differently each run): an
             editor's next build; caches warm, the pages that show the edit are rendered again
  showcase   `showcase build` again, nothing changed (a repeat build): every page outside the
             navigation comes from the page store, the search index is built again
  reference  `mkdocs build` of the same record pages as plain Markdown with Material, its search
             plugin (jieba segments Chinese when installed, as here) and a navigation of section
             pages only — the fair reference of issue 10

Reported per build (medians over the runs): wall time, CPU time of the whole process tree (main
process, page workers, image workers), peak RSS of the largest single process, pages/s (HTML pages
written / wall time), output size, average HTML bytes per page, search index build time (showcase: as
its plugin logs it; reference: CPU time inside Material's search plugin, measured by a hook) and
bytes, and the 1-minute load average before each run (other work on a shared machine inflates wall
times; CPU times are less affected). Numbers, not assertions; see benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import make_corpus  # noqa: E402
from measure import loadavg, machine, run, speed_check, tree_bytes  # noqa: E402

PAGES_LOG = re.compile(r"页面：(\d+) 个与上次相同、直接沿用，(\d+) 个重新生成")
SEARCH_LOG = re.compile(r"检索：(\d+) 个页面，(\d+) 个分片，([\d.]+) MB，用时 ([\d.]+) 秒(?:（CPU ([\d.]+) 秒）)?")

TIMING_HOOK = '''"""Benchmark only: CPU seconds spent inside Material's search plugin (jieba + index)."""
import sys
import time

spent = [0.0]


def _timed(method):
    def timed(*args, **kwargs):
        started = time.process_time()
        try:
            return method(*args, **kwargs)
        finally:
            spent[0] += time.process_time() - started
    return timed


def on_config(config):
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    if plugin is not None:
        for event, methods in config.plugins.events.items():
            for i, method in enumerate(methods):
                if getattr(method, "__self__", None) is plugin:
                    methods[i] = _timed(method)
    return config


def on_post_build(config):
    sys.stderr.write(f"reference search: {spent[0]:.2f} s CPU\\n")
'''


def corpus(work: Path, pages: int, seed: int) -> Path:
    folder = work / f"p{pages}-s{seed}"
    summary = folder / "corpus.json"
    if summary.is_file():
        data = json.loads(summary.read_text(encoding="utf-8"))
        if data.get("pages") == pages and data.get("seed") == seed:
            return folder
    print(f"making corpus of {pages} pages in {folder} …", flush=True)
    make_corpus(folder, pages, seed)
    reference = folder / "reference"
    (reference / "timing_hook.py").write_text(TIMING_HOOK, encoding="utf-8")
    config = reference / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "hooks:\n  - timing_hook.py\n", encoding="utf-8")
    return folder


def build_env(extra: dict | None = None) -> dict:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    for key in ("SHOWCASE_EDITION", "SHOWCASE_DRAFTS", "SHOWCASE_NOW"):
        env.pop(key, None)
    env.update(extra or {})
    return env


def other_repo_config(folder: Path, repo: Path) -> str:
    """A config for the showcase project that uses another checkout's theme (its generator comes
    first on PYTHONPATH): to measure an older version on the same corpus."""
    project = folder / "showcase"
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"custom_dir: .*", f"custom_dir: {repo / 'theme'}", text)
    name = f"mkdocs.{repo.name}.yml"
    (project / name).write_text(text, encoding="utf-8")
    return name


def settle(folder: Path, timeout: float = 120) -> None:
    """Wait until the sites replaced by earlier runs are deleted (showcase build leaves that to a
    detached process, build.discard): a run must not pay for the previous run's clean-up."""
    deadline = time.monotonic() + timeout
    while any(".old-" in p.name for p in folder.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.1)


SHOWCASE_KINDS = ("first", "edit", "showcase")


def edit_an_article(project: Path, round_no: int) -> None:
    """Change the text of one column article (the same one, a different text each run)."""
    article = min((project / "content" / "column").rglob("*.md"))
    text = re.sub(r"\n\n基准测试修改：第 \d+ 次。\n$", "\n", article.read_text(encoding="utf-8"))
    article.write_text(text.rstrip("\n") + f"\n\n基准测试修改：第 {round_no} 次。\n", encoding="utf-8")


def one_build(kind: str, folder: Path, nice: int, env_extra: dict, repo: Path | None = None, round_no: int = 0) -> dict:
    settle(folder)
    speed = speed_check()
    project = folder / ("showcase" if kind in SHOWCASE_KINDS else kind)
    site = folder / f"site-{kind}"
    if kind == "first":
        for cache in ("showcase-markdown", "showcase-pages"):
            shutil.rmtree(project / ".cache" / cache, ignore_errors=True)
    if kind == "edit":
        edit_an_article(project, round_no)
    if kind in SHOWCASE_KINDS:
        command = [sys.executable, "-m", "showcase", "build", "-d", str(site)]
        if env_extra.get("SHOWCASE_RENDER_WORKERS") is not None and repo is None:
            command += ["--workers", env_extra["SHOWCASE_RENDER_WORKERS"]]  # this checkout: a flag
        if repo is not None:
            command += ["-f", other_repo_config(folder, repo)]
            env_extra = {**env_extra, "PYTHONPATH": str(repo)}
    else:
        shutil.rmtree(site, ignore_errors=True)
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)]
    if nice:
        command = ["nice", "-n", str(nice), *command]
    measured = run(command, cwd=project, env=build_env(env_extra))
    if measured.returncode != 0:
        raise SystemExit(f"{kind} build failed ({measured.returncode}):\n{measured.stderr[-4000:]}")
    html_files, html_bytes = tree_bytes(site, ".html")
    _files, total_bytes = tree_bytes(site)
    result = {"wall": measured.wall, "cpu": measured.cpu, "peak_rss_mb": measured.peak_rss_mb,
              "processes": measured.processes, "load": measured.load_before, "html_pages": html_files,
              "pages_per_s": html_files / measured.wall, "output_mb": total_bytes / 1e6,
              "html_avg_kb": html_bytes / max(html_files, 1) / 1024, "speed": speed}
    if kind in SHOWCASE_KINDS:
        found = PAGES_LOG.search(measured.stderr)
        result["pages_reused"], result["pages_rendered"] = (int(found.group(1)), int(found.group(2))) if found else (0, 0)
        found = SEARCH_LOG.search(measured.stderr)
        _n, index_bytes = tree_bytes(site / "search")
        result["search_s"] = float(found.group(4)) if found else None
        result["search_cpu_s"] = float(found.group(5)) if found and found.group(5) else None
        result["search_mb"] = index_bytes / 1e6
    else:
        found = re.search(r"reference search: ([\d.]+) s CPU", measured.stderr)
        result["search_s"] = result["search_cpu_s"] = float(found.group(1)) if found else None
        index = site / "search" / "search_index.json"
        result["search_mb"] = index.stat().st_size / 1e6 if index.is_file() else 0.0
    return result


def median(runs: list[dict], key: str):
    values = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(values) if values else None


def summarize(runs: list[dict]) -> dict:
    keys = runs[0].keys()
    return {key: median(runs, key) for key in keys} | {"runs": len(runs)}


def table(results: dict) -> str:
    rows = [("wall time (s)", "wall", "{:.1f}"), ("CPU time, all processes (s)", "cpu", "{:.1f}"),
            ("peak RSS, largest process (MB)", "peak_rss_mb", "{:.0f}"), ("HTML pages written", "html_pages", "{:.0f}"),
            ("pages/s (HTML pages / wall)", "pages_per_s", "{:.0f}"), ("output size (MB)", "output_mb", "{:.0f}"),
            ("average HTML per page (KB)", "html_avg_kb", "{:.1f}"), ("search index time (s)", "search_s", "{:.1f}"),
            ("search index size (MB)", "search_mb", "{:.1f}"),
            ("pages from the page store / rendered", ("pages_reused", "pages_rendered"), "{:.0f} / {:.0f}"),
            ("load average before run", "load", "{:.1f}"),
            ("speed check before run (s, lower = faster machine)", "speed", "{:.2f}")]
    sizes = sorted(results)
    kinds = [k for k in (*SHOWCASE_KINDS, "reference") if any(k in results[s] for s in sizes)]
    names = {"first": "showcase first build", "edit": "showcase after one edit", "showcase": "showcase repeat build",
             "reference": "reference"}
    head = "| | " + " | ".join(f"{s}: {names[k]}" for s in sizes for k in kinds) + " |"
    sep = "|---|" + "---|" * len(kinds) * len(sizes)
    lines = [head, sep]
    for label, key, fmt in rows:
        cells = []
        for size in sizes:
            for kind in kinds:
                values = [results[size].get(kind, {}).get(k) for k in (key if isinstance(key, tuple) else (key,))]
                cells.append(fmt.format(*values) if None not in values else "—")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines.append("")
    for kind in SHOWCASE_KINDS:
        speed = [f"{s}: {results[s]['reference']['wall'] / results[s][kind]['wall']:.1f}× faster"
                 for s in sizes if results[s].get("reference") and results[s].get(kind)]
        if speed:
            lines.append(f"{names[kind]} vs reference (median wall): " + "; ".join(speed))
        if len(sizes) >= 2 and all(results[s].get(kind) for s in sizes):
            small, big = sizes[0], sizes[-1]
            ratio = results[big][kind]["wall"] / results[small][kind]["wall"]
            lines.append(f"{names[kind]}, growth {small}→{big} pages: {ratio:.2f}× the time for {big / small:.0f}× the pages")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/showcase-bench"))
    parser.add_argument("--json", type=Path, help="write all runs and medians here")
    parser.add_argument("--no-reference", action="store_true")
    parser.add_argument("--no-warmup", action="store_true")
    parser.add_argument("--no-first", action="store_true", help="skip the first-build runs (Markdown cache and page store emptied)")
    parser.add_argument("--nice", type=int, default=0, help="run builds at this niceness (e.g. -5 on a busy machine)")
    parser.add_argument("--workers", help="render workers for the showcase builds (-1 = none): `showcase build "
                                          "--workers`, or SHOWCASE_RENDER_WORKERS for an older --repo checkout")
    parser.add_argument("--repo", type=Path, help="measure the generator and theme of this checkout instead "
                                                  "(e.g. a `git worktree` of an older commit)")
    args = parser.parse_args(argv)
    env_extra = {"SHOWCASE_RENDER_WORKERS": args.workers} if args.workers is not None else {}
    kinds = ([] if args.no_first else ["first"]) + ["edit", "showcase"] + ([] if args.no_reference else ["reference"])
    results: dict = {}
    raw: dict = {}
    for pages in args.pages:
        folder = corpus(args.work, pages, args.seed)
        if not args.no_warmup:
            for kind in (k for k in kinds if k in ("showcase", "reference")):  # the others only change the input
                print(f"[{pages}] warm-up {kind} …", flush=True)
                one_build(kind, folder, args.nice, env_extra, args.repo)
        raw[pages] = {kind: [] for kind in kinds}
        for i in range(args.runs):
            for kind in kinds:
                measured = one_build(kind, folder, args.nice, env_extra, args.repo, round_no=i + 1)
                raw[pages][kind].append(measured)
                print(f"[{pages}] run {i + 1} {kind}: wall {measured['wall']:.1f} s, CPU {measured['cpu']:.1f} s, "
                      f"peak {measured['peak_rss_mb']:.0f} MB, load {measured['load']:.1f}", flush=True)
        results[pages] = {kind: summarize(runs) for kind, runs in raw[pages].items()}
    report = {"machine": machine(), "when": time.strftime("%Y-%m-%d %H:%M %z"), "runs": args.runs,
              "repo": str(args.repo or HERE.parent),
              "load_after": loadavg(), "results": results, "raw": raw}
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    print()
    print(json.dumps(report["machine"], ensure_ascii=False))
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
