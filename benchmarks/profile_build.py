"""Where a `showcase build` spends its time: CPU seconds per stage, and a cProfile on CPU time.

    python benchmarks/profile_build.py PROJECT [--stages] [--top 40] [--out prof.out] [-- build args…]

--stages: no profiler, only CPU-time accumulators wrapped around the key functions of each stage
(inclusive, so nested stages overlap): the real costs, without cProfile's 4–6× inflation of pure
Python. Without --stages: cProfile.

Runs `showcase build` in this process (PROJECT is a folder holding mkdocs.yml, e.g. a corpus from
make_corpus.py) under cProfile with `time.process_time` as the clock — on a shared machine wall
clock profiles are inflated by other processes; CPU time is not. Image workers run in other
processes and show only as waiting here. Prints the stages (inclusive CPU seconds of a few key
functions, which may overlap) and the top functions by own time.
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# label → (file suffix, function name): inclusive time of the first match
STAGES = [
    ("whole build (cli.main)", ("showcase/cli/main.py", "main")),
    ("content check (check_content, all calls)", ("showcase/checks/run.py", "check_content")),
    ("  YAML loading (parse_yaml)", ("showcase/content/yaml_positions.py", "parse_yaml")),
    ("plan (plan_site: load+check+model+content templates)", ("showcase/site.py", "plan_site")),
    ("  content templates (render_page)", ("showcase/pages/render.py", "render_page")),
    ("  page families (all_pages)", ("showcase/pages/__init__.py", "all_pages")),
    ("MkDocs build()", ("mkdocs/commands/build.py", "build")),
    ("  Markdown → HTML (Page.render)", ("mkdocs/structure/pages.py", "render")),
    ("  page template (Material main.html), pages in MkDocs' loop", ("mkdocs/commands/build.py", "_build_page")),
    ("  pages rendered by Showcase (render_one: store, render, search document)", ("showcase/mkdocs/plugin.py", "render_one")),
    ("    Markdown + page template (render_here)", ("showcase/mkdocs/speed/workers.py", "render_here")),
    ("    page store reads (PageStore.lookup)", ("showcase/mkdocs/speed/page_store.py", "lookup")),
    ("    page store writes (PageStore.keep)", ("showcase/mkdocs/speed/page_store.py", "keep")),
    ("    search: page documents (indexed_document)", ("showcase/search/__init__.py", "indexed_document")),
    ("  Jinja compile (Environment.compile)", ("jinja2/environment.py", "compile")),
    ("  search: page text (Collector.add)", ("showcase/search/__init__.py", "add")),
    ("  search: index (Collector.write)", ("showcase/search/__init__.py", "write")),
    ("  images (write_images)", ("showcase/images/catalog.py", "write_images")),
    ("  write files (utils.write_file)", ("mkdocs/utils/__init__.py", "write_file")),
    ("  static files copy", ("mkdocs/structure/files.py", "copy_static_files")),
    ("  anchor validation", ("mkdocs/structure/pages.py", "validate_anchor_links")),
    ("  on_page_markdown (plugins)", ("mkdocs/plugins.py", "on_page_markdown")),
    ("  on_page_content (plugins)", ("mkdocs/plugins.py", "on_page_content")),
]


def stage_table(stats: pstats.Stats) -> list[tuple[str, float, int]]:
    rows = []
    for label, (suffix, name) in STAGES:
        found = [(v[3], v[1]) for (file, _line, func), v in stats.stats.items()
                 if func == name and file.replace(os.sep, "/").endswith(suffix)]
        if found:
            cum = max(found)
            rows.append((label, cum[0], cum[1]))
    return rows


def timed_stages() -> dict:
    """Wrap each STAGES function with a CPU-time accumulator (recursion counted once)."""
    import importlib

    totals: dict[str, list] = {}
    modules = {"showcase/cli/main.py": "showcase.cli.main", "showcase/checks/run.py": "showcase.checks.run",
               "showcase/content/yaml_positions.py": "showcase.content.yaml_positions",
               "showcase/site.py": "showcase.site", "showcase/pages/render.py": "showcase.pages.render",
               "showcase/pages/__init__.py": "showcase.pages", "mkdocs/commands/build.py": "mkdocs.commands.build",
               "mkdocs/structure/pages.py": "mkdocs.structure.pages.Page", "jinja2/environment.py": "jinja2.environment.Environment",
               "showcase/search/__init__.py": "showcase.search.Collector",
               "showcase/images/catalog.py": "showcase.images.catalog.ImageCatalog",
               "mkdocs/utils/__init__.py": "mkdocs.utils", "mkdocs/structure/files.py": "mkdocs.structure.files.Files",
               "mkdocs/plugins.py": "mkdocs.plugins.PluginCollection",
               "showcase/mkdocs/plugin.py": "showcase.mkdocs.plugin.ShowcasePlugin",
               "showcase/mkdocs/speed/workers.py": "showcase.mkdocs.speed.workers",
               "showcase/mkdocs/speed/page_store.py": "showcase.mkdocs.speed.page_store.PageStore",
               ("showcase/search/__init__.py", "indexed_document"): "showcase.search"}
    for label, (suffix, name) in STAGES:
        path = modules.get((suffix, name)) or modules[suffix]
        try:
            owner = importlib.import_module(path)
        except ImportError:
            module, _, cls = path.rpartition(".")
            owner = getattr(importlib.import_module(module), cls)
        original = getattr(owner, name, None)
        if original is None or label.startswith("whole"):
            continue
        cell = totals.setdefault(label, [0.0, 0, 0])

        def wrapper(*a, __original=original, __cell=cell, **k):
            __cell[2] += 1
            started = time.process_time()
            try:
                return __original(*a, **k)
            finally:
                __cell[2] -= 1
                if __cell[2] == 0:
                    __cell[0] += time.process_time() - started
                __cell[1] += 1

        setattr(owner, name, wrapper)
        # modules that imported the function by name keep the original: patch those too
        for mod in list(sys.modules.values()):
            if getattr(mod, "__name__", "").startswith(("generator", "mkdocs")) and getattr(mod, name, None) is original:
                setattr(mod, name, wrapper)
    return totals


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("project", type=Path)
    parser.add_argument("--top", type=int, default=35)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--stages", action="store_true", help="CPU seconds per stage, no profiler")
    parser.add_argument("build_args", nargs="*")
    args, extra = parser.parse_known_args(argv)  # build options like -f pass through
    args.build_args += extra
    os.chdir(args.project)
    sys.path.insert(0, str(REPO))
    from showcase.cli import main as cli

    site = tempfile.mkdtemp(prefix="profile-site-")
    if args.stages:
        import showcase.mkdocs.plugin  # noqa: F401  (import everything before wrapping)
        import showcase.site  # noqa: F401

        totals = timed_stages()
        started, cpu = time.perf_counter(), time.process_time()
        code = cli.main(["build", "-d", site, *args.build_args])
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        print(f"\nexit {code}; wall {wall:.1f} s, CPU {cpu:.1f} s in this process "
              f"(+{children.ru_utime + children.ru_stime:.1f} s in child processes)")
        print("\nstage (inclusive CPU s, calls)")
        for label, (seconds, calls, _depth) in totals.items():
            print(f"  {label:<58} {seconds:7.2f}  {calls}")
        shutil.rmtree(site, ignore_errors=True)
        return code
    profiler = cProfile.Profile(time.process_time)
    started, cpu = time.perf_counter(), time.process_time()
    profiler.enable()
    code = cli.main(["build", "-d", site, *args.build_args])
    profiler.disable()
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    shutil.rmtree(site, ignore_errors=True)
    if args.out:
        profiler.dump_stats(str(args.out))
    stats = pstats.Stats(profiler)
    print(f"\nexit {code}; wall {wall:.1f} s, CPU {cpu:.1f} s (this process; profiled, so inflated)")
    print("\nstage (inclusive CPU s, calls)")
    for label, seconds, calls in stage_table(stats):
        print(f"  {label:<58} {seconds:7.2f}  {calls}")
    print()
    stats.sort_stats("tottime").print_stats(args.top)
    return code


if __name__ == "__main__":
    sys.exit(main())
