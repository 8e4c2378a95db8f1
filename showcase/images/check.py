"""`showcase check`'s image check: every image a record names is present, readable and safe.

Runs over all records (drafts too: the editor wants to hear now). The probe is cheap (JPEGs decode at
1/8 scale) and cached in the default image cache next to content/, so the same build checks again
for almost nothing; many new images are probed in parallel.
"""
from __future__ import annotations

import os
from pathlib import Path

from showcase.content.problems import Problems
from showcase.content.workers import IN_THIS_PROCESS, Workers
from showcase.images.cache import DEFAULT_CACHE_DIR, ImageCache
from showcase.images.probe import DEFAULT_PIXEL_LIMIT, probe_file, report_issue
from showcase.images.refs import body_refs, field_refs, is_external, raw_html_images

PARALLEL_FROM = 8  # below this many files, starting worker processes costs more than it saves


def check_images(records, context, problems: Problems) -> None:
    cache_dir = Path(context.root).resolve().parent / DEFAULT_CACHE_DIR
    root = Path(context.root).resolve()
    wanted = []  # (record, ref, path)
    for record in records:
        in_body = body_refs(record)
        for ref in field_refs(record) + in_body:
            if is_external(ref.src):
                _report(problems, record.path, ref.line, "external", ref.src, record.folder)
                continue
            path = (record.folder / ref.src.split("#")[0].split("?")[0]).resolve()
            if not path.is_relative_to(root):
                _report(problems, record.path, ref.line, "outside", ref.src, record.folder)
            elif not path.is_file():
                # `file` fields already report a missing file in the schema check; bodies are ours.
                if ref in in_body:
                    _report(problems, record.path, ref.line, "missing", ref.src, record.folder)
            else:
                wanted.append((record, ref, path))
        for ref in raw_html_images(record.body or "", record.body_line):
            _report(problems, record.path, ref.line, "raw_html", ref.src, record.folder)
    probes = probe_many(sorted({path for _, _, path in wanted}), cache_dir, run=context.workers)
    for record, ref, path in wanted:
        probe = probes[path]
        if probe.issue:
            _report(problems, record.path, ref.line, probe.issue, ref.src, record.folder, probe.detail)


def probe_many(paths: list[Path], cache_dir: Path, pixel_limit: int = DEFAULT_PIXEL_LIMIT, workers: int = 0,
               run: Workers = IN_THIS_PROCESS) -> dict:
    """The probe of every path: cached ones from the cache, new ones made (by `run`'s processes)."""
    cache = ImageCache(cache_dir)
    found = {path: probe_file(path, pixel_limit, cache, compute=False) for path in paths}
    todo = [path for path, probe in found.items() if probe is None]
    workers = min(workers or os.cpu_count() or 1, len(todo))
    if len(todo) < PARALLEL_FROM or workers <= 1:
        found.update({path: probe_file(path, pixel_limit, cache) for path in todo})
        return found
    found.update(zip(todo, run.calls([(_probe_one, str(p), pixel_limit, str(cache_dir)) for p in todo], workers)))
    return found


def _probe_one(path: str, pixel_limit: int, cache_dir: str):
    return probe_file(Path(path), pixel_limit, ImageCache(Path(cache_dir)))


def _report(problems: Problems, path, line: int, code: str, name: str, folder: Path, detail: str = "") -> None:
    report_issue(problems, (path, line), code, name, folder, detail)
