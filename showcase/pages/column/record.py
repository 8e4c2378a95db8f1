"""An article's newspaper record as the paper printed it: where and when, who wrote it, the scan.

"《云川日报》2023年4月21日 第13301期 第3版（党的建设） · 专栏第71篇" — plain text, so it is
indexed by search and a test can read it back; templates only place it.
"""
from __future__ import annotations

import posixpath

from showcase.content.records import Record
from showcase.domain.formatting import cn_date, newspaper_name, page_label
from showcase.domain.urls import page_path

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".bmp")


def issue_label(issue) -> str:
    """期号 as printed: "13301" → 第13301期; "第13301期" or "总第13301期" stay as written."""
    text = str(issue or "").strip()
    return f"第{text}期" if text.isdigit() else text


def record_line(article: Record, newspaper: Record | None) -> str:
    parts = [f"{newspaper_name(newspaper['name']) if newspaper else ''}{cn_date(article['date'])}"]
    if article.get("issue"):
        parts.append(issue_label(article["issue"]))
    if article.get("page"):
        page = page_label(article["page"])
        parts.append(f"{page}（{article['page_name']}）" if article.get("page_name") else page)
    elif article.get("page_name"):
        parts.append(article["page_name"])
    return f"{' '.join(parts)} · 专栏第{article['series_no']}篇"


def byline_groups(bylines) -> list[tuple[str, list[str]]]:
    """Consecutive authors of one role share it, as printed: 本报记者 张三 李四　通讯员 王五."""
    groups: list[tuple[str, list[str]]] = []
    for byline in bylines or []:
        role = byline.get("role") or ""
        if groups and groups[-1][0] == role:
            groups[-1][1].append(byline["name"])
        else:
            groups.append((role, [byline["name"]]))
    return groups


def byline_text(bylines) -> str:
    return "　".join(" ".join(([role] if role else []) + names) for role, names in byline_groups(bylines))


def asset_src(article: Record, filename: str) -> str:
    """Docs-relative source of a file beside the article (its scan, a photo).

    column/2023/x/index.md keeps its files in column/2023/x/; a single-file column/2023/x.md shares
    column/2023/ with its year — its page is generated at column/2023/x/ all the same.
    """
    page_folder = posixpath.dirname(page_path(article))
    folder = page_folder if article.path.name == "index.md" else posixpath.dirname(page_folder)
    return posixpath.normpath(posixpath.join(folder, filename))


def is_image(filename: str) -> bool:
    return posixpath.splitext(filename.lower())[1] in IMAGE_SUFFIXES
