"""Hostile text put into every plain-text field of a content tree, the way the hardening tests sweep.

The fields are found from the schema (`showcase.content.schema.KINDS`, type "text"), so a field added
there is swept too. A few text fields are keys other fields refer to (a column's categories, a
criterion's name): changing them would make the content wrong for another reason, so they are left.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from showcase.content.schema import KINDS

# Text a careless or hostile editor may paste; none of it is a tag, so `showcase check` lets it through
# and the build must show it as text: quotes that close attributes, an entity that must stay text,
# a script URL and an event attribute as words, Markdown and backslashes.
TEXT_PAYLOAD = "甲\"'>&lt;xss&gt;乙 javascript:alert(1) onerror=alert(2) *丙*_丁_ 1<2 \\戊"
# Markup: `showcase check` must refuse each of these in a plain-text field.
MARKUP_PAYLOADS = ("<script>alert(3)</script>", "\"'></title><script>alert(4)</script>",
                   "<img src=x onerror=alert(5)>", "<a href=\"javascript:alert(6)\">点</a>")

_KEYS = {("column", "categories"), ("competition", "criteria", "name"), ("column", "numbering"),
         ("article", "category"), ("exemplar", "stars"), ("exemplar", "standards"),  # from campaign.yml's list
         ("campaign", "standards", "red_flag_branch", "items"), ("campaign", "standards", "five_star_member", "items")}
# Which kind each file of a fixture holds (layouts as in showcase/kinds.py).
_FILES = (("units.yml", "unit"), ("newspapers.yml", "newspaper"), ("columns.yml", "column"),
          ("campaign.yml", "campaign"), ("competitions/*.yml", "competition"), ("honors/*.yml", "honor"),
          ("notices/*.md", "notice"), ("brands/*/index.md", "brand"), ("exemplars/*/index.md", "exemplar"),
          ("column/*/*.md", "article"))


def inject(content: Path, payload) -> list[tuple[Path, str]]:
    """Append `payload(n)` (n counts the fields) to every plain-text value under `content`; returns
    (file, the text put in) for each field changed."""
    changed: list[tuple[Path, str]] = []
    for pattern, kind in _FILES:
        for path in sorted(Path(content).glob(pattern)):
            text = path.read_text(encoding="utf-8")
            front, body = _split(text) if path.suffix == ".md" else (text, None)
            data = yaml.safe_load(front)
            records = data if isinstance(data, list) else [data]
            for record in records:
                _walk(KINDS[kind], record, (kind,), lambda value: _mark(value, payload, path, changed))
            dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
            path.write_text(dumped if body is None else f"---\n{dumped}---\n{body}", encoding="utf-8")
    return changed


def _mark(value: str, payload, path: Path, changed: list) -> str:
    added = payload(len(changed))
    changed.append((path, added))
    return f"{value}{added}"


def _split(text: str) -> tuple[str, str]:
    _, front, body = text.split("---\n", 2)
    return front, body


def _walk(fields, data, at: tuple, change) -> None:
    if not isinstance(data, dict):
        return
    for spec in fields:
        if data.get(spec.name) is not None:
            _visit(spec, data, spec.name, at + (spec.name,), change)


def _visit(spec, holder, key, at: tuple, change) -> None:
    value = holder[key]
    if at in _KEYS:
        return
    if spec.type == "text" and isinstance(value, str) and not spec.internal:
        holder[key] = change(value)
    elif spec.type == "object" and isinstance(value, dict):
        _walk(spec.fields, value, at, change)
    elif spec.type == "list" and isinstance(value, list) and spec.item is not None:
        for i in range(len(value)):
            _visit(spec.item, value, i, at, change)
