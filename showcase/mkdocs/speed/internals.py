"""Every touch of a private name of MkDocs or Python-Markdown, in one place.

The speed room takes pages out of MkDocs' loop, keeps what a conversion left on a page, and shortcuts
parts of Python-Markdown; each needs a name the upstream projects do not promise to keep. Each
function below says which upstream code (and version, see CHECKED_VERSIONS) it mirrors, so an upgrade
is checked here and nowhere else (tests/unit/test_house_adapter.py keeps it so; tests/unit/test_house_versions.py
fails when the installed versions are not the checked ones).
"""
from __future__ import annotations

import contextlib
import functools
import io
import os
import posixpath
import re
import urllib.parse
import wsgiref.util

import markdown
import mkdocs
from markdown.treeprocessors import InlineProcessor

# The versions whose private names below were read (and whose code speed/markdown/ copies).
CHECKED_VERSIONS = {"markdown": {(3, 11, 3)}, "mkdocs": {(1, 6, 1)}}


def installed_versions() -> dict[str, tuple]:
    return {"markdown": tuple(markdown.__version_info__[:3]),
            "mkdocs": tuple(int(part) for part in mkdocs.__version__.split(".")[:3])}


def version_problems(installed: dict[str, tuple] | None = None) -> list[str]:
    """One line per package whose installed version is not one this module was checked against."""
    installed = installed or installed_versions()
    return [f"{name} {'.'.join(map(str, installed[name]))} 不在已核对的版本 "
            f"{sorted('.'.join(map(str, v)) for v in versions)} 之内 — 按 showcase/mkdocs/speed/internals.py "
            f"核对其私有名称与 speed/markdown/ 的代码副本后，再改 CHECKED_VERSIONS 和 pyproject.toml"
            for name, versions in CHECKED_VERSIONS.items() if installed[name] not in versions]


# ---- MkDocs pages and files (mkdocs 1.6.1, mkdocs/structure/pages.py, files.py, commands/build.py) ----

def title_from_render(page) -> str | None:
    """Page._title_from_render: the title Page.render found in the first heading (pages.py)."""
    return page._title_from_render


def set_title_from_render(page, title: str | None) -> None:
    page._title_from_render = title


def populate_page(page, config, files) -> None:
    """mkdocs.commands.build._populate_page: read the page's source and convert it, events included."""
    from mkdocs.commands.build import _populate_page

    _populate_page(page, config, files)


@contextlib.contextmanager
def current_page(config, page):
    """config._current_page, set around a page's template as mkdocs.commands.build._build_page does."""
    config._current_page = page
    try:
        yield
    finally:
        config._current_page = None


def route_render(page, render) -> None:
    """Page.render(config, files), which _populate_page calls right after on_page_markdown, replaced
    for one page by `render(config, files)` (an instance attribute shadows the method)."""
    page.render = render


def set_modified(file, modified: bool) -> None:
    """File.is_modified, which dirty builds ask before reading and writing a page (_build / _build_page)."""
    file.is_modified = (lambda: True) if modified else (lambda: False)


# ---- Python-Markdown (3.11.3, markdown/util.py Registry, markdown/treeprocessors.py) ----

def registry_names(registry) -> list[str]:
    """The names in a markdown.util.Registry (Registry._data; it has no public list of names)."""
    return list(registry._data)


def stock_handle_inline(processor, data, pattern_index: int = 0):
    """InlineProcessor.__handleInline (name-mangled) as Python-Markdown runs it."""
    return InlineProcessor._InlineProcessor__handleInline(processor, data, pattern_index)


def pattern_applier(processor):
    """InlineProcessor.__applyPattern (name-mangled) of `processor`: (pattern, data, index, start)."""
    return processor._InlineProcessor__applyPattern


def override_handle_inline(cls, handle) -> None:
    """Make `handle(self, data, patternIndex=0)` the InlineProcessor.__handleInline of subclass `cls`
    (InlineProcessor.__applyInline calls it under its mangled name)."""
    cls._InlineProcessor__handleInline = handle


def override_prettify_walk(cls, walk) -> None:
    """Make `walk(self, elem)` PrettifyTreeprocessor._prettifyETree of subclass `cls` (run calls it)."""
    cls._prettifyETree = walk


# ---- MkDocs' live-reload server (mkdocs 1.6.1, mkdocs/livereload/__init__.py) ----

def serve_url(host: str, port: int, mount_path: str) -> str:
    """mkdocs.livereload._serve_url: the address `serve` builds the site for."""
    from mkdocs.livereload import _serve_url

    return _serve_url(host, port, mount_path)


def __getattr__(name: str):
    # EarlyPagesServer is made on first use: importing mkdocs.livereload (watchdog) costs builds ~40 ms.
    if name == "EarlyPagesServer":
        return _early_pages_server()
    raise AttributeError(name)


@functools.cache
def _early_pages_server():
    """The class below, made once; long only because it holds a class (its methods are short)."""
    from mkdocs.livereload import LiveReloadServer

    class EarlyPagesServer(LiveReloadServer):
        """LiveReloadServer whose requests may be answered before the build has finished: `answerable(rel)`
        (a subclass's) says which files may; `newest()` is the epoch browsers are told to load. The request
        handler is LiveReloadServer._serve_request of mkdocs 1.6.1 with those two questions put in."""

        def newest_epoch(self, early_epoch: int) -> int:
            return max(self._visible_epoch, early_epoch)

        def build_finished(self) -> bool:
            return self._visible_epoch == self._wanted_epoch

        def wanted_epoch(self) -> int:
            return self._wanted_epoch

        def epoch_lock(self):
            return self._epoch_cond

        def newest(self) -> int:  # overridden
            return self._visible_epoch

        def answerable(self, rel: str) -> bool:  # overridden
            return self.build_finished()

        def _serve_request(self, environ, start_response):
            path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
            if path.startswith("/livereload/"):
                if m := re.fullmatch(r"/livereload/([0-9]+)/[0-9]+", path):
                    epoch = int(m[1])
                    start_response("200 OK", [("Content-Type", "text/plain")])
                    with self._epoch_cond:
                        if not self.newest() > epoch:
                            self._epoch_cond.wait_for(lambda: self.newest() > epoch, timeout=self.poll_response_timeout)
                        return [b"%d" % self.newest()]
            if not (path + "/").startswith(self.mount_path):
                return super()._serve_request(environ, start_response)
            rel = path[len(self.mount_path):]
            if path.endswith("/"):
                rel += "index.html"
            rel = posixpath.normpath("/" + rel).lstrip("/")
            with self._epoch_cond:
                self._epoch_cond.wait_for(lambda: self.answerable(rel))
                epoch = self.newest()
            return self._send_file(path, os.path.join(self.root, rel), epoch, start_response)

        def _send_file(self, path: str, file_path: str, epoch: int, start_response):
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

    return EarlyPagesServer
