"""Finished pages kept between `showcase build`s, reused only when every input is unchanged.

An editor rebuilds many times a day and most pages come out the same. A generated page outside the
navigation is reused from `.cache/showcase-pages/` on the terms of the pages `showcase serve` keeps in
memory (showcase/mkdocs/speed/page_cache.py says what they are): the build's global inputs (`global_key`: our code,
the theme folder, installed packages, mkdocs.yml and command-line settings, the edition and the
navigation), the page's path, URL and Markdown as the content templates render it from today's model,
and the values of what its theme template read from the page spec. A page whose template read
something that can't be fingerprinted is always rendered.

Unlike `serve`'s key, the list of the site's files is not part of it — adding today's column article
would otherwise render every page again. The list matters to a page only through the links its
Markdown makes: the lookups its conversion made are noted (as the Markdown cache does) and must find
the same files again.

A reused page replays the messages its rendering logged (strict builds fail as before); its search
document keeps its text and takes today's facts of its record (search.reindexed_document). One entry
per page, replaced when the page changes; written atomically (forked page workers share the folder);
unused for 30 days, removed. Builds that an office runs in turn — the internal and the public edition, a drafts preview,
the offline copy, another base URL — each keep their own entries (`variant`), so one doesn't
discard the other's. Deleting the folder is always safe.

Part of the MkDocs adapter; the core never imports it.
"""
from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

from showcase.mkdocs.speed import cache_files
from showcase.mkdocs.speed.markdown_cache import lookups_hold
from showcase.mkdocs.speed.page_cache import (
    Uncacheable,
    digest,
    package_versions,
    reads_fingerprint,
    tree_digest,
)


@dataclasses.dataclass
class Kept:
    key: str  # global inputs + the page's path, URL and Markdown
    reads: frozenset  # what the theme template read from the page spec
    values: tuple  # reads_fingerprint() when it was rendered
    lookups: tuple  # ((path looked up, (url, excluded) or None), …) while converting its Markdown
    rendered: object  # mkdocs_pages.Rendered, with its HTML and search document


class PageStore:
    """One build's view of the folder of finished pages."""

    def __init__(self, folder: Path, build_key: str, variant: str = ""):
        self.folder = Path(folder)
        self.build_key = build_key
        self.variant = variant  # builds that take turns (the two editions …) each keep their pages
        self.files_memo: dict = {}  # record files' digests, once per build and process
        self.hits = self.misses = 0

    def page_key(self, page, markdown: str) -> str:
        return digest(self.build_key, page.file.src_uri, page.url, markdown)

    def path(self, src: str) -> Path:
        name = digest(self.variant, src)
        return self.folder / name[:2] / f"{name[2:]}.pickle.z"

    def lookup(self, src: str, key: str, spec, files):
        """The page's Rendered from an earlier build, if nothing it was made of has changed."""
        entry = cache_files.read_entry(self.path(src), Kept)
        if entry is not None and entry.key == key and lookups_hold(entry.lookups, files):
            try:
                if reads_fingerprint(spec, entry.reads, self.files_memo) == entry.values:
                    self.hits += 1
                    return entry.rendered
            except Uncacheable:
                pass
        self.misses += 1
        return None

    def keep(self, src: str, key: str, spec, rendered, lookups: tuple) -> None:
        """Keep a freshly rendered page (its HTML and search document) for the next builds."""
        if rendered.reads is None:
            return
        try:
            values = reads_fingerprint(spec, rendered.reads, self.files_memo)
        except Uncacheable:
            return
        kept = dataclasses.replace(rendered, content=None, written=False)  # its search document has the text
        cache_files.write_entry(self.path(src), Kept(key, frozenset(rendered.reads), values, lookups, kept))

    def prune(self) -> int:
        return cache_files.prune(self.folder)


def global_key(config, files, nav, edition, listing: bool = True) -> str:
    """Everything every page depends on (module docstring of page_cache.py); `listing`: with the list
    of the site's files (serve), or without (the page store notes each page's lookups instead)."""
    package = Path(__file__).resolve().parents[2]  # all of showcase/
    theme_dirs = [d for d in config.theme.dirs]
    config_file = Path(config.config_file_path) if config.config_file_path else None
    listed = sorted((f.src_uri, f.dest_uri, f.url) for f in files) if listing else None
    navigation = [(getattr(item, "title", None), getattr(item, "url", None)) for item in _walk(nav.items)]
    # mkdocs.yml's bytes are in the key; these are the settings the command line may change on top
    # (not `strict`: it decides what warnings do, not what pages hold — they are replayed either way).
    settings = {k: config.get(k) for k in ("site_url", "use_directory_urls", "site_name", "extra",
                                            "extra_css", "extra_javascript", "repo_url", "docs_dir")}
    return digest(
        tree_digest([package], (".py",)), tree_digest(theme_dirs[:1]) if theme_dirs else "",
        package_versions(), sys.version,
        config_file.read_bytes() if config_file and config_file.is_file() else b"",
        json.dumps(settings, sort_keys=True, default=repr, ensure_ascii=False),
        repr((edition.name, edition.drafts, edition.now)), json.dumps(listed, ensure_ascii=False),
        json.dumps(navigation, ensure_ascii=False, default=str))


def _walk(items):
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or [])
