"""The field tables of the editors' guide, generated from the schema so they can never drift.

`python -m tools.field_tables docs/editors-guide.md` rewrites the tables between the markers
`<!-- fields:KIND -->` and `<!-- /fields -->`; a test fails when the guide is out of date.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from showcase.content.schema import KINDS
from showcase.kinds import FIELD_TYPES

TYPE_NAMES = {name: kind.documented for name, kind in FIELD_TYPES.items()}
MARKER = re.compile(r"(<!-- fields:(\w+) -->\n)(.*?)(<!-- /fields -->)", re.S)


def field_rows(fields, prefix: str = "") -> list[str]:
    rows = []
    for f in fields:
        name = f"{prefix}{f.name}"
        kind = TYPE_NAMES[f.type]
        if f.type == "list" and f.item is not None:
            kind = f"{TYPE_NAMES[f.item.type]}的列表"
        if f.choices:
            kind += "：" + " / ".join(f.choices)
        need = "必填" if f.required else ""
        if f.internal:
            need = (need + " 内部").strip()
        cells = [f"`{name}`", kind, need, f.doc]
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
        nested = f.item.fields if f.type == "list" and f.item is not None else f.fields
        if nested:
            rows.extend(field_rows(nested, prefix=f"{name}{'[].' if f.type == 'list' else '.'}"))
    return rows


def table(kind: str) -> str:
    head = ["| 字段 | 类型 | 要求 | 说明 |", "| --- | --- | --- | --- |"]
    return "\n".join(head + field_rows(KINDS[kind])) + "\n"


def render(text: str) -> str:
    return MARKER.sub(lambda m: m.group(1) + table(m.group(2)) + m.group(4), text)


def main(argv=None) -> int:
    path = Path((argv or sys.argv[1:] or ["docs/editors-guide.md"])[0])
    path.write_text(render(path.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

