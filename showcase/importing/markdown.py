"""The project's Markdown and YAML, written the way the demo content is: front matter with small
objects in flow style (`person: {name: 林倩, position: …}`), lists of objects one per line, bodies with
`##` headings, pipe tables, `![说明](photo-1.jpg "图注")` pictures. Footnotes become circled marks
(①②…) with the notes after the text under “注释：” — the site's Markdown has no footnote extension (it
would turn off the one-line paragraph shortcut of showcase/mkdocs/speed for every page).
"""
from __future__ import annotations

import json
import re
from datetime import date

import yaml

from showcase.importing.docx_reader import Run

FLOW_UNSAFE = re.compile(r"[,\[\]{}]")
LINE_START_ESCAPE = re.compile(r"^([#>+|-])")
FOOTNOTE_TOKEN = re.compile("\x00fn(-?\\d+)\x00")


# ---- YAML ------------------------------------------------------------------------------------------

def scalar(value, flow: bool = False) -> str:
    """One YAML scalar, quoted only when a plain scalar would read back differently."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    try:
        plain_ok = yaml.safe_load(f"k: {text}") == {"k": text}
    except yaml.YAMLError:
        plain_ok = False
    if plain_ok and not (flow and FLOW_UNSAFE.search(text)) and text == text.strip() and "\n" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid double-quoted YAML scalar


def flow(value) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value, flow=True)


def yaml_fields(fields: dict) -> str:
    """Top-level fields in the order given; None values left out; `#` lines (key "#…") as comments."""
    lines = []
    for key, value in fields.items():
        if key.startswith("#"):
            lines.append(f"# {value}")
        elif value is None:
            continue
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{key}:")
            lines.extend(f"  - {flow(item)}" for item in value)
        elif isinstance(value, (dict, list)):
            lines.append(f"{key}: {flow(value)}")
        else:
            lines.append(f"{key}: {scalar(value)}")
    return "\n".join(lines) + "\n"


def page_file(fields: dict, body: str) -> str:
    return f"---\n{yaml_fields(fields)}---\n\n{body.strip()}\n"


# ---- Markdown ----------------------------------------------------------------------------------------

def escape_inline(text: str) -> str:
    """Only what would turn Chinese prose into markup: raw HTML and code spans. `*` and `_` stay as
    written so the text lint still sees a scraper's `中国**党`."""
    return text.replace("\\", "\\\\").replace("`", "\\`").replace("<", "&lt;")


def escape(text: str) -> str:
    """`escape_inline`, and a block marker at the start of the line (#, >, -, +, |) made literal."""
    return LINE_START_ESCAPE.sub(r"\\\1", escape_inline(text))


def inline(runs: list[Run]) -> str:
    """Runs with the same bold/italic merged, then marked up; footnote marks become ①②…"""
    merged: list[Run] = []
    for run in runs:
        if merged and (merged[-1].bold, merged[-1].italic) == (run.bold, run.italic):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic)
        else:
            merged.append(Run(run.text, run.bold, run.italic))
    out = []
    for run in merged:
        text = escape_inline(run.text)
        core = text.strip()
        if not core or not (run.bold or run.italic) or FOOTNOTE_TOKEN.fullmatch(core):
            out.append(text)
            continue
        mark = "***" if run.bold and run.italic else "**" if run.bold else "*"
        out.append(text[: len(text) - len(text.lstrip())] + f"{mark}{core}{mark}" + text[len(text.rstrip()):])
    return footnote_marks(LINE_START_ESCAPE.sub(r"\\\1", "".join(out)))


def footnote_marks(text: str) -> str:
    """Note tokens \x00fn<n>\x00 (already numbered 1, 2, … in reading order) as circled numbers."""
    return FOOTNOTE_TOKEN.sub(lambda m: note_mark(int(m.group(1))), text)


def note_mark(number: int) -> str:
    return chr(0x2460 + number - 1) if 1 <= number <= 20 else f"〔注{number}〕"


def plain(text: str) -> str:
    return footnote_marks(escape(text))


def table(rows: list[list[str]]) -> str:
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    cell = lambda text: plain(text).replace("|", "\\|").replace("\n", " ") or " "  # noqa: E731
    lines = ["| " + " | ".join(cell(c) for c in rows[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows[1:]]
    return "\n".join(lines)


def picture(src: str, caption: str) -> str:
    alt = caption.replace("]", "】").replace("[", "【")
    title = caption.replace('"', "”")
    return f'![{alt}]({src} "{title}")' if caption else f"![]({src})"


def footnotes(notes: list[str]) -> str:
    """The notes in order of their marks, after the text."""
    return "\n\n".join(["注释："] + [f"{note_mark(i)} {plain(text)}" for i, text in enumerate(notes, start=1)])


def numbered(items: list[str], ordered: bool) -> str:
    return "\n".join(f"{'1.' if ordered else '-'} {item}" for item in items)

