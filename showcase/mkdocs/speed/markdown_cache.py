"""Converted Markdown kept between builds, keyed by everything the conversion reads.

Python-Markdown takes about half of a build's CPU time (benchmarks/README.md), and most pages are
the same from one build to the next. A page's conversion (MkDocs' `Page.render`) depends on:

* the settings: the Markdown extensions and their options, link validation, `use_directory_urls`
  (mkdocs.yml's bytes and the values the command line may change), the installed MkDocs / Markdown /
  Material / pymdown-extensions, and the source of every extension module and of this one
  (`settings_key`; the rest of our code only shapes the Markdown, which is part of each key);
* the page: its Markdown (after every `on_page_markdown`), its path, URL and inclusion;
* the links it makes: for each path it looks up among the site's files, whether a file is there,
  its URL and whether it is excluded. These lookups are noted while converting and checked again
  before an entry is reused, so adding or removing a linked page converts the page again (and its
  warning comes back).

A reused entry gives the page exactly what the conversion left on it (HTML, table of contents, title,
anchors, links to anchors) and replays the messages it logged, so strict builds fail as before.
Entries are files under `.cache/showcase-markdown/` (one per page version, written atomically, so
forked page workers and concurrent builds share them safely); an entry unused for 30 days is
removed (showcase/mkdocs/speed/cache_files.py). Deleting the folder is always safe.

Part of the MkDocs adapter's speed room (off with the plugin's `speed: false`); the core never imports it.
"""
from __future__ import annotations

import importlib.util
import logging
from dataclasses import dataclass
from pathlib import Path

from mkdocs.structure.pages import Page

from showcase.mkdocs.speed import cache_files, internals
from showcase.mkdocs.speed.markdown import blocks as fast_blocks
from showcase.mkdocs.speed.markdown import inline as fast_inline
from showcase.mkdocs.speed.markdown import prettify as fast_prettify
from showcase.mkdocs.speed.markdown import toc as fast_toc
from showcase.mkdocs.speed.workers import LogCapture, anchor_links, anchor_links_of, replay
from showcase.mkdocs.speed.page_cache import digest, file_digest, package_versions

SHORTCUT_MODULES = (fast_inline, fast_toc, fast_blocks, fast_prettify)  # the plugin's Markdown extension
LOGGERS = ("mkdocs", "MARKDOWN")  # where a conversion's messages go (MkDocs' link checks, Markdown's own)
_FORMAT = 1  # bump when Converted changes


@dataclass
class Converted:
    """What `Page.render` leaves on a page, in a form that survives the build."""

    content: str
    toc: object  # mkdocs.structure.toc.TableOfContents (plain objects, pickled as they are)
    title: str | None
    anchors: set
    links: list  # [(target src_uri, anchor, link as written)]
    lookups: tuple  # ((path looked up, (url, excluded) or None), …)
    logs: list  # [(logger name, level, message)]


def settings_key(config) -> str:
    """Everything every page's conversion depends on besides the page itself."""
    config_file = Path(config.config_file_path) if config.config_file_path else None
    validation = config.validation
    settings = {
        "use_directory_urls": config.use_directory_urls,
        "links": {k: validation.links[k] for k in sorted(validation.links)},
        "extensions": [e if isinstance(e, str) else f"{type(e).__module__}.{type(e).__qualname__}"
                       for e in config.markdown_extensions],
        "mdx": repr(sorted((config.mdx_configs or {}).keys())),
        "docs_dir": str(config.docs_dir),
        "format": _FORMAT,
    }
    return digest(*(file_digest(path, {}) for path in _code_files(config)), package_versions(),
                  config_file.read_bytes() if config_file and config_file.is_file() else b"",
                  repr(sorted(settings.items())))


def _code_files(config) -> list[Path]:
    """This module and the module of each Markdown extension (ours, speed/markdown/inline.py, included,
    with the modules it registers processors from: toc.py, blocks.py, prettify.py there)."""
    files = {Path(__file__).resolve(), *(Path(m.__file__).resolve() for m in SHORTCUT_MODULES)}
    for extension in config.markdown_extensions:
        name = extension if isinstance(extension, str) else type(extension).__module__
        try:
            spec = importlib.util.find_spec(name.split(":")[0])
        except (ImportError, ValueError):
            spec = None
        if spec is not None and spec.origin and spec.origin not in ("built-in", "frozen"):
            files.add(Path(spec.origin))
    return sorted(files)


class Lookups:
    """The site's files as a page's conversion sees them: every lookup is noted (`seen`)."""

    def __init__(self, files):
        self._files = files
        self.seen: dict[str, tuple | None] = {}

    def get_file_from_path(self, path: str):
        found = self._files.get_file_from_path(path)
        self.seen[path] = lookup_value(found)
        return found

    def __getattr__(self, name):
        return getattr(self._files, name)

    def noted(self) -> tuple:
        return tuple(sorted(self.seen.items()))


def anchor_links_noted() -> bool:
    """Whether MkDocs notes a page's links to anchors: only above DEBUG (`mkdocs build -v` skips them),
    so entries of verbose builds are kept apart (part of the cache keys)."""
    return logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG


def lookup_value(found) -> tuple | None:
    return None if found is None else (found.url, found.inclusion.is_excluded())


def lookups_hold(lookups: tuple, files) -> bool:
    """Every noted lookup finds the same now (no linked page removed, added, moved or excluded)."""
    return all(lookup_value(files.get_file_from_path(path)) == value for path, value in lookups)


class MarkdownCache:
    """One build's view of the folder of converted pages."""

    def __init__(self, folder: Path, settings: str):
        self.folder = Path(folder)
        self.settings = settings
        self.hits = self.misses = 0

    def key(self, page) -> str:
        file = page.file
        return digest(self.settings, file.src_uri, file.url, file.inclusion.name, anchor_links_noted(), page.markdown)

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:]}.pickle.z"

    def install(self, page) -> None:
        """Make `page.render(config, files)` — MkDocs calls it right after on_page_markdown — go
        through this cache."""
        internals.route_render(page, lambda config, files: self.render(page, config, files))

    def render(self, page, config, files) -> None:
        key = self.key(page)
        entry = self.load(key)
        if entry is not None and lookups_hold(entry.lookups, files):
            self.hits += 1
            apply(entry, page, files)
            return
        self.misses += 1
        lookups = Lookups(files)
        with LogCapture.on(LOGGERS) as capture:
            Page.render(page, config, lookups)  # MkDocs' own conversion
        self.store(key, snapshot(page, lookups.noted(), capture.records))

    def load(self, key: str) -> Converted | None:
        return cache_files.read_entry(self.path(key), Converted)

    def store(self, key: str, entry: Converted) -> None:
        cache_files.write_entry(self.path(key), entry)

    def prune(self, now: float | None = None) -> int:
        return cache_files.prune(self.folder, now)


def snapshot(page, lookups: tuple, logs: list) -> Converted:
    return Converted(page.content, page.toc, internals.title_from_render(page), set(page.present_anchor_ids or ()),
                     anchor_links(page), lookups, logs)


def apply(entry: Converted, page, files) -> None:
    """Leave on `page` what converting it would have, and replay its messages."""
    page.content = entry.content
    page.toc = entry.toc
    internals.set_title_from_render(page, entry.title)
    page.present_anchor_ids = set(entry.anchors)
    if anchor_links_noted():
        page.links_to_anchors = anchor_links_of(entry.links, files)
    replay(entry.logs)
