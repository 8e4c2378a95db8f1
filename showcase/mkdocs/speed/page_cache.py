"""Rendered pages kept between the builds of one `showcase serve`, keyed by everything they are made of.

A preview rebuild must never show a stale page, so a page's finished HTML is reused only when every
input of it is unchanged:

* the build's global inputs (`global_key`): Showcase's code, the theme folder, the installed
  MkDocs/Material/Markdown, mkdocs.yml and the settings the command line adds, the edition, the list
  of every file of the site (links are resolved against it) and the navigation;
* the page's Markdown as the content templates rendered it from the current model — every record,
  relation and listing the page shows is in that text;
* what the page's theme template (theme/*.html) read from the page spec beyond the Markdown: the spec
  is handed to it as a `ThemeView` that notes each attribute and context entry read, and their
  values are compared by `fingerprint` (a record by its file's bytes). A value that cannot be
  fingerprinted (the whole model, an unknown object) makes the page uncacheable: always rendered.

Nothing here imports MkDocs; showcase/mkdocs/serve.py applies it to `showcase serve`.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from datetime import date, datetime
from pathlib import Path

from showcase.content.records import Record


class Uncacheable(Exception):
    """A value whose every influence on a page can't be captured: the page is always rendered."""


def digest(*parts) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "jinja2", "pymdown-extensions")


def package_versions() -> str:
    """The installed versions of the packages that turn content into pages."""
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for package in PACKAGES:
        try:
            found.append(f"{package}={version(package)}")
        except PackageNotFoundError:
            found.append(f"{package}=?")
    return ";".join(found)


def source_key(src: str, markdown: str, meta: dict) -> str:
    """A page's own input as MkDocs reads it: its path, Markdown body and front matter."""
    return digest(src, markdown, json.dumps(meta, sort_keys=True, default=str, ensure_ascii=False))


def file_digest(path: Path, memo: dict) -> str:
    """sha256 of a file's bytes, once per build (`memo` lives for one build)."""
    path = Path(path)
    if path not in memo:
        try:
            memo[path] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            memo[path] = "missing"
    return memo[path]


def tree_digest(folders, suffixes: tuple = ()) -> str:
    """The names and bytes of every file under `folders` (optionally only some suffixes)."""
    h = hashlib.sha256()
    for folder in folders:
        folder = Path(folder)
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(names):
                if suffixes and not name.endswith(suffixes):
                    continue
                path = Path(root) / name
                h.update(str(path.relative_to(folder)).encode() + b"\0")
                try:
                    h.update(path.read_bytes())
                except OSError:
                    h.update(b"unreadable")
                h.update(b"\0")
    return h.hexdigest()


def fingerprint(value, files: dict, seen: dict | None = None):
    """A hashable summary that changes whenever anything a template could read from `value` changes.
    Records count by their file's bytes (a record's fields come from it and the edition, which is part
    of the global key). Raises Uncacheable for anything else unknown (the model above all)."""
    seen = {} if seen is None else seen
    if value is None or isinstance(value, (bool, int, float, str, date, datetime)):
        return (type(value).__name__, value)
    key = id(value)
    if key in seen:
        return seen[key]
    seen[key] = ("cycle",)
    if isinstance(value, Record):
        result = ("record", value.kind, value.id, str(value.path), file_digest(value.path, files), value.base_line)
    elif isinstance(value, (list, tuple, set, frozenset)):
        items = [fingerprint(v, files, seen) for v in value]
        result = (type(value).__name__, tuple(sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items))
    elif isinstance(value, dict):
        result = ("dict", tuple(sorted(((repr(k), fingerprint(v, files, seen)) for k, v in value.items()))))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type) and type(value).__name__ != "Model":
        result = (type(value).__qualname__,
                  tuple(fingerprint(getattr(value, f.name), files, seen) for f in dataclasses.fields(value)))
    else:
        raise Uncacheable(type(value).__name__)
    seen[key] = result
    return result


class ReadLog(dict):
    """A page spec's context as theme templates see it: a dict that notes every entry they read."""

    def __init__(self, context: dict, reads: set):
        super().__init__(context)
        self._reads = reads

    def __getitem__(self, key):
        self._reads.add(("context", key))
        return super().__getitem__(key)

    def get(self, key, default=None):
        self._reads.add(("context", key))
        return super().get(key, default)

    def __contains__(self, key):
        self._reads.add(("context", key))
        return super().__contains__(key)

    def _all(self):
        self._reads.add(("context", "*"))

    def __iter__(self):
        self._all()
        return super().__iter__()

    def keys(self):
        self._all()
        return super().keys()

    def items(self):
        self._all()
        return super().items()

    def values(self):
        self._all()
        return super().values()

    def __len__(self):
        self._all()
        return super().__len__()


class ThemeView:
    """A PageSpec for theme templates (`showcase` in their context) that notes what they read."""

    def __init__(self, spec, reads: set):
        self._spec = spec
        self._reads = reads

    def __getattr__(self, name):
        value = getattr(self._spec, name)
        if name == "context":
            return ReadLog(value, self._reads)
        self._reads.add(("spec", name))
        return value

    def __bool__(self):
        return True


def reads_fingerprint(spec, reads: set, files: dict):
    """The values `reads` (from a ThemeView) have in `spec` now."""
    values = []
    for kind, name in sorted(reads, key=repr):
        if kind == "spec":
            value = getattr(spec, name, None)
        elif name == "*":
            value = spec.context
        else:
            value = spec.context.get(name)
        values.append((kind, name, fingerprint(value, files)))
    return tuple(values)


@dataclasses.dataclass
class Entry:
    key: str  # global inputs + page path + the page's Markdown
    reads: frozenset  # what the theme template read from the spec
    values: tuple  # reads_fingerprint() when it was rendered
    rendered: object  # mkdocs_pages.Rendered


class PageCache:
    """The serve session's rendered pages and the content files' digests of the previous build."""

    def __init__(self):
        self.entries: dict[str, Entry] = {}
        self.content_digests: dict[Path, str] = {}

    def lookup(self, src: str, key: str, spec, files: dict):
        entry = self.entries.get(src)
        if entry is None or entry.key != key:
            return None
        try:
            if reads_fingerprint(spec, entry.reads, files) != entry.values:
                return None
        except Uncacheable:
            return None
        return entry.rendered

    def store(self, src: str, key: str, spec, reads: set, rendered, files: dict) -> bool:
        try:
            values = reads_fingerprint(spec, reads, files)
        except Uncacheable:
            self.entries.pop(src, None)
            return False
        self.entries[src] = Entry(key, frozenset(reads), values, rendered)
        return True
