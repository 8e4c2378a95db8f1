"""`showcase check` on old URLs (`aliases`): an alias must not be a page of its own — a record's page,
a section, a plain page, a file in content/ — nor another record's alias."""
from __future__ import annotations

from pathlib import Path

from showcase.content.load import classify
from showcase.content.problems import Problems, display_path
from showcase.content.records import Record
from showcase.domain.redirects import Redirect, alias_dest, redirects_of
from showcase.domain.urls import page_path, url_of
from showcase.kinds import SECTION


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

