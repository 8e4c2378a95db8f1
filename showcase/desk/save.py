"""Writing a record back as an editor would: the same Markdown + YAML, only the changed fields touched.

The YAML (a `.yml` record or a Markdown record's front matter) is edited round-trip with ruamel.yaml, so
comments, key order and quoting inside a changed field survive; then every top-level field whose value
did not change is put back from the original text line for line, so untouched lines stay byte for byte.
A Markdown body the form did not change is kept as it was. Files are written atomically (temp + rename)
and only when the file on disk is still the one the form was opened with (its SHA-256), else `Conflict`
carries both versions.
"""
from __future__ import annotations

import hashlib
import io
import os
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from showcase.content.yaml_round_trip import round_trip

EMPTY = (None, "", [], {})


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def plain(node):
    """ruamel's loaded values as JSON-able data: dates as ISO text, mappings as dicts."""
    if isinstance(node, dict):
        return {str(key): plain(value) for key, value in node.items()}
    if isinstance(node, (list, tuple)):
        return [plain(value) for value in node]
    if isinstance(node, (date, datetime)):
        return node.isoformat()
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return str(node)


# ---- the two parts of a record's file -----------------------------------------------------------

@dataclass
class Parts:
    """A record file cut in its YAML and (for Markdown) the lines around it and the body."""

    yaml_text: str
    opening: str = ""  # "---\n"
    closing: str = ""  # "---\n"
    body: str = ""
    markdown: bool = False

    def join(self) -> str:
        if not self.markdown:
            return self.yaml_text
        return self.opening + self.yaml_text + self.closing + self.body


def split(text: str, markdown: bool) -> Parts:
    if not markdown:
        return Parts(text)
    lines = text.split("\n")
    if lines and lines[0].rstrip() == "---":
        for number in range(1, len(lines)):
            if lines[number].rstrip() in ("---", "..."):
                yaml_text = "".join(line + "\n" for line in lines[1:number])
                return Parts(yaml_text, lines[0] + "\n", lines[number] + "\n", "\n".join(lines[number + 1:]), True)
    return Parts("", "---\n", "---\n", text, True)  # no front matter yet: the form's fields make one


def read_values(text: str, markdown: bool) -> tuple[dict, str]:
    """The record's fields as plain data and its body, for the form."""
    parts = split(text, markdown)
    data = round_trip().load(parts.yaml_text) if parts.yaml_text.strip() else None
    return (plain(data) if isinstance(data, dict) else {}), parts.body


# ---- the new text -------------------------------------------------------------------------------

def updated_text(text: str, markdown: bool, changes: dict, body: str | None, order: list[str]) -> str:
    """`text` with the top-level fields in `changes` set (an empty value removes the field) and, for
    Markdown, the body replaced when `body` is not None. `order`: the schema's field order, where a new
    field is put."""
    parts = split(text, markdown)
    parts.yaml_text = updated_yaml(parts.yaml_text, changes, order)
    if body is not None and body != parts.body:
        parts.body = body if body.endswith("\n") or not body else body + "\n"
    return parts.join()


def updated_yaml(text: str, changes: dict, order: list[str]) -> str:
    yaml = round_trip()
    doc = yaml.load(text) if text.strip() else None
    doc = doc if isinstance(doc, CommentedMap) else CommentedMap()
    old = plain(doc)
    changed = [key for key, value in changes.items() if old.get(key) != (None if value in EMPTY else value)]
    if not changed:
        return text
    for key in changed:
        value = changes[key]
        if value in EMPTY:
            doc.pop(key, None)
        elif key in doc:
            doc[key] = merged(doc[key], value)
        else:
            doc.insert(_position(doc, key, order), key, merged(None, value))
    out = io.StringIO()
    yaml.dump(doc, out)
    return splice(text, out.getvalue(), set(changed))


def merged(old, new):
    """`new` (plain data) as a YAML node, reusing `old`'s node wherever the value is the same, so the
    comments and style inside an edited list or mapping are kept."""
    if old is not None and plain(old) == new:
        return old
    if isinstance(new, dict):
        node = old if isinstance(old, CommentedMap) else CommentedMap()
        for key in [k for k in node if k not in new or new[k] in EMPTY]:
            del node[key]
        for key, value in new.items():
            if value not in EMPTY:
                node[key] = merged(node.get(key), value)
        return node
    if isinstance(new, list):
        before = list(old) if isinstance(old, list) else []
        node = CommentedSeq(merged(before[i] if i < len(before) else None, item) for i, item in enumerate(new))
        if isinstance(old, CommentedSeq) and old.fa.flow_style():
            node.fa.set_flow_style()
        if before and all(isinstance(item, CommentedMap) and item.fa.flow_style() for item in before):
            for item in node[len(before):]:  # a new row written like the rows before it
                if isinstance(item, CommentedMap):
                    item.fa.set_flow_style()
        return node
    if isinstance(new, str) and _iso_date(new):
        return date.fromisoformat(new)
    return new


def _iso_date(text: str) -> bool:
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _position(doc: CommentedMap, key: str, order: list[str]) -> int:
    """Where a new field goes: after the last existing field that comes before it in the schema."""
    rank = {name: i for i, name in enumerate(order)}
    mine = rank.get(key, len(rank))
    keys = list(doc)
    position = 0
    for i, other in enumerate(keys):
        if rank.get(other, -1) < mine:
            position = i + 1
    return position


def blocks(text: str) -> tuple[list[str], dict[str, list[str]], list[str]]:
    """(lines before the first field, each top-level field's lines, the fields in order)."""
    lines = text.splitlines(keepends=True)
    doc = round_trip().load(text) if text.strip() else None
    if not isinstance(doc, CommentedMap) or not doc:
        return lines, {}, []
    keys = list(doc)
    starts = [doc.lc.key(key)[0] for key in keys] + [len(lines)]
    found = {key: lines[starts[i]:starts[i + 1]] for i, key in enumerate(keys)}
    return lines[:starts[0]], found, keys


def splice(original: str, dumped: str, changed: set) -> str:
    """ruamel's dump, with every unchanged top-level field's lines taken from the original text."""
    head, old_blocks, _ = blocks(original)
    new_head, new_blocks, keys = blocks(dumped)
    out = head if old_blocks else new_head
    for key in keys:
        out += old_blocks[key] if key not in changed and key in old_blocks else new_blocks[key]
    text = "".join(out)
    return text if text.endswith("\n") or not text else text + "\n"


# ---- writing ------------------------------------------------------------------------------------

class Conflict(Exception):
    """The file changed on disk since the form was opened."""

    def __init__(self, current: str | None):
        super().__init__("conflict")
        self.current = current


def write_if_unchanged(path: Path, data: bytes, opened_hash: str) -> None:
    """Write `data` atomically, unless the file is not the one the form was opened with ('' = new)."""
    current = path.read_bytes() if path.is_file() else None
    if (current is None and opened_hash) or (current is not None and digest(current) != opened_hash):
        raise Conflict(None if current is None else current.decode("utf-8", errors="replace"))
    write_atomic(path, data)


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if path.exists():
            os.chmod(temp, path.stat().st_mode & 0o777)
        else:
            os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
