"""Pages rendered outside MkDocs' own page loop: worker processes for big builds.

MkDocs renders one page after another — Markdown → HTML (Python-Markdown), then HTML → page
(Material's templates) — about 5 ms a generated page, on one core. In a big build the generated
pages outside the navigation are taken out of MkDocs' loop (`is_modified()` false in the "dirty"
builds `showcase build` and `serve` run; a build always starts in an empty staging folder) and rendered
instead by worker processes forked at `on_nav` (files and navigation final) and by the main process
itself once MkDocs' loop is done; all take the next page from one shared counter, so every core
stays busy to the end. Each page is rendered with MkDocs' own functions (`_populate_page`, then its
theme template exactly as `mkdocs.commands.build._build_page` does). The main process then writes
the pages in order, replays the log messages they produced (strict mode counts warnings there),
checks the links to their anchors as MkDocs would, and hands their search documents over in page
order — the site is the same byte for byte (tests/speed/test_perf_parallel.py).

A result that never comes (a worker died or a page raised) is rendered in the main process, so an
error surfaces there. Workers are used only where forking is safe and gives the same site: POSIX
`fork`, no other thread running (not during `serve` rebuilds), no other MkDocs plugin or hook (their
events would run twice), and pages outside the navigation only (its titles must be known everywhere).

Part of the MkDocs adapter's speed room (off with the plugin's `speed: false`); the core never
imports it.
"""
from __future__ import annotations

import atexit
import contextlib
import logging
import os
import pickle
import shutil
import signal
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass, field
from multiprocessing import Value

from showcase.mkdocs.speed import internals
from showcase.mkdocs.speed.page_cache import source_key

log = logging.getLogger("mkdocs.plugins.showcase")

AUTO_MIN_PAGES = 200  # below this, forking costs more than it saves
QUIET_LIMIT = 600  # seconds without a word from a worker before it is given up for dead


@dataclass
class Rendered:
    """What rendering one page produced, enough to finish it in another process (or a later build)."""

    output: str  # the page's HTML (the theme template's, before on_post_page)
    anchors: set  # page.present_anchor_ids
    links: list  # [(target src_uri, anchor, link as written)] — page.links_to_anchors
    meta: dict = field(default_factory=dict)  # page.meta (front matter)
    title: str | None = None  # page.title
    content: str | None = None  # page.content, kept only where it is needed again (`serve`)
    doc: object = None  # its search document (showcase.search.SearchDoc), None when excluded
    logs: list = field(default_factory=list)  # [(logger name, level, message)]
    source: str = ""  # page_cache.source_key of the Markdown it was rendered from
    reads: set | None = None  # what the theme template read from the page spec (`serve` only)
    written: bool = False  # already written into the site folder


def worker_count(setting: int, pages: int) -> int:
    """Forked workers for a build of `pages` delegable pages: setting > 0 exactly that many, < 0 none,
    0 automatic (one per core besides the main process's, for big builds)."""
    if setting < 0:
        return 0
    if setting > 0:
        return setting
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return max(0, cores - 1) if pages >= AUTO_MIN_PAGES else 0


def can_delegate(config) -> bool:
    """Pages rendered outside MkDocs' loop skip other plugins' page events: only without them."""
    return not [name for name in config.plugins if name != "showcase"]


def can_fork(config) -> bool:
    """Forking gives the same site only in a plain build (see the module docstring)."""
    return hasattr(os, "fork") and threading.active_count() == 1 and can_delegate(config)


def skip_in_mkdocs_loop(page) -> None:
    """MkDocs' loops leave the page alone in a dirty build: it is rendered (or reused) by us."""
    internals.set_modified(page.file, False)


class PageRenders:
    """The pages of one build rendered outside MkDocs' loop, and their results."""

    def __init__(self):
        self.delegated: dict[str, object] = {}  # src_uri → Page, in page order
        self.results: dict[str, Rendered] = {}
        self.queue: list = []  # pages to render, taken in order through `counter`
        self.counter = None  # shared with the workers: index of the next page to take
        self.failed: dict[str, str] = {}  # src_uri → a worker's traceback (rendered here again)
        self.workers: list[tuple[int, str]] = []  # (pid, results file)
        self.reports: list = []  # each worker's report(): what its pages asked for besides their HTML
        self.rendering_here = False  # the main process is rendering a delegated page now
        self.write = None  # callable(page, Rendered): writes a finished page (set by the plugin)
        self._folder: str | None = None

    def delegate(self, page, result: Rendered | None = None) -> None:
        self.delegated[page.file.src_uri] = page
        skip_in_mkdocs_loop(page)
        if result is not None:
            self.results[page.file.src_uri] = result

    # ---- main process ----
    def start(self, config, nav, pages: list, workers: int, render_one, become_worker, report) -> None:
        """Queue `pages` and fork `workers` processes that take from it. In each worker
        `become_worker()` runs first, `render_one(page)` makes each Rendered (the worker writes the
        page's file), `report()` runs last. A worker keeps its results in a file of its own, read
        after the main process has rendered its share: nothing passes between the processes while
        they render (a reader in the main process would compete with it for the interpreter lock)."""
        for page in pages:
            self.delegate(page)
        self.queue = pages
        self.counter = Value("l", 0)
        self._folder = tempfile.mkdtemp(prefix="showcase-pages-")
        for index in range(workers):
            path = os.path.join(self._folder, f"worker-{index}.pickle")
            pid = os.fork()
            if pid == 0:  # the worker
                code = 1
                try:
                    code = _work(path, config, nav, self, render_one, become_worker, report)
                finally:
                    os._exit(code)  # never return into MkDocs' build in a worker
            self.workers.append((pid, path))
        log.debug(f"并行生成：{workers} 个进程与主进程分担 {len(pages)} 个页面")
        atexit.register(self.close)

    def take(self):
        """The next queued page nobody has taken, or None."""
        with self.counter.get_lock():
            index = self.counter.value
            if index >= len(self.queue):
                return None
            self.counter.value = index + 1
        return self.queue[index]

    def render_rest(self, render_one) -> None:
        """The main process, its other work done, renders queued pages until none is left."""
        if self.counter is None:
            return
        done = 0
        while (page := self.take()) is not None:
            self.rendering_here = True
            try:
                result = render_one(page)
            finally:
                self.rendering_here = False
            if self.write is not None:
                self.write(page, result)
            self.results[page.file.src_uri] = result
            done += 1
        log.debug(f"并行生成：主进程生成了 {done} 个页面")

    def missing(self) -> list:
        """After render_rest: wait for the workers, read their results; the queued pages whose result
        never came (a worker died or a page raised there), to be rendered here."""
        for pid, path in self.workers:
            self._wait(pid, path)
            for kind, src, payload in _read_results(path):
                if kind == "ok":
                    self.results[src] = payload
                elif kind == "failed":
                    self.failed[src] = payload
                elif kind == "report":
                    self.reports.append(payload)
        self.close()
        for src, text in self.failed.items():
            log.debug(f"页面 {src} 在并行进程中出错，改在主进程生成：\n{text}")
        return [page for page in self.queue if page.file.src_uri not in self.results]

    def _wait(self, pid: int, path: str) -> None:
        heard = time.monotonic()
        size = -1
        while True:
            try:
                finished, _status, usage = os.wait4(pid, os.WNOHANG)
            except ChildProcessError:
                return
            if finished:
                log.debug(f"并行生成进程 {pid}：CPU {usage.ru_utime + usage.ru_stime:.1f} 秒，"
                          f"内存峰值 {usage.ru_maxrss / 1024:.0f} MB")
                return
            now_size = os.path.getsize(path) if os.path.exists(path) else 0
            if now_size != size:
                size, heard = now_size, time.monotonic()
            elif time.monotonic() - heard > QUIET_LIMIT:
                log.warning("并行生成进程长时间无响应，其余页面改在主进程生成")
                return
            time.sleep(0.02)

    def close(self) -> None:
        """End and reap any worker still running (the build is over or has failed); drop the files."""
        workers, self.workers = self.workers, []
        for pid, _path in workers:
            try:
                finished, _status = os.waitpid(pid, os.WNOHANG)
                if not finished:
                    os.kill(pid, signal.SIGTERM)
                    os.waitpid(pid, 0)
            except (ChildProcessError, ProcessLookupError, OSError):
                pass
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None


def _read_results(path: str):
    """The records a worker wrote; a record cut short (the worker died while writing) ends them."""
    try:
        with open(path, "rb") as stream:
            while True:
                try:
                    yield pickle.load(stream)
                except EOFError:
                    return
                except (pickle.UnpicklingError, ValueError, AttributeError, ImportError, IndexError):
                    return
    except OSError:
        return


def apply(result: Rendered, page, files) -> None:
    """Give a page the state its rendering left on it, and replay its log messages."""
    restore(result, page, files)
    replay(result.logs)


def restore(result: Rendered, page, files) -> None:
    """The state MkDocs' own rendering leaves on a page that the rest of the build reads (front
    matter, title, anchors, links to anchors)."""
    page.meta = result.meta
    if page.markdown is None:
        page.markdown = ""  # read elsewhere: Page.title answers only for pages that have been read
    internals.set_title_from_render(page, result.title if "title" not in result.meta else None)
    page.present_anchor_ids = result.anchors
    page.links_to_anchors = anchor_links_of(result.links, files)


def anchor_links(page) -> list:
    """page.links_to_anchors as plain data, to pass to another process or keep on disk:
    [(target src_uri, anchor, link as written)]."""
    return [(target.src_uri, anchor, original)
            for target, anchors in (page.links_to_anchors or {}).items() for anchor, original in anchors.items()]


def anchor_links_of(data: list, files) -> dict:
    """anchor_links() back into what MkDocs keeps: {target File: {anchor: link as written}}."""
    links: dict = {}
    for src, anchor, original in data:
        target = files.get_file_from_path(src)
        if target is not None:
            links.setdefault(target, {})[anchor] = original
    return links


def replay(logs: list) -> None:
    """Log again the [(logger name, level, message)] a page's rendering produced elsewhere or earlier."""
    for name, level, message in logs:
        logging.getLogger(name).log(level, message)


def validate_anchors(pages, delegated: dict, files, level: int) -> None:
    """MkDocs checks links to anchors before on_post_build, when delegated pages had no anchors yet
    (it skips such targets): check what it could not, with its own message."""
    for page in pages:
        for target, anchors in (page.links_to_anchors or {}).items():
            if page.file.src_uri not in delegated and target.src_uri not in delegated:
                continue  # MkDocs has checked this one
            if target.page is None or target.page.present_anchor_ids is None:
                continue
            for anchor, original in anchors.items():
                if anchor in target.page.present_anchor_ids:
                    continue
                context = ""
                if target == page.file:
                    problem = "there is no such anchor on this page"
                    if anchor.startswith("fnref:"):
                        context = " This seems to be a footnote that is never referenced."
                else:
                    problem = f"the doc '{target.src_uri}' does not contain an anchor '#{anchor}'"
                logging.getLogger("mkdocs.structure.pages").log(
                    level, f"Doc file '{page.file.src_uri}' contains a link '{original}', but {problem}.{context}")


def add_image_requests(catalog, sources: dict, covers: dict) -> None:
    """Pictures a worker's pages asked for, added to this process's ImageCatalog (showcase/images),
    which makes and writes them after the pages."""
    for mine, theirs in ((catalog.sources, sources), (catalog.covers, covers)):
        for key, job in theirs.items():
            kept = mine.setdefault(key, job)
            if kept is not job:
                kept.variants.update(job.variants)


def render_here(page, config, files, nav, env, doc_files: list) -> Rendered:
    """Render one page completely in this process with MkDocs' own functions. `doc_files`:
    files.documentation_pages(), computed once (it walks every file of the site)."""
    from mkdocs.commands.build import get_context

    internals.populate_page(page, config, files)
    with internals.current_page(config, page):
        try:
            page.active = True
            context = get_context(nav, doc_files, config, page)
            template = env.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
            output = template.render(context)
        except Exception as exc:
            logging.getLogger("mkdocs.commands.build").error(f"Error building page '{page.file.src_uri}': {exc}")
            raise
        finally:
            page.active = False
    return snapshot(page, output)


def snapshot(page, output: str) -> Rendered:
    """The state rendering left on `page`, with its finished HTML."""
    return Rendered(output, set(page.present_anchor_ids or ()), anchor_links(page), dict(page.meta),
                    internals.title_from_render(page), page.content, source=source_key(page.file.src_uri, page.markdown, page.meta),
                    reads=getattr(page, "showcase_reads", None))


# ---- worker process ----

class LogCapture(logging.Handler):
    """The messages this thread logs, as [(logger name, level, message)] for replay(); other threads'
    (the `serve` server's) are not the page's."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.thread = threading.get_ident()
        self.records: list = []

    def emit(self, record):
        if record.thread == self.thread:
            self.records.append((record.name, record.levelno, record.getMessage()))

    @classmethod
    @contextlib.contextmanager
    def on(cls, loggers):
        """Capture what `loggers` log while the block runs (they still go where they went)."""
        capture = cls()
        for name in loggers:
            logging.getLogger(name).addHandler(capture)
        try:
            yield capture
        finally:
            for name in loggers:
                logging.getLogger(name).removeHandler(capture)


def _work(path: str, config, nav, renders: PageRenders, render_one, become_worker, report) -> int:
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C reaches the whole group: just stop
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    capture = LogCapture()
    for name in ("", "mkdocs"):
        logger = logging.getLogger(name)
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
    logging.getLogger("mkdocs").addHandler(capture)
    become_worker()
    with open(path, "wb") as out:
        for nav_page in nav.pages:  # the navigation shows their titles on every page
            if not nav_page.title:
                nav_page.read_source(config)
        while (page := renders.take()) is not None:
            capture.records = []
            src = page.file.src_uri
            try:
                result = render_one(page)
                result.logs = capture.records
                if renders.write is not None:
                    renders.write(page, result)
                record = ("ok", src, result)
            except Exception:
                record = ("failed", src, traceback.format_exc())
            pickle.dump(record, out, protocol=pickle.HIGHEST_PROTOCOL)
            out.flush()
        pickle.dump(("report", None, report()), out, protocol=pickle.HIGHEST_PROTOCOL)
    return 0
