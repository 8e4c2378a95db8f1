"""`showcase serve`: MkDocs' live-reload preview, with rebuilds that show an edit within seconds (issue 10).

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

Like mkdocs_plugin.py, this is part of the MkDocs adapter; the core never imports it.
"""
from __future__ import annotations

import dataclasses
import io
import logging
import os
import posixpath
import re
import shutil
import tempfile
import threading
import time
import urllib.parse
import wsgiref.util
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer, _serve_url, _timestamp
from mkdocs.utils.meta import get_data

from showcase.mkdocs.speed import workers as mkdocs_pages
from showcase.mkdocs.speed.page_store import global_key
from showcase.mkdocs.speed.page_cache import PageCache, digest, file_digest, source_key

log = logging.getLogger("mkdocs.plugins.showcase")
POLLING = 0.25  # seconds between looks at the watched files (MkDocs: 0.5)


# ---- the server ----------------------------------------------------------------------------------

class PreviewServer(LiveReloadServer):
    """MkDocs' server, plus `publish_early`: during a build, pages already rebuilt are answered at once
    and browsers are told to reload; every other request still waits for the finished build."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._early: set[str] = set()  # site-relative paths rebuilt in the running build
        self._early_epoch = 0
        self._assets_unchanged = False

    def begin_build(self) -> None:
        with self._epoch_cond:
            self._early = set()
            self._assets_unchanged = False

    def publish_early(self, paths: set[str], assets_unchanged: bool) -> None:
        with self._epoch_cond:
            self._early = set(paths)
            self._assets_unchanged = assets_unchanged
            self._early_epoch = self._wanted_epoch
            self._epoch_cond.notify_all()
        log.info(f"已先行更新 {len(paths)} 个页面，浏览器刷新；其余页面生成中")

    def _newest(self) -> int:
        return max(self._visible_epoch, self._early_epoch)

    def _answerable_early(self, rel: str) -> bool:
        if self._visible_epoch == self._wanted_epoch:
            return True
        if rel in self._early:
            return True
        # CSS, scripts, pictures: the same as in the last build unless the theme/config changed;
        # the search index is rebuilt at the end, so it waits.
        return self._assets_unchanged and not rel.endswith(".html") and not rel.startswith("search/")

    def _serve_request(self, environ, start_response):
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        if path.startswith("/livereload/"):
            if m := re.fullmatch(r"/livereload/([0-9]+)/[0-9]+", path):
                epoch = int(m[1])
                start_response("200 OK", [("Content-Type", "text/plain")])
                with self._epoch_cond:
                    if not self._newest() > epoch:
                        self._epoch_cond.wait_for(lambda: self._newest() > epoch, timeout=self.poll_response_timeout)
                    return [b"%d" % self._newest()]
        if not (path + "/").startswith(self.mount_path):
            return super()._serve_request(environ, start_response)
        rel = path[len(self.mount_path):]
        if path.endswith("/"):
            rel += "index.html"
        rel = posixpath.normpath("/" + rel).lstrip("/")
        with self._epoch_cond:
            self._epoch_cond.wait_for(lambda: self._answerable_early(rel))
            epoch = self._newest()
        file_path = os.path.join(self.root, rel)
        try:
            file = open(file_path, "rb")
        except OSError:
            if not path.endswith("/") and os.path.isfile(os.path.join(file_path, "index.html")):
                start_response("302 Found", [("Location", urllib.parse.quote(path) + "/")])
                return []
            return None
        if self._watched_paths and file_path.endswith(".html"):
            with file:
                content = self._inject_js_into_html(file.read(), epoch)
            file, length = io.BytesIO(content), len(content)
        else:
            length = os.path.getsize(file_path)
        start_response("200 OK", [("Content-Type", self._guess_type(file_path)), ("Content-Length", str(length))])
        return wsgiref.util.FileWrapper(file)


class Preview:
    """The builds of one preview session (also driven directly by tests/test_perf_cache.py)."""

    def __init__(self, config_file: str, site_dir: str, host: str = "127.0.0.1", port: int = 8000):
        self.config_file, self.site_dir, self.host, self.port = config_file, site_dir, host, port
        self.server: PreviewServer | None = None
        self.config = self.get_config()
        self.config.plugins.on_startup(command="serve", dirty=True)
        self.mount_path = urlsplit(self.config.site_url or "/").path
        self.serve_url = _serve_url(host, port, self.mount_path)

    def get_config(self):
        return load_config(config_file=self.config_file, site_dir=self.site_dir, dev_addr=f"{self.host}:{self.port}")

    def build(self, config=None) -> None:
        log.info("Building documentation...")
        config = config or self.get_config()
        config.site_url = self.serve_url
        if self.server is not None:
            self.server.begin_build()
        with mkdocs_pages.dirty_build():
            build(config, serve_url=self.serve_url, dirty=True)


def serve(config_file: str, host: str, port: int) -> None:
    """The preview server: MkDocs' `serve` with the changes listed in the module docstring."""
    site_dir = tempfile.mkdtemp(prefix="showcase_preview_")
    preview = Preview(config_file, site_dir, host, port)
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
                file.is_modified = lambda: True

    # -- on_nav --
    def plan(self, plugin, config, files, nav, renders) -> None:
        """Pages whose inputs are unchanged are taken from the cache; the pages of changed records are
        rendered, written and shown first. Both go to `renders` (rendered outside MkDocs' loop)."""
        previous_key = self.global_key
        self.global_key = global_key(config, files, nav, plugin.edition())
        digests = {p: file_digest(p, self.files_memo) for p in {r.path for r in plugin.plan.checked.records}}
        changed = {p for p, d in digests.items() if self.cache.content_digests.get(p) != d}
        self.new_digests = digests
        if not self.cache.entries:
            return  # the session's first build: nothing to reuse (workers may render it)
        in_nav = {id(p) for p in nav.pages}
        pages = [f.page for f in files.documentation_pages()
                 if f.src_uri in plugin.specs and f.page is not None and id(f.page) not in in_nav]
        first = [p for p in pages if _record_path(plugin.specs[p.file.src_uri]) in changed]
        if first and plugin.plan.ok:
            self.render_first(plugin, first, renders, previous_key == self.global_key)
        for page in pages:
            src = page.file.src_uri
            if src in renders.delegated:
                continue
            spec = plugin.specs[src]
            hit = self.cache.lookup(src, self.page_key(src, plugin.markdown_of(spec)), spec, self.files_memo)
            if hit is not None:
                renders.delegate(page, dataclasses.replace(hit, written=False))
                self.hits.add(src)
                self.stats["cached"] += 1

    def page_key(self, src: str, markdown: str) -> str:
        body, meta = get_data(markdown)  # as MkDocs will read it
        return digest(self.global_key, source_key(src, body, meta))

    def render_first(self, plugin, pages, renders, assets_unchanged: bool) -> None:
        plugin.env = config_env(plugin.mkdocs_config, plugin.files)
        written = set()
        for page in pages:
            renders.rendering_here = True
            try:
                result = plugin.render_one(page)
            finally:
                renders.rendering_here = False
            if not plugin.plan.ok:
                return  # the build will stop with every problem; show nothing early
            result.logs = self.logs.pop(page.file.src_uri, [])
            plugin.write_page(page, result)
            renders.delegate(page, result)
            written.add(page.file.dest_uri)
        self.stats["early"] = len(written)
        if written and isinstance(self.server, PreviewServer):
            self.server.publish_early(written, assets_unchanged)

    # -- after a page is rendered --
    def after_page(self, page, spec, output: str) -> None:
        """A page MkDocs' own loop rendered (on_post_page): keep it for the next builds."""
        self.current = None
        result = mkdocs_pages.snapshot(page, output)
        result.logs = self.logs.pop(page.file.src_uri, [])
        self.remember(page, spec, result)

    def finish_page(self, page, spec, result, plugin) -> None:
        """A page rendered outside MkDocs' loop, now applied and written."""
        if page.file.src_uri in self.hits:
            result.doc = plugin.search_document(result, page)  # its record's facts may have changed
        else:
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


def config_env(config, files):
    """MkDocs' theme environment as the build will have it (on_env run), for pages rendered early."""
    return config.plugins.on_env(config.theme.get_env(), config=config, files=files)


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
