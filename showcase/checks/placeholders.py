"""Template texts `showcase new` writes (请填写标题, 请在这里粘贴正文 …) left in a record that is no draft:
they would be published as they are."""
from __future__ import annotations

import re

from showcase.checks.context import CheckContext
from showcase.content.problems import Problems
from showcase.content.records import Record

# How every placeholder of the skeletons (showcase/cli/skeletons/) begins.
_MARKER = re.compile(r"^\s*(?:[#>*+-]+|\d+[.、])\s*")  # heading, quote or list marker before the text
PLACEHOLDER_STARTS = ("请填写", "请在这里", "请说明", "请用一句话", "请按文件原文", "请核对", "请写第")


def is_placeholder(text: str) -> bool:
    return text.strip().startswith(PLACEHOLDER_STARTS)


def _placeholders(value, at: tuple):
    """(path of the value, text) of every placeholder in a field's value."""
    if isinstance(value, str):
        if is_placeholder(value):
            yield at, value.strip()
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _placeholders(item, at + (i,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _placeholders(item, at + (key,))


def check_placeholders(records: list[Record], context: CheckContext, problems: Problems) -> None:
    for record in records:
        if record.status == "draft":
            continue
        hint = "填写实际内容（还没写好的记录设 status: draft，不会发布）"
        for at, text in _placeholders(record.fields, ()):
            keys = [str(part) for part in at if isinstance(part, str)]
            name = keys[0] if len(keys) == 1 else f"{keys[0]} 的 {keys[-1]}"
            problems.error(record.path, record.line(*at), f"{name} 还是模板里的占位文字“{text}”", hint)
        for number, line in enumerate(record.body.split("\n"), start=record.body_line):
            if is_placeholder(_MARKER.sub("", line)):
                problems.error(record.path, number, f"正文还是模板里的占位文字“{line.strip()}”", hint)
