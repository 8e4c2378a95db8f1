"""What a build changed against the site it replaced — pages added, changed, withdrawn — and the
publish log that keeps it: `.showcase/publish-log/` beside mkdocs.yml, one Markdown file per build of
an edition, for the officer to show what went out.

A page is compared by its article (the part of the page an editor wrote), not by its whole HTML: the
header, footer and navigation change on every page when one title does, and a report of "everything
changed" hides the one record that did. A page that became a withdrawal notice counts as withdrawn.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

LOG_FOLDER = Path(".showcase") / "publish-log"
ARTICLE = re.compile(r"<article\b.*</article>", re.S)
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
WITHDRAWN_PAGE = 'sc-page--retracted'
NOT_PAGES = ("404.html",)
SHOWN = 15  # pages of each kind listed in the terminal; the log lists them all


@dataclass(frozen=True)
class Page:
    title: str
    digest: str
    withdrawn: bool


@dataclass
class Changes:
    added: list[tuple[str, str]] = field(default_factory=list)      # (URL path, title)
    changed: list[tuple[str, str]] = field(default_factory=list)
    withdrawn: list[tuple[str, str]] = field(default_factory=list)
    first: bool = False  # no site was there before

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.withdrawn)


def site_pages(site: Path | None) -> dict[str, Page]:
    """Every HTML page of a built site by its address ("brands/x/"), with its title and article digest."""
    if site is None or not site.is_dir():
        return {}
    pages = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel in NOT_PAGES:
            continue
        pages[page_address(rel)] = read_page(path.read_text(encoding="utf-8", errors="replace"))
    return pages


def page_address(rel: str) -> str:
    return rel[: -len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel


def read_page(html: str) -> Page:
    article = ARTICLE.search(html)
    title = TITLE.search(html)
    body = article.group(0) if article else html
    return Page(title=_plain(title.group(1)) if title else "",
                digest=hashlib.sha256(body.encode("utf-8")).hexdigest(), withdrawn=WITHDRAWN_PAGE in html)


def _plain(text: str) -> str:
    import html

    return html.unescape(re.sub(r"\s+", " ", text)).strip()


def compare(old: dict[str, Page], new: dict[str, Page], first: bool = False) -> Changes:
    changes = Changes(first=first)
    for address, page in sorted(new.items()):
        before = old.get(address)
        if before is None:
            changes.added.append((address, page.title))
        elif page.withdrawn and not before.withdrawn:
            changes.withdrawn.append((address, before.title))
        elif page.digest != before.digest:
            changes.changed.append((address, page.title))
    changes.withdrawn.extend((address, page.title) for address, page in sorted(old.items())
                             if address not in new and not page.withdrawn)
    return changes


def summary(changes: Changes, log: Path | None) -> str:
    """The lines the build ends with."""
    if changes.first:
        head = f"首次生成：{len(changes.added)} 个页面。"
    elif changes.empty:
        head = "与上次生成相比：没有页面变化。"
    else:
        head = (f"与上次生成相比：新增 {len(changes.added)} 页，修改 {len(changes.changed)} 页，"
                f"撤下 {len(changes.withdrawn)} 页。")
    lines = [head]
    if not changes.first:
        for label, pages in (("新增", changes.added), ("修改", changes.changed), ("撤下", changes.withdrawn)):
            lines += [f"  {label}  /{address}  {title}" for address, title in pages[:SHOWN]]
            if len(pages) > SHOWN:
                lines.append(f"  {label}  … 另有 {len(pages) - SHOWN} 页，见发布记录")
    if log is not None:
        lines.append(f"发布记录：{log}")
    return "\n".join(lines)


def log_text(changes: Changes, edition_label: str, site: str, when: datetime) -> str:
    lines = [f"# 发布记录：{when:%Y年%m月%d日 %H:%M}", "", f"- 版本：{edition_label}", f"- 输出：{site}",
             f"- 新增 {len(changes.added)} 页，修改 {len(changes.changed)} 页，撤下 {len(changes.withdrawn)} 页"
             + ("（首次生成）" if changes.first else "")]
    for label, pages in (("新增", changes.added), ("修改", changes.changed), ("撤下", changes.withdrawn)):
        lines += ["", f"## {label}（{len(pages)}）", ""]
        lines += [f"- {title or '（无标题）'} — `/{address}`" for address, title in pages] or ["（无）"]
    return "\n".join(lines) + "\n"


def write_log(project: Path, edition_name: str, text: str, when: datetime) -> Path:
    """The report as `.showcase/publish-log/<time>-<edition>.md`, written whole or not at all."""
    folder = project / LOG_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{when:%Y-%m-%dT%H-%M-%S}-{edition_name}"
    path, n = folder / f"{stem}.md", 1
    while path.exists():  # two builds in one second: keep both
        n += 1
        path = folder / f"{stem}-{n}.md"
    handle, temp = tempfile.mkstemp(dir=folder, prefix=".writing-", suffix=".md")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(temp, path)
    return path
