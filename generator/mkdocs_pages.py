"""Pages rendered outside MkDocs' own page loop: worker processes for big builds (issue 10).

MkDocs renders one page after another — Markdown → HTML (Python-Markdown), then HTML → page
(Material's templates) — about 5 ms a generated page, on one core. At `on_nav` (files and navigation
are final) a big build forks worker processes; each renders its share of the generated pages with
MkDocs' own functions (`_populate_page`, then the page's theme template, exactly as
`mkdocs.commands.build._build_page` does) and sends back what the main process needs: the page's
HTML content, table of contents, title, anchors, the links it makes to other pages' anchors, the
log messages it produced and the finished page. Meanwhile the main process renders the rest. The
main process still walks every page through MkDocs' loop, so every event, link check, strict-mode
warning count and written file happens there; for a delegated page it takes the worker's result
instead of converting the page again (the plugin's on_page_markdown / on_page_context call
`PageRenders`).

A result that never comes (a worker died, a page raised) is rendered in the main process, so an
error surfaces exactly where and how MkDocs reports it. Workers are used only where forking is safe
and the result is the same: POSIX `fork`, no other thread running (not under `serve`), no other
MkDocs plugin or hook (their events would run twice), and pages outside the navigation only (the
navigation's titles must be known in every process).

Like mkdocs_plugin.py and build.py, this module is part of the MkDocs adapter; the core never
imports it.
"""
from __future__ import annotations

import atexit
import logging
import os
import signal
import threading
import time
import traceback
from dataclasses import dataclass, field
from multiprocessing.connection import Pipe, wait

from .page_cache import source_key

log = logging.getLogger("mkdocs.plugins.showcase")

# The page template of a delegated page: the worker's finished HTML, as it is.
TEMPLATE = "showcase-prerendered.html"
TEMPLATE_SOURCE = "{{ showcase_prerendered }}"
CONTEXT_KEY = "showcase_prerendered"
AUTO_MIN_PAGES = 200  # below this, forking costs more than it saves
QUIET_LIMIT = 600  # seconds without a word from a worker before it is given up for dead


@dataclass
class Rendered:
    """What rendering one page produced, enough to finish it in another process."""

    content: str  # page.content after the on_page_content events
    toc: object  # page.toc
    title: str | None  # the title found by rendering (first heading)
    anchors: set  # page.present_anchor_ids
    links: list  # [(target src_uri, anchor, link as written)] — page.links_to_anchors
    output: str  # the theme template's HTML, before on_post_page
    meta: dict = field(default_factory=dict)  # page.meta (front matter)
    logs: list = field(default_factory=list)  # [(logger name, level, message)]
    source: str = ""  # page_cache.source_key of the Markdown it was rendered from
    reads: set | None = None  # what the theme template read from the page spec (`serve` only)


def worker_count(setting: int, pages: int) -> int:
    """Workers for a build of `pages` delegable pages: setting > 0 exactly that many, < 0 none,
    0 automatic (one per extra core, for big builds)."""
    if setting < 0:
        return 0
    if setting > 0:
        return setting
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return max(0, cores - 1) if pages >= AUTO_MIN_PAGES else 0


def can_fork(config) -> bool:
    """Forking gives the same site only in a plain build (see the module docstring)."""
    plugins = [name for name in config.plugins if name != "showcase"]
    return hasattr(os, "fork") and threading.active_count() == 1 and not plugins


def split(pages: list, workers: int, cost_of, main_weight: float = 1.15) -> list[list]:
    """Shares in page order, balanced by `cost_of(page)`; share 0 is the main process's, which also
    does the bookkeeping of every page (hence its weight)."""
    loads = [0.0] * (workers + 1)
    weights = [main_weight] + [1.0] * workers
    shares: list[list] = [[] for _ in range(workers + 1)]
    for page in pages:
        cost = cost_of(page)
        i = min(range(workers + 1), key=lambda k: (loads[k] + cost) * weights[k])
        loads[i] += cost
        shares[i].append(page)
    return shares


class PageRenders:
    """The delegated pages of one build and their results."""

    def __init__(self):
        self.delegated: set[str] = set()  # src_uris rendered elsewhere
        self.results: dict[str, Rendered] = {}
        self.failed: dict[str, str] = {}  # src_uri → the worker's traceback (rendered here again)
        self.owner: dict[str, int] = {}  # src_uri → worker index
        self.finished: set[int] = set()  # workers that have ended (normally or not)
        self.heard: dict[int, float] = {}  # worker index → last message (monotonic)
        self.pids: list[int] = []
        self.env = None  # MkDocs' Jinja environment, for pages rendered here after all
        self.rendering_here = False
        self.reports: list = []  # each worker's report(), once it has ended
        self._cond = threading.Condition()
        self._reader: threading.Thread | None = None

    # ---- main process ----
    def start(self, config, files, nav, shares: list[list], become_worker, report) -> None:
        """Fork one worker per share (shares[0] stays here). `become_worker()` runs first in each
        worker (the plugin stops delegating and collecting search documents); `report()` runs last,
        its result is sent back and kept in `reports` (what the pages asked for besides their HTML)."""
        conns = []
        for index, share in enumerate(shares[1:], start=1):
            if not share:
                continue
            reader, writer = Pipe(duplex=False)
            pid = os.fork()
            if pid == 0:  # the worker
                code = 1
                try:
                    reader.close()
                    code = _work(writer, config, files, nav, [p.file.src_uri for p in share], become_worker, report)
                finally:
                    os._exit(code)  # never return into MkDocs' build in a worker
            writer.close()
            self.pids.append(pid)
            conns.append((index, reader))
            self.heard[index] = time.monotonic()
            for page in share:
                self.delegated.add(page.file.src_uri)
                self.owner[page.file.src_uri] = index
        if conns:
            log.debug(f"并行生成：{len(conns)} 个进程分担 {len(self.delegated)} 个页面，主进程 {len(shares[0])} 个")
            atexit.register(self.close)
            self._reader = threading.Thread(target=self._read, args=(conns,), name="showcase-page-workers", daemon=True)
            self._reader.start()

    def _read(self, conns: list) -> None:
        index_of = {id(conn): index for index, conn in conns}
        open_conns = [conn for _index, conn in conns]
        while open_conns:
            for conn in wait(open_conns, timeout=5):
                index = index_of[id(conn)]
                try:
                    message = conn.recv()
                except (EOFError, OSError):
                    message = ("end", None, None)
                with self._cond:
                    self.heard[index] = time.monotonic()
                    kind, src, payload = message
                    if kind == "ok":
                        self.results[src] = payload
                    elif kind == "failed":
                        self.failed[src] = payload
                    elif kind == "report":
                        self.reports.append(payload)
                    else:
                        self.finished.add(index)
                        open_conns.remove(conn)
                        conn.close()
                    self._cond.notify_all()

    def result(self, src: str) -> Rendered | None:
        """The worker's result for a delegated page; None when it will not come (render it here)."""
        index = self.owner.get(src)
        with self._cond:
            while True:
                if src in self.results:
                    return self.results.pop(src)
                if src in self.failed or index in self.finished or index is None:
                    if src in self.failed:
                        log.debug(f"页面 {src} 在并行进程中出错，改在主进程生成：\n{self.failed.pop(src)}")
                    return None
                if time.monotonic() - self.heard.get(index, 0) > QUIET_LIMIT:
                    log.warning(f"并行生成进程 {index} 长时间无响应，其余页面改在主进程生成")
                    self.finished.add(index)
                    return None
                self._cond.wait(timeout=1)

    def finish(self) -> None:
        """After the last page: wait until every worker has sent its report and ended, then reap them."""
        if self._reader is not None:
            self._reader.join(timeout=QUIET_LIMIT)
        self.close()

    def close(self) -> None:
        """Reap the workers (ending any still running: the build is over or has failed)."""
        pids, self.pids = self.pids, []
        for pid in pids:
            try:
                finished, _status, usage = os.wait4(pid, os.WNOHANG)
                if not finished:
                    os.kill(pid, signal.SIGTERM)
                    finished, _status, usage = os.wait4(pid, 0)
                log.debug(f"并行生成进程 {pid}：CPU {usage.ru_utime + usage.ru_stime:.1f} 秒，"
                          f"内存峰值 {usage.ru_maxrss / 1024:.0f} MB")
            except (ChildProcessError, ProcessLookupError, OSError):
                pass


def apply(result: Rendered, page, files) -> None:
    """Give a page the state MkDocs' own rendering would have left on it."""
    page.meta = result.meta
    page.content = result.content
    page.toc = result.toc
    page._title_from_render = result.title
    page.present_anchor_ids = result.anchors
    links: dict = {}
    for src, anchor, original in result.links:
        target = files.get_file_from_path(src)
        if target is not None:
            links.setdefault(target, {})[anchor] = original
    page.links_to_anchors = links
    for name, level, message in result.logs:
        logging.getLogger(name).log(level, message)


def add_image_requests(catalog, sources: dict, covers: dict) -> None:
    """Pictures a worker's pages asked for, added to this process's ImageCatalog (generator/images),
    which makes and writes them after the pages."""
    for mine, theirs in ((catalog.sources, sources), (catalog.covers, covers)):
        for key, job in theirs.items():
            kept = mine.setdefault(key, job)
            if kept is not job:
                kept.variants.update(job.variants)


def render_here(page, config, files, nav, env) -> Rendered:
    """Render one page completely in this process with MkDocs' own functions."""
    from mkdocs.commands.build import _populate_page, get_context

    _populate_page(page, config, files)
    config._current_page = page
    try:
        page.active = True
        context = get_context(nav, files, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        output = template.render(context)
    finally:
        page.active = False
        config._current_page = None
    return snapshot(page, output)


def snapshot(page, output: str) -> Rendered:
    """The state rendering left on `page`, with its finished HTML."""
    links = [(target.src_uri, anchor, original)
             for target, anchors in (page.links_to_anchors or {}).items() for anchor, original in anchors.items()]
    return Rendered(page.content, page.toc, page._title_from_render, set(page.present_anchor_ids or ()),
                    links, output, dict(page.meta), source=source_key(page.file.src_uri, page.markdown, page.meta),
                    reads=getattr(page, "showcase_reads", None))


# ---- worker process ----

class _Capture(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records: list = []

    def emit(self, record):
        self.records.append((record.name, record.levelno, record.getMessage()))


def _work(conn, config, files, nav, share: list[str], become_worker, report) -> int:
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C reaches the whole group: just stop
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    capture = _Capture()
    for name in ("", "mkdocs"):
        logger = logging.getLogger(name)
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
    logging.getLogger("mkdocs").addHandler(capture)
    become_worker()
    try:
        env = config.theme.get_env()
        env = config.plugins.on_env(env, config=config, files=files)
        for nav_page in nav.pages:  # the navigation shows their titles on every page
            if nav_page.markdown is None:
                nav_page.read_source(config)
        for src in share:
            page = files.get_file_from_path(src).page
            capture.records = []
            try:
                result = render_here(page, config, files, nav, env)
                result.logs = capture.records
                conn.send(("ok", src, result))
            except (BrokenPipeError, ConnectionResetError):
                return 1
            except Exception:
                conn.send(("failed", src, traceback.format_exc()))
        conn.send(("report", None, report()))
        conn.send(("end", None, None))
        conn.close()
        return 0
    except (BrokenPipeError, ConnectionResetError, KeyboardInterrupt):
        return 1
