"""Old URLs (`aliases`) answer with a static redirect page to the record's current page.

Static HTML (theme/redirect.html: meta refresh, a link, rel=canonical), so it works on any web
server, without one, and from `file://`; the target is relative, so it works under a sub-path too.
An alias never shadows a real page: `showcase check` refuses aliases that are record pages,
section indexes, plain pages or another record's alias (checks/aliases.py); the build refuses any
other collision.
"""
from __future__ import annotations

from typing import Callable

from showcase.content.problems import Problems
from showcase.content.records import Record
from showcase.domain.redirects import redirects_of, target_href
from showcase.domain.urls import url_of
from showcase.pages.spec import StaticFile


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


def alias_records(model) -> list[Record]:
    """Records whose aliases this edition serves: the published (model.index) and the retracted."""
    published = [record for by_id in model.index.by_kind.values() for record in by_id.values()]
    return published + list(model.retracted)

