"""Where each record lives in the site. One function, so URLs never drift apart.

URLs come from ids (ASCII, chosen by the editor, stable), never from Chinese titles.
"""
from __future__ import annotations

import posixpath

from showcase.content.records import Record
from showcase.kinds import SECTION



def page_path(record: Record) -> str:
    """The record's page as a docs-relative source path, e.g. `brands/wenlv/index.md`."""
    if record.kind == "article":
        # column/<yyyy>/<id>.md and column/<yyyy>/<id>/index.md both live at column/<yyyy>/<id>/
        year = record.path.parent.name if record.path.name != "index.md" else record.path.parent.parent.name
        return f"column/{year}/{record.id}/index.md"
    return f"{SECTION[record.kind]}/{record.id}/index.md"


def url_of(src_path: str) -> str:
    """`brands/x/index.md` → `brands/x/` (MkDocs' directory URLs)."""
    if src_path == "index.md":
        return ""
    if src_path.endswith("/index.md"):
        return src_path[: -len("index.md")]
    return src_path[:-3] + "/"


def relative_link(from_src: str, to_src: str) -> str:
    """A Markdown link from one page's source to another's; MkDocs resolves and checks it."""
    start = posixpath.dirname(from_src).split("/") if "/" in from_src else []
    path = to_src.split("/")
    if to_src.startswith("/") or "." in start or ".." in start or "." in path or ".." in path or "" in path:
        return posixpath.relpath(to_src, "/".join(start) or ".")  # not a plain docs path: the general way
    # posixpath.relpath makes both paths absolute (a getcwd per call): a fifth of rendering the pages
    common = 0
    while common < len(start) and common < len(path) and start[common] == path[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + path[common:]) or "."
