"""Old URLs (`aliases`) answer with a static redirect page to the record's current page.

Static HTML (theme/redirect.html: meta refresh, a link, rel=canonical), so it works on any web
server, without one, and from `file://`; the target is relative, so it works under a sub-path too.
An alias never shadows a real page: `showcase check` refuses aliases that are record pages,
section indexes, plain pages or another record's alias; the build refuses any other collision.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from showcase.content.load import classify
from showcase.content.problems import Problems, display_path
from showcase.content.records import Record
from showcase.domain.urls import SECTION, page_path, url_of
from showcase.pages.spec import StaticFile


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


def redirect_files(records, taken: set[str], render: Callable[..., str], directory_urls: bool = True,
                   site_url: str = "") -> tuple[list[StaticFile], Problems]:
    """Redirect pages for the aliases of `records` (this edition's published and retracted ones).

    `taken`: site-relative paths of every other output; an alias landing on one is an error.
    `render(**context)`: theme/redirect.html.
    """
    problems = Problems()
    files = []
    for redirect in redirects_of(records):
        dest = redirect.dest_path
        record = redirect.record
        if dest in taken:
            problems.error(record.path, record.line("aliases", redirect.index),
                           f"旧网址 {redirect.alias} 与网站上已有的页面 {dest} 重名，不能用作跳转",
                           "删除这个旧网址，或改成一个没有页面占用的网址")
            continue
        taken = taken | {dest}
        href = target_href(dest, redirect.target_src, directory_urls)
        canonical = (site_url.rstrip("/") + "/" + url_of(redirect.target_src)) if site_url else href
        files.append(StaticFile(dest, render(title=record.title, target=href, canonical=canonical,
                                             alias=redirect.alias)))
    return files, problems


# ---- showcase check -----------------------------------------------------------------------------

def check_aliases(records: list[Record], context, problems: Problems) -> None:
    """An alias must not be a page of its own: a record's page, a section, a plain page, a file."""
    owners: dict[str, str] = {}  # dest path → who has it, for the message
    for record in records:
        if record.kind in SECTION or record.kind == "article":
            owners.setdefault(alias_dest(url_of(page_path(record))), f"{record.title}（{url_of(page_path(record))}）")
    for section in set(SECTION.values()):
        owners.setdefault(f"{section}/index.html", f"栏目首页 {section}/")
    owners.setdefault("index.html", "网站首页")
    root = Path(context.root)
    for path in sorted(root.rglob("*.md")) if root.is_dir() else []:
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or classify(rel)[0] is not None:
            continue
        src = rel.as_posix()
        owners.setdefault(alias_dest(url_of(src)), f"页面 {src}")
    seen: dict[str, Redirect] = {}
    for redirect in redirects_of(records):
        record = redirect.record
        line = record.line("aliases", redirect.index)
        dest = redirect.dest_path
        if dest == alias_dest(url_of(redirect.target_src)):
            problems.error(record.path, line, f"旧网址 {redirect.alias} 就是本页现在的网址",
                           "删除这一项：只有改过的旧网址才需要跳转")
        elif dest in owners:
            problems.error(record.path, line, f"旧网址 {redirect.alias} 已被{owners[dest]}使用，跳转会遮住它",
                           "删除这个旧网址，或改正为真正的旧网址")
        elif (root / dest).exists():
            problems.error(record.path, line, f"旧网址 {redirect.alias} 与内容目录里的文件 {dest} 重名",
                           "删除这个旧网址，或移走那个文件")
        elif dest in seen:
            other = seen[dest].record
            problems.error(record.path, line,
                           f"旧网址 {redirect.alias} 重复（{display_path(other.path)}:"
                           f"{other.line('aliases', seen[dest].index)} 也用了它）",
                           "一个旧网址只能跳转到一个页面：删除其中一处")
        else:
            seen[dest] = redirect


def alias_records(model) -> list[Record]:
    """Records whose aliases this edition serves: the published (model.index) and the retracted."""
    published = [record for by_id in model.index.by_kind.values() for record in by_id.values()]
    return published + list(model.retracted)
