"""Reading content/: which file holds which kind of record, front matter, YAML with lines.

The layout (the content contract, docs/editors-guide.md) is the `Kind` table of showcase/kinds.py:
units.yml, newspapers.yml, columns.yml, campaign.yml; brands/<id>/index.md; exemplars/<id>/index.md;
honors/<id>.yml; competitions/<id>.yml; column/<yyyy>/<id>.md (or <id>/index.md); notices/<id>.md
(or <id>/index.md). Any other .md is a plain page.
"""
from __future__ import annotations

import re
from functools import partial
from dataclasses import dataclass, field
from pathlib import Path

from showcase.content.workers import ChunkMap, in_one_go
from showcase.content.problems import Problems
from showcase.content.text import lint_yaml_source, read_text
from showcase.content.yaml_positions import parse_yaml
from showcase.kinds import KINDS

LIST_FILES = {kind.place: kind.name for kind in KINDS if kind.layout == "list"}
SINGLETONS = {kind.place: kind.name for kind in KINDS if kind.layout == "single"}
FOLDER_KINDS = {kind.place: kind.name for kind in KINDS if kind.layout in ("folder", "page")}  # <id>/index.md
PAGE_KINDS = {kind.place: kind.name for kind in KINDS if kind.layout == "page"}  # also <id>.md
YAML_FOLDERS = {kind.place: kind.name for kind in KINDS if kind.layout == "yaml"}
DATED_KINDS = {kind.place: kind.name for kind in KINDS if kind.layout == "dated"}
MARKDOWN_SUFFIXES = (".md", ".markdown")
YAML_SUFFIXES = (".yml", ".yaml")
LINT_FILES = ("names.yml",)  # data for `showcase check` itself: the text lint's names list (showcase/lint)
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class RawRecord:
    """A record as found in a file, before validation."""

    kind: str
    id: str | None
    path: Path
    data: dict
    lines: dict
    body: str = ""
    body_line: int = 1
    base_line: tuple = ()


@dataclass
class Loaded:
    root: Path
    records: list[RawRecord] = field(default_factory=list)
    pages: list[Path] = field(default_factory=list)  # plain Markdown pages (index.md, about.md …)
    problems: Problems = field(default_factory=Problems)
    # (kind, id, path) of files that could not be read (a YAML syntax error …): references to their
    # records are not reported as unknown — the file's own error is the cause. id None: a list file.
    unreadable: list[tuple[str, "str | None", Path]] = field(default_factory=list)


PREFACE_SUFFIX = ".preface.md"  # honors/<batch-id>.preface.md: the 前言 of the batch's printed 事迹汇编


def is_preface(rel: Path) -> bool:
    """An editor's 前言 for a printed publication: neither a record nor a page of the site."""
    return len(rel.parts) == 2 and rel.parts[0] == "honors" and rel.name.endswith(PREFACE_SUFFIX)


def classify(rel: Path) -> tuple[str | None, str | None]:
    """(kind, id) for a content-relative path; (None, None) if it is no record."""
    parts = rel.parts
    name = rel.name
    if len(parts) == 1:
        return LIST_FILES.get(name) or SINGLETONS.get(name), None
    top = parts[0]
    if top in FOLDER_KINDS and name == "index.md" and len(parts) == 3:
        return FOLDER_KINDS[top], parts[1]
    if top in PAGE_KINDS and len(parts) == 2 and rel.suffix in MARKDOWN_SUFFIXES:
        return PAGE_KINDS[top], rel.stem
    if top in YAML_FOLDERS and len(parts) == 2 and rel.suffix in YAML_SUFFIXES:
        return YAML_FOLDERS[top], rel.stem
    if top in DATED_KINDS and rel.suffix in MARKDOWN_SUFFIXES:
        if len(parts) == 3:
            return DATED_KINDS[top], rel.stem
        if len(parts) == 4 and name == "index.md":
            return DATED_KINDS[top], parts[2]
    return None, None


def load_content(root: Path, chunk_map: ChunkMap = in_one_go) -> Loaded:
    """Read every record under `root`, reporting every problem rather than stopping. `chunk_map` may
    share the reading of the files between processes (content/workers.py)."""
    root = Path(root)
    loaded = Loaded(root=root)
    if not root.is_dir():
        loaded.problems.error(root, 0, "内容目录不存在", "检查路径，或先运行 showcase new 创建内容")
        return loaded
    paths = [path for path in sorted(root.rglob("*"))
             if path.is_file() and not any(part.startswith(".") for part in path.relative_to(root).parts)]
    for part in chunk_map(partial(_load_paths, root), paths):
        loaded.records += part.records
        loaded.pages += part.pages
        loaded.problems.extend(part.problems)
        loaded.unreadable += part.unreadable
    return loaded


def _load_paths(root: Path, paths: list[Path]) -> Loaded:
    loaded = Loaded(root=root)
    for path in paths:
        rel = path.relative_to(root)
        kind, record_id = classify(rel)
        if kind is None:
            if is_preface(rel):
                continue
            if path.suffix in MARKDOWN_SUFFIXES:
                loaded.pages.append(path)
            elif path.suffix in YAML_SUFFIXES and rel.as_posix() not in LINT_FILES:
                loaded.problems.warning(path, 0, "不认识的数据文件，未被使用",
                                        "数据文件应放在 units.yml、honors/、competitions/ 等约定位置")
            continue
        records, errors = len(loaded.records), len(loaded.problems.errors)
        _load_file(path, kind, record_id, loaded)
        if len(loaded.records) == records and len(loaded.problems.errors) > errors:
            loaded.unreadable.append((kind, record_id, path))
    return loaded


def _load_file(path: Path, kind: str, record_id: str | None, loaded: Loaded) -> None:
    problems = loaded.problems
    text = read_text(path, problems)
    if text is None:
        return
    if not text.strip():
        problems.error(path, 1, "文件是空的", "填写内容，或删除这个文件")
        return
    if path.suffix in MARKDOWN_SUFFIXES:
        _load_markdown(text, path, kind, record_id, loaded)
        return
    if not lint_yaml_source(text, path, problems):
        return
    data, lines = parse_yaml(text, path, problems)
    if data is None:
        return
    if kind in LIST_FILES.values():
        _load_list(data, lines, path, kind, loaded)
        return
    if not isinstance(data, dict):
        problems.error(path, 1, "文件应是“字段: 值”的集合", "参照编辑指南中的示例")
        return
    loaded.records.append(RawRecord(kind, record_id or kind, path, data, lines))


def _load_markdown(text: str, path: Path, kind: str, record_id: str | None, loaded: Loaded) -> None:
    """A record in a Markdown file: the front matter holds its fields, the rest is its body."""
    problems = loaded.problems
    split = split_front_matter(text, path, problems)
    if split is None:
        return
    yaml_text, yaml_line, body, body_line = split
    if not lint_yaml_source(yaml_text, path, problems, yaml_line):
        return
    reported = len(problems.items)
    data, lines = parse_yaml(yaml_text, path, problems, yaml_line)
    if data is None and not any(p.is_error for p in problems.items[reported:]):  # empty front matter
        data = {}
    if not isinstance(data, dict):
        if data is not None:
            problems.error(path, yaml_line, "开头的 front matter 应是“字段: 值”的列表",
                           "每行写一个字段，如 `title: 标题`")
        return
    loaded.records.append(RawRecord(kind, record_id, path, data, lines, body, body_line))


def _load_list(data, lines: dict, path: Path, kind: str, loaded: Loaded) -> None:
    """Records listed in one YAML file (units.yml …), each with its position in the list."""
    problems = loaded.problems
    if not isinstance(data, list):
        problems.error(path, 1, f"{path.name} 应是一个列表（每项以 “- ” 开头）",
                       "参照编辑指南中的示例，每个条目以 “- id: …” 开头")
        return
    for index, item in enumerate(data):
        if not isinstance(item, dict):
            problems.error(path, lines.get((index,), 1), "列表项应是“字段: 值”的集合",
                           "每项写成 `- id: …` 并在下面缩进写其他字段")
            continue
        item_id = item.get("id")
        loaded.records.append(RawRecord(kind, item_id if isinstance(item_id, str) else None,
                                        path, item, lines, base_line=(index,)))


def split_front_matter(text: str, path: Path, problems: Problems):
    """(yaml_text, yaml_first_line, body, body_first_line), or None after an error."""
    if not text.startswith("---\n") and text.strip() != "---":
        problems.error(path, 1, "缺少开头的 front matter（以 --- 开始、以 --- 结束的字段区）",
                       "在文件第一行写 ---，接着写 title: 等字段，再用一行 --- 结束")
        return None
    lines = text.split("\n")
    for number in range(1, len(lines)):
        if lines[number].rstrip() in ("---", "..."):
            yaml_text = "\n".join(lines[1:number])
            body = "\n".join(lines[number + 1:])
            return yaml_text, 2, body, number + 2
    problems.error(path, 1, "front matter 没有结束的 ---",
                   "在字段区最后一行之后单独写一行 ---，再写正文")
    return None
