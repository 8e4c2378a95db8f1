"""Old URLs (`aliases`) of records: where each is served from and the relative link to the record's
current page. Pure URL arithmetic; the redirect pages are made in pages/redirects.py, the aliases
checked in checks/aliases.py."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass

from showcase.content.records import Record
from showcase.domain.urls import page_path, url_of


@dataclass(frozen=True)
class Redirect:
    record: Record
    index: int  # position in the record's `aliases` (for the line in messages)
    alias: str  # as normalised by the schema: "brands/old-id/" (or "old/page.html")
    target_src: str  # the record's page, docs-relative: "brands/new-id/index.md"

    @property
    def dest_path(self) -> str:
        return alias_dest(self.alias)


def alias_dest(alias: str) -> str:
    """The file an alias is served from: `brands/old/` → `brands/old/index.html`; `a/b.html` as is."""
    bare = alias.strip("/")
    return bare if bare.endswith((".html", ".htm")) else f"{bare}/index.html"


def redirects_of(records) -> list[Redirect]:
    return [Redirect(record, i, alias, page_path(record))
            for record in records for i, alias in enumerate(record.get("aliases", []))]


def target_href(dest_path: str, target_src: str, directory_urls: bool) -> str:
    """The target as a link relative to the redirect page: `../new-id/` (or `../new-id/index.html`)."""
    target = url_of(target_src)
    if not directory_urls and (target.endswith("/") or not target):
        target += "index.html"
    relative = posixpath.relpath("/" + target, "/" + posixpath.dirname(dest_path))
    if target.endswith("/") or not target:
        relative = "./" if relative == "." else relative + "/"
    return relative

