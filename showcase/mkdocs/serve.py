"""`showcase serve`: MkDocs' live-reload preview, with rebuilds that show an edit within seconds.

MkDocs' own `serve` rebuilds the whole site on every change (~20 s for 1,000 pages here). This preview
keeps MkDocs' server and build, and changes three things:

1. Rebuilds reuse the finished HTML of every page whose inputs are all unchanged
   (showcase/mkdocs/speed/page_cache.py: global inputs, the page's Markdown, what its theme template read).
2. The pages of the records whose files changed are rendered first, written, and shown at once:
   the browser reloads while the rest of the site is still being rebuilt. Until the build is
   complete the server answers only those pages and unchanged assets; any other request waits for
   the finished build (as MkDocs' server always does), so no page is ever served stale.
3. Builds are "dirty" (the served folder is not emptied first, so the early pages have their CSS);
   every page is still rendered or taken from the cache by the rules above, and pages whose source
   is gone are deleted after the build.

Part of the MkDocs adapter; the core never imports it. With the plugin's `speed` option off, this is
MkDocs' own serve: full builds, no page cache.
"""
from __future__ import annotations

import dataclasses
import logging
import os
import re
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from showcase.mkdocs import dirty_warning
from showcase.mkdocs.serve_threads import BoundedThreads
from showcase.mkdocs.config import plugin_options, set_plugin_options
from showcase.mkdocs.speed import internals
from showcase.mkdocs.speed import workers as mkdocs_pages
from showcase.mkdocs.speed.page_store import global_key
from showcase.mkdocs.speed.page_cache import PageCache, digest, file_digest, source_key

log = logging.getLogger("mkdocs.plugins.showcase")
POLLING = 0.25  # seconds between looks at the watched files (MkDocs: 0.5)


# ---- the server ----------------------------------------------------------------------------------

class PreviewServer(BoundedThreads, internals.EarlyPagesServer):
    """MkDocs' server, plus `publish_early`: during a build, pages already rebuilt are answered at once
    and browsers are told to reload; every other request still waits for the finished build.
    BoundedThreads (serve_threads.py): a long listen backlog, and a quick 503 when too many requests run."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.early: set[str] = set()  # site-relative paths rebuilt in the running build
        self.early_epoch = 0
        self.assets_unchanged = False

    def begin_build(self) -> None:
        with self.epoch_lock():
            self.early = set()
            self.assets_unchanged = False

    def publish_early(self, paths: set[str], assets_unchanged: bool) -> None:
        lock = self.epoch_lock()
        with lock:
            self.early = set(paths)
            self.assets_unchanged = assets_unchanged
            self.early_epoch = self.wanted_epoch()
            lock.notify_all()
        log.info(f"已先行更新 {len(paths)} 个页面，浏览器刷新；其余页面生成中")

    def newest(self) -> int:
        return self.newest_epoch(self.early_epoch)

    def answerable(self, rel: str) -> bool:
        if self.build_finished() or rel in self.early:
            return True
        # CSS, scripts, pictures: the same as in the last build unless the theme/config changed;
        # the search index is rebuilt at the end, so it waits.
        return self.assets_unchanged and not rel.endswith(".html") and not rel.startswith("search/")


class Preview:
    """The builds of one preview session (also driven directly by tests/speed/test_perf_cache.py).
    `options`: showcase plugin options set over mkdocs.yml's for every build (edition, drafts, now)."""

    def __init__(self, config_file: str, site_dir: str, host: str = "127.0.0.1", port: int = 8000,
                 options: dict | None = None):
        self.config_file, self.site_dir, self.host, self.port = config_file, site_dir, host, port
        self.options = dict(options or {})
        self.server: PreviewServer | None = None
        self.config = self.get_config()
        # Dirty builds let the session keep unchanged pages; without the speed room, MkDocs' own builds.
        self.dirty = bool(plugin_options(self.config).speed)
        self.config.plugins.on_startup(command="serve", dirty=self.dirty)
        self.mount_path = urlsplit(self.config.site_url or "/").path
        self.serve_url = internals.serve_url(host, port, self.mount_path)

    def get_config(self):
        config = load_config(config_file=self.config_file, site_dir=self.site_dir, dev_addr=f"{self.host}:{self.port}")
        set_plugin_options(config, **self.options)  # again on every rebuild: mkdocs.yml is read anew
        return config

    def build(self, config=None) -> None:
        log.info("Building documentation...")
        config = config or self.get_config()
        config.site_url = self.serve_url
        if self.server is not None:
            self.server.begin_build()
        with dirty_warning.quiet():
            build(config, serve_url=self.serve_url, dirty=self.dirty)


def serve(config_file: str, host: str, port: int, options: dict | None = None, desk: bool = True) -> None:
    """The preview server: MkDocs' `serve` with the changes listed in the module docstring, and the
    editing desk at /_desk/ unless `desk` is false (showcase/desk/, mounted by `mount_desk`)."""
    site_dir = tempfile.mkdtemp(prefix="showcase_preview_")
    preview = Preview(config_file, site_dir, host, port, options)
    config = preview.config
    builder = preview.build
    server = PreviewServer(builder=builder, host=host, port=port, root=site_dir, mount_path=preview.mount_path,
                           polling_interval=POLLING)
    preview.server = server

    def error_handler(code):
        page = os.path.join(site_dir, f"{code}.html")
        if code in (404, 500) and os.path.isfile(page):
            with open(page, "rb") as f:
                return f.read()
        return None

    server.error_handler = error_handler
    if desk:
        mount_desk(server, config, host, port, site_dir, preview.mount_path)
    try:
        builder(config)
        server.watch(config.docs_dir)
        if config.config_file_path:
            server.watch(config.config_file_path)
        server = config.plugins.on_serve(server, config=config, builder=builder)
        for item in config.watch:
            server.watch(item)
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)


# ---- the editing desk -----------------------------------------------------------------------------

STYLESHEET = re.compile(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"|<link[^>]+href="([^"]+)"[^>]+rel="stylesheet"')
BODY_ATTRIBUTE = re.compile(r'(dir|data-md-color-[a-z]+)="([^"]*)"')


def mount_desk(server, config, host: str, port: int, site_dir: str, mount_path: str) -> None:
    """Put the desk (showcase/desk/app.py) in front of the preview's WSGI application (wsgiref's public
    get_app/set_app), handing it the site's Markdown converter and the served site's stylesheets."""
    from showcase.desk.app import desk_app, mounted
    from showcase.desk.security import Guard
    from showcase.desk.service import Desk
    from showcase.mkdocs.markdown_html import markdown_to_html

    guard = Guard.for_address(host, port)
    desk = Desk(Path(config.docs_dir), markdown=markdown_to_html,
                frame=lambda: site_frame(Path(site_dir), mount_path))
    server.set_app(mounted(server.get_app(), desk_app(desk, guard)))
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    if guard.token:
        log.warning(f"编辑台：http://{shown}:{port}/_desk/?token={guard.token}（监听所有地址，须带此口令打开；"
                    f"不需要时加 --no-desk）")
    else:
        log.info(f"编辑台：http://{shown}:{port}/_desk/")


def site_frame(site: Path, mount_path: str) -> dict:
    """What the body's preview needs to look like a page of the built site: the stylesheets its home
    page links (as addresses from the server's root) and its <body>'s colour-scheme attributes."""
    try:
        html = (site / "index.html").read_text(encoding="utf-8")
    except OSError:
        return {"styles": [], "body": {}}
    found = [a or b for a, b in STYLESHEET.findall(html)]
    base = "/" + mount_path.strip("/") + "/" if mount_path.strip("/") else "/"
    styles = [href if href.startswith("/") else base + href.lstrip("./") for href in found if "://" not in href]
    body = re.search(r"<body[^>]*>", html)
    return {"styles": styles, "body": dict(BODY_ATTRIBUTE.findall(body.group(0))) if body else {}}


# ---- one serve session's rebuilds ----------------------------------------------------------------

class ServeSession:
    """What `showcase serve` keeps between its builds, and the plugin's serve-only steps."""

    def __init__(self):
        self.cache = PageCache()
        self.server: PreviewServer | None = None
        self.global_key = ""
        self.files_memo: dict = {}  # file digests of this build
        self.hits: set[str] = set()  # pages of this build taken from the cache
        self.logs: dict[str, list] = {}  # src → log records while it rendered
        self.current: str | None = None
        self.capture = _PageLogs(self)
        self.stats = {"cached": 0, "rendered": 0, "early": 0}

    # -- build start --
    def begin(self, config) -> None:
        self.files_memo, self.logs, self.hits = {}, {}, set()
        self.stats = {"cached": 0, "rendered": 0, "early": 0}
        logger = logging.getLogger("mkdocs")
        if self.capture not in logger.handlers:
            logger.addHandler(self.capture)

    def mark_plain_pages(self, files) -> None:
        """Dirty builds would skip a plain page whose file is older than its output; its output also
        depends on the navigation and theme: always render it."""
        for file in files.documentation_pages():
            if file.abs_src_path:
                internals.set_modified(file, True)

    # -- on_nav --
    def plan(self, pages, config, files, nav, renders, edition) -> None:
        """Pages whose inputs are unchanged are taken from the cache; the pages of changed records are
        rendered, written and shown first. Both go to `renders` (rendered outside MkDocs' loop).
        `pages`: the plugin's PreviewPages."""
        previous_key = self.global_key
        self.global_key = global_key(config, files, nav, edition)
        digests = {p: file_digest(p, self.files_memo) for p in pages.record_paths()}
        changed = {p for p, d in digests.items() if self.cache.content_digests.get(p) != d}
        self.new_digests = digests
        if not self.cache.entries:
            return  # the session's first build: nothing to reuse (workers may render it)
        generated = pages.generated_pages(files, nav)
        first = [page for page, spec in generated if _record_path(spec) in changed]
        if first:
            self.render_first(pages, first, renders, previous_key == self.global_key)
        for page, spec in generated:
            src = page.file.src_uri
            if src in renders.delegated:
                continue
            hit = self.cache.lookup(src, self.page_key(src, pages.markdown(spec)), spec, self.files_memo)
            if hit is not None:
                renders.delegate(page, dataclasses.replace(hit, written=False))
                self.hits.add(src)
                self.stats["cached"] += 1

    def page_key(self, src: str, markdown: str) -> str:
        body, meta = get_data(markdown)  # as MkDocs will read it
        return digest(self.global_key, source_key(src, body, meta))

    def render_first(self, pages, first: list, renders, assets_unchanged: bool) -> None:
        written = set()
        for page in first:
            result = pages.render_early(page)
            if result is None:
                return  # the build will stop with every problem; show nothing early
            result.logs = self.logs.pop(page.file.src_uri, [])
            renders.delegate(page, result)
            written.add(page.file.dest_uri)
        self.stats["early"] = len(written)
        if written and isinstance(self.server, PreviewServer):
            self.server.publish_early(written, assets_unchanged)

    def reused(self, src: str) -> bool:
        """Whether the page was taken from the cache in this build."""
        return src in self.hits

    # -- after a page is rendered --
    def after_page(self, page, spec, output: str) -> None:
        """A page MkDocs' own loop rendered (on_post_page): keep it for the next builds."""
        self.current = None
        result = mkdocs_pages.snapshot(page, output)
        result.logs = self.logs.pop(page.file.src_uri, [])
        self.remember(page, spec, result)

    def finish_page(self, page, spec, result) -> None:
        """A page rendered outside MkDocs' loop, now applied and written (a reused one's search
        document has been renewed by the plugin)."""
        if page.file.src_uri not in self.hits:
            if not result.logs:  # rendered in this process: its messages were noted as they came
                result.logs = self.logs.pop(page.file.src_uri, [])
            self.remember(page, spec, result)

    def remember(self, page, spec, result) -> None:
        self.stats["rendered"] += 1
        if result.reads is not None and result.source:
            self.cache.store(page.file.src_uri, digest(self.global_key, result.source), spec, result.reads,
                             result, self.files_memo)

    # -- build end --
    def abandon(self) -> None:
        """A failed build: keep the cache (its entries are still right), forget nothing else."""
        logging.getLogger("mkdocs").removeHandler(self.capture)

    def finish(self, config, files) -> None:
        self.cache.content_digests = self.new_digests
        removed = remove_stale_pages(Path(config.site_dir), files, config)
        logging.getLogger("mkdocs").removeHandler(self.capture)
        log.info(f"预览：{self.stats['early']} 个页面先行更新，{self.stats['cached']} 个页面沿用上次结果，"
                 f"{self.stats['rendered']} 个页面重新生成" + (f"，删除 {removed} 个已不存在的页面" if removed else ""))


class _PageLogs(logging.Handler):
    """Log records of the page being rendered, replayed whenever its cached result is reused."""

    def __init__(self, session: ServeSession):
        super().__init__(logging.WARNING)  # what a strict build counts; info lines need no replay
        self.session = session

    def emit(self, record):
        if self.session.current is not None:
            self.session.logs.setdefault(self.session.current, []).append(
                (record.name, record.levelno, record.getMessage()))


def _record_path(spec):
    record = spec.context.get("record")
    return getattr(record, "path", None)


def remove_stale_pages(site: Path, files, config) -> int:
    """HTML files left by an earlier build whose page no longer exists (dirty builds keep the folder)."""
    expected = {f.dest_uri for f in files} | set(config.theme.static_templates) | set(config.extra_templates)
    removed = 0
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        if rel not in expected:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
