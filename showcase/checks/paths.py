"""Every path from content stays inside the content folder: file fields (scan, slides, video, logo,
photos …), Markdown links and images in bodies and Markdown fields, and symlinks anywhere in it."""
from __future__ import annotations

import re

from showcase.content.containment import links_leaving, reference_problem
from showcase.content.problems import Problems
from showcase.content.schema import fields_of
from showcase.domain.urls import page_path
from showcase.lint.raw_html import mask_code
from showcase.lint.segments import plain_page_paths, raw_lines

# [text](target "title"), ![alt](src), [id]: target
_LINKS = re.compile(r"(!?)\[[^\]\n]*\]\(\s*<?([^)\s>]+)|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)", re.M)
HINT = "把文件放进内容文件夹（如记录的 index.md 同一目录），写相对路径；不要用 ../ 跳出、绝对路径或指向外面的符号链接"


def check_paths(records, context, problems: Problems) -> None:
    for record in records:
        spec = fields_of(record.kind)
        for name, value in record.fields.items():
            if name in spec:
                _check_value(spec[name], value, (name,), record, context.root, problems)
        if record.body:
            _check_markdown(record.body, record.path, _bases(record, context.root), record.body_line, context.root,
                            problems)
    cache: dict = {}
    for path in plain_page_paths(context.root):
        _check_markdown("\n".join(raw_lines(path, cache)), path, (path.parent, path.parent), 1, context.root, problems)
    for link in links_leaving(context.root):
        kind = "文件夹" if link.is_dir() else "文件"
        problems.error(link, 1, f"{link.name} 是指向内容文件夹以外的符号链接（{kind}）",
                       "把要发布的文件复制进内容文件夹，删除这个符号链接")


def _check_value(spec, value, at, record, root, problems: Problems) -> None:
    if spec.type == "file" and isinstance(value, str):
        problem = reference_problem(root, record.folder, value)
        if problem:
            problems.error(record.path, record.line(*at), f"{at[-1] if isinstance(at[-1], str) else spec.name} {problem}", HINT)
    elif spec.type == "markdown" and isinstance(value, str):
        _check_markdown(value, record.path, _bases(record, root), record.line(*at), root, problems, whole_value=True)
    elif spec.type == "list" and isinstance(value, list) and spec.item is not None:
        for i, item in enumerate(value):
            _check_value(spec.item, item, at + (i,), record, root, problems)
    elif spec.type == "object" and isinstance(value, dict):
        for member in spec.fields:
            if member.name in value:
                _check_value(member, value[member.name], at + (member.name,), record, root, problems)


def _bases(record, root) -> tuple:
    """(where images are found, where links are resolved from): images sit beside the record's file,
    links are resolved from its page (column/2023/x.md is the page column/2023/x/index.md)."""
    try:
        page = root / page_path(record)
    except KeyError:  # a kind without pages of its own
        page = record.path
    return record.folder, page.parent


def _check_markdown(text, path, bases, first_line, root, problems: Problems, whole_value=False) -> None:
    """Links and images of Markdown written in `path` (`bases`: see _bases); `whole_value`: the text is
    one YAML value, reported at its line."""
    masked = mask_code(text)
    for match in _LINKS.finditer(masked):
        image = match.group(1) == "!"
        problem = reference_problem(root, bases[0] if image else bases[1], match.group(2) or match.group(3))
        if problem:
            line = first_line if whole_value else first_line + masked.count("\n", 0, match.start())
            problems.error(path, line, f"链接或图片 {problem}", HINT)
