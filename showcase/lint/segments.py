"""The published text of content, as segments with the file, line and column they come from.

Two sources:
- YAML values (front matter and data files): the parsed value of each text field, so YAML's own
  quotes and commas are never taken for text; `locate` finds a snippet's raw line and column;
- Markdown (bodies, markdown fields, plain pages): the raw lines, with what is not prose (code,
  link targets, HTML tags, URLs) blanked out to spaces so columns stay true.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from showcase.content.load import classify, split_front_matter
from showcase.content.problems import Problems
from showcase.content.records import Record
from showcase.content.schema import Field, fields_of
from showcase.content.text import read_text

SKIPPED_FIELDS = ("allow", "review_notes")  # the allowances themselves; notes never published


@dataclass
class Segment:
    path: Path
    line: int  # 1-based line of `text` in the file (YAML: the value's key line)
    text: str
    col: int | None = 0  # column of text[0] in the raw line; None: not verbatim from one raw line
    record: Record | None = None
    markdown: bool = False  # Markdown prose (masked) rather than a plain YAML value
    lines: list[str] = field(default_factory=list, repr=False)  # the file's raw lines (for `locate`)
    span: int = 1  # YAML: how many raw lines the value may cover

    def locate(self, start: int, end: int) -> tuple[int, int | None]:
        """(line, column) in the file of text[start:end]; column None when not found verbatim."""
        if self.col is not None:
            return self.line, self.col + start
        snippet = self.text[start:end]
        before = self.text[max(0, start - 2):start]
        after = self.text[end:end + 2]
        for context_before, context_after in ((before, after), ("", "")):
            needle = context_before + snippet + context_after
            if "\n" in needle:
                continue
            for number in range(self.line, min(len(self.lines), self.line + self.span + 2) + 1):
                raw = self.lines[number - 1]
                hits = [m.start() for m in re.finditer(re.escape(needle), raw)]
                if len(hits) == 1:
                    return number, hits[0] + len(context_before)
                if hits:
                    return number, None  # ambiguous on that line: report it, don't fix it
        return self.line, None


def raw_lines(path: Path, cache: dict) -> list[str]:
    if path not in cache:
        cache[path] = (read_text(path, Problems()) or "").split("\n")
    return cache[path]


def record_segments(record: Record, cache: dict) -> list[Segment]:
    """Every published text of one record: its text fields and its Markdown body."""
    lines = raw_lines(record.path, cache)
    segments: list[Segment] = []
    spec = fields_of(record.kind)
    for name, value in record.fields.items():
        if name in SKIPPED_FIELDS or name not in spec:
            continue
        _field_segments(spec[name], value, (name,), record, lines, segments)
    if record.body:
        segments.extend(markdown_segments(record.path, record.body, record.body_line, record))
    return segments


def _field_segments(spec: Field, value, at: tuple, record: Record, lines, out: list[Segment]) -> None:
    if spec.type == "list" and spec.item is not None and isinstance(value, list):
        for i, item in enumerate(value):
            _field_segments(spec.item, item, at + (i,), record, lines, out)
    elif spec.type == "object" and isinstance(value, dict):
        members = {f.name: f for f in spec.fields}
        for key, item in value.items():
            if key in members:
                _field_segments(members[key], item, at + (key,), record, lines, out)
            elif isinstance(item, str):  # free-form objects (score values) hold text keys only
                continue
    elif spec.type in ("text", "markdown") and isinstance(value, str) and value.strip():
        line = record.line(*at)
        if spec.type == "markdown":
            out.extend(markdown_segments(record.path, value, line, record, verbatim=False, lines=lines,
                                         span=value.count("\n") + 1))
        else:
            out.append(Segment(record.path, line, value, None, record, False, lines, value.count("\n") + 1))


# ---- Markdown -----------------------------------------------------------------------------------

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_MASKS = (
    re.compile(r"`+[^`\n]*`+"),  # inline code
    re.compile(r"<!--.*?-->"),  # comments on one line
    re.compile(r"\]\([^)\n]*\)"),  # link and image targets: [text](target "title")
    re.compile(r"^\s*\[[^\]\n]+\]:\s*\S.*$"),  # reference definitions
    re.compile(r"<[A-Za-z/!][^>\n]*>"),  # HTML tags and autolinks
    re.compile(r"\b(?:https?|ftp|mailto|file):[^\s)）\]>]+", re.I),  # bare URLs
    re.compile(r"\{:?\s*[#.][^}\n]*\}"),  # attribute lists { .class #id }
    re.compile(r"^\s*!!!?\s+\w+(?:\s+\"[^\"]*\")?"),  # admonition markers: !!! warning "title"
)


# A character every mask above needs: a line of plain prose is returned at once (issue 10).
_MASK_TRIGGER = re.compile(r"[`<\][{:!]")


def mask_markdown_line(line: str) -> str:
    """The line with everything that is not prose replaced by spaces (same length)."""
    if not _MASK_TRIGGER.search(line):
        return line
    for pattern in _MASKS:
        line = pattern.sub(lambda m: " " * len(m.group(0)), line)
    return line


def markdown_segments(path: Path, text: str, first_line: int, record: Record | None,
                      verbatim: bool = True, lines: list[str] | None = None, span: int = 1) -> list[Segment]:
    """One segment per prose line; `verbatim`: the text's lines are the file's lines from first_line."""
    segments = []
    fence = None
    in_comment = False
    for offset, line in enumerate(text.split("\n")):
        match = FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            continue
        if match:
            fence = match.group(1)
            continue
        if in_comment:
            if "-->" in line:
                in_comment = False
                line = " " * (line.index("-->") + 3) + line[line.index("-->") + 3:]
            else:
                continue
        if "<!--" in line and "-->" not in line[line.index("<!--"):]:
            in_comment = True
            line = line[: line.index("<!--")]
        masked = mask_markdown_line(line)
        if not masked.strip():
            continue
        if verbatim:
            segments.append(Segment(path, first_line + offset, masked, 0, record, True))
        else:
            segments.append(Segment(path, first_line, masked, None, record, True, lines or [], span))
    return segments


def plain_page_segments(root: Path, cache: dict) -> list[Segment]:
    """Markdown pages that are no record (content/index.md, about.md …): their body text."""
    segments = []
    for path in plain_page_paths(root):
        text = "\n".join(raw_lines(path, cache))
        body, first = text, 1
        if text.startswith("---\n"):
            split = split_front_matter(text, path, Problems())
            if split is None:
                continue
            yaml_text, _yaml_line, body, first = split
            lines = yaml_text.split("\n")
            for number, raw in enumerate(lines, start=2):  # front matter values, e.g. title
                key, sep, value = raw.partition(":")
                if sep and value.strip() and re.match(r"^[A-Za-z_]\w*$", key.strip()):
                    segments.append(Segment(path, number, value.strip().strip("\"'"), None, None, False,
                                            raw_lines(path, cache), 1))
        segments.extend(markdown_segments(path, body, first, None))
    return segments


def plain_page_paths(root: Path) -> list[Path]:
    """Markdown files under `root` that are no record (load.py calls them pages)."""
    root = Path(root)
    if not root.is_dir():
        return []
    # os.walk and sorting by parts (Path's own order): pathlib's rglob and Path comparisons took a
    # second per check on 5,000 pages (issue 10).
    found = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = Path(folder).relative_to(root)
        found.extend(rel / name for name in names if name.endswith(".md") and not name.startswith("."))
    return [root / rel for rel in sorted(found, key=lambda p: p.parts) if classify(rel)[0] is None]
